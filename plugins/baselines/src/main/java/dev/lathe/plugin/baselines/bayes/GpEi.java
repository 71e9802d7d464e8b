package dev.lathe.plugin.baselines.bayes;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.optimize.Constraint;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.optimize.Observation;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Candidate;
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
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.LongStream;
import org.slf4j.Logger;

/**
 * Bayesian optimisation with a Gaussian-process surrogate and expected improvement, in
 * ask/tell form (D. R. Jones, M. Schonlau, W. J. Welch, J. Global Optim. 13, 1998; J. Snoek,
 * H. Larochelle, R. P. Adams, "Practical Bayesian optimization of machine learning algorithms",
 * NeurIPS 2012).
 *
 * <p>Each ask:
 * <ol>
 *   <li>while fewer than {@code initial_points} trials were asked, or fewer than two outcomes are
 *       usable, takes the next point of the {@link InitialDesign};</li>
 *   <li>otherwise fits a {@link GaussianProcess} to the standardised losses and one to the
 *       standardised slack of each constraint, by maximum likelihood, warm-started from the
 *       previous fit;</li>
 *   <li>treats every candidate asked but not yet told, and every earlier candidate of the same
 *       batch, as observed with a fantasised value: the surrogate's mean (Kriging believer) or
 *       the lowest, mean or highest observed loss (constant liar; D. Ginsbourger, R. Le Riche,
 *       L. Carraro, "Kriging is well-suited to parallelize optimization", 2010); constraint
 *       surrogates always believe their mean, and a fantasy they believe feasible lowers the
 *       improvement threshold as a real observation would;</li>
 *   <li>maximises the {@link Acquisition} by scoring {@code acquisition_samples} points (three
 *       quarters uniform, a quarter perturbations of the five best feasible observations),
 *       then refining the best {@code refine_starts} of them by {@link ProjectedLbfgs} along the
 *       real coordinates and by trying neighbouring values of integer and categorical ones.</li>
 * </ol>
 * A point whose candidate violates the space's own constraints is skipped; if no scored point
 * is valid, the space's {@link SearchSpace#sample} is taken.
 *
 * <p>Outcomes: failed trials, and successful ones whose objective metric is missing or not
 * finite, do not enter the objective's surrogate; a constraint's surrogate takes every finite
 * value of its metric. The state is the observations (unit-cube point, loss, slacks), the
 * candidates pending, the number asked (from which every random number derives: candidate
 * {@code i} draws from its own {@link SplittableRandom}), and the last fitted hyper-parameters.
 * An ask costs {@code O(s (n d + n²) + f n³)} for {@code s} scored points, {@code n}
 * observations, {@code d} dimensions and {@code f} likelihood evaluations.
 */
final class GpEi implements Optimizer {

  static final String ID = "gp-ei";

  /** How a batch's candidates are told to the surrogate before their outcomes are known. */
  enum BatchStrategy {
    KRIGING_BELIEVER("kriging-believer"),
    CONSTANT_LIAR_MIN("constant-liar-min"),
    CONSTANT_LIAR_MEAN("constant-liar-mean"),
    CONSTANT_LIAR_MAX("constant-liar-max");

    private final String label;

    BatchStrategy(String label) {
      this.label = label;
    }

    /** The name used in settings. */
    String label() {
      return label;
    }

    /** The strategy named {@code label}. */
    static BatchStrategy of(String label) {
      return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown batch strategy '" + label
              + "'"));
    }
  }

  /**
   * The optimizer's settings.
   *
   * @param initialPoints points of the initial design
   * @param design which initial design
   * @param batch how pending candidates are fantasised
   * @param samples points scored per candidate
   * @param refineStarts scored points refined per candidate
   * @param fitStarts starts of each hyper-parameter fit
   * @param xi the improvement margin, in standard deviations of the observed losses
   */
  record Config(int initialPoints, InitialDesign.Kind design, BatchStrategy batch, int samples,
      int refineStarts, int fitStarts, double xi) {}

  /** The SplitMix64 increment, 2^64 divided by the golden ratio. */
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  private static final byte STATE_FORMAT = 1;
  private static final int MIN_OBSERVATIONS = 2;
  private static final int LOCAL_CENTRES = 5;
  private static final double LOCAL_SPREAD = 0.05;
  private static final int NEIGHBOUR_PASSES = 5;

  private final SearchSpace space;
  private final Objective objective;
  private final List<Constraint> constraints;
  private final Config config;
  private final KernelInputs inputs;
  private final Logger logger;
  private final int dimensions;
  private long seed;
  private InitialDesign design;
  private long asked;
  private final List<Told> told = new ArrayList<>();
  private final TreeMap<Long, double[]> pending = new TreeMap<>();
  private double[] objectiveTheta;
  private final double[][] constraintTheta;

  /** An observation that the surrogates learn from: its point, loss and constraint slacks. */
  private record Told(long trial, double[] x, double loss, double[] slack) {
    boolean feasible() {
      for (double s : slack) {
        if (!(s >= 0)) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * An optimizer that has asked nothing yet.
   *
   * @param problem the problem, with one objective
   * @param config the settings
   * @param seed the seed of every random number it draws
   * @param logger where fits and restores are reported
   */
  GpEi(Problem problem, Config config, long seed, Logger logger) {
    if (problem.multiObjective()) {
      throw new IllegalArgumentException("optimizer '" + ID + "' handles one objective, got "
          + problem.objectives());
    }
    this.space = problem.space();
    this.objective = problem.objectives().get(0);
    this.constraints = problem.constraints();
    this.config = config;
    this.inputs = new KernelInputs(space.dimensions());
    this.logger = logger;
    this.dimensions = space.dimensions().size();
    this.constraintTheta = new double[constraints.size()][];
    this.seed = seed;
    this.design = design(seed);
  }

  private InitialDesign design(long seed) {
    return new InitialDesign(config.design(), dimensions, config.initialPoints(),
        stream(seed, -1));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Candidate> ask(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("optimizer '" + ID + "': ask(" + n + ") needs n >= 1");
    }
    List<Candidate> candidates = new ArrayList<>(n);
    Surrogates surrogates = null;
    for (int i = 0; i < n; i++) {
      long trial = asked;
      SplittableRandom random = stream(seed, trial);
      double[] u;
      if (trial < config.initialPoints() || usableLosses() < MIN_OBSERVATIONS) {
        u = design.point(trial, random);
      } else {
        if (surrogates == null) {
          surrogates = new Surrogates(random);
        }
        u = surrogates.propose(random);
      }
      Candidate candidate = space.decode(u);
      if (space.violation(candidate).isPresent()) {
        candidate = space.sample(random);
      }
      double[] x = space.encode(candidate);
      pending.put(trial, x);
      if (surrogates != null && i < n - 1) {
        surrogates.fantasise(x);
      }
      candidates.add(candidate);
      asked++;
    }
    return candidates;
  }

  /**
   * Records the outcome of a trial this optimizer asked for.
   *
   * @throws IllegalArgumentException if the trial was never asked or was told already
   */
  @Override
  public void tell(Observation observation) {
    long trial = observation.trialNumber();
    double[] x = pending.remove(trial);
    if (x == null) {
      throw new IllegalArgumentException("optimizer '" + ID + "' was told the outcome of trial "
          + trial + ", which " + (trial >= 0 && trial < asked ? "was told already"
              : "it never asked (it asked trials 0 to " + (asked - 1) + ")"));
    }
    if (!observation.succeeded()) {
      return;
    }
    Metrics metrics = observation.metrics();
    double loss = finite(metrics, objective.metric()) ? objective.loss(metrics) : Double.NaN;
    double[] slack = new double[constraints.size()];
    boolean usable = !Double.isNaN(loss);
    for (int c = 0; c < slack.length; c++) {
      Constraint constraint = constraints.get(c);
      slack[c] = Double.NaN;
      if (finite(metrics, constraint.metric())) {
        double v = metrics.value(constraint.metric());
        slack[c] = constraint.relation() == Constraint.Relation.AT_MOST
            ? constraint.bound() - v : v - constraint.bound();
        usable = true;
      }
    }
    if (usable) {
      told.add(new Told(trial, x, loss, slack));
    }
  }

  private static boolean finite(Metrics metrics, String metric) {
    return metrics.has(metric) && Double.isFinite(metrics.value(metric));
  }

  private long usableLosses() {
    return told.stream().filter(t -> !Double.isNaN(t.loss())).count();
  }

  /**
   * The state: format, seed, trials asked, hyper-parameters of the last fits, pending
   * candidates' points and the observations in the order told.
   */
  @Override
  public Optional<byte[]> checkpoint() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(STATE_FORMAT);
      out.writeLong(seed);
      out.writeLong(asked);
      out.writeInt(dimensions);
      out.writeInt(constraints.size());
      writeArray(out, objectiveTheta);
      for (double[] theta : constraintTheta) {
        writeArray(out, theta);
      }
      out.writeInt(pending.size());
      for (Map.Entry<Long, double[]> p : pending.entrySet()) {
        out.writeLong(p.getKey());
        writeValues(out, p.getValue());
      }
      out.writeInt(told.size());
      for (Told t : told) {
        out.writeLong(t.trial());
        writeValues(out, t.x());
        out.writeDouble(t.loss());
        writeValues(out, t.slack());
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
   *     a problem of the same shape
   */
  @Override
  public void restore(byte[] state) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
      if (in.readByte() != STATE_FORMAT) {
        throw invalid("format byte is not " + STATE_FORMAT);
      }
      long restoredSeed = in.readLong();
      long restoredAsked = in.readLong();
      int d = in.readInt();
      int c = in.readInt();
      if (d != dimensions || c != constraints.size()) {
        throw invalid("it is for " + d + " dimensions and " + c + " constraints, the problem has "
            + dimensions + " and " + constraints.size());
      }
      double[] restoredObjective = readArray(in);
      double[][] restoredConstraints = new double[c][];
      for (int k = 0; k < c; k++) {
        restoredConstraints[k] = readArray(in);
      }
      TreeMap<Long, double[]> restoredPending = new TreeMap<>();
      int pendingCount = in.readInt();
      for (int k = 0; k < pendingCount; k++) {
        restoredPending.put(in.readLong(), readValues(in, d));
      }
      List<Told> restoredTold = new ArrayList<>();
      int toldCount = in.readInt();
      for (int k = 0; k < toldCount; k++) {
        restoredTold.add(new Told(in.readLong(), readValues(in, d), in.readDouble(),
            readValues(in, c)));
      }
      if (in.available() > 0 || restoredAsked < 0) {
        throw invalid("it has " + in.available() + " bytes too many or a negative count");
      }
      if (restoredSeed != seed) {
        logger.info("optimizer '{}': checkpoint seed {} replaces seed {}", ID, restoredSeed, seed);
        design = design(restoredSeed);
      }
      seed = restoredSeed;
      asked = restoredAsked;
      objectiveTheta = restoredObjective;
      System.arraycopy(restoredConstraints, 0, constraintTheta, 0, c);
      pending.clear();
      pending.putAll(restoredPending);
      told.clear();
      told.addAll(restoredTold);
    } catch (IOException e) {
      throw invalid("it ends early (" + state.length + " bytes)");
    }
  }

  private static IllegalArgumentException invalid(String why) {
    return new IllegalArgumentException("optimizer '" + ID + "': not a checkpoint of it: " + why);
  }

  private static void writeArray(DataOutputStream out, double[] values) throws IOException {
    out.writeInt(values == null ? 0 : values.length);
    if (values != null) {
      writeValues(out, values);
    }
  }

  private static void writeValues(DataOutputStream out, double[] values) throws IOException {
    for (double v : values) {
      out.writeDouble(v);
    }
  }

  private static double[] readArray(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > 1 << 20) {
      throw invalid("an array length of " + length);
    }
    return length == 0 ? null : readValues(in, length);
  }

  private static double[] readValues(DataInputStream in, int length) throws IOException {
    double[] values = new double[length];
    for (int i = 0; i < length; i++) {
      values[i] = in.readDouble();
    }
    return values;
  }

  /**
   * The generator of candidate {@code index}: SplitMix64's output number {@code index} for
   * {@code seed}, used as the seed of a {@link SplittableRandom} (G. L. Steele, D. Lea,
   * C. H. Flood, OOPSLA 2014), so that neighbouring indices give unrelated streams.
   */
  static SplittableRandom stream(long seed, long index) {
    return new SplittableRandom(new SplittableRandom(seed + GOLDEN_GAMMA * index).nextLong());
  }

  /** The surrogates of one ask: fitted once, then conditioned on each fantasised candidate. */
  private final class Surrogates {
    private final boolean[] categorical = inputs.categorical();
    private final Model objectiveModel;
    private final Model[] constraintModels;
    private double target;
    private final double liar;
    private final List<double[]> centres = new ArrayList<>();

    Surrogates(SplittableRandom random) {
      List<Told> withLoss = told.stream().filter(t -> !Double.isNaN(t.loss())).toList();
      objectiveModel = new Model(withLoss, Told::loss, objectiveTheta, random);
      objectiveTheta = objectiveModel.theta;
      constraintModels = new Model[constraints.size()];
      for (int c = 0; c < constraintModels.length; c++) {
        int k = c;
        List<Told> withSlack = told.stream().filter(t -> !Double.isNaN(t.slack()[k])).toList();
        if (withSlack.size() >= MIN_OBSERVATIONS) {
          constraintModels[c] = new Model(withSlack, t -> t.slack()[k], constraintTheta[c],
              random);
          constraintTheta[c] = constraintModels[c].theta;
        }
      }
      List<Told> feasible = withLoss.stream().filter(Told::feasible)
          .sorted(Comparator.comparingDouble(Told::loss)).toList();
      target = feasible.isEmpty() ? Double.NaN
          : objectiveModel.standardise(feasible.get(0).loss()) - config.xi();
      feasible.stream().limit(LOCAL_CENTRES).forEach(t -> centres.add(t.x()));
      double[] standardised = withLoss.stream()
          .mapToDouble(t -> objectiveModel.standardise(t.loss())).toArray();
      liar = switch (config.batch()) {
        case CONSTANT_LIAR_MIN -> Arrays.stream(standardised).min().orElse(0);
        case CONSTANT_LIAR_MEAN -> Arrays.stream(standardised).average().orElse(0);
        case CONSTANT_LIAR_MAX -> Arrays.stream(standardised).max().orElse(0);
        case KRIGING_BELIEVER -> Double.NaN;
      };
      for (double[] x : pending.values()) {
        fantasise(x);
      }
    }

    /**
     * Conditions every surrogate on a fantasised outcome at {@code x}. A fantasy that the
     * constraint surrogates believe feasible lowers the improvement threshold if it is lower,
     * as a real observation would.
     */
    void fantasise(double[] x) {
      double[] z = inputs.transform(x);
      double loss = Double.isNaN(liar) ? objectiveModel.mean(z) : liar;
      objectiveModel.add(z, loss);
      boolean feasible = true;
      for (Model m : constraintModels) {
        if (m != null) {
          double slack = m.mean(z);
          m.add(z, slack);
          feasible &= slack >= m.standardise(0);
        }
      }
      if (feasible && !Double.isNaN(target)) {
        target = Math.min(target, loss - config.xi());
      }
    }

    /** The unit-cube point that maximises the acquisition, as found from {@code random}. */
    double[] propose(SplittableRandom random) {
      GaussianProcess[] constraintProcesses = new GaussianProcess[constraintModels.length];
      double[] thresholds = new double[constraintModels.length];
      for (int c = 0; c < constraintModels.length; c++) {
        if (constraintModels[c] != null) {
          constraintProcesses[c] = constraintModels[c].process;
          thresholds[c] = constraintModels[c].standardise(0);
        }
      }
      Acquisition acquisition = new Acquisition(inputs, objectiveModel.process, target,
          constraintProcesses, thresholds);
      int total = config.samples();
      int local = centres.isEmpty() ? 0 : total / 4;
      double[][] points = new double[total][];
      double[] scores = new double[total];
      for (int s = 0; s < total; s++) {
        points[s] = s < local ? perturb(centres.get(s % centres.size()), random)
            : uniform(random);
        scores[s] = acquisition.value(points[s]);
      }
      Integer[] order = new Integer[total];
      for (int s = 0; s < total; s++) {
        order[s] = s;
      }
      Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
      double[] best = null;
      double bestScore = Double.NEGATIVE_INFINITY;
      int refined = 0;
      for (int s = 0; s < total && (refined < config.refineStarts() || best == null); s++) {
        double[] start = points[order[s]];
        if (!valid(start)) {
          continue;
        }
        double[] u = start;
        double score = scores[order[s]];
        if (refined < config.refineStarts()) {
          refined++;
          double[] improved = refine(acquisition, start);
          double improvedScore = acquisition.value(improved);
          if (improvedScore > score && valid(improved)) {
            u = improved;
            score = improvedScore;
          }
        }
        if (score > bestScore) {
          best = u;
          bestScore = score;
        }
      }
      return best != null ? best : space.encode(space.sample(random));
    }

    private double[] uniform(SplittableRandom random) {
      double[] u = new double[dimensions];
      for (int j = 0; j < dimensions; j++) {
        u[j] = random.nextDouble();
      }
      return u;
    }

    /** A point near {@code centre}: Gaussian steps along real coordinates, redraws of others. */
    private double[] perturb(double[] centre, SplittableRandom random) {
      double[] u = centre.clone();
      boolean[] continuous = inputs.continuous();
      for (int j = 0; j < dimensions; j++) {
        if (continuous[j]) {
          u[j] = Math.min(1, Math.max(0, u[j] + LOCAL_SPREAD * random.nextGaussian()));
        } else if (random.nextDouble() < 1.0 / dimensions) {
          u[j] = random.nextDouble();
        }
      }
      return u;
    }

    private boolean valid(double[] u) {
      return space.violation(space.decode(u)).isEmpty();
    }

    /** Gradient ascent along the real coordinates, then neighbouring discrete values. */
    private double[] refine(Acquisition acquisition, double[] start) {
      boolean[] continuous = inputs.continuous();
      double[] lower = new double[dimensions];
      double[] upper = new double[dimensions];
      boolean anyContinuous = false;
      for (int j = 0; j < dimensions; j++) {
        lower[j] = continuous[j] ? 0 : start[j];
        upper[j] = continuous[j] ? 1 : start[j];
        anyContinuous |= continuous[j];
      }
      double[] u = start.clone();
      if (anyContinuous) {
        ProjectedLbfgs.Result r = new ProjectedLbfgs(6, 30, 1e-7, 1e-10).minimize(
            (x, gradient) -> {
              double value = acquisition.value(x, gradient);
              for (int j = 0; j < gradient.length; j++) {
                gradient[j] = -gradient[j];
              }
              return -value;
            }, u, lower, upper);
        u = r.x();
      }
      double score = acquisition.value(u);
      for (int pass = 0; pass < NEIGHBOUR_PASSES; pass++) {
        double[] bestMove = null;
        for (int j = 0; j < dimensions; j++) {
          if (continuous[j]) {
            continue;
          }
          long cells = inputs.cells(j);
          long cell = Math.min((long) Math.floor(Math.min(1, Math.max(0, u[j])) * cells),
              cells - 1);
          long[] others = categorical[j]
              ? LongStream.range(0, cells).filter(o -> o != cell).toArray()
              : LongStream.of(cell - 1, cell + 1)
                  .filter(o -> o >= 0 && o < cells).toArray();
          for (long other : others) {
            double[] moved = u.clone();
            moved[j] = inputs.centre(j, other);
            double movedScore = acquisition.value(moved);
            if (movedScore > score) {
              score = movedScore;
              bestMove = moved;
            }
          }
        }
        if (bestMove == null) {
          break;
        }
        u = bestMove;
      }
      return u;
    }
  }

  /** A surrogate of one quantity: standardisation, fitted hyper-parameters and the posterior. */
  private final class Model {
    private final List<double[]> z = new ArrayList<>();
    private final List<Double> y = new ArrayList<>();
    private final double centre;
    private final double scale;
    private final double[] theta;
    private GaussianProcess process;

    Model(List<Told> data, ToDoubleFunction<Told> value, double[] warmStart,
        SplittableRandom random) {
      double[] raw = data.stream().mapToDouble(value).toArray();
      double mean = Arrays.stream(raw).average().orElse(0);
      double variance = Arrays.stream(raw).map(v -> (v - mean) * (v - mean)).sum()
          / Math.max(1, raw.length - 1);
      centre = mean;
      scale = variance > 0 ? Math.sqrt(variance) : 1;
      for (int i = 0; i < raw.length; i++) {
        z.add(inputs.transform(data.get(i).x()));
        y.add((raw[i] - centre) / scale);
      }
      double[][] inputsArray = z.toArray(double[][]::new);
      double[] targets = y.stream().mapToDouble(Double::doubleValue).toArray();
      boolean[] categorical = inputs.categorical();
      theta = GaussianProcess.fit(inputsArray, targets, categorical,
          warmStart != null && warmStart.length == GaussianProcess.parameterCount(dimensions)
              ? warmStart : null,
          config.fitStarts(), random);
      process = GaussianProcess.condition(inputsArray, targets, categorical, theta);
      logger.debug("optimizer '{}': fitted {} observations, hyper-parameters {}", ID,
          raw.length, theta);
    }

    double standardise(double v) {
      return (v - centre) / scale;
    }

    double mean(double[] at) {
      double[] out = new double[2];
      process.predict(at, out);
      return out[0];
    }

    void add(double[] at, double value) {
      z.add(at);
      y.add(value);
      process = GaussianProcess.condition(z.toArray(double[][]::new),
          y.stream().mapToDouble(Double::doubleValue).toArray(), inputs.categorical(), theta);
    }
  }
}
