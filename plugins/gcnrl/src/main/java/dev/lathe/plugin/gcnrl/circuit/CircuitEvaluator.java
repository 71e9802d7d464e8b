package dev.lathe.plugin.gcnrl.circuit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.metric.EvaluationContext;
import dev.lathe.api.metric.Evaluator;
import dev.lathe.api.metric.Metrics;
import dev.lathe.api.metric.Origin;
import dev.lathe.api.space.Candidate;
import dev.lathe.plugin.gcnrl.spice.Simulation;
import dev.lathe.plugin.gcnrl.spice.Simulator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Simulates a sizing with ngspice and returns the circuit's metrics ({@code SIMULATED}) and the
 * figure of merit {@code fom} ({@code ANALYTIC}). A simulation that fails (no convergence, a
 * measurement that finds nothing) throws, so that the trial is recorded as failed.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CircuitEvaluator implements Evaluator {

  /** The id of this evaluator's plugin. */
  public static final String ID = "gcnrl-spice";
  /** The name of the figure-of-merit metric. */
  public static final String FOM = "fom";

  private final CircuitSpace space;
  private final FigureOfMerit figureOfMerit;
  private final Simulator simulator;

  /**
   * An evaluator of {@code space}'s candidates.
   *
   * @param space the circuit on its node
   * @param figureOfMerit how metrics combine into {@code fom}
   * @param simulator the ngspice backend; shared, not closed by this evaluator
   */
  public CircuitEvaluator(CircuitSpace space, FigureOfMerit figureOfMerit, Simulator simulator) {
    this.space = space;
    this.figureOfMerit = figureOfMerit;
    this.simulator = simulator;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<String> produces() {
    Set<String> names = new LinkedHashSet<>(space.circuit().metrics().keySet());
    names.add(FOM);
    return names;
  }

  @Override
  public Metrics evaluate(Candidate candidate, EvaluationContext context) {
    return evaluate(candidate);
  }

  /**
   * The metrics of {@code candidate}.
   *
   * @throws SimulationFailedException if ngspice gives no result
   */
  public Metrics evaluate(Candidate candidate) {
    Simulation s = simulator.simulate(space.deck(candidate));
    if (!s.succeeded()) {
      throw new SimulationFailedException(space.circuit().id() + " on " + space.node().id()
          + ": " + s.failure());
    }
    Metrics.Builder b = Metrics.builder();
    for (Map.Entry<String, String> m : space.circuit().metrics().entrySet()) {
      b.add(m.getKey(), s.value(m.getKey()), m.getValue(), Origin.SIMULATED);
    }
    Metrics metrics = b.build();
    return metrics.plus(Metrics.builder()
        .add(FOM, figureOfMerit.of(metrics), "", Origin.ANALYTIC).build());
  }

  /** Thrown when a sizing cannot be simulated; its message says why. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public static final class SimulationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with this reason. */
    public SimulationFailedException(String reason) {
      super(reason);
    }
  }
}
