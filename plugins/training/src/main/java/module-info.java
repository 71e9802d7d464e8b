/**
 * Lathe's training plugin: the small CNN of PyTorch's MNIST example as a network
 * ({@code small-cnn}), and the reproduction {@code training}, which trains it on Fashion-MNIST
 * through {@code dev.lathe.nd4j}'s SameDiff bridge and training loop. ND4J is on the class path;
 * the module reads it at run time.
 */
module dev.lathe.plugin.training {
  requires dev.lathe.api;
  requires dev.lathe.nd4j;

  provides dev.lathe.api.spi.NetworkProvider with
      dev.lathe.plugin.training.SmallCnnProvider;
  provides dev.lathe.api.spi.ReproductionProvider with
      dev.lathe.plugin.training.TrainingReproductionProvider;
}
