package dev.lathe.testkit.tck;

import dev.lathe.api.compress.Compression;
import dev.lathe.api.compress.Compressor;
import dev.lathe.api.compress.Model;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.spi.CompressorProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import java.util.Arrays;
import java.util.List;

/**
 * Magnitude pruning: removes the given fraction of a weight vector's remaining weights, the
 * smallest in absolute value first (ties broken by position).
 */
public final class MagnitudePruningProvider implements CompressorProvider {

  static final String ID = "tck-magnitude-pruning";

  /** The constructor ServiceLoader calls. */
  public MagnitudePruningProvider() {}

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, "0.1.0", "Magnitude pruning", "[0.1,1.0)");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(ParameterSpec.real("sparsity", 0.5,
        "fraction of the remaining weights to remove").range(0, 0.99));
  }

  @Override
  public Compressor create(PluginContext context) {
    return new MagnitudePruning(ID, context.settings().getDouble("sparsity"));
  }

  /** A model that is one vector of weights; zero weights count as removed. */
  static final class WeightVector implements Model {
    private final String architecture;
    private final double[] weights;

    WeightVector(String architecture, double[] weights) {
      this.architecture = architecture;
      this.weights = weights.clone();
    }

    /** A vector of {@code n} weights that differ in magnitude. */
    static WeightVector ramp(int n) {
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        w[i] = (i % 2 == 0 ? 1 : -1) * (0.01 + i * 0.37 % 5);
      }
      return new WeightVector("ramp-" + n, w);
    }

    double[] weights() {
      return weights.clone();
    }

    @Override
    public String architecture() {
      return architecture;
    }

    @Override
    public long parameterCount() {
      return Arrays.stream(weights).filter(w -> w != 0).count();
    }
  }

  /** The compressor. */
  static class MagnitudePruning implements Compressor {
    private final String id;
    private final double sparsity;

    MagnitudePruning(String id, double sparsity) {
      this.id = id;
      this.sparsity = sparsity;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public boolean accepts(Model model) {
      return model instanceof WeightVector;
    }

    @Override
    public Compression compress(Model model) {
      double[] w = ((WeightVector) model).weights();
      long before = model.parameterCount();
      Integer[] order = new Integer[w.length];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, (a, b) -> Double.compare(Math.abs(w[a]), Math.abs(w[b])));
      long remove = (long) Math.floor(sparsity * before);
      for (int k = 0, removed = 0; k < order.length && removed < remove; k++) {
        if (w[order[k]] != 0) {
          w[order[k]] = 0;
          removed++;
        }
      }
      WeightVector pruned = new WeightVector(model.architecture(), w);
      return new Compression(pruned, Metrics.builder()
          .add("params_before", before, "", Origin.ANALYTIC)
          .add("params_after", pruned.parameterCount(), "", Origin.ANALYTIC)
          .add("sparsity", 1 - (double) pruned.parameterCount() / w.length, "", Origin.ANALYTIC)
          .build());
    }
  }
}
