package dev.lathe.api.reproduce;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A claim of a paper that a reproduction checks.
 *
 * @param id short id, unique within its reproduction, e.g. {@code branin-optimum}
 * @param statement the claim in one sentence
 * @param paperValue the paper's figure as printed, e.g. {@code 566M MACs} or {@code 5.4x}
 * @param source where the paper states it, e.g. {@code Table 2}
 */
@API(status = STABLE, since = "0.1")
public record Claim(String id, String statement, String paperValue, String source) {

  /** Checks the parts. */
  public Claim {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(paperValue, "paperValue");
    Objects.requireNonNull(source, "source");
  }
}
