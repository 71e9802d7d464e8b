package dev.lathe.core.internal.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How trials run.
 *
 * @param batch how many candidates to ask for at once and run in parallel ({@code execution.batch};
 *     default: the executor's parallelism)
 * @param timeout per attempt ({@code execution.timeout}); {@link Duration#ZERO} for none
 * @param retries how many times a failed trial is tried again ({@code execution.retries}; default 0)
 */
public record Execution(int batch, Duration timeout, int retries) {

  /** Checks the parts; a batch of 0 means "the executor's parallelism". */
  public Execution {
    if (batch < 0 || retries < 0) {
      throw new IllegalArgumentException("execution.batch and execution.retries must be >= 0");
    }
    Objects.requireNonNull(timeout, "timeout");
  }
}
