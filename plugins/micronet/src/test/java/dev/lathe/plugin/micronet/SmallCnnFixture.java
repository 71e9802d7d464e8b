package dev.lathe.plugin.micronet;

import dev.lathe.api.model.Network;
import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.nd4j.train.Dataset;
import dev.lathe.testkit.tck.TestPluginContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The small CNN of the training plugin ({@code small-cnn}, found by its class name as any other
 * plugin's network) on 14×14 Fashion-MNIST (the 256 + 128 image slice of the test data,
 * averaged over 2×2 pixels), trained for 30 updates: the model the compressor tests compress.
 */
final class SmallCnnFixture {

  static final int SIZE = SmallFashionMnist.SIZE;
  static final long SEED = 7;
  private static NetworkModel trained;

  static {
    NetworkModel.openNd4j();
  }

  private SmallCnnFixture() {}

  /** The trained model; every call returns the same one (models are immutable). */
  static synchronized NetworkModel model() {
    if (trained == null) {
      ClassificationTask task = ClassificationTask.of(read("train"), read("t10k"), "fc2", 32);
      trained = NetworkModel.train(network(), task, SEED, 30, 2e-3);
    }
    return trained;
  }

  /** {@code small-cnn} for one-channel 14×14 images and 10 classes, from the training plugin. */
  static Network network() {
    try {
      NetworkProvider provider = (NetworkProvider) Class.forName(
          "dev.lathe.plugin.training.SmallCnnProvider").getConstructor().newInstance();
      Path folder = Files.createTempDirectory("small-cnn");
      return provider.create(TestPluginContext.builder(provider, folder)
          .set("size", Integer.toString(SIZE)).build());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the training plugin's small-cnn is not on the class path",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Dataset read(String split) {
    try {
      return SmallFashionMnist.read(split, 0, Integer.MAX_VALUE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
