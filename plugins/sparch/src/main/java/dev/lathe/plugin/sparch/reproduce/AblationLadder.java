package dev.lathe.plugin.sparch.reproduce;

import dev.lathe.api.sparse.SparseMatrix;
import dev.lathe.plugin.sparch.sim.BufferPolicy;
import dev.lathe.plugin.sparch.sim.OuterSpaceSimulator;
import dev.lathe.plugin.sparch.sim.Simulation;
import dev.lathe.plugin.sparch.sim.SparchConfig;
import dev.lathe.plugin.sparch.sim.SparchSimulator;
import dev.lathe.plugin.sparch.sim.Traffic;
import java.util.List;

/**
 * SpArch's ablation on one product {@code A × A}: OuterSPACE, then SpArch's pipelined
 * multiply-merge alone, with condensing, with the Huffman scheduler, with the row prefetcher;
 * every step's product checked against the reference (Gustavson's, from {@code framework-api}).
 * Before the prefetcher, B is read through a buffer of the same size used as a plain LRU cache,
 * so that the last step measures lookahead and Belady's replacement, not having a buffer.
 */
final class AblationLadder {

  /** The steps of the ladder after OuterSPACE, each adding one technique. */
  enum Step {
    PIPELINED(false, false, BufferPolicy.LRU),
    CONDENSED(true, false, BufferPolicy.LRU),
    HUFFMAN(true, true, BufferPolicy.LRU),
    PREFETCH(true, true, BufferPolicy.PREFETCHER);

    final boolean condensing;
    final boolean huffman;
    final BufferPolicy bBuffer;

    Step(boolean condensing, boolean huffman, BufferPolicy bBuffer) {
      this.condensing = condensing;
      this.huffman = huffman;
      this.bBuffer = bBuffer;
    }
  }

  /**
   * One matrix's ladder.
   *
   * @param name the matrix
   * @param rows its rows (= columns)
   * @param nnz its stored entries
   * @param outerSpace the baseline's simulation
   * @param steps the simulations of {@link Step}'s steps, in order
   * @param unbuffered the last step's SpArch with no buffer for B at all
   * @param exact whether every simulated product equals the reference (exactly for
   *     integer-valued matrices, within 1e-9 relative otherwise)
   * @param integerValued whether every entry of the matrix is an integer
   */
  record Row(String name, int rows, int nnz, Outcome outerSpace, List<Outcome> steps,
      Outcome unbuffered, boolean exact, boolean integerValued) {

    Outcome step(Step step) {
      return steps.get(step.ordinal());
    }

    /** Traffic before {@code from} divided by traffic after {@code to}. */
    double trafficRatio(Outcome from, Outcome to) {
      return (double) from.traffic().total() / to.traffic().total();
    }
  }

  /**
   * What a simulation gave, less the product (checked, then let go).
   *
   * @param traffic DRAM traffic by category
   * @param cycles the estimated cycles
   * @param partialMatrices the merge tree's leaves
   * @param rounds the passes through the merge tree
   */
  record Outcome(Traffic traffic, long cycles, int partialMatrices, int rounds) {
    static Outcome of(Simulation sim) {
      return new Outcome(sim.traffic(), sim.cycles(), sim.partialMatrices(), sim.rounds());
    }
  }

  private AblationLadder() {}

  /** The ladder of {@code name}'s square with the hardware of {@code config}. */
  static Row run(String name, SparseMatrix a, SparchConfig config) {
    Check check = new Check(a.multiply(a), integerValued(a));
    Outcome outerSpace = check.outcome(new OuterSpaceSimulator(config).simulate(a, a));
    Outcome[] steps = new Outcome[Step.values().length];
    for (Step step : Step.values()) {
      steps[step.ordinal()] = check.outcome(new SparchSimulator(config.withTechniques(
          step.condensing, step.huffman, step.bBuffer)).simulate(a, a));
    }
    Outcome unbuffered = check.outcome(new SparchSimulator(config.withTechniques(true, true,
        BufferPolicy.NONE)).simulate(a, a));
    return new Row(name, a.rows(), a.nnz(), outerSpace, List.of(steps), unbuffered,
        check.exact, check.integerValued);
  }

  /** Compares each simulated product with the reference as it comes, then lets it go. */
  private static final class Check {
    final SparseMatrix reference;
    final boolean integerValued;
    boolean exact = true;

    Check(SparseMatrix reference, boolean integerValued) {
      this.reference = reference;
      this.integerValued = integerValued;
    }

    Outcome outcome(Simulation sim) {
      exact &= integerValued ? sim.product().equals(reference)
          : sim.product().equalsWithin(reference, 1e-9);
      return Outcome.of(sim);
    }
  }

  private static boolean integerValued(SparseMatrix a) {
    for (int k = 0; k < a.nnz(); k++) {
      if (a.value(k) != Math.rint(a.value(k))) {
        return false;
      }
    }
    return true;
  }

  /** The geometric mean of {@code values}. */
  static double geometricMean(double[] values) {
    double logs = 0;
    for (double v : values) {
      logs += Math.log(v);
    }
    return Math.exp(logs / values.length);
  }
}
