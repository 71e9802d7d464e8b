package dev.lathe.plugin.sparch;

import dev.lathe.api.Workload;
import dev.lathe.api.accelerate.Accelerator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.sparse.SparseProduct;
import dev.lathe.api.spi.AcceleratorProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.Settings;
import dev.lathe.plugin.sparch.sim.BufferPolicy;
import dev.lathe.plugin.sparch.sim.DataLayout;
import dev.lathe.plugin.sparch.sim.DramModel;
import dev.lathe.plugin.sparch.sim.OuterSpaceSimulator;
import dev.lathe.plugin.sparch.sim.Simulation;
import dev.lathe.plugin.sparch.sim.SparchConfig;
import dev.lathe.plugin.sparch.sim.SparchSimulator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The provider of the accelerator {@code sparch}: simulates a {@link SparseProduct} on SpArch
 * (or, with {@code design: outerspace}, on the OuterSPACE baseline) and returns the DRAM traffic
 * by category, the cycles and the time at the configured clock, all {@link Origin#SIMULATED}.
 * Every hardware parameter is a setting; the defaults are {@link SparchConfig#DEFAULT}'s.
 */
public final class SparchAcceleratorProvider implements AcceleratorProvider {

  static final String ID = "sparch";

  /** The metrics, in the order {@code estimate} returns them. */
  static final List<String> METRICS = List.of("dram_a_read_bytes", "dram_b_read_bytes",
      "dram_partial_write_bytes", "dram_partial_read_bytes", "dram_c_write_bytes",
      "dram_bytes", "cycles", "latency_ms", "partial_products", "partial_matrices",
      "merge_rounds", "product_nnz");

  /** The constructor ServiceLoader calls. */
  public SparchAcceleratorProvider() {}

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, "0.1.0",
        "SpArch outer-product SpGEMM accelerator simulator with the OuterSPACE baseline",
        "[0.1,1.0)").withPaper("2002.08947",
        "SpArch: Efficient Architecture for Sparse Matrix Multiplication");
  }

  @Override
  public List<ParameterSpec> parameters() {
    SparchConfig d = SparchConfig.DEFAULT;
    return List.of(
        ParameterSpec.string("design", "sparch", "the accelerator simulated")
            .choices("sparch", "outerspace"),
        ParameterSpec.integer("multipliers", d.multipliers(), "multipliers of the multiplier"
            + " array").range(1, 1 << 20),
        ParameterSpec.integer("merge-tree-levels", d.mergeTreeLevels(), "levels of the merge"
            + " tree; it merges 2^levels partial matrices at once").range(1, 20),
        ParameterSpec.integer("merger-width", d.mergerWidth(), "elements each comparator"
            + " merger takes per cycle").range(1, 1 << 20),
        ParameterSpec.integer("prefetch-buffer-lines", d.prefetchBufferLines(), "DRAM lines"
            + " the row prefetcher's buffer holds").range(1, 1 << 26),
        ParameterSpec.integer("prefetch-lookahead", d.prefetchLookahead(), "row requests of B"
            + " the prefetcher sees ahead").range(1, Integer.MAX_VALUE),
        ParameterSpec.real("dram-bytes-per-cycle", d.dram().bytesPerCycle(), "DRAM bandwidth"
            + " in bytes per accelerator cycle").range(1e-6, 1e9),
        ParameterSpec.integer("dram-line-bytes", d.dram().lineBytes(), "bytes of a DRAM line"
            + " (burst); every transfer moves whole lines").range(1, 1 << 20),
        ParameterSpec.integer("index-bytes", d.layout().indexBytes(), "bytes of an index or"
            + " pointer in DRAM").range(1, 8),
        ParameterSpec.integer("value-bytes", d.layout().valueBytes(), "bytes of a value in"
            + " DRAM").range(1, 16),
        ParameterSpec.bool("condensing", true, "condense A into its longest row's number of"
            + " partial matrices"),
        ParameterSpec.bool("huffman", true, "schedule merge rounds by the Huffman-tree"
            + " scheduler (else in order)"),
        ParameterSpec.string("b-buffer", "prefetcher", "how B is read: through the row"
            + " prefetcher, its buffer as a plain LRU cache, or straight from DRAM")
            .choices("prefetcher", "lru", "none"),
        ParameterSpec.real("clock-ghz", 1.0, "accelerator clock, for latency_ms")
            .range(1e-6, 1e3));
  }

  @Override
  public Accelerator create(PluginContext context) {
    Settings s = context.settings();
    SparchConfig config = new SparchConfig(s.getInt("multipliers"),
        s.getInt("merge-tree-levels"), s.getInt("merger-width"),
        s.getInt("prefetch-buffer-lines"), s.getInt("prefetch-lookahead"),
        new DramModel(s.getDouble("dram-bytes-per-cycle"), s.getInt("dram-line-bytes")),
        new DataLayout(s.getInt("index-bytes"), s.getInt("value-bytes")),
        s.getBoolean("condensing"), s.getBoolean("huffman"),
        BufferPolicy.valueOf(s.getString("b-buffer").toUpperCase(Locale.ROOT)));
    return new SparchAccelerator(config, s.getString("design").equals("outerspace"),
        s.getDouble("clock-ghz"));
  }

  /** The accelerator: one simulation per estimate. */
  static final class SparchAccelerator implements Accelerator {
    private final SparchConfig config;
    private final boolean outerSpace;
    private final double clockGhz;

    SparchAccelerator(SparchConfig config, boolean outerSpace, double clockGhz) {
      this.config = config;
      this.outerSpace = outerSpace;
      this.clockGhz = clockGhz;
    }

    @Override
    public String id() {
      return ID;
    }

    @Override
    public Set<String> produces() {
      return new LinkedHashSet<>(METRICS);
    }

    @Override
    public boolean supports(Workload workload) {
      return workload instanceof SparseProduct;
    }

    @Override
    public Metrics estimate(Workload workload) {
      if (!(workload instanceof SparseProduct product)) {
        throw new IllegalArgumentException("accelerator '" + ID + "' costs sparse-matrix"
            + " products (kind '" + SparseProduct.KIND + "'), not '" + workload.kind()
            + "' workloads");
      }
      Simulation sim = outerSpace
          ? new OuterSpaceSimulator(config).simulate(product.left(), product.right())
          : new SparchSimulator(config).simulate(product.left(), product.right());
      Origin o = Origin.SIMULATED;
      return Metrics.builder()
          .add("dram_a_read_bytes", sim.traffic().aRead(), "bytes", o)
          .add("dram_b_read_bytes", sim.traffic().bRead(), "bytes", o)
          .add("dram_partial_write_bytes", sim.traffic().partialWrite(), "bytes", o)
          .add("dram_partial_read_bytes", sim.traffic().partialRead(), "bytes", o)
          .add("dram_c_write_bytes", sim.traffic().cWrite(), "bytes", o)
          .add("dram_bytes", sim.traffic().total(), "bytes", o)
          .add("cycles", sim.cycles(), "cycles", o)
          .add("latency_ms", sim.cycles() / (clockGhz * 1e6), "ms", o)
          .add("partial_products", sim.partialProducts(), "", o)
          .add("partial_matrices", sim.partialMatrices(), "", o)
          .add("merge_rounds", sim.rounds(), "", o)
          .add("product_nnz", sim.product().nnz(), "", o)
          .build();
    }
  }
}
