package dev.lathe.core.internal.config;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * When an experiment stops: after {@code trials} trials, after {@code time} of wall time, or
 * when the first objective reaches {@code target}, whichever comes first.
 *
 * @param trials how many trials ({@code budget.trials}), at least 1
 * @param time wall-time limit ({@code budget.time}); {@link Duration#ZERO} for none
 * @param target stop once the best value of the first objective is at least this good
 *     ({@code budget.target})
 */
public record Budget(long trials, Duration time, OptionalDouble target) {

  /** Checks the parts. */
  public Budget {
    if (trials < 1) {
      throw new IllegalArgumentException("budget.trials must be at least 1");
    }
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(target, "target");
  }
}
