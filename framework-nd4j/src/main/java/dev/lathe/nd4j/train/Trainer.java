package dev.lathe.nd4j.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.nd4j.Nd4jRuntime;
import dev.lathe.nd4j.internal.Nd4jAccess;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training loop: mini-batch gradient descent over a {@link TrainableModel} with the updater,
 * schedule, batch size, seed and clipping of a {@link TrainingConfig}. Each epoch visits the
 * training examples in a fresh order drawn from the seed; each step computes the loss and the
 * gradients of every trainable variable with SameDiff, clips their global norm, and updates the
 * variables in place. After an epoch's last batch the evaluation (if any) runs and listeners are
 * told. Progress goes to {@link TrainingListener}s only; nothing is printed.
 *
 * <p><b>Determinism.</b> The order of the examples and the seed of ND4J's random ops (dropout)
 * at each step depend only on the seed, the epoch and the step, so with ND4J on one thread
 * ({@code OMP_NUM_THREADS=1}) the same model, data and configuration give bit-identical weights,
 * and a run resumed from a {@link Checkpoint} continues exactly as the uninterrupted run. With
 * more threads, ND4J's parallel reductions may differ in their last bits.
 *
 * <p>A trainer is not thread-safe; ND4J's random generator, which it seeds at each step, is
 * per thread.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Trainer {

  static {
    Nd4jAccess.open();
  }

  /** Salts of the two seed streams; part of the determinism contract, never to change. */
  private static final long SHUFFLE_STREAM = 0x53485546464c45L;
  private static final long STEP_STREAM = 0x53544550L;
  /** Added to the global norm when clipping, as PyTorch's {@code clip_grad_norm_} does. */
  private static final double CLIP_EPSILON = 1e-6;

  private final TrainableModel model;
  private final TrainingConfig config;
  private final List<String> names;
  private final Map<String, INDArray> weights = new LinkedHashMap<>();
  private final Map<String, Map<String, INDArray>> state = new LinkedHashMap<>();
  private final List<TrainingListener> listeners = new ArrayList<>();
  private Evaluation evaluation;
  private TrainingPosition position = TrainingPosition.START;
  private int[] order = new int[0];
  private int orderEpoch = -1;
  private long epochStartNanos = -1;
  private EpochReport lastEpoch;

  /**
   * A trainer of {@code model} under {@code config}, from its current weights; creates the
   * graph's gradient function (SameDiff's prints while doing so go to its logger at DEBUG).
   *
   * @throws IllegalArgumentException if a trainable variable is not a 32-bit float
   */
  public Trainer(TrainableModel model, TrainingConfig config) {
    this.model = Objects.requireNonNull(model, "model");
    this.config = Objects.requireNonNull(config, "config");
    SameDiff graph = model.graph();
    graph.setLossVariables(model.loss());
    Nd4jRuntime.createGradFunction(graph);
    names = model.parameterNames();
    for (String name : names) {
      INDArray values = graph.getArrForVarName(name);
      if (values.dataType() != DataType.FLOAT) {
        throw new IllegalArgumentException("trainable variable '" + name + "' is "
            + values.dataType() + "; the training loop trains FLOAT variables only");
      }
      weights.put(name, values);
      Map<String, INDArray> slots = new LinkedHashMap<>();
      for (String slot : slots(config.updater())) {
        slots.put(slot, Nd4j.zeros(DataType.FLOAT, values.shape()));
      }
      state.put(name, slots);
    }
  }

  /**
   * A trainer that continues the run saved in {@code checkpoint}, under the configuration saved
   * with it; {@code model} must be built as the saved run's was (same variable names and
   * shapes) and receives the saved weights.
   *
   * @throws IOException if the file cannot be read or does not fit the model
   */
  public static Trainer resume(TrainableModel model, Path checkpoint) throws IOException {
    Checkpoint saved = Checkpoint.read(checkpoint);
    Trainer trainer = new Trainer(model, saved.config());
    try {
      trainer.restore(saved);
    } catch (IllegalArgumentException e) {
      throw new IOException(checkpoint + ": " + e.getMessage(), e);
    }
    return trainer;
  }

  /** Adds a listener; returns this trainer. */
  public Trainer addListener(TrainingListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /** Runs {@code evaluation} after every epoch; returns this trainer. */
  public Trainer evaluateEachEpoch(Evaluation evaluation) {
    this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
    return this;
  }

  /** The model being trained. */
  public TrainableModel model() {
    return model;
  }

  /** How it is trained. */
  public TrainingConfig config() {
    return config;
  }

  /** Where the run stands. */
  public TrainingPosition position() {
    return position;
  }

  /**
   * Trains until {@code epochs} epochs are complete, counting those completed before (by earlier
   * calls or by the run a checkpoint was taken from); a run resumed in the middle of an epoch
   * finishes it first.
   *
   * @return the reports of the epochs completed by this call
   */
  public List<EpochReport> fit(Dataset train, int epochs) {
    List<EpochReport> reports = new ArrayList<>();
    while (position.epoch() < epochs) {
      step(train);
      if (lastEpoch != null) {
        reports.add(lastEpoch);
        lastEpoch = null;
      }
    }
    return reports;
  }

  /**
   * Makes one update on the next batch of {@code train}; when it is the epoch's last, also runs
   * the evaluation and tells listeners of the epoch.
   *
   * @throws IllegalArgumentException if the run's epochs were cut from a dataset of another size
   */
  public StepReport step(Dataset train) {
    int n = train.size();
    if (position.examples() != 0 && position.examples() != n) {
      throw new IllegalArgumentException("this run's epochs are cut from " + position.examples()
          + " training examples, but the dataset given has " + n);
    }
    if (epochStartNanos < 0) {
      epochStartNanos = System.nanoTime();
    }
    int batchSize = config.batchSize();
    int batches = (n + batchSize - 1) / batchSize;
    int first = position.batch() * batchSize;
    int[] rows = Arrays.copyOfRange(order(position.epoch(), n), first,
        Math.min(n, first + batchSize));
    Map<String, INDArray> feed = Map.of(
        model.input(), train.features(rows), model.labels(), train.labels(rows));
    Nd4j.getRandom().setSeed(derive(config.seed(), STEP_STREAM, position.step()));
    OutAndGrad result = model.graph().calculateGradientsAndOutputs(feed, List.of(model.loss()),
        names);
    double loss = result.getOutputs().get(model.loss()).getDouble(0);
    Map<String, INDArray> gradients = result.getGradients();
    double rate = config.schedule().rate(position.step());
    double norm = globalNorm(gradients);
    boolean clipped = config.clips() && norm > config.clipGlobalNorm();
    if (clipped) {
      double factor = config.clipGlobalNorm() / (norm + CLIP_EPSILON);
      gradients.values().forEach(g -> g.muli(factor));
    }
    long step = position.step() + 1;
    for (String name : names) {
      update(name, weights.get(name), gradients.get(name), rate, step);
    }
    StepReport report = new StepReport(step, position.epoch(), position.batch(), rows.length,
        loss, rate, norm, clipped);
    double lossSum = position.epochLossSum() + loss;
    int epochSteps = position.epochSteps() + 1;
    boolean epochEnds = position.batch() + 1 == batches;
    int epoch = position.epoch();
    position = epochEnds
        ? new TrainingPosition(step, epoch + 1, 0, n, 0, 0)
        : new TrainingPosition(step, epoch, position.batch() + 1, n, lossSum, epochSteps);
    Nd4jAccess.releaseUnreachableArrays();
    listeners.forEach(l -> l.stepDone(report));
    if (epochEnds) {
      Map<String, Double> metrics = evaluation == null ? Map.of() : evaluation.evaluate(model);
      lastEpoch = new EpochReport(epoch, step, lossSum / epochSteps, metrics,
          Duration.ofNanos(System.nanoTime() - epochStartNanos));
      epochStartNanos = -1;
      EpochReport ended = lastEpoch;
      listeners.forEach(l -> l.epochDone(ended));
    }
    return report;
  }

  /**
   * A snapshot of the run: configuration, position, and copies of the weights, the updater's
   * state and the model's buffers.
   */
  public Checkpoint checkpoint() {
    Map<String, INDArray> parameters = new LinkedHashMap<>();
    weights.forEach((name, values) -> parameters.put(name, values.dup()));
    Map<String, Map<String, INDArray>> saved = new LinkedHashMap<>();
    state.forEach((name, slots) -> {
      Map<String, INDArray> copies = new LinkedHashMap<>();
      slots.forEach((slot, values) -> copies.put(slot, values.dup()));
      saved.put(name, copies);
    });
    Map<String, INDArray> buffers = new LinkedHashMap<>();
    model.buffers().forEach((name, values) -> buffers.put(name, values.dup()));
    return new Checkpoint(config, position, parameters, saved, buffers);
  }

  /** Writes {@link #checkpoint()} to {@code file} (atomically). */
  public void save(Path file) throws IOException {
    checkpoint().write(file);
  }

  /**
   * Sets the weights, the updater's state, the model's buffers and the position to those of
   * {@code checkpoint}. A checkpoint without buffers (format version 1) leaves the model's
   * buffers as they are.
   *
   * @throws IllegalArgumentException if it was made under another configuration or for other
   *     variables, buffers or shapes; nothing is changed then
   */
  public void restore(Checkpoint checkpoint) {
    if (!checkpoint.config().equals(config)) {
      throw new IllegalArgumentException("the checkpoint was made under " + checkpoint.config()
          + ", not under this trainer's " + config);
    }
    if (!checkpoint.parameters().keySet().equals(weights.keySet())) {
      throw new IllegalArgumentException("the checkpoint holds variables "
          + checkpoint.parameters().keySet() + " but the model trains " + weights.keySet());
    }
    for (String name : names) {
      requireShape(name, checkpoint.parameters().get(name), weights.get(name));
      Map<String, INDArray> slots = checkpoint.optimizerState().getOrDefault(name, Map.of());
      if (!slots.keySet().equals(state.get(name).keySet())) {
        throw new IllegalArgumentException("the checkpoint holds updater state "
            + slots.keySet() + " for '" + name + "', the updater needs "
            + state.get(name).keySet());
      }
      for (Map.Entry<String, INDArray> slot : slots.entrySet()) {
        requireShape(name + "/" + slot.getKey(), slot.getValue(), weights.get(name));
      }
    }
    Map<String, INDArray> buffers = checkpoint.buffers();
    if (!buffers.isEmpty()) {
      if (!buffers.keySet().equals(model.buffers().keySet())) {
        throw new IllegalArgumentException("the checkpoint holds buffers " + buffers.keySet()
            + " but the model has " + model.buffers().keySet());
      }
      buffers.forEach((name, values) -> requireShape(name, values, model.buffers().get(name)));
    }
    for (String name : names) {
      weights.get(name).assign(checkpoint.parameters().get(name));
      checkpoint.optimizerState().get(name)
          .forEach((slot, values) -> state.get(name).get(slot).assign(values));
    }
    buffers.forEach((name, values) -> model.buffers().get(name).assign(values));
    position = checkpoint.position();
    orderEpoch = -1;
    epochStartNanos = -1;
  }

  private void update(String name, INDArray w, INDArray g, double rate, long step) {
    Map<String, INDArray> slots = state.get(name);
    if (config.updater() instanceof Updater.Sgd sgd) {
      if (sgd.weightDecay() > 0) {
        addScaled(sgd.weightDecay(), w, g);
      }
      INDArray direction = g;
      if (sgd.momentum() > 0) {
        INDArray buffer = slots.get("momentum");
        buffer.muli(sgd.momentum()).addi(g);
        if (sgd.nesterov()) {
          addScaled(sgd.momentum(), buffer, g);
        } else {
          direction = buffer;
        }
      }
      addScaled(-rate, direction, w);
    } else if (config.updater() instanceof Updater.Adam adam) {
      if (adam.weightDecay() > 0) {
        if (adam.decoupledWeightDecay()) {
          w.muli(1 - rate * adam.weightDecay());
        } else {
          addScaled(adam.weightDecay(), w, g);
        }
      }
      double alpha = rate * Math.sqrt(1 - Math.pow(adam.beta2(), step))
          / (1 - Math.pow(adam.beta1(), step));
      adamStep(w, g, slots.get("m"), slots.get("v"), alpha, adam);
    }
  }

  /**
   * One Adam step on one variable, in place: {@code m = β₁m + (1−β₁)g},
   * {@code v = β₂v + (1−β₂)g²}, {@code w -= alpha · m/(√v + ε)}, element by element in 32-bit
   * float arithmetic, as ND4J's fused {@code adam_updater} op computes it; {@code alpha} is the
   * rate with the bias correction of step {@code t}, {@code lr·√(1−β₂ᵗ)/(1−β₁ᵗ)}. One pass in
   * Java over the four arrays' memory takes about two thirds of the time of the fused op and the
   * subtraction it needs (and a fifteenth on small arrays, where each op's call dominates).
   * {@code m} and {@code v} must be dense C-order arrays of {@code w}'s shape; a weight or
   * gradient array that is not (a view, another order) is copied into one and back. All four
   * arrays must hold 32-bit floats.
   */
  static void adamStep(INDArray w, INDArray g, INDArray m, INDArray v, double alpha,
      Updater.Adam adam) {
    for (INDArray a : List.of(w, g, m, v)) {
      if (a.dataType() != DataType.FLOAT) {
        throw new IllegalArgumentException("Adam updates 32-bit float variables; got "
            + a.dataType() + " " + a.shapeInfoToString());
      }
    }
    INDArray weights = dense(w) ? w : w.dup('c');
    FloatBuffer ws = weights.data().asNioFloat();
    FloatBuffer gs = (dense(g) ? g : g.dup('c')).data().asNioFloat();
    FloatBuffer ms = m.data().asNioFloat();
    FloatBuffer vs = v.data().asNioFloat();
    float beta1 = (float) adam.beta1();
    float beta2 = (float) adam.beta2();
    float epsilon = (float) adam.epsilon();
    float scale = (float) alpha;
    int n = Math.toIntExact(w.length());
    for (int i = 0; i < n; i++) {
      float gi = gs.get(i);
      float mi = beta1 * ms.get(i) + (1 - beta1) * gi;
      float vi = beta2 * vs.get(i) + (1 - beta2) * gi * gi;
      ms.put(i, mi);
      vs.put(i, vi);
      ws.put(i, ws.get(i) - scale * mi / ((float) Math.sqrt(vi) + epsilon));
    }
    if (weights != w) {
      w.assign(weights);
    }
  }

  /** Whether {@code a}'s elements are its whole buffer, in C order from its first element. */
  private static boolean dense(INDArray a) {
    return !a.isView() && a.ordering() == 'c' && a.elementWiseStride() == 1
        && a.data().length() == a.length();
  }

  /** {@code y += alpha * x}, in place, for arrays of any shape (BLAS axpy over their data). */
  private static void addScaled(double alpha, INDArray x, INDArray y) {
    Nd4j.getBlasWrapper().level1().axpy(x.length(), alpha, x, y);
  }

  private static List<String> slots(Updater updater) {
    if (updater instanceof Updater.Sgd sgd) {
      return sgd.momentum() > 0 ? List.of("momentum") : List.of();
    }
    return List.of("m", "v");
  }

  /**
   * The global L2 norm of all gradients together: the square root of the sum of each gradient's
   * dot product with itself. BLAS {@code dot} over a gradient's data is 20-30 times faster than
   * ND4J's {@code norm2} reduction on arrays of 10⁵-10⁶ elements; arrays that are views are
   * copied first, since {@code dot} reads the data with one stride.
   */
  static double globalNorm(Map<String, INDArray> gradients) {
    double sumOfSquares = 0;
    for (INDArray g : gradients.values()) {
      INDArray dense = g.isView() || g.elementWiseStride() != 1 ? g.dup('c') : g;
      sumOfSquares += Nd4j.getBlasWrapper().level1().dot(dense.length(), 1, dense, dense);
    }
    return Math.sqrt(sumOfSquares);
  }

  /** The order of the examples in {@code epoch}: a shuffle drawn from the seed and the epoch. */
  private int[] order(int epoch, int n) {
    if (orderEpoch != epoch || order.length != n) {
      order = shuffled(n, derive(config.seed(), SHUFFLE_STREAM, epoch));
      orderEpoch = epoch;
    }
    return order;
  }

  /**
   * 0 to {@code n - 1} shuffled by Fisher-Yates with {@link Random} (whose algorithm Java
   * specifies, so the order is the same on every JVM).
   */
  static int[] shuffled(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /** The seed of item {@code index} of stream {@code stream}: SplitMix64's finaliser. */
  static long derive(long seed, long stream, long index) {
    long z = seed ^ stream;
    z += 0x9E3779B97F4A7C15L * (index + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static void requireShape(String name, INDArray saved, INDArray live) {
    if (!Arrays.equals(saved.shape(), live.shape())) {
      throw new IllegalArgumentException("'" + name + "' has shape "
          + Arrays.toString(saved.shape()) + " in the checkpoint but "
          + Arrays.toString(live.shape()) + " in the model");
    }
  }
}
