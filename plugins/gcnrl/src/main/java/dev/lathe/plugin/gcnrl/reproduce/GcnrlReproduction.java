package dev.lathe.plugin.gcnrl.reproduce;

import dev.lathe.api.metric.Origin;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.reproduce.Claim;
import dev.lathe.api.reproduce.ClaimResult;
import dev.lathe.api.reproduce.Reproduction;
import dev.lathe.api.spi.OptimizerProvider;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.plugin.gcnrl.agent.Ddpg;
import dev.lathe.plugin.gcnrl.agent.DdpgSettings;
import dev.lathe.plugin.gcnrl.circuit.Circuit;
import dev.lathe.plugin.gcnrl.circuit.CircuitEvaluator;
import dev.lathe.plugin.gcnrl.circuit.CircuitSpace;
import dev.lathe.plugin.gcnrl.circuit.Circuits;
import dev.lathe.plugin.gcnrl.circuit.TechnologyNode;
import dev.lathe.plugin.gcnrl.spice.CommonSourceStage;
import dev.lathe.plugin.gcnrl.spice.Simulation;
import dev.lathe.plugin.gcnrl.spice.Simulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The small-scale reproduction of GCN-RL (arXiv:2005.00406) on ngspice: the simulator against
 * a hand calculation; on every circuit, at equal simulation budgets and several seeds,
 * GCN-DDPG vs MLP-DDPG vs GP-EI (Bayesian optimisation), CMA-ES (evolution strategy) and
 * random search from the baselines plugin, Optuna's TPE run in the same process tree, and the
 * human reference; and transfer node→node and topology→topology vs training from scratch.
 * Curves ({@code curves.csv}) and FoM-vs-simulations plots ({@code fom-*.png}) go to the work
 * folder.
 */
final class GcnrlReproduction implements Reproduction {

  static final String ID = "gcnrl";
  static final String NODE = "berkeley-a";
  static final String OTHER_NODE = "berkeley-b";
  private static final String PAPER = "arXiv:2005.00406";

  /** How big a run is. */
  record Scale(int seeds, int budget, int warmup, int transferTraining, int transferBudget) {}

  static final Scale QUICK = new Scale(2, 30, 10, 40, 12);
  static final Scale FULL = new Scale(3, 150, 30, 150, 40);

  private static final Claim HAND = new Claim("hand-calculation",
      "the simulator agrees with a hand calculation of a common-source stage's gain",
      "exact (textbook formula)", "acceptance test of the issue");
  private static final Claim TRANSFER_NODE = new Claim("transfer-node",
      "an agent trained on one technology node reaches a higher FoM on another node with a small"
          + " budget than training from scratch", "higher", PAPER + ", abstract and section 4");
  private static final Claim TRANSFER_TOPOLOGY = new Claim("transfer-topology",
      "an agent trained on the two-stage TIA reaches a higher FoM on the three-stage TIA with a"
          + " small budget than training from scratch", "higher", PAPER + ", section 4");

  private final PluginContext context;
  private final Simulator simulator;
  private final int parallelism;
  private final Path folder;
  private final List<String> csv = new ArrayList<>();

  GcnrlReproduction(PluginContext context, Simulator simulator, int parallelism) {
    this.context = context;
    this.simulator = simulator;
    this.parallelism = parallelism;
    this.folder = context.workDirectory();
    csv.add("task,method,seed,simulation,best_fom");
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Claim> claims() {
    List<Claim> claims = new ArrayList<>();
    claims.add(HAND);
    for (String c : Circuits.BUILT_IN) {
      claims.add(comparisonClaim(c));
    }
    claims.add(TRANSFER_NODE);
    claims.add(TRANSFER_TOPOLOGY);
    return claims;
  }

  private static Claim comparisonClaim(String circuit) {
    return new Claim("fom-" + circuit, "GCN-DDPG reaches the highest FoM on " + circuit
        + " at an equal simulation budget, against MLP-DDPG, BO, ES, random search and a human",
        "highest of all methods (exact FoMs not published)", PAPER + ", table 2");
  }

  @Override
  public ClaimResult check(Claim claim, Mode mode) throws Exception {
    Scale scale = mode == Mode.QUICK ? QUICK : FULL;
    if (claim.equals(HAND)) {
      return handCalculation(claim);
    }
    if (claim.equals(TRANSFER_NODE)) {
      return transfer(claim, scale, "tia3", NODE, "tia3", OTHER_NODE);
    }
    if (claim.equals(TRANSFER_TOPOLOGY)) {
      return transfer(claim, scale, "tia2", NODE, "tia3", NODE);
    }
    for (String c : Circuits.BUILT_IN) {
      if (claim.equals(comparisonClaim(c))) {
        return comparison(claim, scale, c);
      }
    }
    throw new IllegalArgumentException("reproduction '" + ID + "' has no claim '" + claim.id()
        + "'");
  }

  private ClaimResult handCalculation(Claim claim) {
    CommonSourceStage stage = CommonSourceStage.standard();
    Simulation s = simulator.simulate(stage.deck());
    if (!s.succeeded()) {
      return new ClaimResult(claim, "simulation failed", ClaimResult.Verdict.NOT_REPRODUCED,
          Origin.SIMULATED, s.failure());
    }
    double error = Math.abs(s.value("gain") / stage.gain() - 1);
    return new ClaimResult(claim, String.format(Locale.ROOT,
        "gain %.4f simulated vs %.4f by hand (relative error %.1e)", s.value("gain"),
        stage.gain(), error), error < 1e-3 ? ClaimResult.Verdict.REPRODUCED
            : ClaimResult.Verdict.NOT_REPRODUCED, Origin.SIMULATED,
        "level-1 MOSFET, KP 200 µA/V², VTO 0.5 V, λ 0.05, W/L 10, RD 10 kΩ; ngspice "
            + simulator.mode().name().toLowerCase(Locale.ROOT));
  }

  private ClaimResult comparison(Claim claim, Scale scale, String circuitId) throws Exception {
    Circuit circuit = Circuits.builtIn(circuitId);
    CircuitSpace space = new CircuitSpace(circuit, TechnologyNode.builtIn(NODE));
    CircuitEvaluator evaluator = new CircuitEvaluator(space, circuit.figureOfMerit(), simulator);
    List<Callable<Curve>> jobs = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    boolean optuna = OptunaPeer.available();
    if (!optuna) {
      missing.add("optuna-tpe (/usr/bin/python3 cannot import optuna)");
    }
    for (int s = 0; s < scale.seeds(); s++) {
      long seed = context.seed() + s;
      for (String method : List.of("gcn-ddpg", "mlp-ddpg")) {
        DdpgSettings settings = DdpgSettings.defaults().withGraph(method.equals("gcn-ddpg"))
            .withWarmup(scale.warmup());
        jobs.add(() -> Runs.optimize(method, new Ddpg(Runs.problem(space), settings, seed),
            evaluator, space, scale.budget(), seed));
      }
      for (String peer : List.of("gp-ei", "cmaes", "random")) {
        Optional<OptimizerProvider> provider = provider(peer);
        if (provider.isEmpty()) {
          if (s == 0) {
            missing.add(peer + " (the baselines plugin is not installed)");
          }
          continue;
        }
        jobs.add(() -> Runs.optimize(peer, provider.get().create(
            new DefaultsContext(context, provider.get(), seed), Runs.problem(space)),
            evaluator, space, scale.budget(), seed));
      }
      if (optuna) {
        Path peerFolder = folder.resolve("optuna-" + circuitId + "-" + s);
        jobs.add(() -> Runs.optuna(evaluator, space, scale.budget(), seed, peerFolder));
      }
    }
    jobs.add(() -> Runs.reference(evaluator, space, scale.budget()));
    List<Curve> curves = runAll(jobs);
    record(curves);
    FomPlot.write(circuit.description() + " on " + NODE, curves,
        folder.resolve("fom-" + circuitId + ".png"));
    Map<String, double[]> best = bestByMethod(curves);
    String ranking = ranking(best);
    String winner = best.entrySet().stream()
        .max(Comparator.comparingDouble(e -> mean(e.getValue()))).orElseThrow().getKey();
    double gcn = mean(best.get("gcn-ddpg"));
    boolean beatsRandomAndHuman = gcn > mean(best.getOrDefault("random", new double[] {-9}))
        && gcn > mean(best.get("human"));
    ClaimResult.Verdict verdict = winner.equals("gcn-ddpg") ? ClaimResult.Verdict.REPRODUCED
        : beatsRandomAndHuman ? ClaimResult.Verdict.PARTIAL : ClaimResult.Verdict.NOT_REPRODUCED;
    return new ClaimResult(claim, "best FoM, mean ± sd over " + scale.seeds() + " seeds at "
        + scale.budget() + " simulations: " + ranking, verdict, Origin.SIMULATED,
        "best: " + winner + "; plot fom-" + circuitId + ".png"
            + (missing.isEmpty() ? "" : "; not run: " + String.join(", ", missing)));
  }

  private ClaimResult transfer(Claim claim, Scale scale, String sourceCircuit, String sourceNode,
      String targetCircuit, String targetNode) throws Exception {
    CircuitSpace source = new CircuitSpace(Circuits.builtIn(sourceCircuit),
        TechnologyNode.builtIn(sourceNode));
    CircuitSpace target = new CircuitSpace(Circuits.builtIn(targetCircuit),
        TechnologyNode.builtIn(targetNode));
    CircuitEvaluator sourceEvaluator = new CircuitEvaluator(source,
        source.circuit().figureOfMerit(), simulator);
    CircuitEvaluator targetEvaluator = new CircuitEvaluator(target,
        target.circuit().figureOfMerit(), simulator);
    List<Callable<Curve>> jobs = new ArrayList<>();
    for (int s = 0; s < scale.seeds(); s++) {
      long seed = context.seed() + 100 + s;
      jobs.add(() -> {
        Ddpg trained = new Ddpg(Runs.problem(source),
            DdpgSettings.defaults().withWarmup(scale.warmup()), seed);
        Runs.optimize("source", trained, sourceEvaluator, source, scale.transferTraining(), seed);
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        trained.saveAgent(saved);
        Ddpg transferred = new Ddpg(Runs.problem(target),
            DdpgSettings.defaults().withNoise(0.2), seed);
        transferred.loadAgent(new ByteArrayInputStream(saved.toByteArray()), 0);
        return Runs.optimize("transfer", transferred, targetEvaluator, target,
            scale.transferBudget(), seed);
      });
      jobs.add(() -> Runs.optimize("scratch", new Ddpg(Runs.problem(target),
          DdpgSettings.defaults().withWarmup(Math.max(1, scale.transferBudget() / 3)), seed),
          targetEvaluator, target, scale.transferBudget(), seed));
    }
    List<Curve> curves = runAll(jobs);
    record(curves);
    String name = "transfer-" + sourceCircuit + "@" + sourceNode + "-to-" + targetCircuit + "@"
        + targetNode;
    FomPlot.write(name, curves, folder.resolve(name + ".png"));
    Map<String, double[]> best = bestByMethod(curves);
    boolean better = mean(best.get("transfer")) > mean(best.get("scratch"));
    return new ClaimResult(claim, String.format(Locale.ROOT,
        "best FoM after %d simulations on %s@%s: %s (agent trained %d simulations on %s@%s)",
        scale.transferBudget(), targetCircuit, targetNode, ranking(best),
        scale.transferTraining(), sourceCircuit, sourceNode),
        better ? ClaimResult.Verdict.REPRODUCED : ClaimResult.Verdict.NOT_REPRODUCED,
        Origin.SIMULATED, "plot " + name + ".png");
  }

  private Optional<OptimizerProvider> provider(String id) {
    ServiceLoader<OptimizerProvider> loader = getClass().getModule().getLayer() == null
        ? ServiceLoader.load(OptimizerProvider.class)
        : ServiceLoader.load(getClass().getModule().getLayer(), OptimizerProvider.class);
    return loader.stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.info().id().equals(id)).findFirst();
  }

  private List<Curve> runAll(List<Callable<Curve>> jobs) throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(parallelism);
    try {
      List<Future<Curve>> futures = executor.invokeAll(jobs);
      List<Curve> curves = new ArrayList<>();
      for (Future<Curve> f : futures) {
        try {
          curves.add(f.get());
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
      return curves;
    } finally {
      executor.shutdownNow();
    }
  }

  private void record(List<Curve> curves) throws IOException {
    for (Curve c : curves) {
      for (int i = 0; i < c.bestSoFar().length; i++) {
        csv.add(String.format(Locale.ROOT, "%s,%s,%d,%d,%s", c.task(), c.method(), c.seed(),
            i + 1, c.bestSoFar()[i]));
      }
    }
    Files.createDirectories(folder);
    Files.write(folder.resolve("curves.csv"), csv, StandardCharsets.UTF_8);
  }

  private static Map<String, double[]> bestByMethod(List<Curve> curves) {
    Map<String, List<Double>> lists = new LinkedHashMap<>();
    for (Curve c : curves) {
      lists.computeIfAbsent(c.method(), k -> new ArrayList<>()).add(c.best());
    }
    Map<String, double[]> best = new LinkedHashMap<>();
    lists.forEach((m, l) -> best.put(m, l.stream().mapToDouble(d -> Double.isNaN(d) ? -10 : d)
        .toArray()));
    return best;
  }

  private static String ranking(Map<String, double[]> best) {
    return String.join(", ", best.entrySet().stream()
        .sorted(Comparator.comparingDouble(e -> -mean(e.getValue())))
        .map(e -> String.format(Locale.ROOT, "%s %.3f ± %.3f", e.getKey(), mean(e.getValue()),
            sd(e.getValue())))
        .toList());
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  static double sd(double[] x) {
    if (x.length < 2) {
      return 0;
    }
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return Math.sqrt(s / (x.length - 1));
  }
}
