package dev.lathe.testkit.tck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.reproduce.Claim;
import dev.lathe.api.reproduce.ClaimResult;
import dev.lathe.api.reproduce.Reproduction;
import dev.lathe.api.spi.ReproductionProvider;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Reproduction}: a fixed, non-empty list of fully described claims
 * with unique ids, each of which {@code check} answers in {@link Reproduction.Mode#QUICK} mode
 * with a result for that claim, all within {@link #quickBudget()}.
 *
 * <pre>{@code
 * class MyPaperReproductionTest extends ReproductionContract {
 *   @Override protected ReproductionProvider provider() { return new MyPaperProvider(); }
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class ReproductionContract extends PluginProviderContract<ReproductionProvider> {

  private static final Pattern CLAIM_ID = Pattern.compile("[a-z0-9]+([-_.][a-z0-9]+)*");

  /** For subclasses. */
  protected ReproductionContract() {}

  /** How long checking every claim in QUICK mode may take. Default: 5 minutes. */
  protected Duration quickBudget() {
    return Duration.ofMinutes(5);
  }

  @Override
  protected final ExtensionPoint point() {
    return ExtensionPoint.REPRODUCTION;
  }

  @Override
  protected final String instanceId() {
    return newReproduction().id();
  }

  /** A new reproduction from the provider with {@link #context()}. */
  protected final Reproduction newReproduction() {
    Reproduction reproduction = provider().create(context());
    assertNotNull(reproduction, () -> plugin() + ": create() returned null");
    return reproduction;
  }

  /**
   * Checks that there are claims, each with a unique lower-case id and a non-blank statement,
   * paper value and source.
   */
  @Test
  public void claimsAreDescribedWithUniqueIds() {
    List<Claim> claims = newReproduction().claims();
    assertFalse(claims == null || claims.isEmpty(),
        () -> plugin() + ": claims() is empty; a reproduction checks at least one claim");
    Set<String> ids = new HashSet<>();
    for (Claim c : claims) {
      assertTrue(CLAIM_ID.matcher(c.id()).matches(), () -> plugin() + ": claim id '" + c.id()
          + "' is not lower-case letters and digits in words joined by '-', '_' or '.',"
          + " e.g. branin-optimum");
      assertTrue(ids.add(c.id()), () -> plugin() + ": claim id '" + c.id() + "' is used twice");
      assertFalse(c.statement().isBlank(), () -> plugin() + ": claim " + c.id() + " has no statement");
      assertFalse(c.paperValue().isBlank(),
          () -> plugin() + ": claim " + c.id() + " does not give the paper's figure");
      assertFalse(c.source().isBlank(),
          () -> plugin() + ": claim " + c.id() + " does not say where the paper states it");
    }
  }

  /** Checks that claims() gives the same list on every call and every instance. */
  @Test
  public void claimsAreFixed() {
    Reproduction reproduction = newReproduction();
    assertEquals(reproduction.claims(), reproduction.claims(),
        () -> plugin() + ": claims() changed between two calls");
    assertEquals(reproduction.claims(), newReproduction().claims(),
        () -> plugin() + ": two instances with the same settings list different claims");
  }

  /**
   * Checks that check(claim, QUICK) returns a result for that very claim, with Lathe's figure,
   * for every claim, all within {@link #quickBudget()}.
   */
  @Test
  public void everyClaimIsCheckedInQuickMode() throws Exception {
    Reproduction reproduction = newReproduction();
    long start = System.nanoTime();
    for (Claim claim : reproduction.claims()) {
      ClaimResult result = reproduction.check(claim, Reproduction.Mode.QUICK);
      assertNotNull(result, () -> plugin() + ": check(" + claim.id() + ", QUICK) returned null");
      assertEquals(claim, result.claim(), () -> plugin() + ": check(" + claim.id()
          + ", QUICK) returned a result for claim " + result.claim().id());
      assertFalse(result.measured().isBlank(), () -> plugin() + ": check(" + claim.id()
          + ", QUICK) gave no measured figure");
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(quickBudget()) <= 0, () -> plugin() + ": checking every claim in"
        + " QUICK mode took " + took + ", over the budget of " + quickBudget());
  }
}
