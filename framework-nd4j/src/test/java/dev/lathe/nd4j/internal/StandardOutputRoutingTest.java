package dev.lathe.nd4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.slf4j.event.EventRecordingLogger;
import org.slf4j.event.Level;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.SubstituteLogger;

class StandardOutputRoutingTest {

  private final Queue<SubstituteLoggingEvent> events = new ArrayDeque<>();
  private final EventRecordingLogger log =
      new EventRecordingLogger(new SubstituteLogger("test", events, false), events);

  @Test
  void theCallingThreadsLinesGoToTheLogAndOtherThreadsStillPrint() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream stdout = new PrintStream(printed, true, Charset.defaultCharset());
    System.setOut(stdout);
    try {
      String result = StandardOutputRouting.toLog(log, () -> {
        System.out.println("Added differentiated op matmul");
        System.out.print("partial ");
        System.out.println("line");
        Thread other = new Thread(() -> System.out.println("from another thread"));
        other.start();
        try {
          other.join();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        System.out.print("unterminated");
        return "done";
      });
      assertEquals("done", result);
      assertSame(stdout, System.out, "standard output is restored");
    } finally {
      System.setOut(original);
    }
    assertEquals("from another thread" + System.lineSeparator(),
        printed.toString(Charset.defaultCharset()));
    assertEquals(3, events.size());
    assertEquals("Added differentiated op matmul", events.poll().getArgumentArray()[0]);
    assertEquals("partial line", events.poll().getArgumentArray()[0]);
    SubstituteLoggingEvent last = events.poll();
    assertEquals("unterminated", last.getArgumentArray()[0]);
    assertEquals(Level.DEBUG, last.getLevel());
  }

  @Test
  void standardOutputIsRestoredWhenTheActionThrows() {
    PrintStream before = System.out;
    assertThrows(IllegalStateException.class, () -> StandardOutputRouting.toLog(log, () -> {
      throw new IllegalStateException("boom");
    }));
    assertSame(before, System.out);
  }
}
