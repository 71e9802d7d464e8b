package dev.lathe.plugin.baselines.cmaes;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.Observation;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.SearchSpace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.slf4j.Logger;

/**
 * The covariance matrix adaptation evolution strategy, (μ/μ_w, λ)-CMA-ES with positive
 * recombination weights, in ask/tell form, after N. Hansen, "The CMA evolution strategy: a
 * tutorial", arXiv:1604.00772 (2016), Table 1 and section 4 (default parameters, cumulative
 * step-size adaptation, rank-one and rank-μ updates).
 *
 * <p>It searches the unit-cube encoding of the space's real and log-real dimensions, starting
 * from the cube's centre with step size {@code sigma0}. A sample outside the cube is mirrored
 * back at the bounds (coordinate by coordinate, as often as needed); the mirrored point is
 * evaluated and enters the update as the step {@code (x − m)/σ}, clipped to a Mahalanobis length
 * of {@code √n + 2n/(n + 2)} as for injected solutions (N. Hansen, "Injecting external solutions
 * into CMA-ES", INRIA RR-7748, 2011). A sample whose candidate violates the space's own
 * constraints is drawn again.
 *
 * <p>Generations: the strategy samples from its current distribution for as long as it is asked;
 * it updates the distribution before the next sample once at least {@code λ} candidates of the
 * generation were asked and all of them told. With batches of {@code λ} this is the textbook
 * algorithm; with more candidates per generation the best {@code μ} of all of them are selected.
 * Candidates are ranked feasible first by loss, then infeasible by their total constraint
 * violation (K. Deb, "An efficient constraint handling method for genetic algorithms", 2000);
 * failed trials and losses that are missing or not finite are left out, and a generation with
 * fewer than {@code μ} ranked candidates leaves the distribution unchanged.
 *
 * <p>With {@code restarts > 0}, the strategy restarts with twice the population from a uniform
 * random mean (IPOP-CMA-ES: A. Auger, N. Hansen, CEC 2005) when the step size has collapsed
 * ({@code σ √max Cᵢᵢ < 1e-12}), the covariance's condition number exceeds {@code 1e14}, or the
 * generations' best losses have stayed within {@code 1e-12} for {@code 10 + ⌈30 n/λ⌉}
 * generations.
 *
 * <p>Candidate {@code i} draws from its own {@link SplittableRandom}, derived from the seed and
 * {@code i}; the state is the distribution (mean, step size, covariance, evolution paths,
 * generation), the best losses of the last {@code 10 + ⌈30 n/λ⌉} generations, the generation's
 * candidates with their outcomes, the population size and restarts, and the number of candidates
 * asked. An update costs {@code O(λ n² + n³)}
 * (the eigendecomposition, by commons-math3's {@link EigenDecomposition}); a sample
 * {@code O(n²)}.
 */
final class CmaEs implements Optimizer {

  static final String ID = "cmaes";

  /** The SplitMix64 increment, 2^64 divided by the golden ratio. */
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  private static final byte STATE_FORMAT = 1;
  private static final double TOLERANCE_X = 1e-12;
  private static final double TOLERANCE_FUN = 1e-12;
  private static final double MAX_CONDITION = 1e14;

  /**
   * The settings.
   *
   * @param sigma0 the initial step size, on the unit cube
   * @param population λ, or 0 for {@code 4 + ⌊3 ln n⌋}
   * @param restarts how many IPOP restarts are allowed
   */
  record Config(double sigma0, int population, int restarts) {}

  /** A candidate of the current generation and, once told, its ranking key. */
  private static final class Member {
    final long trial;
    final double[] x;
    final boolean repaired;
    boolean told;
    double loss = Double.NaN;
    double violation = Double.NaN;

    Member(long trial, double[] x, boolean repaired) {
      this.trial = trial;
      this.x = x;
      this.repaired = repaired;
    }
  }

  private final SearchSpace space;
  private final Problem problem;
  private final Objective objective;
  private final Config config;
  private final Logger logger;
  private final int n;
  private long seed;
  private long asked;
  private int lambda;
  private int restartsDone;
  private long generation;
  private double[] mean;
  private double sigma;
  private double[][] covariance;
  private double[] pathC;
  private double[] pathSigma;
  private final List<Double> bestHistory = new ArrayList<>();
  private final List<Member> members = new ArrayList<>();
  private Strategy strategy;
  private Eigen eigen;

  /**
   * A strategy that has asked nothing yet.
   *
   * @param problem the problem: real or log-real dimensions only, one objective
   * @param config the settings
   * @param seed the seed of every random number it draws
   * @param logger where restarts are reported
   * @throws IllegalArgumentException naming the first dimension that is not real, or if the
   *     problem has several objectives
   */
  CmaEs(Problem problem, Config config, long seed, Logger logger) {
    for (Dimension d : problem.space().dimensions()) {
      if (d.kind() != Dimension.Kind.REAL && d.kind() != Dimension.Kind.LOG_REAL) {
        throw new IllegalArgumentException("optimizer '" + ID + "' searches real and log-real"
            + " dimensions only, but dimension '" + d.name() + "' of space '"
            + problem.space().id() + "' is " + d.kind());
      }
    }
    if (problem.multiObjective()) {
      throw new IllegalArgumentException("optimizer '" + ID + "' handles one objective, got "
          + problem.objectives());
    }
    this.problem = problem;
    this.space = problem.space();
    this.objective = problem.objectives().get(0);
    this.config = config;
    this.logger = logger;
    this.n = space.dimensions().size();
    this.seed = seed;
    this.lambda = config.population() > 0 ? config.population() : defaultPopulation(n);
    start(centre());
  }

  /** The current population size λ, doubled by each restart. */
  int population() {
    return lambda;
  }

  /** The default population size {@code 4 + ⌊3 ln n⌋} (Hansen 2016, Table 1). */
  static int defaultPopulation(int n) {
    return 4 + (int) Math.floor(3 * Math.log(n));
  }

  private double[] centre() {
    double[] c = new double[n];
    Arrays.fill(c, 0.5);
    return c;
  }

  /** Starts a run from {@code initialMean} with the current population size. */
  private void start(double[] initialMean) {
    strategy = new Strategy(n, lambda);
    mean = initialMean;
    sigma = config.sigma0();
    covariance = new double[n][n];
    for (int i = 0; i < n; i++) {
      covariance[i][i] = 1;
    }
    pathC = new double[n];
    pathSigma = new double[n];
    generation = 0;
    bestHistory.clear();
    members.clear();
    eigen = null;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Candidate> ask(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("optimizer '" + ID + "': ask(" + count
          + ") needs n >= 1");
    }
    List<Candidate> candidates = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      SplittableRandom random = stream(seed, asked);
      if (members.size() >= lambda && members.stream().allMatch(m -> m.told)) {
        update(random);
      }
      candidates.add(sample(random));
      asked++;
    }
    return candidates;
  }

  /** Draws the next member of the generation, again while the space rejects its candidate. */
  private Candidate sample(SplittableRandom random) {
    if (eigen == null) {
      eigen = new Eigen(covariance);
    }
    for (int tries = 0; tries < SearchSpace.MAX_TRIES; tries++) {
      double[] z = new double[n];
      for (int i = 0; i < n; i++) {
        z[i] = eigen.scale[i] * random.nextGaussian();
      }
      double[] x = new double[n];
      boolean repaired = false;
      for (int i = 0; i < n; i++) {
        double step = 0;
        for (int k = 0; k < n; k++) {
          step += eigen.basis[i][k] * z[k];
        }
        double raw = mean[i] + sigma * step;
        x[i] = mirror(raw);
        repaired |= x[i] != raw;
      }
      Candidate candidate = space.decode(x);
      if (space.violation(candidate).isEmpty()) {
        members.add(new Member(asked, space.encode(candidate), repaired));
        return candidate;
      }
    }
    throw new IllegalStateException("optimizer '" + ID + "': space '" + space.id()
        + "' rejected " + SearchSpace.MAX_TRIES + " samples around the mean; its constraints"
        + " look infeasible there");
  }

  /** {@code v} reflected at 0 and 1 until it lies in [0, 1]. */
  static double mirror(double v) {
    double t = v % 2;
    if (t < 0) {
      t += 2;
    }
    return t > 1 ? 2 - t : t;
  }

  /**
   * Records the outcome of a member of the current generation.
   *
   * @throws IllegalArgumentException if the trial was never asked or was told already
   */
  @Override
  public void tell(Observation observation) {
    long trial = observation.trialNumber();
    Member member = members.stream().filter(m -> m.trial == trial && !m.told).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("optimizer '" + ID + "' was told the"
            + " outcome of trial " + trial + ", which " + (trial >= 0 && trial < asked
                ? "was told already" : "it never asked (it asked trials 0 to " + (asked - 1)
                    + ")")));
    member.told = true;
    Metrics metrics = observation.metrics();
    if (observation.succeeded() && metrics.has(objective.metric())
        && Double.isFinite(metrics.value(objective.metric()))) {
      member.loss = objective.loss(metrics);
      member.violation = problem.violation(metrics);
    }
  }

  /** Moves the distribution to the generation's best members (Hansen 2016, Table 1). */
  private void update(SplittableRandom random) {
    List<Member> ranked = members.stream().filter(m -> !Double.isNaN(m.loss))
        .sorted(Comparator.<Member>comparingDouble(m -> m.violation)
            .thenComparingDouble(m -> m.loss))
        .toList();
    Strategy s = strategy;
    if (eigen == null) {
      eigen = new Eigen(covariance);
    }
    if (ranked.size() >= s.mu) {
      bestHistory.add(ranked.get(0).loss);
      if (bestHistory.size() > stagnationWindow()) {
        bestHistory.remove(0);
      }
      double[][] steps = new double[s.mu][];
      double[] meanStep = new double[n];
      for (int k = 0; k < s.mu; k++) {
        Member m = ranked.get(k);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
          y[i] = (m.x[i] - mean[i]) / sigma;
        }
        if (m.repaired) {
          double length = norm(eigen.whiten(y));
          double cap = Math.sqrt(n) + 2.0 * n / (n + 2);
          if (length > cap) {
            for (int i = 0; i < n; i++) {
              y[i] *= cap / length;
            }
          }
        }
        steps[k] = y;
        for (int i = 0; i < n; i++) {
          meanStep[i] += s.weights[k] * y[i];
        }
      }
      for (int i = 0; i < n; i++) {
        mean[i] += sigma * meanStep[i];
      }
      double[] whitened = eigen.whiten(meanStep);
      double sigmaFactor = Math.sqrt(s.cSigma * (2 - s.cSigma) * s.muEff);
      for (int i = 0; i < n; i++) {
        pathSigma[i] = (1 - s.cSigma) * pathSigma[i] + sigmaFactor * whitened[i];
      }
      double pathSigmaNorm = norm(pathSigma);
      boolean hSigma = pathSigmaNorm / Math.sqrt(1 - Math.pow(1 - s.cSigma, 2 * (generation + 1)))
          < (1.4 + 2.0 / (n + 1)) * s.chiN;
      double cFactor = Math.sqrt(s.cC * (2 - s.cC) * s.muEff);
      for (int i = 0; i < n; i++) {
        pathC[i] = (1 - s.cC) * pathC[i] + (hSigma ? cFactor * meanStep[i] : 0);
      }
      double delta = hSigma ? 0 : s.cC * (2 - s.cC);
      double keep = 1 + s.c1 * delta - s.c1 - s.cMu;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
          double rankMu = 0;
          for (int k = 0; k < s.mu; k++) {
            rankMu += s.weights[k] * steps[k][i] * steps[k][j];
          }
          double c = keep * covariance[i][j] + s.c1 * pathC[i] * pathC[j] + s.cMu * rankMu;
          covariance[i][j] = c;
          covariance[j][i] = c;
        }
      }
      sigma *= Math.exp(s.cSigma / s.dSigma * (pathSigmaNorm / s.chiN - 1));
    }
    generation++;
    members.clear();
    eigen = new Eigen(covariance);
    if (restartsDone < config.restarts() && converged(ranked)) {
      restartsDone++;
      lambda *= 2;
      double[] initialMean = new double[n];
      for (int i = 0; i < n; i++) {
        initialMean[i] = random.nextDouble();
      }
      logger.info("optimizer '{}': restart {} of {} with population {} after {} candidates", ID,
          restartsDone, config.restarts(), lambda, asked);
      start(initialMean);
    }
  }

  /** Whether a restart criterion holds. */
  private boolean converged(List<Member> ranked) {
    double largest = 0;
    for (int i = 0; i < n; i++) {
      largest = Math.max(largest, covariance[i][i]);
    }
    if (sigma * Math.sqrt(largest) < TOLERANCE_X || eigen.condition() > MAX_CONDITION) {
      return true;
    }
    if (bestHistory.size() < stagnationWindow() || ranked.isEmpty()) {
      return false;
    }
    double low = bestHistory.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double high = bestHistory.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    double spread = ranked.stream().mapToDouble(m -> m.loss).max().orElseThrow()
        - ranked.stream().mapToDouble(m -> m.loss).min().orElseThrow();
    return high - low < TOLERANCE_FUN && spread < TOLERANCE_FUN;
  }

  /** How many generations' best losses the stagnation criterion looks back on. */
  private int stagnationWindow() {
    return 10 + (int) Math.ceil(30.0 * n / lambda);
  }

  private static double norm(double[] v) {
    double sum = 0;
    for (double x : v) {
      sum += x * x;
    }
    return Math.sqrt(sum);
  }

  /** The state: distribution, generation, members with outcomes, counters and seed. */
  @Override
  public Optional<byte[]> checkpoint() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(STATE_FORMAT);
      out.writeLong(seed);
      out.writeLong(asked);
      out.writeInt(n);
      out.writeInt(lambda);
      out.writeInt(restartsDone);
      out.writeLong(generation);
      out.writeDouble(sigma);
      write(out, mean);
      for (double[] row : covariance) {
        write(out, row);
      }
      write(out, pathC);
      write(out, pathSigma);
      out.writeInt(bestHistory.size());
      for (double b : bestHistory) {
        out.writeDouble(b);
      }
      out.writeInt(members.size());
      for (Member m : members) {
        out.writeLong(m.trial);
        write(out, m.x);
        out.writeBoolean(m.repaired);
        out.writeBoolean(m.told);
        out.writeDouble(m.loss);
        out.writeDouble(m.violation);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(bytes.toByteArray());
  }

  /**
   * Continues from a checkpoint, seed included.
   *
   * @throws IllegalArgumentException if {@code state} is not a checkpoint of this optimizer for
   *     a space of as many dimensions
   */
  @Override
  public void restore(byte[] state) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
      if (in.readByte() != STATE_FORMAT) {
        throw invalid("format byte is not " + STATE_FORMAT);
      }
      long restoredSeed = in.readLong();
      long restoredAsked = in.readLong();
      int dimensions = in.readInt();
      if (dimensions != n) {
        throw invalid("it is for " + dimensions + " dimensions, the space has " + n);
      }
      int restoredLambda = in.readInt();
      int restoredRestarts = in.readInt();
      long restoredGeneration = in.readLong();
      double restoredSigma = in.readDouble();
      double[] restoredMean = read(in, n);
      double[][] restoredCovariance = new double[n][];
      for (int i = 0; i < n; i++) {
        restoredCovariance[i] = read(in, n);
      }
      double[] restoredPathC = read(in, n);
      double[] restoredPathSigma = read(in, n);
      int historySize = in.readInt();
      List<Double> restoredHistory = new ArrayList<>();
      for (int k = 0; k < historySize; k++) {
        restoredHistory.add(in.readDouble());
      }
      int memberCount = in.readInt();
      List<Member> restoredMembers = new ArrayList<>();
      for (int k = 0; k < memberCount; k++) {
        Member m = new Member(in.readLong(), read(in, n), in.readBoolean());
        m.told = in.readBoolean();
        m.loss = in.readDouble();
        m.violation = in.readDouble();
        restoredMembers.add(m);
      }
      if (in.available() > 0 || restoredLambda < 2 || restoredAsked < 0) {
        throw invalid("it has " + in.available() + " bytes too many, population "
            + restoredLambda + " or a negative count");
      }
      if (restoredSeed != seed) {
        logger.info("optimizer '{}': checkpoint seed {} replaces seed {}", ID, restoredSeed, seed);
      }
      seed = restoredSeed;
      asked = restoredAsked;
      lambda = restoredLambda;
      restartsDone = restoredRestarts;
      strategy = new Strategy(n, lambda);
      generation = restoredGeneration;
      sigma = restoredSigma;
      mean = restoredMean;
      covariance = restoredCovariance;
      pathC = restoredPathC;
      pathSigma = restoredPathSigma;
      bestHistory.clear();
      bestHistory.addAll(restoredHistory);
      members.clear();
      members.addAll(restoredMembers);
      eigen = null;
    } catch (IOException e) {
      throw invalid("it ends early (" + state.length + " bytes)");
    }
  }

  private static IllegalArgumentException invalid(String why) {
    return new IllegalArgumentException("optimizer '" + ID + "': not a checkpoint of it: " + why);
  }

  private static void write(DataOutputStream out, double[] values) throws IOException {
    for (double v : values) {
      out.writeDouble(v);
    }
  }

  private static double[] read(DataInputStream in, int length) throws IOException {
    double[] values = new double[length];
    for (int i = 0; i < length; i++) {
      values[i] = in.readDouble();
    }
    return values;
  }

  /** The generator of candidate {@code index}, as in {@code gp-ei}: SplitMix64 output as seed. */
  static SplittableRandom stream(long seed, long index) {
    return new SplittableRandom(new SplittableRandom(seed + GOLDEN_GAMMA * index).nextLong());
  }

  /** The default strategy parameters for dimension {@code n} and population {@code λ}. */
  static final class Strategy {
    final int mu;
    final double[] weights;
    final double muEff;
    final double cSigma;
    final double dSigma;
    final double cC;
    final double c1;
    final double cMu;
    final double chiN;

    Strategy(int n, int lambda) {
      mu = lambda / 2;
      weights = new double[mu];
      double sum = 0;
      for (int i = 0; i < mu; i++) {
        weights[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
        sum += weights[i];
      }
      double sumSquares = 0;
      for (int i = 0; i < mu; i++) {
        weights[i] /= sum;
        sumSquares += weights[i] * weights[i];
      }
      muEff = 1 / sumSquares;
      cSigma = (muEff + 2) / (n + muEff + 5);
      dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
      cC = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
      c1 = 2 / ((n + 1.3) * (n + 1.3) + muEff);
      cMu = Math.min(1 - c1, 2 * (muEff - 2 + 1 / muEff) / ((n + 2) * (n + 2) + muEff));
      chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
    }
  }

  /** {@code C = B D² Bᵀ}: the basis {@code B} and the scales {@code D} of a covariance. */
  private static final class Eigen {
    final double[][] basis;
    final double[] scale;

    Eigen(double[][] covariance) {
      EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(covariance));
      basis = e.getV().getData();
      double[] values = e.getRealEigenvalues();
      scale = new double[values.length];
      for (int i = 0; i < values.length; i++) {
        scale[i] = Math.sqrt(Math.max(values[i], 1e-300));
      }
    }

    /** {@code C^{-1/2} y = B D⁻¹ Bᵀ y}. */
    double[] whiten(double[] y) {
      int n = y.length;
      double[] projected = new double[n];
      for (int k = 0; k < n; k++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += basis[i][k] * y[i];
        }
        projected[k] = s / scale[k];
      }
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += basis[i][k] * projected[k];
        }
        out[i] = s;
      }
      return out;
    }

    /** The condition number of the covariance, {@code max D² / min D²}. */
    double condition() {
      double max = 0;
      double min = Double.POSITIVE_INFINITY;
      for (double s : scale) {
        max = Math.max(max, s * s);
        min = Math.min(min, s * s);
      }
      return max / min;
    }
  }
}
