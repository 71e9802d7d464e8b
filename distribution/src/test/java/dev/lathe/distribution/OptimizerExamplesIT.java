package dev.lathe.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.api.optimize.ParetoFront;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optimizer examples ({@code examples/evolution-hartmann6.yaml}, {@code nsga2-zdt1.yaml},
 * {@code grid-branin.yaml}) run with the real CLI, with smaller budgets where the full one would
 * be slow, and reach what they are for.
 */
class OptimizerExamplesIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static String example(String name) {
    return Cli.ROOT.resolve("examples").resolve(name).toString();
  }

  /** The records of {@code trials.jsonl} in a results folder, by trial number. */
  private static List<JsonNode> trials(Path out) throws IOException {
    List<JsonNode> trials = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("trials.jsonl"))) {
      trials.add(JSON.readTree(line));
    }
    trials.sort(Comparator.comparingLong(t -> t.get("n").asLong()));
    return trials;
  }

  private static double bestValue(Path out) throws IOException {
    return JSON.readTree(out.resolve("summary.json").toFile()).get("best").get("value")
        .asDouble();
  }

  @Test
  void evolutionOnHartmann6ImprovesAndResumesFromItsCheckpointExactly() throws Exception {
    Path whole = dir.resolve("whole");
    Cli.Result r = Cli.run(dir, "run", example("evolution-hartmann6.yaml"), "--out",
        whole.toString(), "--quiet", "--set", "budget.trials=150");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("150 trials, 150 completed, 0 failed"), r.toString());

    // stopped after 60 trials, a multiple of the batch (4), so that every candidate is asked
    // after the same tells as in the uninterrupted run
    Path parts = dir.resolve("parts");
    Cli.Result first = Cli.run(dir, "run", example("evolution-hartmann6.yaml"), "--out",
        parts.toString(), "--quiet", "--set", "budget.trials=60");
    assertEquals(0, first.exit(), first.toString());
    Cli.Result rest = Cli.run(dir, "resume", parts.toString(), "--quiet", "--set",
        "budget.trials=150");
    assertEquals(0, rest.exit(), rest.toString());
    List<JsonNode> uninterrupted = trials(whole);
    List<JsonNode> resumed = trials(parts);
    assertEquals(150, resumed.size());
    for (int i = 0; i < 150; i++) {
      assertEquals(uninterrupted.get(i).get("x"), resumed.get(i).get("x"), "trial " + i
          + " of the run resumed after 60 trials differs from the uninterrupted run's");
    }

    // Hartmann-6's minimum is -3.32237; random search's best of 300 draws has a median of about
    // -2.5 over ten seeds
    double best = bestValue(whole);
    assertTrue(best < -2.8 && best >= -3.32237 - 5e-6, "best " + best);
  }

  @Test
  void nsga2OnZdt1ApproachesTheParetoFront() throws Exception {
    Path out = dir.resolve("zdt1");
    Cli.Result r = Cli.run(dir, "run", example("nsga2-zdt1.yaml"), "--out", out.toString(),
        "--quiet", "--set", "budget.trials=4800");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("4800 trials, 4800 completed, 0 failed"), r.toString());
    assertTrue(Files.isRegularFile(out.resolve("pareto.png")));
    JsonNode front = JSON.readTree(out.resolve("summary.json").toFile()).get("pareto_front");
    assertTrue(front.get("hypervolume").asDouble() > 0, front.toString());
    double[][] points = StreamSupport.stream(front.get("trials").spliterator(), false)
        .map(t -> new double[] {t.get("values").get("f1").asDouble(),
            t.get("values").get("f2").asDouble()})
        .toArray(double[][]::new);
    assertTrue(points.length >= 20, points.length + " points on the front");
    // the true front's hypervolume with respect to (1, 1) is 2/3; random search's is 0
    double hypervolume = ParetoFront.hypervolume(points, new double[] {1, 1});
    assertTrue(hypervolume > 0.55 && hypervolume < 2.0 / 3, "hypervolume " + hypervolume);
  }

  @Test
  void gridOnBraninAsksEveryGridPointOnceThenSaysItRepeats() throws Exception {
    Path out = dir.resolve("grid");
    Cli.Result r = Cli.run(dir, "run", example("grid-branin.yaml"), "--out", out.toString(),
        "--quiet");
    assertEquals(0, r.exit(), r.toString());
    List<JsonNode> trials = trials(out);
    assertEquals(441, trials.size());
    Set<String> points = new HashSet<>();
    double least = Double.POSITIVE_INFINITY;
    for (JsonNode t : trials) {
      double x1 = t.get("x").get("x1").asDouble();
      double x2 = t.get("x").get("x2").asDouble();
      assertEquals(Math.round((x1 + 5) / 0.75) * 0.75 - 5, x1, 1e-9, t.toString());
      assertEquals(Math.round(x2 / 0.75) * 0.75, x2, 1e-9, t.toString());
      points.add(x1 + "," + x2);
      least = Math.min(least, branin(x1, x2));
    }
    assertEquals(441, points.size(), "every grid point once");
    assertEquals(branin(3.25, 2.25), least, 1e-12);
    assertEquals(least, bestValue(out), 1e-9);

    Cli.Result more = Cli.run(dir, "run", example("grid-branin.yaml"), "--out",
        dir.resolve("more").toString(), "--quiet", "--set", "budget.trials=450");
    assertEquals(0, more.exit(), more.toString());
    assertTrue(more.err().contains("asked all 441 points of the grid of space 'branin'"
        + " that it accepts (441 points in all); starting pass 2"), more.toString());

    Cli.Result big = Cli.run(dir, "run", example("grid-branin.yaml"), "--out",
        dir.resolve("big").toString(), "--quiet", "--set", "optimizer.points=400");
    assertEquals(3, big.exit(), big.toString());
    assertTrue(big.err().contains("the grid of space 'branin' has 160000 points (x1: 400 × x2:"
        + " 400), more than max_size 100000"), big.toString());
  }

  /** Branin–Hoo, written out here so that the check does not rely on the plugin's code. */
  private static double branin(double x1, double x2) {
    double b = 5.1 / (4 * Math.PI * Math.PI);
    double c = 5 / Math.PI;
    double t = 1 / (8 * Math.PI);
    double inner = x2 - b * x1 * x1 + c * x1 - 6;
    return inner * inner + 10 * (1 - t) * Math.cos(x1) + 10;
  }
}
