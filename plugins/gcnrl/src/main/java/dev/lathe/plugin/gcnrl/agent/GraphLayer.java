package dev.lathe.plugin.gcnrl.agent;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.random.RandomGenerator;

/**
 * One graph-convolution layer {@code Y = Â·X·W + b} (Kipf and Welling 2017) over a normalised
 * adjacency {@code Â}, with the same weights for every vertex; over a one-vertex graph
 * ({@code Â = [1]}) it is a dense layer. Gradients accumulate across samples until
 * {@link #step} applies them with Adam.
 */
final class GraphLayer {

  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  final int in;
  final int out;
  final double[] weights;
  final double[] bias;
  private final double[] gradWeights;
  private final double[] gradBias;
  private final double[] m;
  private final double[] v;
  private final double[] mb;
  private final double[] vb;
  private long steps;

  GraphLayer(int in, int out, RandomGenerator random) {
    this.in = in;
    this.out = out;
    this.weights = new double[in * out];
    this.bias = new double[out];
    double scale = Math.sqrt(2.0 / (in + out));
    for (int i = 0; i < weights.length; i++) {
      weights[i] = random.nextGaussian() * scale;
    }
    gradWeights = new double[weights.length];
    gradBias = new double[out];
    m = new double[weights.length];
    v = new double[weights.length];
    mb = new double[out];
    vb = new double[out];
  }

  /** {@code Â·X}, the aggregated input, n×in. */
  static double[][] aggregate(double[][] adjacency, double[][] x) {
    int n = x.length;
    int width = x[0].length;
    double[][] z = new double[n][width];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double a = adjacency[i][j];
        if (a != 0) {
          for (int k = 0; k < width; k++) {
            z[i][k] += a * x[j][k];
          }
        }
      }
    }
    return z;
  }

  /** {@code Z·W + b} for the aggregated input {@code z}. */
  double[][] forward(double[][] z) {
    double[][] y = new double[z.length][out];
    for (int i = 0; i < z.length; i++) {
      for (int o = 0; o < out; o++) {
        double s = bias[o];
        for (int k = 0; k < in; k++) {
          s += z[i][k] * weights[k * out + o];
        }
        y[i][o] = s;
      }
    }
    return y;
  }

  /**
   * Accumulates the gradients for the output gradient {@code dy} and returns the gradient of
   * the layer's input X (before aggregation), {@code Âᵀ·dY·Wᵀ}.
   */
  double[][] backward(double[][] adjacency, double[][] z, double[][] dy, boolean accumulate) {
    int n = z.length;
    double[][] dz = new double[n][in];
    for (int i = 0; i < n; i++) {
      for (int o = 0; o < out; o++) {
        double g = dy[i][o];
        if (g == 0) {
          continue;
        }
        if (accumulate) {
          gradBias[o] += g;
        }
        for (int k = 0; k < in; k++) {
          if (accumulate) {
            gradWeights[k * out + o] += z[i][k] * g;
          }
          dz[i][k] += weights[k * out + o] * g;
        }
      }
    }
    double[][] dx = new double[n][in];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double a = adjacency[j][i];
        if (a != 0) {
          for (int k = 0; k < in; k++) {
            dx[i][k] += a * dz[j][k];
          }
        }
      }
    }
    return dx;
  }

  /** Applies the accumulated gradients, averaged over {@code samples}, with Adam; clears them. */
  void step(double learningRate, int samples) {
    steps++;
    double c1 = 1 - Math.pow(BETA1, steps);
    double c2 = 1 - Math.pow(BETA2, steps);
    update(weights, gradWeights, m, v, learningRate, samples, c1, c2);
    update(bias, gradBias, mb, vb, learningRate, samples, c1, c2);
  }

  private static void update(double[] p, double[] g, double[] m, double[] v, double rate,
      int samples, double c1, double c2) {
    for (int i = 0; i < p.length; i++) {
      double grad = g[i] / samples;
      m[i] = BETA1 * m[i] + (1 - BETA1) * grad;
      v[i] = BETA2 * v[i] + (1 - BETA2) * grad * grad;
      p[i] -= rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPSILON);
      g[i] = 0;
    }
  }

  void write(DataOutputStream out, boolean withOptimizerState) throws IOException {
    out.writeInt(in);
    out.writeInt(this.out);
    writeAll(out, weights);
    writeAll(out, bias);
    if (withOptimizerState) {
      out.writeLong(steps);
      writeAll(out, m);
      writeAll(out, v);
      writeAll(out, mb);
      writeAll(out, vb);
    }
  }

  void read(DataInputStream input, boolean withOptimizerState) throws IOException {
    int readIn = input.readInt();
    int readOut = input.readInt();
    if (readIn != in || readOut != out) {
      throw new IOException("layer of " + readIn + "x" + readOut + " where " + in + "x" + out
          + " was expected");
    }
    readAll(input, weights);
    readAll(input, bias);
    if (withOptimizerState) {
      steps = input.readLong();
      readAll(input, m);
      readAll(input, v);
      readAll(input, mb);
      readAll(input, vb);
    }
  }

  private static void writeAll(DataOutputStream out, double[] values) throws IOException {
    for (double d : values) {
      out.writeDouble(d);
    }
  }

  private static void readAll(DataInputStream in, double[] values) throws IOException {
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readDouble();
    }
  }
}
