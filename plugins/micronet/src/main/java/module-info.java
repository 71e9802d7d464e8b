/**
 * Lathe's MicroNet plugin (arXiv:2005.07877): the challenge-winning language model as a network
 * with its MicroNet score term by term ({@code micronet-lm}, and the evaluator
 * {@code micronet-score} for searches over its shape), the language model trained on real text
 * with its evaluator {@code perplexity} (segment recurrence, adaptive softmax, cache, Hebbian
 * softmax), the space {@code micronet-cnn} of small CNNs trained into models for compressor
 * chains with their evaluator {@code micronet-model}, the compressors {@code prune},
 * {@code quantize} and {@code distill}, which work on any network through
 * {@code dev.lathe.nd4j}'s SameDiff bridge, and the reproduction {@code micronet}. ND4J is on the
 * class path; the module reads it at run time.
 */
module dev.lathe.plugin.micronet {
  requires dev.lathe.api;
  requires dev.lathe.nd4j;

  provides dev.lathe.api.spi.NetworkProvider with
      dev.lathe.plugin.micronet.MicronetLmProvider;
  provides dev.lathe.api.spi.CompressorProvider with
      dev.lathe.plugin.micronet.PruneProvider,
      dev.lathe.plugin.micronet.QuantizeProvider,
      dev.lathe.plugin.micronet.DistillProvider;
  provides dev.lathe.api.spi.SearchSpaceProvider with
      dev.lathe.plugin.micronet.CnnModelSpaceProvider;
  provides dev.lathe.api.spi.EvaluatorProvider with
      dev.lathe.plugin.micronet.MicronetScoreEvaluatorProvider,
      dev.lathe.plugin.micronet.ModelEvaluatorProvider,
      dev.lathe.plugin.micronet.PerplexityEvaluatorProvider;
  provides dev.lathe.api.spi.ReproductionProvider with
      dev.lathe.plugin.micronet.MicronetReproductionProvider;
}
