package dev.lathe.nd4j.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Runs an action that prints to standard output (ND4J's SameDiff prints a line per
 * differentiated op, unconditionally) with the lines that the calling thread prints sent to a
 * logger at DEBUG instead. Other threads keep printing to the real standard output meanwhile.
 */
public final class StandardOutputRouting {

  private static final Object LOCK = new Object();

  private StandardOutputRouting() {}

  /**
   * The result of {@code action}, run with this thread's standard output going to {@code log} at
   * DEBUG, one message per line; standard output is restored afterwards, also when it throws.
   */
  public static <T> T toLog(Logger log, Supplier<T> action) {
    synchronized (LOCK) {
      PrintStream original = System.out;
      Charset charset = Charset.defaultCharset();
      LineRouter router = new LineRouter(original, Thread.currentThread(), log, charset);
      System.setOut(new PrintStream(router, true, charset));
      try {
        return action.get();
      } finally {
        System.setOut(original);
        router.flushPartialLine();
      }
    }
  }

  /** Collects the owner thread's bytes into lines for the log; passes other threads' through. */
  private static final class LineRouter extends OutputStream {
    private final PrintStream original;
    private final Thread owner;
    private final Logger log;
    private final Charset charset;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineRouter(PrintStream original, Thread owner, Logger log, Charset charset) {
      this.original = original;
      this.owner = owner;
      this.log = log;
      this.charset = charset;
    }

    @Override
    public synchronized void write(int b) {
      if (Thread.currentThread() != owner) {
        original.write(b);
      } else if (b == '\n') {
        emit();
      } else if (b != '\r') {
        line.write(b);
      }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      if (Thread.currentThread() != owner) {
        original.write(bytes, offset, length);
        return;
      }
      for (int i = offset; i < offset + length; i++) {
        write(bytes[i]);
      }
    }

    @Override
    public void flush() {
      original.flush();
    }

    synchronized void flushPartialLine() {
      if (line.size() > 0) {
        emit();
      }
    }

    private void emit() {
      log.debug("{}", line.toString(charset));
      line.reset();
    }
  }
}
