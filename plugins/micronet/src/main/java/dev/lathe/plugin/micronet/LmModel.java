package dev.lathe.plugin.micronet;

import dev.lathe.api.model.Network;
import dev.lathe.api.model.Normalization;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained MicroNet {@link LanguageModel} as a model that {@code prune} and {@code quantize}
 * transform: its configuration, the values of its parameters and their bit widths, and the
 * corpus it is fine-tuned and validated on in {@code rows} parallel rows. Immutable: every
 * {@link #open} builds a fresh language model holding these values. The weights are the
 * language model's weight matrices ({@link LmCompression#compressible}: embedding tables,
 * projections, attention and feed-forward matrices; not the cluster logits, positional terms,
 * normalisations or the cache's λ and θ); the biases those of its linear maps. Activations
 * stay 32-bit: the language model's graph is built from the configuration alone.
 */
final class LmModel implements CompressibleModel {

  static {
    NetworkModel.openNd4j();
  }

  private final MicronetLm shape;
  private final Network network;
  private final Map<String, INDArray> parameters;
  private final Map<String, Integer> bits;
  private final LmCorpus corpus;
  private final int rows;
  private final long seed;

  private LmModel(MicronetLm shape, Network network, Map<String, INDArray> parameters,
      Map<String, Integer> bits, LmCorpus corpus, int rows, long seed) {
    this.shape = Objects.requireNonNull(shape, "shape");
    this.network = network;
    Map<String, INDArray> copies = new LinkedHashMap<>();
    parameters.forEach((name, value) -> copies.put(name, value.dup()));
    this.parameters = Collections.unmodifiableMap(copies);
    this.bits = Map.copyOf(bits);
    this.corpus = Objects.requireNonNull(corpus, "corpus");
    this.rows = rows;
    this.seed = seed;
  }

  /**
   * {@code trained}'s configuration and current parameter values, 32-bit, fine-tuned and
   * validated on {@code corpus} in {@code rows} rows, its graphs built from {@code seed}.
   */
  static LmModel of(LanguageModel trained, LmCorpus corpus, int rows, long seed) {
    Map<String, INDArray> values = new LinkedHashMap<>();
    trained.network().parameterNames().forEach(name -> values.put(name,
        trained.network().parameter(name)));
    return new LmModel(trained.shape(), trained.network().network(), values, Map.of(), corpus,
        rows, seed);
  }

  @Override
  public LmModel with(Map<String, INDArray> values, Map<String, Integer> tensorBits,
      int activations) {
    if (!values.keySet().equals(parameters.keySet())) {
      throw new IllegalArgumentException("parameters " + values.keySet() + " are not the"
          + " language model's " + parameters.keySet());
    }
    if (activations != 32) {
      throw new IllegalArgumentException("the language model's activations are 32-bit, not "
          + activations);
    }
    return new LmModel(shape, network, values, tensorBits, corpus, rows, seed);
  }

  /** The configuration. */
  MicronetLm shape() {
    return shape;
  }

  /** A fresh language model holding these parameter values. */
  LanguageModel instantiate() {
    LanguageModel model = new LanguageModel(shape, seed);
    parameters.forEach((name, value) -> model.network().parameter(name).assign(value));
    return model;
  }

  @Override
  public List<String> parameterNames() {
    return List.copyOf(parameters.keySet());
  }

  @Override
  public INDArray parameter(String name) {
    INDArray value = parameters.get(name);
    if (value == null) {
      throw new IllegalArgumentException("language model has no parameter '" + name
          + "'; it has " + parameters.keySet());
    }
    return value.dup();
  }

  @Override
  public Map<String, Integer> tensorBits() {
    return bits;
  }

  @Override
  public int activationBits() {
    return 32;
  }

  @Override
  public boolean quantizesActivations() {
    return false;
  }

  @Override
  public long nonzero(String name) {
    INDArray value = parameters.get(name);
    return value.length() - value.eq(0.0).castTo(value.dataType()).sumNumber().longValue();
  }

  @Override
  public boolean isWeight(String name) {
    return LmCompression.compressible(name, parameters.get(name));
  }

  @Override
  public boolean isBias(String name) {
    if (!name.endsWith("/bias") || parameters.get(name).rank() != 1) {
      return false;
    }
    String node = name.substring(0, name.indexOf('/'));
    return !(network.node(node).layer() instanceof Normalization);
  }

  /**
   * A fresh language model with these values: validation scores the corpus's validation
   * stream from an empty memory and cache ({@code loss} the mean negative log-probability,
   * {@code perplexity} its exponential, the cache mixed in where the model has one);
   * fine-tuning reads the training stream's segments in order (no randomness, so the seed is
   * not used), memory and cache carried.
   */
  @Override
  public Session open(int activations) {
    LanguageModel model = instantiate();
    return new Session() {
      @Override
      public INDArray parameter(String name) {
        return model.network().parameter(name);
      }

      @Override
      public Map<String, Double> validate() {
        double perplexity = model.score(corpus.valid(), rows).perplexity(true);
        return Map.of("loss", Math.log(perplexity), "perplexity", perplexity);
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
    };
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
