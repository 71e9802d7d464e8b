package dev.lathe.api.reproduce;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/** The small-scale reproduction of a paper's central claims, run by {@code lathe reproduce}. */
@API(status = STABLE, since = "0.1")
public interface Reproduction {

  /** How thoroughly to check: {@code QUICK} runs in minutes for CI; {@code FULL} as documented. */
  enum Mode {
    QUICK, FULL
  }

  /** The id under which {@code lathe reproduce ID} finds this reproduction. */
  String id();

  /** The claims this reproduction checks, in the order they are reported. */
  List<Claim> claims();

  /**
   * Checks one claim.
   *
   * @param claim one of {@link #claims()}
   * @param mode how thoroughly
   * @throws Exception if the check could not run; the kernel reports it against the claim
   */
  ClaimResult check(Claim claim, Mode mode) throws Exception;
}
