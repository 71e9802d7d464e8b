package dev.lathe.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spanner plugin from the real CLI: described, and its reproduction in quick mode, where every
 * spanner built on the generated graphs is verified exactly and none may exceed its bound.
 */
class SpannerIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void describesTheGraphAlgorithmAndItsParameters() throws Exception {
    Cli.Result r = Cli.run(dir, "describe", "spanner");
    assertEquals(0, r.exit(), r.toString());
    for (String parameter : List.of("method", "k", "sources", "epsilon", "confidence")) {
      assertTrue(r.out().contains(parameter), parameter + " in " + r);
    }
    assertTrue(r.out().contains("2004.05721"), r.toString());
  }

  @Test
  void reproducesTheQuickModeWithinThreeMinutes() throws Exception {
    ProcessBuilder pb = Cli.command(dir, "reproduce", "spanner", "--quick", "--format", "json");
    pb.environment().put("LATHE_DATA_DIR", dir.resolve("no-data").toString());
    pb.command().add(1, "-Xmx1g");
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "lathe reproduce spanner --quick ran over three"
        + " minutes");
    Cli.Result r = new Cli.Result(p.exitValue(), Files.readString(out), Files.readString(err));
    JsonNode report = JSON.readTree(r.out());
    assertEquals("spanner", report.get("paper").asText(), r.toString());
    assertEquals("quick", report.get("mode").asText());
    List<String> ids = new ArrayList<>();
    report.get("claims").forEach(c -> ids.add(c.get("id").asText()));
    assertEquals(List.of("stretch", "size", "time-vs-m", "time-vs-s", "crossover",
        "real-graphs"), ids);
    JsonNode stretch = report.get("claims").get(0);
    assertEquals("reproduced", stretch.get("verdict").asText(), r.toString());
    assertTrue(stretch.get("lathe").asText().endsWith("0 of 118 spanners above their bound"),
        r.toString());
    JsonNode real = report.get("claims").get(5);
    assertEquals("partial", real.get("verdict").asText(), r.toString());
    assertTrue(real.get("note").asText().contains("run benchmarks/fetch-graph-data.sh"),
        r.toString());
    boolean anyFailed = false;
    for (JsonNode c : report.get("claims")) {
      anyFailed |= c.get("verdict").asText().equals("not_reproduced");
    }
    assertEquals(anyFailed ? 6 : 0, r.exit(), r.toString());
  }
}
