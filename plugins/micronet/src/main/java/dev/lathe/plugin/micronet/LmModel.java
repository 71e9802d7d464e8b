package dev.lathe.plugin.micronet;

import dev.lathe.api.model.Network;
import dev.lathe.api.model.Normalization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongToDoubleFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained MicroNet {@link LanguageModel} as a model that {@code prune}, {@code quantize} and
 * {@code distill} transform: its configuration, the values of its parameters and their bit
 * widths, the bits of the activations entering its matrix products, the corpus it is fine-tuned
 * and validated on in {@code rows} parallel rows, and optionally a teacher ({@link #withTeacher}).
 * Immutable: every {@link #open} builds a fresh language model holding these values. The
 * weights are the language model's weight matrices ({@link LmCompression#compressible}:
 * embedding tables, projections, attention and feed-forward matrices; not the cluster logits,
 * positional terms, normalisations or the cache's λ and θ); the biases those of its linear
 * maps; the activations the inputs of its linear maps and attention nodes and, inside each
 * attention node, its queries, keys, values, weights and context
 * ({@link LanguageModel#quantizingMatrixInputs}).
 */
final class LmModel extends StoredModel {

  static {
    NetworkModel.openNd4j();
  }

  /** The validation segments (of every row) that the sensitivity analysis scores. */
  static final int SENSITIVITY_SEGMENTS = 4;

  private final MicronetLm shape;
  private final Network network;
  private final LmCorpus corpus;
  private final int rows;
  private final long seed;
  private final LmModel teacher;

  private LmModel(MicronetLm shape, Network network, Map<String, INDArray> parameters,
      Map<String, Integer> bits, int activationBits, LmCorpus corpus, int rows, long seed,
      LmModel teacher) {
    super(parameters, bits, activationBits);
    this.shape = Objects.requireNonNull(shape, "shape");
    this.network = network;
    this.corpus = Objects.requireNonNull(corpus, "corpus");
    this.rows = rows;
    this.seed = seed;
    this.teacher = teacher;
  }

  /**
   * {@code trained}'s configuration and current parameter values, 32-bit, fine-tuned and
   * validated on {@code corpus} in {@code rows} rows, its graphs built from {@code seed}.
   */
  static LmModel of(LanguageModel trained, LmCorpus corpus, int rows, long seed) {
    Map<String, INDArray> values = new LinkedHashMap<>();
    trained.network().parameterNames().forEach(name -> values.put(name,
        trained.network().parameter(name)));
    return new LmModel(trained.shape(), trained.network().network(), values, Map.of(),
        trained.activationBits(), corpus, rows, seed, null);
  }

  /**
   * This model with {@code other} as the teacher that {@code distill} learns from: a language
   * model of the same vocabulary, cutoffs and segment length (so that its top-k words of every
   * position of this model's training segments exist), of any depth and width.
   *
   * @throws IllegalArgumentException if the teacher's vocabulary, cutoffs or segment length
   *     differ
   */
  LmModel withTeacher(LmModel other) {
    MicronetLm t = other.shape;
    if (t.vocabulary() != shape.vocabulary() || !t.cutoffs().equals(shape.cutoffs())
        || t.nSeq() != shape.nSeq()) {
      throw new IllegalArgumentException("teacher language model (vocabulary " + t.vocabulary()
          + ", cutoffs " + t.cutoffs() + ", segments of " + t.nSeq() + ") does not fit the"
          + " student (vocabulary " + shape.vocabulary() + ", cutoffs " + shape.cutoffs()
          + ", segments of " + shape.nSeq() + ")");
    }
    return new LmModel(shape, network, values(), tensorBits(), activationBits(), corpus, rows,
        seed, other);
  }

  /** The teacher, if it has one. */
  Optional<LmModel> teacher() {
    return Optional.ofNullable(teacher);
  }

  /** This model with other values and bit widths; the teacher is kept. */
  @Override
  public LmModel with(Map<String, INDArray> values, Map<String, Integer> tensorBits,
      int activations) {
    requireSameParameters(values);
    return new LmModel(shape, network, values, tensorBits, activations, corpus, rows, seed,
        teacher);
  }

  /** The configuration. */
  MicronetLm shape() {
    return shape;
  }

  /** A fresh language model holding these parameter values, at these activation bits. */
  LanguageModel instantiate() {
    return instantiate(activationBits(), false);
  }

  private LanguageModel instantiate(int activations, boolean distilling) {
    LanguageModel model = new LanguageModel(shape, seed, activations, distilling);
    values().forEach((name, value) -> model.network().parameter(name).assign(value));
    return model;
  }

  /**
   * The teacher's {@code k} most probable next words of every position of the training
   * segments that {@code steps} updates of {@link LiveModel#distil} read, renormalised, one
   * entry per segment in reading order.
   *
   * @throws IllegalStateException if this model has no teacher
   */
  List<LanguageModel.SoftTargets> teacherTargets(int k, int steps) {
    if (teacher == null) {
      throw new IllegalStateException("language model has no teacher to distil from");
    }
    return teacher.instantiate().topK(corpus.train(), rows, steps, k);
  }

  /** The teacher's validation perplexity on this model's corpus, its cache mixed in. */
  double teacherPerplexity() {
    if (teacher == null) {
      throw new IllegalStateException("language model has no teacher");
    }
    return teacher.instantiate().score(corpus.valid(), rows).perplexity(true);
  }

  @Override
  public boolean isWeight(String name) {
    return LmCompression.compressible(name, values().get(name));
  }

  @Override
  public boolean isBias(String name) {
    if (!name.endsWith("/bias") || values().get(name).rank() != 1) {
      return false;
    }
    String node = name.substring(0, name.indexOf('/'));
    return !(network.node(node).layer() instanceof Normalization);
  }

  /**
   * A fresh language model with these values, the inputs of its matrix products at
   * {@code activations} bits: validation scores the corpus's validation stream from an empty
   * memory and cache ({@code loss} the mean negative log-probability, {@code perplexity} its
   * exponential, the cache mixed in where the model has one); fine-tuning reads the training
   * stream's segments in order (no randomness, so the seed is not used), memory and cache
   * carried.
   */
  @Override
  public LiveModel open(int activations) {
    return new LiveModel(instantiate(activations, false));
  }

  /**
   * As {@link #open}, the language model trained on the distillation loss by
   * {@link LiveModel#distil} (and not by {@link LiveModel#fineTune}).
   */
  LiveModel openDistilling(int activations) {
    return new LiveModel(instantiate(activations, true));
  }

  /** A live language model of this model's values, on this model's corpus. */
  final class LiveModel implements Session {

    private final LanguageModel model;

    private LiveModel(LanguageModel model) {
      this.model = model;
    }

    @Override
    public INDArray parameter(String name) {
      return model.network().parameter(name);
    }

    @Override
    public Map<String, Double> validate() {
      double perplexity = model.score(corpus.valid(), rows).perplexity(true);
      return Map.of("loss", Math.log(perplexity), "perplexity", perplexity);
    }

    /**
     * The mean negative log-probability of the first {@link #SENSITIVITY_SEGMENTS} segments of
     * every row of the validation stream cut to that length (all of it if shorter).
     */
    @Override
    public double sensitivityLoss() {
      int[] valid = corpus.valid();
      int[] part = Arrays.copyOf(valid, Math.min(valid.length,
          rows * shape.nSeq() * SENSITIVITY_SEGMENTS + 1));
      return Math.log(model.score(part, rows).perplexity(true));
    }

    @Override
    public void fineTune(int steps, double rate, long unused, FineTuning.Hook hook) {
      LanguageModel.Batches batches = new LanguageModel.Batches(corpus.train(), rows,
          shape.nSeq());
      model.resetState();
      for (int step = 0; step < steps; step++) {
        hook.before(step);
        int segment = step % batches.segments();
        model.step(batches.inputs(segment), batches.targets(segment), rate);
        hook.after(step);
      }
    }

    /**
     * Makes {@code steps} updates on the training segments in the order {@link #fineTune}
     * reads them, update {@code s} on the loss {@code mix(s)·NLL + (1 − mix(s))·soft} against
     * {@code teacher}'s words of its segment ({@link LmModel#teacherTargets}), {@code hook}
     * called around each; returns the losses of each update, computed before it.
     */
    List<LanguageModel.DistillStep> distil(List<LanguageModel.SoftTargets> teacher, int steps,
        double rate, LongToDoubleFunction mix, FineTuning.Hook hook) {
      LanguageModel.Batches batches = new LanguageModel.Batches(corpus.train(), rows,
          shape.nSeq());
      model.resetState();
      List<LanguageModel.DistillStep> losses = new ArrayList<>();
      for (int step = 0; step < steps; step++) {
        hook.before(step);
        int segment = step % batches.segments();
        losses.add(model.distillStep(batches.inputs(segment), batches.targets(segment),
            teacher.get(segment), mix.applyAsDouble(step), rate));
        hook.after(step);
      }
      return losses;
    }
  }

  @Override
  public String architecture() {
    return MicronetLmProvider.ID;
  }

  @Override
  public String toString() {
    return "LmModel[" + architecture() + ", " + parameterCount() + " parameters, "
        + sizeBits() + " bits]";
  }
}
