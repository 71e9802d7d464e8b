package dev.lathe.plugin.spanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.graph.Graph;
import dev.lathe.api.graph.StronglyConnectedComponents;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GraphFamilyTest {

  @ParameterizedTest
  @EnumSource(GraphFamily.class)
  void graphsAreStronglyConnectedSeededAndOfTheAskedSize(GraphFamily family) {
    Graph g = family.generate(3_000, 4, 11);
    assertEquals(1, StronglyConnectedComponents.of(g).count(), family.label());
    assertTrue(g.vertexCount() >= 1_500 && g.vertexCount() <= 3_100, g.toString());
    assertTrue(g.edgeCount() >= 2 * g.vertexCount(), g.toString());
    assertEquals(g, family.generate(3_000, 4, 11));
    assertNotEquals(g, family.generate(3_000, 4, 12));
    for (int e = 0; e < g.edgeCount(); e++) {
      assertTrue(g.weight(e) >= 1 && g.weight(e) < 100, "weight " + g.weight(e));
    }
  }

  @ParameterizedTest
  @EnumSource(GraphFamily.class)
  void degreeSetsTheDensityOfTheUniformAndWebFamilies(GraphFamily family) {
    Graph sparse = family.generate(2_000, 2, 3);
    Graph dense = family.generate(2_000, 16, 3);
    double ratio = (double) dense.edgeCount() / dense.vertexCount()
        / ((double) sparse.edgeCount() / sparse.vertexCount());
    if (family == GraphFamily.GRID) {
      assertEquals(1, ratio, 1e-12);
    } else {
      assertTrue(ratio > 4, family + ": density ratio " + ratio);
    }
  }

  @ParameterizedTest
  @EnumSource(GraphFamily.class)
  void refusesEmptySizes(GraphFamily family) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> family.generate(0, 4, 1));
    assertEquals("graph family " + family.label()
        + " needs n >= 1 and degree >= 1, got n = 0, degree = 4", e.getMessage());
  }
}
