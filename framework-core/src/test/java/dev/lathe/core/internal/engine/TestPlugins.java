package dev.lathe.core.internal.engine;

import dev.lathe.api.compress.Compression;
import dev.lathe.api.compress.Compressor;
import dev.lathe.api.compress.Model;
import dev.lathe.api.metric.EvaluationContext;
import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.Observation;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.RealDimension;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.api.spi.CompressorProvider;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.PluginProvider;
import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.api.Workload;
import dev.lathe.core.internal.catalog.CatalogEntry;
import dev.lathe.core.internal.config.Budget;
import dev.lathe.core.internal.config.Component;
import dev.lathe.core.internal.config.Execution;
import dev.lathe.core.internal.config.ExperimentConfig;
import dev.lathe.core.internal.config.SettingsView;
import dev.lathe.core.internal.store.LocalStoreProvider;
import dev.lathe.core.internal.store.MemoryStoreProvider;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;

/** Small real plugins and a configuration builder for engine tests. */
final class TestPlugins {

  static final AtomicInteger EVALUATIONS = new AtomicInteger();

  private TestPlugins() {}

  static final class SphereSpaceProvider implements SearchSpaceProvider {
    @Override
    public PluginInfo info() {
      return PluginInfo.of("sphere", "1.0.0", "2-D sphere", "[0.1,1.0)");
    }

    @Override
    public SearchSpace create(PluginContext context) {
      List<Dimension> dims = List.of(RealDimension.of("a", -1, 1), RealDimension.of("b", -1, 1));
      return new SearchSpace() {
        @Override
        public String id() {
          return "sphere";
        }

        @Override
        public List<Dimension> dimensions() {
          return dims;
        }
      };
    }
  }

  /** The sphere's dimensions, with a model of {@code 1000·(a² + b²)} parameters per candidate. */
  static final class ModelSpaceProvider implements SearchSpaceProvider {
    @Override
    public PluginInfo info() {
      return PluginInfo.of("sphere-models", "1.0.0", "2-D sphere of models", "[0.1,1.0)");
    }

    @Override
    public SearchSpace create(PluginContext context) {
      SearchSpace sphere = new SphereSpaceProvider().create(context);
      return new SearchSpace() {
        @Override
        public String id() {
          return "sphere-models";
        }

        @Override
        public List<Dimension> dimensions() {
          return sphere.dimensions();
        }

        @Override
        public Optional<Workload> workload(Candidate c) {
          double a = c.getDouble("a");
          double b = c.getDouble("b");
          return Optional.of(new Sized(Math.round(1000 * (a * a + b * b))));
        }
      };
    }
  }

  /** A model that is only its parameter count. */
  record Sized(long parameterCount) implements Model {
    @Override
    public String architecture() {
      return "sized";
    }
  }

  /** Halves a model's parameters and reports how many are left as {@code params_after}. */
  static final class HalvingCompressorProvider implements CompressorProvider {
    @Override
    public PluginInfo info() {
      return PluginInfo.of("halve", "1.0.0", "halves the parameters", "[0.1,1.0)");
    }

    @Override
    public Compressor create(PluginContext context) {
      return new Compressor() {
        @Override
        public String id() {
          return "halve";
        }

        @Override
        public List<String> produces() {
          return List.of("params_after");
        }

        @Override
        public Compression compress(Model model) {
          long left = model.parameterCount() / 2;
          return new Compression(new Sized(left),
              Metrics.builder().add("params_after", left, "", Origin.ANALYTIC).build());
        }
      };
    }
  }

  /** Sphere value; throws for trials whose id hashes into {@code fail}; sleeps for those in {@code hang}. */
  static final class SphereEvaluatorProvider implements EvaluatorProvider {
    @Override
    public PluginInfo info() {
      return PluginInfo.of("sphere", "1.0.0", "2-D sphere", "[0.1,1.0)");
    }

    @Override
    public List<ParameterSpec> parameters() {
      return List.of(ParameterSpec.integer("fail", 0, "fail one trial in N (0: never)"),
          ParameterSpec.integer("hang", 0, "hang one trial in N (0: never)"),
          ParameterSpec.bool("fail-first-attempt", false, "fail every first attempt"));
    }

    @Override
    public Evaluator create(PluginContext context) {
      long fail = context.settings().getLong("fail");
      long hang = context.settings().getLong("hang");
      boolean failFirst = context.settings().getBoolean("fail-first-attempt");
      return new Evaluator() {
        @Override
        public String id() {
          return "sphere";
        }

        @Override
        public Set<String> produces() {
          return Set.of("value");
        }

        @Override
        public Metrics evaluate(Candidate c, EvaluationContext ctx) throws Exception {
          EVALUATIONS.incrementAndGet();
          long h = Long.parseUnsignedLong(ctx.trialId(), 16) >>> 1;
          if (failFirst && ctx.attempt() == 1) {
            throw new IllegalStateException("first attempt of " + ctx.trialId());
          }
          if (fail > 0 && h % fail == 0) {
            throw new IllegalStateException("injected failure");
          }
          if (hang > 0 && h % hang == 1) {
            Thread.sleep(60_000);
          }
          double a = c.getDouble("a");
          double b = c.getDouble("b");
          return Metrics.builder().add("value", a * a + b * b, "", Origin.ANALYTIC).build();
        }
      };
    }
  }

  /** Random search with a counter-based generator, so its checkpoint is two longs. */
  static final class CounterRandomProvider implements OptimizerProvider {
    @Override
    public PluginInfo info() {
      return PluginInfo.of("counter-random", "1.0.0", "Counter-based random search", "[0.1,1.0)");
    }

    @Override
    public Set<Dimension.Kind> supportedKinds() {
      return EnumSet.of(Dimension.Kind.REAL);
    }

    @Override
    public Optimizer create(PluginContext context, Problem problem) {
      long seed = context.seed();
      return new Optimizer() {
        long counter;
        final List<Observation> told = new ArrayList<>();

        @Override
        public String id() {
          return "counter-random";
        }

        @Override
        public List<Candidate> ask(int n) {
          List<Candidate> out = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            out.add(problem.space().sample(new SplittableRandom(Seeds.mix(seed + counter++))));
          }
          return out;
        }

        @Override
        public void tell(Observation observation) {
          told.add(observation);
        }

        @Override
        public Optional<byte[]> checkpoint() {
          return Optional.of(ByteBuffer.allocate(8).putLong(counter).array());
        }

        @Override
        public void restore(byte[] state) {
          counter = ByteBuffer.wrap(state).getLong();
        }
      };
    }
  }

  static Component component(String role, PluginProvider provider, Map<String, String> set) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    provider.parameters().forEach(p -> values.put(p.name(), p.defaultValue()));
    values.putAll(set);
    return new Component(role, new CatalogEntry(provider, false, "test"),
        new SettingsView(provider.info().id(), role, provider.parameters(), values, null));
  }

  static ExperimentConfig config(String name, long trials, Map<String, String> evaluatorSettings,
      boolean durable, Execution execution) {
    return new ExperimentConfig(name, 7, null,
        component("space", new SphereSpaceProvider(), Map.of()), List.of(),
        List.of(component("evaluators(0)", new SphereEvaluatorProvider(), evaluatorSettings)),
        List.of(),
        component("optimizer", new CounterRandomProvider(), Map.of()),
        component("executor", new LocalExecutorProvider(), Map.of("threads", "2")),
        component("store", durable ? new LocalStoreProvider() : new MemoryStoreProvider(),
            Map.of()),
        List.of(Objective.minimize("value")), List.of(),
        new Budget(trials, Duration.ZERO, OptionalDouble.empty()), execution);
  }

}
