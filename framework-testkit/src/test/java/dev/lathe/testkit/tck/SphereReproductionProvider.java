package dev.lathe.testkit.tck;

import dev.lathe.api.metric.Origin;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.reproduce.Claim;
import dev.lathe.api.reproduce.ClaimResult;
import dev.lathe.api.reproduce.Reproduction;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.RealDimension;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.ReproductionProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reproduces two claims about this test suite's own plugins: the size of the mixed space under
 * its default constraint, and how close counter-based random search gets to the sphere's minimum.
 */
public final class SphereReproductionProvider implements ReproductionProvider {

  static final String ID = "tck-sphere-reproduction";

  /** The constructor ServiceLoader calls. */
  public SphereReproductionProvider() {}

  static final Claim SPACE_SIZE = new Claim("mixed-space-size",
      "The mixed space allows 20 of its 3 x 8 activation-width pairs when tanh layers are at"
          + " most 32 wide", "20", "Table 1");
  static final Claim SEARCH_PROGRESS = new Claim("random-search-progress",
      "Counter-based random search finds a point of the sphere on [-1, 1]^2 below 0.01 within"
          + " 500 trials", "< 0.01", "Section 4");

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, "0.1.0", "Claims about the TCK's sample plugins", "[0.1,1.0)");
  }

  @Override
  public Reproduction create(PluginContext context) {
    return new SphereReproduction(context.seed());
  }

  /** The reproduction; claims are listed in {@link #claims()}'s order. */
  static class SphereReproduction implements Reproduction {
    private final long seed;

    SphereReproduction(long seed) {
      this.seed = seed;
    }

    @Override
    public String id() {
      return ID;
    }

    @Override
    public List<Claim> claims() {
      return List.of(SPACE_SIZE, SEARCH_PROGRESS);
    }

    @Override
    public ClaimResult check(Claim claim, Mode mode) {
      if (claim.equals(SPACE_SIZE)) {
        int allowed = allowedPairs();
        return new ClaimResult(claim, Integer.toString(allowed),
            allowed == 20 ? ClaimResult.Verdict.REPRODUCED : ClaimResult.Verdict.NOT_REPRODUCED,
            Origin.ANALYTIC, "counted by enumeration");
      }
      if (claim.equals(SEARCH_PROGRESS)) {
        int trials = mode == Mode.QUICK ? 500 : 5000;
        double best = bestSphereValue(trials);
        return new ClaimResult(claim, String.format(Locale.ROOT, "%.5f", best),
            best < 0.01 ? ClaimResult.Verdict.REPRODUCED : ClaimResult.Verdict.NOT_REPRODUCED,
            Origin.ANALYTIC, trials + " trials, seed " + seed);
      }
      throw new IllegalArgumentException("reproduction '" + ID + "' has no claim " + claim.id());
    }

    private static int allowedPairs() {
      SearchSpace space = new MixedSpaceProvider.MixedSpace(32);
      int allowed = 0;
      for (Object activation : List.of("relu", "gelu", "tanh")) {
        for (long width = 8; width <= 64; width += 8) {
          Map<String, Object> values = new LinkedHashMap<>();
          values.put("activation", activation);
          values.put("width", width);
          values.put("learning_rate", 0.01);
          if (space.violation(Candidate.of(values)).isEmpty()) {
            allowed++;
          }
        }
      }
      return allowed;
    }

    private double bestSphereValue(int trials) {
      SearchSpace square = new SearchSpace() {
        private final List<Dimension> dimensions =
            List.of(RealDimension.of("x", -1, 1), RealDimension.of("y", -1, 1));

        @Override
        public String id() {
          return ID;
        }

        @Override
        public List<Dimension> dimensions() {
          return dimensions;
        }
      };
      Optimizer search = new CounterRandomSearchProvider.CounterRandomSearch(square, seed);
      SphereEvaluatorProvider.Sphere sphere = new SphereEvaluatorProvider.Sphere(ID, 0);
      double best = Double.POSITIVE_INFINITY;
      for (Candidate c : search.ask(trials)) {
        best = Math.min(best, sphere.value(c));
      }
      return best;
    }
  }
}
