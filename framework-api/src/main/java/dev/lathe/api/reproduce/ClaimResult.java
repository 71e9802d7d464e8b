package dev.lathe.api.reproduce;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.metric.Origin;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What checking a claim showed.
 *
 * @param claim the claim checked
 * @param measured Lathe's figure, as text with its unit
 * @param verdict whether it reproduces
 * @param origin how Lathe's figure was obtained
 * @param note scale, data and any reason the figure differs; may be empty
 */
@API(status = STABLE, since = "0.1")
public record ClaimResult(
    Claim claim, String measured, Verdict verdict, Origin origin, String note) {

  /** How a claim fared. */
  public enum Verdict {
    /** Lathe's figure matches the paper's within the stated tolerance. */
    REPRODUCED,
    /** The mechanism shows the claimed effect, at a different size (e.g. at small scale). */
    PARTIAL,
    /** Lathe's figure contradicts the paper's. */
    NOT_REPRODUCED
  }

  /** Checks the parts. */
  public ClaimResult {
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(measured, "measured");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(note, "note");
  }
}
