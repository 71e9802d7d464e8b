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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gcnrl plugin end to end: its example experiment through the kernel, and
 * {@code lathe reproduce gcnrl --quick} with every peer (the baselines plugin's optimizers and
 * Optuna's TPE) in the table and its plots on disk.
 */
class GcnrlIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void exampleSizesTheThreeStageTiaThroughTheKernel() throws Exception {
    Cli.Result r = Cli.run(dir, "run", Cli.ROOT.resolve("examples/gcnrl-tia3.yaml").toString());
    assertEquals(0, r.exit(), r.toString());
    Path trials = dir.resolve("results/gcnrl-tia3/trials.jsonl");
    List<String> lines = Files.readAllLines(trials);
    assertEquals(40, lines.size(), r.toString());
    long withFom = lines.stream().filter(l -> l.contains("\"fom\"")).count();
    assertTrue(withFom >= 30, withFom + " of 40 trials have a figure of merit: " + r);
  }

  @Test
  void quickReproductionComparesEveryMethodAndPlots() throws Exception {
    ProcessBuilder pb = Cli.command(dir, "reproduce", "gcnrl", "--quick", "--format", "json");
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "lathe reproduce gcnrl --quick ran over five"
        + " minutes");
    Cli.Result r = new Cli.Result(p.exitValue(), Files.readString(out), Files.readString(err));
    JsonNode report = JSON.readTree(r.out());
    assertEquals("gcnrl", report.get("paper").asText(), r.toString());
    List<String> ids = new ArrayList<>();
    boolean anyNotReproduced = false;
    for (JsonNode claim : report.get("claims")) {
      ids.add(claim.get("id").asText());
      anyNotReproduced |= claim.get("verdict").asText().equals("not_reproduced");
      if (claim.get("id").asText().startsWith("fom-")) {
        for (String method : List.of("gcn-ddpg", "mlp-ddpg", "gp-ei", "cmaes", "random",
            "optuna-tpe", "human")) {
          assertTrue(claim.get("lathe").asText().contains(method + " "), method + " in " + claim);
        }
      }
    }
    assertEquals(List.of("hand-calculation", "fom-opamp2", "fom-tia2", "fom-tia3",
        "transfer-node", "transfer-topology"), ids, r.toString());
    assertEquals("reproduced", report.get("claims").get(0).get("verdict").asText(), r.toString());
    assertEquals(anyNotReproduced ? 6 : 0, r.exit(), r.toString());
    try (Stream<Path> files = Files.walk(dir)) {
      List<String> pngs = files.map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".png")).sorted().toList();
      assertTrue(pngs.containsAll(List.of("fom-opamp2.png", "fom-tia2.png", "fom-tia3.png")),
          pngs.toString());
    }
  }
}
