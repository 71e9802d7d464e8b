package dev.lathe.plugin.spanner;

import dev.lathe.api.graph.GraphAlgorithm;
import dev.lathe.api.spi.GraphAlgorithmProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.Settings;
import java.util.List;

/**
 * The provider of the graph algorithm {@code spanner}: a source-wise round-trip spanner of the
 * input graph (the kept subgraph, same vertices) for {@code sources} evenly spaced sources, by
 * the randomised construction ({@code roundtrip}, seeded from the context), the exact baseline
 * ({@code exact}) or the round-trip cover baseline ({@code cover}).
 */
public final class SpannerProvider implements GraphAlgorithmProvider {

  static final String ID = "spanner";

  static final ParameterSpec METHOD = ParameterSpec.string("method", "roundtrip",
      "roundtrip: randomised O(k log n) stretch; exact: in- and out-trees of every source;"
          + " cover: (2k-1)(1+epsilon) round-trip covers")
      .choices("roundtrip", "exact", "cover");
  static final ParameterSpec K = ParameterSpec.integer("k", 2,
      "trade-off: s^(1/k) repetitions (roundtrip) or growth (cover)").atLeast(1);
  static final ParameterSpec SOURCES = ParameterSpec.integer("sources", 10,
      "number of sources s, spread evenly over the vertex numbers").atLeast(1);
  static final ParameterSpec EPSILON = ParameterSpec.real("epsilon", 0,
      "cover: scale step 1+epsilon; 0 chooses 1/(2k)").atLeast(0);
  static final ParameterSpec CONFIDENCE = ParameterSpec.real("confidence", 2,
      "roundtrip: a pair is missed at its scale with probability <= n^-confidence")
      .range(0.1, 10);

  /** The paper's arXiv id. */
  static final String PAPER = "2004.05721";
  /** The paper's title. */
  static final String PAPER_TITLE = "A Fast Algorithm for Source-Wise Round-Trip Spanners";

  private static final PluginInfo INFO = PluginInfo.of(ID, "0.1.0",
      "Source-wise round-trip spanners of weighted digraphs", "[0.1,1.0)")
      .withPaper(PAPER, PAPER_TITLE);

  @Override
  public PluginInfo info() {
    return INFO;
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(METHOD, K, SOURCES, EPSILON, CONFIDENCE);
  }

  @Override
  public GraphAlgorithm<?> create(PluginContext context) {
    Settings s = context.settings();
    int sources = s.getInt(SOURCES.name());
    int k = s.getInt(K.name());
    return switch (s.getString(METHOD.name())) {
      case "exact" -> new ExactSourcewiseSpanner(sources);
      case "cover" -> new RoundTripCoverSpanner(sources, k, s.getDouble(EPSILON.name()));
      default -> new CarvingRoundTripSpanner(sources, k, s.getDouble(CONFIDENCE.name()),
          context.seed());
    };
  }
}
