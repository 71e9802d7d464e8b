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
 * The SpArch plugin from the real CLI: {@code lathe reproduce sparch --quick} runs the ablation
 * ladder on the shipped SuiteSparse and generated matrices within the quick mode's three
 * minutes, with every simulated product exact.
 */
class SparchIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void reproducesTheAblationInQuickMode() throws Exception {
    ProcessBuilder pb = Cli.command(dir, "reproduce", "sparch", "--quick", "--format", "json");
    pb.command().add(1, "-Dorg.slf4j.simpleLogger.log.lathe.plugin.sparch=info");
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "lathe reproduce sparch --quick ran over three"
        + " minutes");
    Cli.Result r = new Cli.Result(p.exitValue(), Files.readString(out), Files.readString(err));
    JsonNode report = JSON.readTree(r.out());
    assertEquals("sparch", report.get("paper").asText(), r.toString());
    assertEquals("quick", report.get("mode").asText());
    List<String> ids = new ArrayList<>();
    for (JsonNode claim : report.get("claims")) {
      ids.add(claim.get("id").asText());
      assertEquals("simulated", claim.get("origin").asText(), claim.toString());
      if (!claim.get("id").asText().equals("exact-product")) {
        assertTrue(claim.get("lathe").asText().matches("\\d+\\.\\d\\dx .*\\(geometric mean\\)"),
            claim.toString());
        assertTrue(claim.get("note").asText().contains("G51 "), claim.toString());
      }
    }
    assertEquals(List.of("condensing", "huffman", "prefetch", "vs-outerspace", "speedup",
        "exact-product"), ids);
    JsonNode exact = report.get("claims").get(5);
    assertEquals("reproduced", exact.get("verdict").asText(), exact.toString());
    assertEquals("C exact on 8 of 8 matrices", exact.get("lathe").asText());
    boolean anyNotReproduced = false;
    for (JsonNode claim : report.get("claims")) {
      anyNotReproduced |= claim.get("verdict").asText().equals("not_reproduced");
    }
    assertEquals(anyNotReproduced ? 6 : 0, r.exit(), r.toString());
    // one progress line per matrix, at INFO under the plugin's logger
    assertTrue(r.err().contains("G51: 1000 x 1000, 11818 entries; OuterSPACE"), r.toString());
  }
}
