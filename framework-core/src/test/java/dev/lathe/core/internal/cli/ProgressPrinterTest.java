package dev.lathe.core.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.store.TrialRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

  private static TrialRecord trial(long n, boolean failed) {
    return new TrialRecord("id" + n, n, 1, Candidate.of(Map.of("x", 1.0)),
        failed ? TrialRecord.Status.FAILED : TrialRecord.Status.COMPLETED, Metrics.empty(),
        failed ? "boom" : null, Instant.EPOCH, Duration.ZERO, "local/1");
  }

  private static String drive(boolean terminal, long stored) {
    StringWriter text = new StringWriter();
    ProgressPrinter p = new ProgressPrinter(new PrintWriter(text, true), terminal);
    p.started("demo", 20, stored);
    for (long n = 0; n < 20; n++) {
      p.trialFinished(trial(n, n % 5 == 0), n < stored, n + 1, OptionalDouble.of(1.5));
    }
    return text.toString();
  }

  @Test
  void plainOutputPrintsTheFirstTrialThenALineAtEveryTenthOfTheBudget() {
    List<String> lines = drive(false, 0).lines().toList();
    assertEquals("Running 'demo': 20 trials.", lines.get(0));
    assertEquals(12, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(1).startsWith("[#.............................] 1/20 trials"), lines.get(1));
    assertTrue(lines.get(11).startsWith("[##############################] 20/20 trials  best 1.50000"
        + "  failed 4"), lines.get(11));
  }

  @Test
  void terminalOutputRedrawsOneLineInPlace() {
    String out = drive(true, 0);
    String[] lines = out.split("\n");
    assertEquals("Running 'demo': 20 trials.", lines[0]);
    assertTrue(lines[1].startsWith("\r["), lines[1]);
    assertTrue(lines[1].contains("\u001b[K"), "clears the rest of the line");
    assertTrue(out.matches("(?s).*20/20 trials  best 1\\.50000  failed 4  [0-9.]+ trials/s"
        + "\u001b\\[K\n"), out);
  }

  @Test
  void resumeSaysHowManyTrialsAreStoredAndCountsReuse() {
    String out = drive(false, 6);
    assertTrue(out.startsWith("Resuming 'demo': 6 trials stored, budget 20 trials.\n"), out);
    assertTrue(out.contains("20/20 trials  best 1.50000  failed 4  reused 6"), out);
  }
}
