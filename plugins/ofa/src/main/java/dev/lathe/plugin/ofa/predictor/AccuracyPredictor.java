package dev.lathe.plugin.ofa.predictor;

import dev.lathe.nd4j.train.Dataset;
import dev.lathe.nd4j.train.LearningRateSchedule;
import dev.lathe.nd4j.train.TrainableModel;
import dev.lathe.nd4j.train.Trainer;
import dev.lathe.nd4j.train.TrainingConfig;
import dev.lathe.nd4j.train.Updater;
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
    SameDiff sd = SameDiff.create();
    SDVariable x = sd.placeHolder("features", DataType.FLOAT, -1, inputs);
    SDVariable y = sd.placeHolder("labels", DataType.FLOAT, -1, 1);
    Random random = new Random(seed);
    SDVariable h = x;
    int width = inputs;
    for (int layer = 0; layer <= LAYERS; layer++) {
      int out = layer == LAYERS ? 1 : HIDDEN;
      double limit = 1 / Math.sqrt(width);
      SDVariable w = sd.var("dense" + layer + "/w", uniform(random, limit, width, out));
      SDVariable b = sd.var("dense" + layer + "/b", uniform(random, limit, 1, out).reshape(out));
      h = h.mmul(w).add(b);
      if (layer < LAYERS) {
        h = sd.nn().relu(h, 0);
      }
      width = out;
    }
    h.rename("prediction");
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

  /** The predicted accuracy of each row of {@code encodings}. */
  public double[] predict(double[][] encodings) {
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
