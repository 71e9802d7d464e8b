package dev.lathe.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of the Bayesian optimisation and CMA-ES optimizers, run as they are by the real
 * {@code lathe} command (with smaller budgets): the plugin module and commons-math3, an automatic
 * module, resolve on the distribution's module path, the runs complete, and a gp-ei run resumes
 * from its checkpoint in a new process.
 */
class BayesExamplesIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static double bestValue(Path out) throws Exception {
    return JSON.readTree(out.resolve("summary.json").toFile()).get("metrics").get("value")
        .get("min").asDouble();
  }

  private static String optimizerId(Path out) throws Exception {
    JsonNode provenance = JSON.readTree(out.resolve("provenance.json").toFile());
    return StreamSupport.stream(provenance.get("plugins").spliterator(), false)
        .filter(p -> p.get("role").asText().equals("optimizer")).findFirst().orElseThrow()
        .get("id").asText();
  }

  @Test
  void gpEiOnBraninRunsAndResumesFromItsCheckpoint() throws Exception {
    Path out = dir.resolve("gp");
    String example = Cli.ROOT.resolve("examples/gp-ei-branin.yaml").toString();
    Cli.Result r = Cli.run(dir, "run", example, "--out", out.toString(),
        "--set", "budget.trials=20");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("20 trials, 20 completed, 0 failed"), r.toString());
    assertEquals("gp-ei", optimizerId(out));
    assertTrue(Files.isRegularFile(out.resolve("checkpoint.json")), "checkpoint.json");
    double after20 = bestValue(out);

    Cli.Result resumed = Cli.run(dir, "resume", out.toString(), "--set", "budget.trials=30");
    assertEquals(0, resumed.exit(), resumed.toString());
    List<String> trials = Files.readAllLines(out.resolve("trials.jsonl"));
    assertEquals(30, trials.size());
    assertEquals(30, CommandLineIT.ids(trials).size());
    double after30 = bestValue(out);
    assertTrue(after30 <= after20, after20 + " then " + after30);
    assertTrue(after30 < 0.5, "best of 30 trials " + after30 + " (minimum 0.397887)");
  }

  @Test
  void cmaesOnHartmann6RunsAsItIs() throws Exception {
    Path out = dir.resolve("cma");
    Cli.Result r = Cli.run(dir, "run", Cli.ROOT.resolve("examples/cmaes-hartmann6.yaml")
        .toString(), "--out", out.toString(), "--set", "budget.trials=90");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("90 trials, 90 completed, 0 failed"), r.toString());
    assertEquals("cmaes", optimizerId(out));
    assertTrue(bestValue(out) < -2.0, "best of 90 trials " + bestValue(out));
  }

  @Test
  void describeListsTheOptimizersParameters() throws Exception {
    Cli.Result gp = Cli.run(dir, "describe", "gp-ei");
    assertEquals(0, gp.exit(), gp.toString());
    for (String parameter : List.of("initial_points", "initial_design", "batch_strategy",
        "acquisition_samples", "refine_starts", "fit_starts", "xi")) {
      assertTrue(gp.out().contains(parameter), parameter + " in " + gp);
    }
    Cli.Result cma = Cli.run(dir, "describe", "cmaes");
    assertEquals(0, cma.exit(), cma.toString());
    for (String parameter : List.of("sigma0", "population", "restarts")) {
      assertTrue(cma.out().contains(parameter), parameter + " in " + cma);
    }
  }
}
