package dev.lathe.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.graph.Graph;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.sparse.SparseMatrix;
import dev.lathe.api.sparse.SparseProduct;
import dev.lathe.core.ExperimentResult;
import dev.lathe.core.Lathe;
import dev.lathe.core.LatheException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an embedder writes: a few lines of Java, plain result objects back. */
class EmbeddingTest {

  @Test
  void anExperimentInAFewLines() {
    ExperimentResult r = Lathe.experiment()
        .space("hartmann6").evaluator("hartmann6").optimizer("random")
        .minimize("value").trials(300).seed(5)
        .run();
    assertEquals(300, r.trials().size());
    assertTrue(r.folder().isEmpty(), "kept in memory");
    double best = r.best().orElseThrow().metrics().value("value");
    assertTrue(best < -1.5 && best > -3.32237, "300 random points of Hartmann-6 reach " + best);
  }

  @Test
  void twoObjectivesGiveAParetoFrontAndAFolderLikeTheCommandLine(@TempDir Path dir) {
    ExperimentResult r = Lathe.experiment()
        .space("zdt1", Map.of("dimensions", 5)).evaluator("zdt1", Map.of("dimensions", 5))
        .optimizer("random").minimize("f1").minimize("f2").trials(200).batch(8)
        .output(dir.resolve("zdt1"))
        .run();
    assertTrue(r.paretoFront().size() >= 3, "front of " + r.paretoFront().size());
    for (var a : r.paretoFront()) {
      for (var b : r.trials()) {
        boolean dominates = b.metrics().value("f1") <= a.metrics().value("f1")
            && b.metrics().value("f2") <= a.metrics().value("f2")
            && (b.metrics().value("f1") < a.metrics().value("f1")
                || b.metrics().value("f2") < a.metrics().value("f2"));
        assertTrue(!dominates, b.number() + " dominates front member " + a.number());
      }
    }
    assertTrue(Files.isRegularFile(dir.resolve("zdt1/pareto.png")));
  }

  @Test
  void mistakesAreTheSameOneLineErrorsAsOnTheCommandLine() {
    LatheException e = org.junit.jupiter.api.Assertions.assertThrows(LatheException.class,
        () -> Lathe.experiment().space("branin").evaluator("branin").optimizer("randon")
            .minimize("value").trials(5).run());
    assertEquals(LatheException.Kind.CONFIGURATION, e.kind());
    assertEquals("experiment 'experiment': optimizer.plugin: unknown optimizer 'randon';"
        + " did you mean 'random'?", e.getMessage());
  }

  @Test
  void onePluginCalledDirectly(@TempDir Path dir) throws Exception {
    SparseMatrix a = SparseMatrix.builder(3, 3).add(0, 1, 2).add(1, 2, 3).add(2, 0, 4).build();
    Graph ring = Graph.builder(3).addEdge(0, 1, 1).addEdge(1, 2, 1).addEdge(2, 0, 1).build();
    try (Lathe lathe = Lathe.open(dir)) {
      Metrics cost = lathe.accelerator("sparch", List.of("design=outerspace"))
          .estimate(SparseProduct.square("ring", a));
      assertEquals(3, cost.value("partial_products"));
      Graph spanner = (Graph) lathe.graphAlgorithm("spanner", List.of("method=exact"), 1)
          .compute(ring);
      assertEquals(3, spanner.edgeCount());
      LatheException e = org.junit.jupiter.api.Assertions.assertThrows(LatheException.class,
          () -> lathe.accelerator("sparc", List.of()));
      assertEquals(LatheException.Kind.CONFIGURATION, e.kind());
      assertTrue(e.getMessage().startsWith("no accelerator 'sparc'; did you mean 'sparch'?"),
          e.getMessage());
    }
  }
}
