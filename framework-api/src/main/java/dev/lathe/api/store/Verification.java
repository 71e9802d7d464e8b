package dev.lathe.api.store;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The result of checking a store.
 *
 * @param intact whether every check passed
 * @param records how many records were checked
 * @param detail what was checked, or the first thing that failed and where
 */
@API(status = STABLE, since = "0.1")
public record Verification(boolean intact, long records, String detail) {

  /** Checks the detail. */
  public Verification {
    Objects.requireNonNull(detail, "detail");
  }

  /** A passed check. */
  public static Verification ok(long records, String detail) {
    return new Verification(true, records, detail);
  }

  /** A failed check. */
  public static Verification failed(long records, String detail) {
    return new Verification(false, records, detail);
  }
}
