package dev.lathe.plugin.ofa.supernet;

import dev.lathe.api.model.cost.CostConventions;
import dev.lathe.plugin.ofa.predictor.AccuracyPredictor;
import dev.lathe.plugin.ofa.predictor.KendallTau;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;

/**
 * Once-for-All's training claims measured at small scale on Fashion-MNIST: one supernet trained
 * by progressive shrinking and one by training every elastic dimension at once, at the same
 * number of steps from the same initial weights; the accuracy of small subnets on both, with
 * and without batch-norm recalibration; an accuracy predictor trained on measured subnet
 * accuracies and ranked on held-out ones; predictor-guided evolution against random search
 * under a MACs cap; and the time of each extra deployment scenario (a search and one
 * measurement) against the time of training one net from scratch.
 */
public final class SupernetStudy {

  /** The small subnets compared across training schemes and batch-norm statistics. */
  static final List<MiniSubnet> SMALL = List.of(MiniSubnet.uniform(3, 3, 2, 16),
      MiniSubnet.uniform(3, 3, 2, 28), MiniSubnet.uniform(3, 4, 2, 24),
      MiniSubnet.uniform(5, 3, 2, 20), MiniSubnet.uniform(3, 3, 3, 28),
      MiniSubnet.uniform(5, 4, 2, 28));

  /**
   * What the study spends.
   *
   * @param trainImages the training images read (all if fewer)
   * @param testImages the test images that accuracies are measured on (all if fewer)
   * @param calibrationImages the training images batch norm is recalibrated on
   * @param steps the updates of each supernet
   * @param batch the images per step
   * @param subnetsPerStep the subnets drawn per step beside the largest
   * @param rate Adam's peak learning rate
   * @param predictorSubnets the random subnets measured to train the predictor
   * @param heldOutSubnets the random subnets measured to rank it on
   * @param predictorEpochs the predictor's training epochs
   * @param searchEvaluations the predictor queries of each search
   * @param population evolution's population
   * @param seeds the seeds of the search comparison
   * @param scenarioFractions each deployment scenario's MACs cap, as a fraction of the way from
   *     the smallest subnet's MACs to the largest's
   * @param decisive whether the budget suffices to decide the training claims
   */
  public record Budget(int trainImages, int testImages, int calibrationImages, int steps,
      int batch, int subnetsPerStep, double rate, int predictorSubnets, int heldOutSubnets,
      int predictorEpochs, int searchEvaluations, int population, int seeds,
      List<Double> scenarioFractions, boolean decisive) {

    /** A budget of one to two minutes on one core, too small to decide. */
    public static final Budget QUICK = new Budget(2_000, 500, 100, 12, 32, 1, 3e-3, 16, 8, 60,
        40, 10, 5, List.of(0.2, 0.5), false);
    /** The budget of the full reproduction, about half an hour on one busy core. */
    public static final Budget FULL = new Budget(20_000, 1_000, 500, 240, 32, 1, 3e-3, 60, 25,
        200, 300, 30, 5, List.of(0.2, 0.4, 0.6), true);
  }

  /**
   * One small subnet's test accuracy.
   *
   * @param subnet the subnet
   * @param macs its MACs (conv-linear)
   * @param progressive on the progressively shrunk supernet, batch norm recalibrated
   * @param allAtOnce on the supernet trained all at once, batch norm recalibrated
   * @param withoutRecalibration on the progressively shrunk supernet, on the running statistics
   *     kept while training
   */
  public record SmallSubnet(MiniSubnet subnet, double macs, double progressive, double allAtOnce,
      double withoutRecalibration) {}

  /**
   * One seed of the search comparison: each search's pick, its predicted and measured accuracy.
   *
   * @param seed the seed
   * @param evolution evolution's pick and predicted accuracy
   * @param evolutionMeasured its measured accuracy
   * @param random random search's pick and predicted accuracy
   * @param randomMeasured its measured accuracy
   */
  public record SearchRun(long seed, SubnetSearch.Scored evolution, double evolutionMeasured,
      SubnetSearch.Scored random, double randomMeasured) {}

  /**
   * One deployment scenario: a MACs cap, the subnet evolution picks for it and what that cost.
   *
   * @param maxMacs the cap
   * @param chosen the pick and its predicted accuracy
   * @param measured its measured accuracy
   * @param searchSeconds the search's time
   * @param measureSeconds the time of recalibrating and measuring the pick
   */
  public record Scenario(double maxMacs, SubnetSearch.Scored chosen, double measured,
      double searchSeconds, double measureSeconds) {}

  /**
   * The measurements.
   *
   * @param budget the budget
   * @param trainImages the training images used
   * @param testImages the test images used
   * @param progressiveSeconds progressive shrinking's training time
   * @param allAtOnceSeconds the all-at-once training time
   * @param singleSubnetStepSeconds the median time of one step of the first phase, which trains
   *     one net (the largest) alone
   * @param small the small subnets
   * @param predictorTrained the subnets the predictor was trained on
   * @param tau Kendall's τ-b between predicted and measured accuracy of the held-out subnets
   * @param predictor the accuracy predictor
   * @param measureSeconds the mean time to recalibrate and measure one subnet
   * @param searchCap the MACs cap of the search comparison
   * @param searches the search comparison, one row per seed
   * @param scenarios the deployment scenarios
   */
  public record Result(Budget budget, int trainImages, int testImages, double progressiveSeconds,
      double allAtOnceSeconds, double singleSubnetStepSeconds, List<SmallSubnet> small,
      int predictorTrained, double tau, AccuracyPredictor predictor, double measureSeconds, double searchCap,
      List<SearchRun> searches, List<Scenario> scenarios) {

    /** The time of training one net from scratch for the supernets' number of steps. */
    public double scratchSeconds() {
      return singleSubnetStepSeconds * budget.steps();
    }

    /**
     * Twice the standard error of one accuracy measured on the test images at accuracy
     * {@code p}: differences within it are noise.
     */
    public double margin(double p) {
      return 2 * Math.sqrt(p * (1 - p) / testImages);
    }
  }

  private final Budget budget;
  private final long seed;
  private final Logger log;
  private final Map<MiniSubnet, Double> macs = new HashMap<>();
  private ImageSet calibration;
  private ImageSet test;
  private double measuring;
  private int measured;

  private SupernetStudy(Budget budget, long seed, Logger log) {
    this.budget = budget;
    this.seed = seed;
    this.log = log;
  }

  /** Runs the study on Fashion-MNIST from the data directory. */
  public static Result run(Budget budget, long seed, Logger log) throws IOException {
    return new SupernetStudy(budget, seed, log).run();
  }

  /** The MACs of {@code subnet}'s network under conv-linear. */
  public static double macs(MiniSubnet subnet) {
    return CostConventions.convLinear().count(MiniNetwork.network(subnet)).macs();
  }

  private Result run() throws IOException {
    ImageSet train = ImageSet.fashionMnist("train", budget.trainImages(), MiniSubnet.RESOLUTIONS);
    test = ImageSet.fashionMnist("t10k", budget.testImages(), MiniSubnet.RESOLUTIONS);
    calibration = train.head(budget.calibrationImages());
    ProgressiveShrinking.Config config = new ProgressiveShrinking.Config(budget.steps(),
        budget.batch(), budget.subnetsPerStep(), budget.rate(), seed);

    ElasticSupernet progressive = new ElasticSupernet(seed);
    List<Double> fullPhase = new ArrayList<>();
    long[] last = {System.nanoTime()};
    long start = last[0];
    ProgressiveShrinking.train(progressive, train, ProgressiveShrinking.PROGRESSIVE, config,
        step -> {
          long now = System.nanoTime();
          if (step.phase().equals("full")) {
            fullPhase.add((now - last[0]) / 1e9);
          }
          last[0] = now;
          if (step.step() % 50 == 0) {
            log.info("progressive shrinking step {} ({}): loss {}", step.step(), step.phase(),
                step.largestLoss());
          }
        });
    double progressiveSeconds = (System.nanoTime() - start) / 1e9;
    log.info("progressive shrinking: {} steps in {} s", budget.steps(), progressiveSeconds);

    ElasticSupernet allAtOnce = new ElasticSupernet(seed);
    start = System.nanoTime();
    ProgressiveShrinking.train(allAtOnce, train, ProgressiveShrinking.ALL_AT_ONCE, config,
        step -> { });
    double allAtOnceSeconds = (System.nanoTime() - start) / 1e9;
    log.info("all at once: {} steps in {} s", budget.steps(), allAtOnceSeconds);

    List<SmallSubnet> small = new ArrayList<>();
    for (MiniSubnet s : SMALL) {
      SmallSubnet row = new SmallSubnet(s, cachedMacs(s), measure(progressive, s),
          measure(allAtOnce, s), ProgressiveShrinking.accuracy(progressive, s, null, test));
      ProgressiveShrinking.releaseNativeMemory();
      log.info("small subnet {}: {}", s, row);
      small.add(row);
    }

    SplittableRandom random = new SplittableRandom(seed);
    int n = budget.predictorSubnets() + budget.heldOutSubnets();
    double[][] encodings = new double[n][];
    double[] accuracies = new double[n];
    for (int i = 0; i < n; i++) {
      MiniSubnet s = MiniSubnet.sample(MiniSubnet.KERNELS, MiniSubnet.EXPANDS, MiniSubnet.DEPTHS,
          MiniSubnet.RESOLUTIONS, random);
      encodings[i] = s.oneHot();
      accuracies[i] = measure(progressive, s);
    }
    int trained = budget.predictorSubnets();
    AccuracyPredictor predictor = AccuracyPredictor.train(Arrays.copyOf(encodings, trained),
        Arrays.copyOf(accuracies, trained), budget.predictorEpochs(), seed);
    double tau = KendallTau.tauB(predictor.predict(Arrays.copyOfRange(encodings, trained, n)),
        Arrays.copyOfRange(accuracies, trained, n));
    log.info("accuracy predictor: Kendall tau {} on {} held-out subnets", tau,
        budget.heldOutSubnets());

    ToDoubleFunction<MiniSubnet> score = s -> predictor.predict(new double[][] {s.oneHot()})[0];
    double smallest = cachedMacs(MiniSubnet.smallest());
    double largest = cachedMacs(MiniSubnet.largest());
    double cap = smallest + 0.3 * (largest - smallest);
    Predicate<MiniSubnet> underCap = s -> cachedMacs(s) <= cap;
    List<SearchRun> searches = new ArrayList<>();
    for (int i = 0; i < budget.seeds(); i++) {
      long runSeed = seed + 1 + i;
      SubnetSearch.Scored evolved = SubnetSearch.evolution(score, underCap,
          budget.searchEvaluations(), budget.population(), new SplittableRandom(runSeed));
      SubnetSearch.Scored drawn = SubnetSearch.random(score, underCap,
          budget.searchEvaluations(), new SplittableRandom(runSeed));
      SearchRun row = new SearchRun(runSeed, evolved, measure(progressive, evolved.subnet()),
          drawn, measure(progressive, drawn.subnet()));
      log.info("search seed {}: {}", runSeed, row);
      searches.add(row);
    }

    List<Scenario> scenarios = new ArrayList<>();
    for (double fraction : budget.scenarioFractions()) {
      double limit = smallest + fraction * (largest - smallest);
      long t0 = System.nanoTime();
      SubnetSearch.Scored chosen = SubnetSearch.evolution(score, s -> cachedMacs(s) <= limit,
          budget.searchEvaluations(), budget.population(), new SplittableRandom(seed));
      long t1 = System.nanoTime();
      double accuracy = measure(progressive, chosen.subnet());
      long t2 = System.nanoTime();
      Scenario row = new Scenario(limit, chosen, accuracy, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
      log.info("scenario {}", row);
      scenarios.add(row);
    }
    return new Result(budget, train.size(), test.size(), progressiveSeconds, allAtOnceSeconds,
        median(fullPhase), small, trained, tau, predictor, measuring / measured,
        cap, searches, scenarios);
  }

  /** The median of {@code values}. */
  public static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private double measure(ElasticSupernet net, MiniSubnet subnet) {
    long t0 = System.nanoTime();
    double accuracy = ProgressiveShrinking.accuracy(net, subnet, calibration, test);
    ProgressiveShrinking.releaseNativeMemory();
    measuring += (System.nanoTime() - t0) / 1e9;
    measured++;
    return accuracy;
  }

  private double cachedMacs(MiniSubnet subnet) {
    return macs.computeIfAbsent(subnet, SupernetStudy::macs);
  }
}
