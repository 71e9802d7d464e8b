package dev.lathe.nd4j.network;

import dev.lathe.nd4j.internal.Nd4jAccess;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The initial values of a network's parameters. Each parameter draws from its own
 * {@link Random} (whose algorithms Java specifies), seeded from the network's seed and the
 * parameter's name, so a parameter starts with the same values on every JVM and whatever other
 * nodes the network has.
 */
final class Initialisers {

  static {
    Nd4jAccess.open();
  }

  private Initialisers() {}

  /**
   * He et al.'s (arXiv:1502.01852) normal initialisation: mean 0, standard deviation
   * {@code √(2 / fanIn)}, for convolution kernels.
   */
  static INDArray heNormal(long seed, String name, long fanIn, long... shape) {
    Random random = random(seed, name);
    double std = Math.sqrt(2.0 / fanIn);
    float[] values = new float[size(shape)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextGaussian() * std);
    }
    return Nd4j.create(values, shape, 'c');
  }

  /**
   * Glorot and Bengio's (2010) uniform initialisation: uniform in
   * {@code ±√(6 / (fanIn + fanOut))}, for weight matrices.
   */
  static INDArray xavierUniform(long seed, String name, long fanIn, long fanOut,
      long... shape) {
    Random random = random(seed, name);
    double bound = Math.sqrt(6.0 / (fanIn + fanOut));
    float[] values = new float[size(shape)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
    }
    return Nd4j.create(values, shape, 'c');
  }

  /** Normal with mean 0 and standard deviation {@code std}, for embedding tables. */
  static INDArray normal(long seed, String name, double std, long... shape) {
    Random random = random(seed, name);
    float[] values = new float[size(shape)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextGaussian() * std);
    }
    return Nd4j.create(values, shape, 'c');
  }

  /** Every element {@code value}. */
  static INDArray filled(float value, long... shape) {
    return Nd4j.valueArrayOf(shape, value);
  }

  /**
   * The generator of parameter {@code name}: seeded with SplitMix64's finaliser of the seed
   * plus the FNV-1a hash of the name's UTF-8 bytes.
   */
  static Random random(long seed, String name) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
    }
    long z = seed + hash * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new Random(z ^ (z >>> 31));
  }

  private static int size(long... shape) {
    long size = 1;
    for (long d : shape) {
      size = Math.multiplyExact(size, d);
    }
    return Math.toIntExact(size);
  }
}
