package dev.lathe.nd4j.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The learning rate of every update, as a function of the number of updates made before it
 * ({@code step}, from 0). Schedules are values: they are written into checkpoints and compared.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface LearningRateSchedule {

  /** The learning rate of update number {@code step} (0 for the first update). */
  double rate(long step);

  /**
   * The same rate for every update.
   *
   * @param rate the learning rate, positive
   */
  record Constant(double rate) implements LearningRateSchedule {

    /** Checks the rate. */
    public Constant {
      positive("rate", rate);
    }

    @Override
    public double rate(long step) {
      return rate;
    }
  }

  /**
   * {@code rate}, multiplied by {@code factor} after every {@code every} updates:
   * {@code rate * factor^floor(step / every)}.
   *
   * @param rate the first learning rate, positive
   * @param every the number of updates between decays, at least 1
   * @param factor the multiplier at each decay, positive (below 1 to decay)
   */
  record StepDecay(double rate, long every, double factor) implements LearningRateSchedule {

    /** Checks the parts. */
    public StepDecay {
      positive("rate", rate);
      if (every < 1) {
        throw new IllegalArgumentException("every must be at least 1, not " + every);
      }
      positive("factor", factor);
    }

    @Override
    public double rate(long step) {
      return rate * Math.pow(factor, Math.floorDiv(step, every));
    }
  }

  /**
   * Cosine annealing without restarts (Loshchilov and Hutter, SGDR, arXiv:1608.03983): from
   * {@code rate} at step 0 down to {@code minRate} at step {@code steps}, then {@code minRate}:
   * {@code minRate + (rate - minRate) * (1 + cos(pi * min(step, steps) / steps)) / 2}.
   *
   * @param rate the first learning rate, positive
   * @param steps the number of updates over which it falls, at least 1
   * @param minRate the last learning rate, from 0 to {@code rate}
   */
  record Cosine(double rate, long steps, double minRate) implements LearningRateSchedule {

    /** Checks the parts. */
    public Cosine {
      positive("rate", rate);
      if (steps < 1) {
        throw new IllegalArgumentException("steps must be at least 1, not " + steps);
      }
      floor(minRate, rate);
    }

    @Override
    public double rate(long step) {
      return cosine(rate, minRate, Math.min(step, steps), steps);
    }
  }

  /**
   * A linear warm-up then cosine annealing: update {@code step < warmupSteps} uses
   * {@code rate * (step + 1) / warmupSteps} (so the last warm-up update uses {@code rate} and
   * the first is not wasted on a rate of 0), then the rate falls as in {@link Cosine} from
   * {@code rate} to {@code minRate} over the remaining {@code steps - warmupSteps} updates, and
   * stays at {@code minRate} after {@code steps}.
   *
   * @param rate the peak learning rate, positive
   * @param warmupSteps the number of warm-up updates, from 0 to {@code steps - 1}
   * @param steps the number of updates of warm-up and annealing together, at least 1
   * @param minRate the last learning rate, from 0 to {@code rate}
   */
  record WarmupCosine(double rate, long warmupSteps, long steps, double minRate)
      implements LearningRateSchedule {

    /** Checks the parts. */
    public WarmupCosine {
      positive("rate", rate);
      if (steps < 1) {
        throw new IllegalArgumentException("steps must be at least 1, not " + steps);
      }
      if (warmupSteps < 0 || warmupSteps >= steps) {
        throw new IllegalArgumentException("warmupSteps must be from 0 to steps - 1 = "
            + (steps - 1) + ", not " + warmupSteps);
      }
      floor(minRate, rate);
    }

    @Override
    public double rate(long step) {
      if (step < warmupSteps) {
        return rate * (step + 1) / warmupSteps;
      }
      long annealing = steps - warmupSteps;
      return cosine(rate, minRate, Math.min(step - warmupSteps, annealing), annealing);
    }
  }

  private static double cosine(double rate, double minRate, long done, long total) {
    return minRate + (rate - minRate) * (1 + Math.cos(Math.PI * done / total)) / 2;
  }

  private static void positive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be positive and finite, not " + value);
    }
  }

  private static void floor(double minRate, double rate) {
    if (!(minRate >= 0 && minRate <= rate)) {
      throw new IllegalArgumentException("minRate must be from 0 to rate = " + rate + ", not "
          + minRate);
    }
  }
}
