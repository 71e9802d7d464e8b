package dev.lathe.plugin.spanner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.graph.Graph;
import dev.lathe.api.spi.GraphAlgorithmProvider;
import dev.lathe.testkit.tck.GraphAlgorithmContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/**
 * The graph-algorithm contract for each method of {@code spanner}, each result verified exactly
 * against the stretch its method claims.
 */
class SpannerContractTest {

  abstract static class Method extends GraphAlgorithmContract {

    abstract String method();

    @Override
    protected GraphAlgorithmProvider provider() {
      return new SpannerProvider();
    }

    @Override
    protected Map<String, String> settings() {
      return Map.of("method", method(), "k", "3", "sources", "5");
    }

    @Override
    protected List<Graph> graphs() {
      List<Graph> graphs = new ArrayList<>(super.graphs());
      graphs.add(GraphFamily.WEB.generate(200, 6, seed()));
      return graphs;
    }

    @Override
    protected void checkResult(Graph graph, Object result) {
      Graph spanner = (Graph) result;
      SourcewiseSpannersTest.assertSubgraph(graph, spanner);
      SourcewiseSpanner algorithm = (SourcewiseSpanner) newAlgorithm();
      int[] sources = Sources.evenlySpaced(graph.vertexCount(), 5);
      RoundTripStretch stretch = RoundTripStretch.measure(graph, spanner, sources);
      double bound = algorithm.stretchBound(graph.vertexCount(), sources.length);
      assertTrue(stretch.max() <= bound, method() + " on " + graph + ": " + stretch
          + " above " + bound);
    }
  }

  @Nested
  class Roundtrip extends Method {
    @Override
    String method() {
      return "roundtrip";
    }
  }

  @Nested
  class Exact extends Method {
    @Override
    String method() {
      return "exact";
    }
  }

  @Nested
  class Cover extends Method {
    @Override
    String method() {
      return "cover";
    }
  }
}
