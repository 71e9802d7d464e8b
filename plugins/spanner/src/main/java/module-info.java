/**
 * Lathe's round-trip spanner plugin: source-wise round-trip spanners of weighted digraphs
 * (arXiv:2004.05721) behind one {@link dev.lathe.api.graph.GraphAlgorithm}, with an exact
 * verifier, seeded graph families and the reproduction {@code spanner}.
 */
module dev.lathe.plugin.spanner {
  requires dev.lathe.api;
  requires java.management;

  provides dev.lathe.api.spi.GraphAlgorithmProvider with
      dev.lathe.plugin.spanner.SpannerProvider;
  provides dev.lathe.api.spi.ReproductionProvider with
      dev.lathe.plugin.spanner.SpannerReproductionProvider;
}
