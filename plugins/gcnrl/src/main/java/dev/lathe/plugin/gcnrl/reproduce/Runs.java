package dev.lathe.plugin.gcnrl.reproduce;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.Observation;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Candidate;
import dev.lathe.plugin.gcnrl.circuit.CircuitEvaluator;
import dev.lathe.plugin.gcnrl.circuit.CircuitSpace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

/** Runs one method on one circuit for a budget of simulations and records its curve. */
final class Runs {

  private Runs() {}

  /** The problem every method solves: maximise the figure of merit (specs are inside it). */
  static Problem problem(CircuitSpace space) {
    return new Problem(space, List.of(Objective.maximize(CircuitEvaluator.FOM)), List.of());
  }

  /** Asks one candidate at a time, simulates it and tells the outcome, {@code budget} times. */
  static Curve optimize(String method, Optimizer optimizer, CircuitEvaluator evaluator,
      CircuitSpace space, int budget, long seed) {
    double[] foms = new double[budget];
    for (int t = 0; t < budget; t++) {
      Candidate c = optimizer.ask(1).get(0);
      Observation observation;
      try {
        Metrics metrics = evaluator.evaluate(c);
        foms[t] = metrics.value(CircuitEvaluator.FOM);
        observation = new Observation(t, c, metrics, null);
      } catch (CircuitEvaluator.SimulationFailedException e) {
        foms[t] = Double.NaN;
        observation = new Observation(t, c, Metrics.empty(), e.getMessage());
      }
      optimizer.tell(observation);
    }
    return Curve.of(method, task(space), seed, foms);
  }

  /** Optuna's TPE through {@link OptunaPeer}, {@code budget} simulations. */
  static Curve optuna(CircuitEvaluator evaluator, CircuitSpace space, int budget, long seed,
      Path folder) throws IOException {
    double[] foms = new double[budget];
    try (OptunaPeer peer = OptunaPeer.start(space, seed, folder)) {
      for (int t = 0; t < budget; t++) {
        OptionalDouble fom = simulate(evaluator, peer.ask());
        foms[t] = fom.orElse(Double.NaN);
        peer.tell(fom);
      }
    }
    return Curve.of("optuna-tpe", task(space), seed, foms);
  }

  /** The human reference sizing: one simulation, whose FoM is the whole curve. */
  static Curve reference(CircuitEvaluator evaluator, CircuitSpace space, int budget) {
    double fom = simulate(evaluator, space.reference()).orElse(Double.NaN);
    double[] foms = new double[budget];
    java.util.Arrays.fill(foms, fom);
    return Curve.of("human", task(space), 0, foms);
  }

  static OptionalDouble simulate(CircuitEvaluator evaluator, Candidate c) {
    try {
      return OptionalDouble.of(evaluator.evaluate(c).value(CircuitEvaluator.FOM));
    } catch (CircuitEvaluator.SimulationFailedException e) {
      return OptionalDouble.empty();
    }
  }

  static String task(CircuitSpace space) {
    return space.circuit().id() + "@" + space.node().id();
  }
}
