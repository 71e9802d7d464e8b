package dev.lathe.core.internal.config;

import dev.lathe.api.accelerate.Accelerator;
import dev.lathe.api.compress.Compressor;
import dev.lathe.api.execute.TrialExecutor;
import dev.lathe.api.execute.TrialRunner;
import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.api.spi.AcceleratorProvider;
import dev.lathe.api.spi.CompressorProvider;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.ExecutorProvider;
import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.ParameterSpec.Type;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.PluginProvider;
import dev.lathe.api.spi.ResultStoreProvider;
import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.api.store.RecordCodec;
import dev.lathe.api.store.ResultStore;
import dev.lathe.core.internal.catalog.CatalogEntry;
import dev.lathe.core.internal.catalog.PluginCatalog;
import dev.lathe.core.internal.catalog.Rejection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Providers that declare identities and parameters for configuration tests. Configuration only
 * reads what a provider declares, so these providers refuse to create instances.
 */
final class TestPlugins {

  private TestPlugins() {}

  /** A catalog of the test providers, with one rejected plugin. */
  static PluginCatalog catalog() {
    return catalog(List.of());
  }

  /** The test catalog, {@code replacements} taking the place of providers of their id and point. */
  static PluginCatalog catalog(List<PluginProvider> replacements) {
    List<PluginProvider> standard = List.of(
        new Space("branin"),
        new Space("ofa",
            new ParameterSpec("depths", Type.INTEGER_LIST, "2,3,4", 1.0, 4.0, List.of(),
                "depths of the units"),
            ParameterSpec.of("kernels", Type.STRING_LIST, "3,5,7", "kernel sizes")
                .choices("3", "5", "7")),
        new Eval("branin", ParameterSpec.real("noise", 0, "noise added").atLeast(0)),
        new Eval("latency",
            ParameterSpec.of("table", Type.PATH, null, "latency table file"),
            ParameterSpec.string("device", "cpu", "device measured").choices("cpu", "gpu", "npu")),
        new Comp("prune", ParameterSpec.real("sparsity", 0.5, "fraction pruned").range(0, 0.9)),
        new Comp("quantize", ParameterSpec.integer("bits", 8, "weight bits").range(1, 32)),
        new Accel("sparch",
            ParameterSpec.integer("merge-ways", 64, "merge tree ways").range(2, 256)),
        new Opt("random"),
        new Opt("evolution",
            ParameterSpec.integer("population", 100, "population size").range(2, 10_000),
            ParameterSpec.real("mutation", 0.1, "mutation probability").range(0, 1),
            ParameterSpec.string("selection", "tournament", "parent selection")
                .choices("tournament", "roulette"),
            ParameterSpec.bool("elitism", true, "keep the best"),
            ParameterSpec.of("patience", Type.DURATION, "1m", "stop after no progress for"),
            ParameterSpec.of("checkpoint", Type.PATH, "state/evolution.bin", "state file"),
            ParameterSpec.of("weights", Type.REAL_LIST, "", "objective weights"),
            ParameterSpec.string("label", "", "free text")),
        new Exec("local", ParameterSpec.integer("threads", 0, "worker threads").atLeast(0)),
        new Store("local", ParameterSpec.bool("fsync", false, "sync every record")),
        new Store("ledger"));
    List<PluginProvider> providers = Stream.concat(replacements.stream(), standard.stream()
        .filter(p -> replacements.stream().noneMatch(r -> r.point() == p.point()
            && r.info().id().equals(p.info().id())))).toList();
    List<CatalogEntry> entries = providers.stream()
        .map(p -> new CatalogEntry(p, false, "built-in (dev.lathe.core)")).toList();
    return new PluginCatalog(entries, List.of(new Rejection("quantum", "/plugins/quantum.jar",
        "requires Lathe API [2.0,3.0), this kernel provides 0.1.0")), null);
  }

  /** An optimizer provider declaring {@code parameters}. */
  static PluginProvider optimizer(String id, ParameterSpec... parameters) {
    return new Opt(id, parameters);
  }

  /** An executor provider declaring {@code parameters}. */
  static PluginProvider executor(String id, ParameterSpec... parameters) {
    return new Exec(id, parameters);
  }

  /** A provider's identity and declared parameters. */
  private abstract static class Declared implements PluginProvider {
    private final PluginInfo info;
    private final List<ParameterSpec> parameters;

    Declared(String id, ParameterSpec... parameters) {
      this.info = PluginInfo.of(id, "1.0.0", "Test plugin " + id, "[0.1,1.0)");
      this.parameters = Stream.of(parameters).toList();
    }

    @Override
    public PluginInfo info() {
      return info;
    }

    @Override
    public List<ParameterSpec> parameters() {
      return parameters;
    }

    UnsupportedOperationException notCreated() {
      return new UnsupportedOperationException(
          "plugin '" + info.id() + "' only declares parameters for configuration tests");
    }
  }

  private static final class Space extends Declared implements SearchSpaceProvider {
    Space(String id, ParameterSpec... parameters) {
      super(id, parameters);
    }

    @Override
    public SearchSpace create(PluginContext context) {
      throw notCreated();
    }
  }

  private static final class Eval extends Declared implements EvaluatorProvider {
    Eval(String id, ParameterSpec... parameters) {
      super(id, parameters);
    }

    @Override
    public Evaluator create(PluginContext context) {
      throw notCreated();
    }
  }

  private static final class Comp extends Declared implements CompressorProvider {
    Comp(String id, ParameterSpec... parameters) {
      super(id, parameters);
    }

    @Override
    public Compressor create(PluginContext context) {
      throw notCreated();
    }
  }

  private static final class Accel extends Declared implements AcceleratorProvider {
    Accel(String id, ParameterSpec... parameters) {
      super(id, parameters);
    }

    @Override
    public Accelerator create(PluginContext context) {
      throw notCreated();
    }
  }

  private static final class Opt extends Declared implements OptimizerProvider {
    Opt(String id, ParameterSpec... parameters) {
      super(id, parameters);
    }

    @Override
    public Optimizer create(PluginContext context, Problem problem) {
      throw notCreated();
    }
  }

  private static final class Exec extends Declared implements ExecutorProvider {
    Exec(String id, ParameterSpec... parameters) {
      super(id, parameters);
    }

    @Override
    public TrialExecutor create(PluginContext context, TrialRunner runner) {
      throw notCreated();
    }
  }

  private static final class Store extends Declared implements ResultStoreProvider {
    Store(String id, ParameterSpec... parameters) {
      super(id, parameters);
    }

    @Override
    public ResultStore open(PluginContext context, RecordCodec codec) {
      throw notCreated();
    }
  }
}
