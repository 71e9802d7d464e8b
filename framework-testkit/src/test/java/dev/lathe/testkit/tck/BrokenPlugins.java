package dev.lathe.testkit.tck;

import dev.lathe.api.accelerate.Accelerator;
import dev.lathe.api.Workload;
import dev.lathe.api.compress.Compression;
import dev.lathe.api.compress.Compressor;
import dev.lathe.api.compress.Model;
import dev.lathe.api.execute.TrialExecutor;
import dev.lathe.api.execute.TrialOutcome;
import dev.lathe.api.execute.TrialRunner;
import dev.lathe.api.execute.TrialTask;
import dev.lathe.api.graph.GraphAlgorithm;
import dev.lathe.api.metric.EvaluationContext;
import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.model.Network;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.reproduce.Claim;
import dev.lathe.api.reproduce.Reproduction;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.DimensionGraph;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.api.spi.AcceleratorProvider;
import dev.lathe.api.spi.CompressorProvider;
import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.api.spi.ExecutorProvider;
import dev.lathe.api.spi.GraphAlgorithmProvider;
import dev.lathe.api.spi.NetworkProvider;
import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.ReproductionProvider;
import dev.lathe.api.spi.ResultStoreProvider;
import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.api.store.RecordCodec;
import dev.lathe.api.store.ResultStore;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.testkit.tck.MagnitudePruningProvider.WeightVector;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * Plugins that each break one promise of their extension point, with the contract subclasses
 * that run on them. Surefire does not run these nested classes itself (its default excludes
 * them); {@link BrokenPluginsTest} runs them through the JUnit Platform and checks which
 * contract tests fail.
 */
final class BrokenPlugins {

  private BrokenPlugins() {}

  private static PluginInfo brokenInfo(String id) {
    return PluginInfo.of(id, "0.1.0", "Deliberately broken " + id, "[0.1,1.0)");
  }

  /** A space whose crossover ignores both parents. */
  public static final class ForeignCrossoverSpaceProvider implements SearchSpaceProvider {
    @Override
    public PluginInfo info() {
      return brokenInfo(MixedSpaceProvider.ID);
    }

    @Override
    public SearchSpace create(PluginContext context) {
      return new MixedSpaceProvider.MixedSpace(32) {
        @Override
        public Candidate crossover(Candidate a, Candidate b, RandomGenerator random) {
          return sample(random);
        }
      };
    }
  }

  static final class ForeignCrossoverSpaceContract extends SearchSpaceContract {
    @Override
    protected SearchSpaceProvider provider() {
      return new ForeignCrossoverSpaceProvider();
    }
  }

  /** A space whose violation() accepts everything. */
  public static final class LenientSpaceProvider implements SearchSpaceProvider {
    @Override
    public PluginInfo info() {
      return brokenInfo(MixedSpaceProvider.ID);
    }

    @Override
    public SearchSpace create(PluginContext context) {
      return new MixedSpaceProvider.MixedSpace(32) {
        @Override
        public Optional<String> violation(Candidate candidate) {
          return Optional.empty();
        }
      };
    }
  }

  static final class LenientSpaceContract extends SearchSpaceContract {
    @Override
    protected SearchSpaceProvider provider() {
      return new LenientSpaceProvider();
    }
  }

  /** A space whose graph gives dimension 'width' to two vertices and names one it lacks. */
  public static final class TangledStructureSpaceProvider implements SearchSpaceProvider {
    @Override
    public PluginInfo info() {
      return brokenInfo(MixedSpaceProvider.ID);
    }

    @Override
    public SearchSpace create(PluginContext context) {
      return new MixedSpaceProvider.MixedSpace(32) {
        @Override
        public Optional<DimensionGraph> structure() {
          return Optional.of(new DimensionGraph(List.of(
              new DimensionGraph.Vertex("a", new double[] {1}, List.of("width")),
              new DimensionGraph.Vertex("b", new double[] {0}, List.of("activation", "width"))),
              new boolean[][] {{false, true}, {true, false}}));
        }
      };
    }
  }

  static final class TangledStructureSpaceContract extends SearchSpaceContract {
    @Override
    protected SearchSpaceProvider provider() {
      return new TangledStructureSpaceProvider();
    }
  }

  /** Random search that draws from an unseeded generator. */
  public static final class UnseededSearchProvider implements OptimizerProvider {
    @Override
    public PluginInfo info() {
      return brokenInfo("tck-unseeded-search");
    }

    @Override
    public Optimizer create(PluginContext context, Problem problem) {
      return new CounterRandomSearchProvider.CounterRandomSearch(
          problem.space(), new SplittableRandom().nextLong()) {
        @Override
        public String id() {
          return "tck-unseeded-search";
        }

        @Override
        public Optional<byte[]> checkpoint() {
          return Optional.empty();
        }
      };
    }
  }

  static final class UnseededSearchContract extends OptimizerContract {
    @Override
    protected OptimizerProvider provider() {
      return new UnseededSearchProvider();
    }
  }

  /** Random search that never asks more than 8 candidates at once. */
  public static final class ShortBatchSearchProvider implements OptimizerProvider {
    @Override
    public PluginInfo info() {
      return brokenInfo(CounterRandomSearchProvider.ID);
    }

    @Override
    public Optimizer create(PluginContext context, Problem problem) {
      return new CounterRandomSearchProvider.CounterRandomSearch(problem.space(), context.seed()) {
        @Override
        public List<Candidate> ask(int n) {
          return super.ask(Math.min(n, 8));
        }
      };
    }
  }

  static final class ShortBatchSearchContract extends OptimizerContract {
    @Override
    protected OptimizerProvider provider() {
      return new ShortBatchSearchProvider();
    }
  }

  /** A sphere evaluator that promises a metric it never returns. */
  public static final class ForgetfulEvaluatorProvider implements EvaluatorProvider {
    @Override
    public PluginInfo info() {
      return brokenInfo(SphereEvaluatorProvider.ID);
    }

    @Override
    public Evaluator create(PluginContext context) {
      return new SphereEvaluatorProvider.Sphere(SphereEvaluatorProvider.ID, 0) {
        @Override
        public Set<String> produces() {
          return Set.of("sphere", "norm");
        }
      };
    }
  }

  static final class ForgetfulEvaluatorContract extends EvaluatorContract {
    @Override
    protected EvaluatorProvider provider() {
      return new ForgetfulEvaluatorProvider();
    }

    @Override
    protected List<Candidate> candidates() {
      return List.of(Candidate.of(Map.of("x", 1.0)));
    }
  }

  /** A sphere evaluator that adds noise from a generator of its own, ignoring the trial's seed. */
  public static final class NoisyEvaluatorProvider implements EvaluatorProvider {
    @Override
    public PluginInfo info() {
      return brokenInfo(SphereEvaluatorProvider.ID);
    }

    @Override
    public Evaluator create(PluginContext context) {
      SplittableRandom noise = new SplittableRandom();
      return new SphereEvaluatorProvider.Sphere(SphereEvaluatorProvider.ID, 0) {
        @Override
        public Metrics evaluate(Candidate candidate, EvaluationContext context) {
          double jitter;
          synchronized (noise) {
            jitter = noise.nextDouble();
          }
          return Metrics.builder()
              .add("sphere", value(candidate) + jitter, "", Origin.MEASURED).build();
        }
      };
    }
  }

  static class NoisyEvaluatorContract extends EvaluatorContract {
    @Override
    protected EvaluatorProvider provider() {
      return new NoisyEvaluatorProvider();
    }

    @Override
    protected List<Candidate> candidates() {
      return List.of(Candidate.of(Map.of("x", 1.0)), Candidate.of(Map.of("x", 2.0)));
    }
  }

  /** The noisy evaluator declared stochastic, which the contract then accepts. */
  static final class DeclaredStochasticEvaluatorContract extends NoisyEvaluatorContract {
    @Override
    protected boolean stochastic() {
      return true;
    }
  }

  /** A compressor that doubles the model. */
  public static final class InflatingCompressorProvider implements CompressorProvider {
    @Override
    public PluginInfo info() {
      return brokenInfo("tck-inflating");
    }

    @Override
    public Compressor create(PluginContext context) {
      return new Compressor() {
        @Override
        public String id() {
          return "tck-inflating";
        }

        @Override
        public boolean accepts(Model model) {
          return model instanceof WeightVector;
        }

        @Override
        public Compression compress(Model model) {
          double[] w = ((WeightVector) model).weights();
          double[] twice = new double[2 * w.length];
          System.arraycopy(w, 0, twice, 0, w.length);
          System.arraycopy(w, 0, twice, w.length, w.length);
          return new Compression(new WeightVector(model.architecture(), twice), Metrics.builder()
              .add("growth", 2, "", Origin.ANALYTIC).build());
        }
      };
    }
  }

  static final class InflatingCompressorContract extends CompressorContract {
    @Override
    protected CompressorProvider provider() {
      return new InflatingCompressorProvider();
    }

    @Override
    protected Model model() {
      return WeightVector.ramp(16);
    }
  }

  /** A cost model that claims to support every workload but costs only models. */
  public static final class OverclaimingAcceleratorProvider implements AcceleratorProvider {
    @Override
    public PluginInfo info() {
      return brokenInfo(AnalyticLatencyProvider.ID);
    }

    @Override
    public Accelerator create(PluginContext context) {
      return new AnalyticLatencyProvider.AnalyticLatency(100) {
        @Override
        public boolean supports(Workload workload) {
          return true;
        }
      };
    }
  }

  static final class OverclaimingAcceleratorContract extends AcceleratorContract {
    @Override
    protected AcceleratorProvider provider() {
      return new OverclaimingAcceleratorProvider();
    }

    @Override
    protected List<Workload> workloads() {
      return List.of(WeightVector.ramp(8));
    }
  }

  /**
   * A network provider whose hidden width changes from one network to the next and whose
   * refusal of an odd width does not name the setting.
   */
  public static final class DriftingNetworkProvider extends TinyMlpProvider {
    private int created;

    @Override
    public Network create(PluginContext context) {
      int width = context.settings().getInt("width");
      if (width % 2 != 0) {
        throw new IllegalArgumentException("odd sizes are not supported");
      }
      return network(width + 2 * created++);
    }
  }

  static final class DriftingNetworkContract extends NetworkContract {
    private final DriftingNetworkProvider provider = new DriftingNetworkProvider();

    @Override
    protected NetworkProvider provider() {
      return provider;
    }

    @Override
    protected Map<String, String> invalidSettings() {
      return Map.of("width", "7");
    }
  }

  /**
   * A graph algorithm provider that ServiceLoader cannot create (not public), with a parameter
   * that has no doc and a default outside its own range.
   */
  static final class SloppyGraphProvider implements GraphAlgorithmProvider {
    @Override
    public PluginInfo info() {
      return brokenInfo(BfsHopsProvider.ID);
    }

    @Override
    public List<ParameterSpec> parameters() {
      return List.of(ParameterSpec.integer("source", 99, " ").range(0, 10));
    }

    @Override
    public GraphAlgorithm<?> create(PluginContext context) {
      return new BfsHopsProvider.BfsHops(context.settings().getInt("source"));
    }
  }

  static final class SloppyGraphContract extends GraphAlgorithmContract {
    @Override
    protected GraphAlgorithmProvider provider() {
      return new SloppyGraphProvider();
    }

    @Override
    protected Map<String, String> settings() {
      return Map.of("source", "0");
    }
  }

  /** A list store that stores a trial id again. */
  public static final class DuplicatingStoreProvider implements ResultStoreProvider {
    @Override
    public PluginInfo info() {
      return brokenInfo(ListResultStoreProvider.ID);
    }

    @Override
    public ResultStore open(PluginContext context, RecordCodec codec) throws IOException {
      return new ListResultStoreProvider.ListResultStore(
          context.workDirectory().getParent().resolve("trials.jsonl"), codec) {
        @Override
        public boolean append(TrialRecord record) throws IOException {
          write(record);
          return true;
        }
      };
    }
  }

  static final class DuplicatingStoreContract extends ResultStoreContract {
    @Override
    protected ResultStoreProvider provider() {
      return new DuplicatingStoreProvider();
    }
  }

  /** A thread-pool executor that lets a failing attempt's future complete exceptionally. */
  public static final class LeakyExecutorProvider implements ExecutorProvider {
    @Override
    public PluginInfo info() {
      return brokenInfo(ThreadPoolExecutorProvider.ID);
    }

    @Override
    public TrialExecutor create(PluginContext context, TrialRunner runner) {
      return new ThreadPoolExecutorProvider.ThreadPoolExecutor(2, runner) {
        @Override
        void completeFailed(CompletableFuture<TrialOutcome> outcome, TrialTask task,
            Throwable error, Instant started, Duration took, String worker) {
          outcome.completeExceptionally(error);
        }
      };
    }
  }

  static final class LeakyExecutorContract extends TrialExecutorContract {
    @Override
    protected ExecutorProvider provider() {
      return new LeakyExecutorProvider();
    }
  }

  /** A reproduction that lists one claim twice. */
  public static final class RepeatedClaimProvider implements ReproductionProvider {
    @Override
    public PluginInfo info() {
      return brokenInfo(SphereReproductionProvider.ID);
    }

    @Override
    public Reproduction create(PluginContext context) {
      return new SphereReproductionProvider.SphereReproduction(context.seed()) {
        @Override
        public List<Claim> claims() {
          List<Claim> claims = new ArrayList<>(super.claims());
          claims.add(SphereReproductionProvider.SPACE_SIZE);
          return claims;
        }
      };
    }
  }

  static final class RepeatedClaimContract extends ReproductionContract {
    @Override
    protected ReproductionProvider provider() {
      return new RepeatedClaimProvider();
    }
  }
}
