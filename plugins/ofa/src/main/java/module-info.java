/**
 * Lathe's Once-for-All plugin (arXiv:1908.09791): the elastic MobileNetV3 search space
 * ({@code ofa}), its subnets as networks ({@code ofa-mbv3}), a latency lookup table measured on
 * the tensor backend, the scaled-down space
 * {@code ofa-mini} with the evaluator {@code ofa} (an accuracy predictor's accuracy), and the
 * reproduction {@code ofa}. ND4J is on the class path; the module
 * reads it at run time.
 */
module dev.lathe.plugin.ofa {
  requires dev.lathe.api;
  requires dev.lathe.nd4j;
  requires com.fasterxml.jackson.databind;
  // ND4J's JavaCPP uses sun.misc.Unsafe (see framework-nd4j).
  requires jdk.unsupported;

  provides dev.lathe.api.spi.NetworkProvider with
      dev.lathe.plugin.ofa.OfaNetworkProvider;
  provides dev.lathe.api.spi.SearchSpaceProvider with
      dev.lathe.plugin.ofa.OfaSpaceProvider,
      dev.lathe.plugin.ofa.supernet.OfaMiniSpaceProvider;
  provides dev.lathe.api.spi.EvaluatorProvider with
      dev.lathe.plugin.ofa.predictor.AccuracyEvaluatorProvider;
  provides dev.lathe.api.spi.AcceleratorProvider with
      dev.lathe.plugin.ofa.latency.OfaAcceleratorProvider;
  provides dev.lathe.api.spi.ReproductionProvider with
      dev.lathe.plugin.ofa.reproduce.OfaReproductionProvider;
}
