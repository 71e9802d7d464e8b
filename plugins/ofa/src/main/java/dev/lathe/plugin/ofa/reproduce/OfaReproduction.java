package dev.lathe.plugin.ofa.reproduce;

import dev.lathe.api.metric.Origin;
import dev.lathe.api.model.cost.CostConventions;
import dev.lathe.api.model.cost.CostReport;
import dev.lathe.api.reproduce.Claim;
import dev.lathe.api.reproduce.ClaimResult;
import dev.lathe.api.reproduce.Reproduction;
import dev.lathe.plugin.ofa.Ofa;
import dev.lathe.plugin.ofa.OfaMobileNetV3;
import dev.lathe.plugin.ofa.Subnet;
import dev.lathe.plugin.ofa.latency.LatencyReproduction;
import dev.lathe.plugin.ofa.supernet.SupernetStudy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;

/**
 * The reproduction {@code ofa}: the cost of the largest subnet and the size of the space, which
 * follow from arithmetic and must match exactly; the accuracy of a latency lookup table
 * measured on this machine; and the training claims measured on a scaled-down elastic supernet
 * on Fashion-MNIST ({@link SupernetStudy}, run once per mode and shared by those claims). The
 * quick mode's training budget is too small to decide: its training claims are partial.
 */
final class OfaReproduction implements Reproduction {

  static final Claim LARGEST = new Claim("largest-subnet-cost", "The largest subnet of"
      + " OFA-MobileNetV3 (width 1.0, kernel 7, expand 6, depth 4, 224×224) costs 566.17M MACs"
      + " and has 7.665M parameters (conv-linear)", "566.17M MACs, 7.665M params",
      "OFAMobileNetV3 of the official code; papers/once-for-all.md");
  static final Claim SPACE = new Claim("space-size", "The space holds more than 10^19 subnets at"
      + " each resolution and width: (9^2 + 9^3 + 9^4)^5 = 7371^5", "> 10^19 (7371^5 ≈ 2.18e19)",
      "section 3.1");
  static final Claim LATENCY = new Claim("latency-lookup-table", "A latency lookup table"
      + " measured per layer on the target device predicts a subnet's measured latency"
      + " (claimed here at a mean absolute percentage error of at most 15%)",
      "latency lookup tables per device", "sections 3.4 and 4.2");
  static final Claim SHRINKING = new Claim("progressive-shrinking", "Progressive shrinking"
      + " trains small subnets better than training every elastic dimension at once at the same"
      + " budget", "higher ImageNet accuracy of the subnets with progressive shrinking than without",
      "section 3.2 and its ablation");
  static final Claim RECALIBRATION = new Claim("bn-recalibration", "A subnet needs its batch-norm"
      + " statistics recalibrated on training images before it is evaluated",
      "recalibrated statistics required (set_running_statistics of the official code)",
      "section 3.2; official code");
  static final Claim PREDICTOR = new Claim("accuracy-predictor", "An MLP on the one-hot encoding"
      + " of a subnet predicts its accuracy well enough to rank held-out subnets (claimed here"
      + " at Kendall's τ ≥ 0.6)", "an accuracy predictor that replaces measuring each candidate", "section 3.4");
  static final Claim SEARCH = new Claim("predictor-guided-evolution", "Evolution guided by the"
      + " accuracy predictor finds a better subnet under a MACs cap than random search at the"
      + " same number of predictor queries (median of the measured accuracy over seeds)",
      "evolutionary search on the predictor", "section 3.4");
  static final Claim SCENARIOS = new Claim("deployment-cost", "Specialising for N deployment"
      + " scenarios costs one training plus N searches, each far cheaper than training a net"
      + " from scratch (claimed here at ≤ 10% of it)", "training cost O(1) instead of O(N);"
      + " 14× fewer GPU hours than ProxylessNAS at N = 40", "abstract, section 4.2, Table 2");

  /** The file in the work directory that the trained accuracy predictor is saved to. */
  static final String PREDICTOR_FILE = "ofa-mini-predictor.json";

  private final long seed;
  private final Path work;
  private final Logger log;
  private final Map<Mode, SupernetStudy.Result> studies = new EnumMap<>(Mode.class);

  OfaReproduction(long seed, Path work, Logger log) {
    this.seed = seed;
    this.work = work;
    this.log = log;
  }

  @Override
  public String id() {
    return Ofa.ID;
  }

  @Override
  public List<Claim> claims() {
    return List.of(LARGEST, SPACE, LATENCY, SHRINKING, RECALIBRATION, PREDICTOR, SEARCH,
        SCENARIOS);
  }

  @Override
  public ClaimResult check(Claim claim, Mode mode) throws Exception {
    return switch (claim.id()) {
      case "largest-subnet-cost" -> largest();
      case "space-size" -> space();
      case "latency-lookup-table" -> latency(mode);
      case "progressive-shrinking" -> TrainingClaims.shrinking(study(mode));
      case "bn-recalibration" -> TrainingClaims.recalibration(study(mode));
      case "accuracy-predictor" -> {
        ClaimResult r = TrainingClaims.predictor(study(mode));
        yield new ClaimResult(r.claim(), r.measured(), r.verdict(), r.origin(), r.note()
            + "; saved to " + work.resolve(PREDICTOR_FILE) + " (the evaluator 'ofa' serves it)");
      }
      case "predictor-guided-evolution" -> TrainingClaims.search(study(mode));
      case "deployment-cost" -> TrainingClaims.scenarios(study(mode));
      default -> throw new IllegalArgumentException("reproduction '" + Ofa.ID
          + "' has no claim '" + claim.id() + "'");
    };
  }

  private SupernetStudy.Result study(Mode mode) throws IOException {
    SupernetStudy.Result r = studies.get(mode);
    if (r == null) {
      SupernetStudy.Budget budget = mode == Mode.QUICK ? SupernetStudy.Budget.QUICK
          : SupernetStudy.Budget.FULL;
      r = SupernetStudy.run(budget, seed, log);
      studies.put(mode, r);
      Path file = work.resolve(PREDICTOR_FILE);
      r.predictor().save(file, Map.of("trained_on", r.predictorTrained()
          + " subnets of the scaled-down supernet measured on Fashion-MNIST",
          "kendall_tau_held_out", String.format(Locale.ROOT, "%.3f on %d subnets", r.tau(),
          budget.heldOutSubnets()), "supernet", budget.steps() + " steps of progressive"
          + " shrinking, batch " + budget.batch() + ", seed " + seed, "mode",
          mode.name().toLowerCase(Locale.ROOT), "created", Instant.now().toString()));
      log.info("accuracy predictor saved to {}", file);
    }
    return r;
  }

  private static ClaimResult largest() {
    CostReport c = CostConventions.convLinear().count(OfaMobileNetV3.network(
        Subnet.largest(1.0), 1000));
    String measured = String.format(Locale.ROOT, "%.2fM MACs, %.3fM params", c.macs() / 1e6,
        c.params() / 1e6);
    return new ClaimResult(LARGEST, measured, measured.equals(LARGEST.paperValue())
        ? ClaimResult.Verdict.REPRODUCED : ClaimResult.Verdict.NOT_REPRODUCED, Origin.ANALYTIC,
        String.format(Locale.ROOT, "exactly %,d MACs and %,d parameters", (long) c.macs(),
            (long) c.params()));
  }

  private static ClaimResult space() {
    String measured = String.format(Locale.ROOT, "7371^5 = %s ≈ %.2fe19", Ofa.ARCHITECTURES,
        Ofa.ARCHITECTURES.doubleValue() / 1e19);
    boolean holds = Ofa.ARCHITECTURES.compareTo(java.math.BigInteger.TEN.pow(19)) > 0;
    return new ClaimResult(SPACE, measured, holds ? ClaimResult.Verdict.REPRODUCED
        : ClaimResult.Verdict.NOT_REPRODUCED, Origin.ANALYTIC, "× 25 resolutions × 2 widths = "
        + Ofa.SUBNETS + " subnets");
  }

  private ClaimResult latency(Mode mode) throws Exception {
    boolean quick = mode == Mode.QUICK;
    int count = quick ? 5 : 12;
    List<Integer> resolutions = List.of(128, 160, 192, 224);
    int warmup = quick ? 5 : 10;
    int repeats = quick ? 11 : 21;
    Path table = work.resolve("ofa-latency-table.json");
    LatencyReproduction.Result r = LatencyReproduction.run(count, resolutions, warmup, repeats,
        new SplittableRandom(seed), table);
    log.info("latency table {}: {} entries; predicted {} ms, measured {} ms", table, r.entries(),
        r.predicted(), r.measured());
    StringBuilder pairs = new StringBuilder();
    for (int i = 0; i < r.predicted().size(); i++) {
      pairs.append(String.format(Locale.ROOT, "%s%.1f/%.1f", i == 0 ? "" : ", ",
          r.predicted().get(i), r.measured().get(i)));
    }
    return new ClaimResult(LATENCY, String.format(Locale.ROOT, "MAPE %.1f %% over %d subnets",
        100 * r.mape(), count), r.mape() <= 0.15 ? ClaimResult.Verdict.REPRODUCED
        : ClaimResult.Verdict.NOT_REPRODUCED, Origin.MEASURED, String.format(Locale.ROOT,
        "%s mode: random width-1.0 subnets at %s px; predicted/measured ms: %s; table of %d"
        + " layer groups (%s), context factor %.3f from %d other random subnets, saved to %s",
        quick ? "quick" : "full", resolutions, pairs, r.entries(), r.provenance(),
        r.contextFactor(), LatencyReproduction.CALIBRATION_SUBNETS, table));
  }
}
