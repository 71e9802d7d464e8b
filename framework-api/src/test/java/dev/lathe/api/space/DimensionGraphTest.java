package dev.lathe.api.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DimensionGraphTest {

  private static DimensionGraph.Vertex vertex(String name, double... features) {
    return new DimensionGraph.Vertex(name, features, List.of(name + ".w"));
  }

  @Test
  void keepsItsOwnCopiesOfFeaturesAndAdjacency() {
    double[] features = {1, 0};
    boolean[][] adjacency = {{false, true}, {true, false}};
    DimensionGraph graph = new DimensionGraph(
        List.of(new DimensionGraph.Vertex("m1", features, List.of("m1.w")), vertex("m2", 0, 1)),
        adjacency);
    features[0] = 7;
    adjacency[0][1] = false;
    graph.vertices().get(0).features()[1] = 9;
    graph.adjacency()[1][0] = false;
    assertArrayEquals(new double[] {1, 0}, graph.vertices().get(0).features());
    assertTrue(graph.adjacency()[0][1]);
    assertTrue(graph.adjacency()[1][0]);
    assertEquals(2, graph.featureCount());
  }

  @Test
  void graphsWithTheSameVerticesAndEdgesAreEqual() {
    DimensionGraph a = new DimensionGraph(List.of(vertex("m1", 1, 0), vertex("m2", 0, 1)),
        new boolean[][] {{false, true}, {true, false}});
    DimensionGraph b = new DimensionGraph(List.of(vertex("m1", 1, 0), vertex("m2", 0, 1)),
        new boolean[][] {{false, true}, {true, false}});
    DimensionGraph unjoined = new DimensionGraph(List.of(vertex("m1", 1, 0), vertex("m2", 0, 1)),
        new boolean[2][2]);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertFalse(a.equals(unjoined));
    assertFalse(a.vertices().get(0).equals(vertex("m1", 1, 1)));
  }

  @Test
  void refusesAnAsymmetricOrMisshapenAdjacency() {
    List<DimensionGraph.Vertex> two = List.of(vertex("a", 1), vertex("b", 2));
    assertEquals("adjacency is not symmetric at 1, 0", assertThrows(IllegalArgumentException.class,
        () -> new DimensionGraph(two, new boolean[][] {{false, true}, {false, false}}))
        .getMessage());
    assertEquals("adjacency has 1 rows for 2 vertices", assertThrows(
        IllegalArgumentException.class, () -> new DimensionGraph(two, new boolean[][] {{false}}))
        .getMessage());
    assertEquals("adjacency row 1 has 1 entries for 2 vertices", assertThrows(
        IllegalArgumentException.class,
        () -> new DimensionGraph(two, new boolean[][] {{false, false}, {false}})).getMessage());
  }

  @Test
  void refusesVerticesWithDifferentFeatureCountsOrNoVertices() {
    assertEquals("vertex 'b' has 2 features, vertex 'a' has 1", assertThrows(
        IllegalArgumentException.class, () -> new DimensionGraph(
            List.of(vertex("a", 1), vertex("b", 1, 2)), new boolean[2][2])).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new DimensionGraph(List.of(), new boolean[0][0]));
  }

  @Test
  void aSpaceHasNoStructureByDefault() {
    SearchSpace space = new SearchSpace() {
      @Override
      public String id() {
        return "plain";
      }

      @Override
      public List<Dimension> dimensions() {
        return List.of(RealDimension.of("x", 0, 1));
      }
    };
    assertFalse(space.structure().isPresent());
  }
}
