package dev.lathe.core;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.reproduce.ClaimResult;
import dev.lathe.api.reproduce.Reproduction;
import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The outcome of {@code lathe reproduce}: one result per claim, in the reproduction's order.
 *
 * @param paper the reproduction's id
 * @param mode quick or full
 * @param results one per claim
 * @param elapsed wall time of all checks
 */
@API(status = STABLE, since = "0.1")
public record ReproductionReport(
    String paper, Reproduction.Mode mode, List<ClaimResult> results, Duration elapsed) {

  /** Copies the results. */
  public ReproductionReport {
    results = List.copyOf(results);
  }

  /** Whether every claim reproduced, fully or partially. */
  public boolean allReproduced() {
    return results.stream().noneMatch(r -> r.verdict() == ClaimResult.Verdict.NOT_REPRODUCED);
  }
}
