package dev.lathe.plugin.ofa.predictor;

import dev.lathe.nd4j.train.Dataset;
import dev.lathe.nd4j.train.LearningRateSchedule;
import dev.lathe.nd4j.train.TrainableModel;
import dev.lathe.nd4j.train.Trainer;
import dev.lathe.nd4j.train.TrainingConfig;
import dev.lathe.nd4j.train.Updater;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Once-for-All's accuracy predictor (arXiv:1908.09791, section 3.3): an MLP from a subnet's
 * one-hot encoding through three hidden layers of 400 ReLU units to one number, trained on
 * measured accuracies with the mean squared error (Adam, learning rate 10⁻³ on a cosine, batches
 * of 64) by {@code dev.lathe.nd4j}'s training loop. Targets are standardised before training and
 * predictions mapped back.
 */
public final class AccuracyPredictor {

  static {
    AccuracyPredictor.class.getModule().addReads(AccuracyPredictor.class.getClassLoader()
        .getUnnamedModule());
  }

  /** The hidden width, as the paper's. */
  public static final int HIDDEN = 400;
  /** The hidden layers, as the paper's. */
  public static final int LAYERS = 3;
  /** The format name in a saved predictor. */
  public static final String FORMAT = "lathe-ofa-accuracy-predictor";
  /** The format version this code writes and reads. */
  public static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SameDiff graph;
  private final double mean;
  private final double scale;

  private AccuracyPredictor(SameDiff graph, double mean, double scale) {
    this.graph = graph;
    this.mean = mean;
    this.scale = scale;
  }

  /**
   * A predictor trained for {@code epochs} epochs on {@code encodings} (one row per subnet) and
   * their {@code accuracies}, with weights and batches drawn from {@code seed}.
   *
   * @throws IllegalArgumentException if the rows and accuracies differ in number or are fewer
   *     than 2
   */
  public static AccuracyPredictor train(double[][] encodings, double[] accuracies, int epochs,
      long seed) {
    if (encodings.length != accuracies.length || encodings.length < 2) {
      throw new IllegalArgumentException("accuracy predictor: " + encodings.length
          + " encodings and " + accuracies.length + " accuracies; need the same number, at"
          + " least 2");
    }
    double mean = 0;
    for (double a : accuracies) {
      mean += a / accuracies.length;
    }
    double variance = 0;
    for (double a : accuracies) {
      variance += (a - mean) * (a - mean) / accuracies.length;
    }
    double scale = Math.max(Math.sqrt(variance), 1e-6);
    int inputs = encodings[0].length;
    Random random = new Random(seed);
    List<INDArray> weights = new ArrayList<>();
    int width = inputs;
    for (int layer = 0; layer <= LAYERS; layer++) {
      int out = layer == LAYERS ? 1 : HIDDEN;
      double limit = 1 / Math.sqrt(width);
      weights.add(uniform(random, limit, width, out));
      weights.add(uniform(random, limit, 1, out).reshape(out));
      width = out;
    }
    SameDiff sd = graph(weights);
    SDVariable y = sd.placeHolder("labels", DataType.FLOAT, -1, 1);
    SDVariable h = sd.getVariable("prediction");
    h.sub(y).mul(h.sub(y)).mean().rename("loss");
    sd.setLossVariables("loss");
    float[] targets = new float[accuracies.length];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = (float) ((accuracies[i] - mean) / scale);
    }
    Dataset data = new Dataset(matrix(encodings), Nd4j.create(targets,
        new long[] {targets.length, 1}, 'c'));
    int batch = Math.min(64, encodings.length);
    int steps = epochs * ((encodings.length + batch - 1) / batch);
    Trainer trainer = new Trainer(new TrainableModel(sd, "features", "labels", "prediction",
        "loss"), TrainingConfig.of(Updater.adam(), new LearningRateSchedule.Cosine(1e-3, steps,
        0), batch, seed));
    trainer.fit(data, epochs);
    return new AccuracyPredictor(sd, mean, scale);
  }

  /** The MLP on {@code weights} (per layer its matrix {@code [in, out]}, then its bias). */
  private static SameDiff graph(List<INDArray> weights) {
    SameDiff sd = SameDiff.create();
    SDVariable h = sd.placeHolder("features", DataType.FLOAT, -1, weights.get(0).rows());
    for (int layer = 0; layer <= LAYERS; layer++) {
      h = h.mmul(sd.var("dense" + layer + "/w", weights.get(2 * layer)))
          .add(sd.var("dense" + layer + "/b", weights.get(2 * layer + 1)));
      if (layer < LAYERS) {
        h = sd.nn().relu(h, 0);
      }
    }
    h.rename("prediction");
    return sd;
  }

  /**
   * Saves this predictor as JSON: {@code format} {@value #FORMAT}, {@code version}
   * {@value #VERSION}, the target's {@code mean} and {@code scale}, per layer its weights
   * {@code w} (rows of the matrix {@code [in, out]}) and bias {@code b}, and {@code provenance}.
   */
  public void save(Path file, Map<String, String> provenance) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT).put("version", VERSION).put("mean", mean).put("scale", scale);
    ArrayNode layers = root.putArray("layers");
    for (int layer = 0; layer <= LAYERS; layer++) {
      ObjectNode l = layers.addObject();
      ArrayNode rows = l.putArray("w");
      INDArray w = graph.getVariable("dense" + layer + "/w").getArr();
      for (int i = 0; i < w.rows(); i++) {
        ArrayNode row = rows.addArray();
        for (float v : w.getRow(i).toFloatVector()) {
          row.add(v);
        }
      }
      ArrayNode bias = l.putArray("b");
      for (float v : graph.getVariable("dense" + layer + "/b").getArr().toFloatVector()) {
        bias.add(v);
      }
    }
    ObjectNode p = root.putObject("provenance");
    provenance.forEach(p::put);
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
    JSON.writeValue(temporary.toFile(), root);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The predictor saved in {@code file} by {@link #save}.
   *
   * @throws IOException naming the file and what is wrong, if it cannot be read or is not a
   *     predictor of this format and version
   */
  public static AccuracyPredictor load(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new IOException("accuracy predictor " + file + ": field 'format' is not '" + FORMAT
          + "'");
    }
    if (root.path("version").asInt(-1) != VERSION) {
      throw new IOException("accuracy predictor " + file + ": version "
          + root.path("version").asInt(-1) + " is not supported (this Lathe reads version "
          + VERSION + ")");
    }
    JsonNode layers = root.path("layers");
    if (layers.size() != LAYERS + 1) {
      throw new IOException("accuracy predictor " + file + ": field 'layers' has "
          + layers.size() + " layers, not " + (LAYERS + 1));
    }
    List<INDArray> weights = new ArrayList<>();
    for (JsonNode l : layers) {
      JsonNode rows = l.path("w");
      int columns = rows.path(0).size();
      float[] w = new float[rows.size() * columns];
      for (int i = 0; i < rows.size(); i++) {
        for (int j = 0; j < columns; j++) {
          w[i * columns + j] = (float) rows.get(i).get(j).asDouble();
        }
      }
      weights.add(Nd4j.create(w, new long[] {rows.size(), columns}, 'c'));
      float[] b = new float[l.path("b").size()];
      for (int j = 0; j < b.length; j++) {
        b[j] = (float) l.path("b").get(j).asDouble();
      }
      weights.add(Nd4j.create(b, new long[] {b.length}, 'c'));
    }
    return new AccuracyPredictor(graph(weights), root.path("mean").asDouble(),
        root.path("scale").asDouble());
  }

  /** The length of the encodings this predictor reads. */
  public int inputs() {
    return (int) graph.getVariable("dense0/w").getArr().rows();
  }

  /** The predicted accuracy of each row of {@code encodings}. */
  public synchronized double[] predict(double[][] encodings) {
    INDArray out = graph.output(Map.of("features", matrix(encodings)), "prediction")
        .get("prediction");
    double[] p = out.reshape(-1).toDoubleVector();
    for (int i = 0; i < p.length; i++) {
      p[i] = p[i] * scale + mean;
    }
    return p;
  }

  private static INDArray uniform(Random random, double limit, int rows, int columns) {
    float[] v = new float[rows * columns];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
    }
    return Nd4j.create(v, new long[] {rows, columns}, 'c');
  }

  private static INDArray matrix(double[][] rows) {
    float[] v = new float[rows.length * rows[0].length];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < rows[i].length; j++) {
        v[i * rows[i].length + j] = (float) rows[i][j];
      }
    }
    return Nd4j.create(v, new long[] {rows.length, rows[0].length}, 'c');
  }
}
