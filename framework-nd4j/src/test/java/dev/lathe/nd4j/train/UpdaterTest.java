package dev.lathe.nd4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Each updater's first steps on {@link Fixtures#linear()}, beside the formulas of their Javadoc
 * computed here in doubles.
 */
class UpdaterTest {

  private static final double[] X = {1, 3};
  private static final double Y = 2;
  private static final double RATE = 0.01;
  private static final int STEPS = 3;

  @Test
  void plainSgd() {
    check(Updater.sgd());
  }

  @Test
  void sgdWithMomentum() {
    check(new Updater.Sgd(0.9, false, 0));
  }

  @Test
  void sgdWithNesterovMomentum() {
    check(new Updater.Sgd(0.9, true, 0));
  }

  @Test
  void sgdWithWeightDecay() {
    check(new Updater.Sgd(0.5, false, 0.1));
  }

  @Test
  void adam() {
    check(Updater.adam());
  }

  @Test
  void adamWithAnL2Penalty() {
    check(new Updater.Adam(0.8, 0.99, 1e-6, 0.1, false));
  }

  @Test
  void adamW() {
    check(Updater.adamW(0.1));
  }

  @Test
  void theFirstSgdStepIsTheHandComputedOne() {
    Trainer trainer = new Trainer(Fixtures.linear(), TrainingConfig.of(Updater.sgd(),
        new LearningRateSchedule.Constant(RATE), 1, 0));
    StepReport report = trainer.step(Fixtures.linearExample());
    // pred = 1 + 6 = 7, loss = (7 - 2)² = 25, gradient 2 * 5 * [1, 3] = [10, 30]
    assertEquals(25, report.loss(), 1e-6);
    assertEquals(Math.sqrt(1000), report.gradientNorm(), 1e-4);
    assertEquals(new Weights(0.9, 1.7), weights(trainer));
  }

  @Test
  void clippingCapsTheGlobalNorm() {
    TrainingConfig config = TrainingConfig.of(Updater.sgd(),
        new LearningRateSchedule.Constant(RATE), 1, 0).withClipGlobalNorm(1.0);
    Trainer trainer = new Trainer(Fixtures.linear(), config);
    StepReport report = trainer.step(Fixtures.linearExample());
    assertTrue(report.clipped());
    assertEquals(Math.sqrt(1000), report.gradientNorm(), 1e-4, "the norm before clipping");
    Weights w = weights(trainer);
    double stepLength = Math.hypot(w.w0() - 1, w.w1() - 2);
    assertEquals(RATE * 1.0, stepLength, 1e-7, "the update has the clipped norm");
    assertEquals(3, (w.w1() - 2) / (w.w0() - 1), 1e-5, "in the gradient's direction");
  }

  @Test
  void gradientsBelowTheLimitAreLeftAlone() {
    TrainingConfig config = TrainingConfig.of(Updater.sgd(),
        new LearningRateSchedule.Constant(RATE), 1, 0).withClipGlobalNorm(100);
    Trainer trainer = new Trainer(Fixtures.linear(), config);
    assertFalse(trainer.step(Fixtures.linearExample()).clipped());
    assertEquals(new Weights(0.9, 1.7), weights(trainer));
  }

  @Test
  void theGlobalNormSpansEveryGradient() {
    INDArray a = Nd4j.create(new float[] {3, 4}, new long[] {2}, 'c');
    INDArray b = Nd4j.create(new float[] {12}, new long[] {1, 1}, 'c');
    assertEquals(13, Trainer.globalNorm(Map.of("a", a, "b", b)), 1e-6);
  }

  @Test
  void theGlobalNormReadsViewsElementByElement() {
    INDArray matrix = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, 'c');
    INDArray column = matrix.getColumn(1);
    INDArray transposed = matrix.transpose();
    assertEquals(Math.sqrt(4 + 25), Trainer.globalNorm(Map.of("c", column)), 1e-6);
    assertEquals(Math.sqrt(91), Trainer.globalNorm(Map.of("t", transposed)), 1e-6);
  }

  @Test
  void anAdamStepOnViewsWritesThroughToTheVariable() {
    INDArray matrix = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, 'c');
    INDArray w = matrix.getColumn(1);
    INDArray g = Nd4j.create(new float[] {0.5f, 9, -1, 9}, new long[] {2, 2}, 'c').getColumn(0);
    INDArray m = Nd4j.zeros(DataType.FLOAT, 2);
    INDArray v = Nd4j.zeros(DataType.FLOAT, 2);
    Trainer.adamStep(w, g, m, v, 0.1, Updater.adam());
    // m = 0.1 g, v = 0.001 g², so m / √v = 0.1 / √0.001 = √10 in the gradient's sign
    double step = 0.1 * Math.sqrt(10);
    assertEquals(2 - step, matrix.getDouble(0, 1), 1e-5);
    assertEquals(5 + step, matrix.getDouble(1, 1), 1e-5);
    assertEquals(1, matrix.getDouble(0, 0), 0, "the rest of the matrix is left alone");
    assertEquals(6, matrix.getDouble(1, 2), 0);
    assertEquals(0.05, m.getDouble(0), 1e-7);
    assertEquals(0.001, v.getDouble(1), 1e-7);
  }

  @Test
  void nonsenseIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Updater.Sgd(1, false, 0));
    assertThrows(IllegalArgumentException.class, () -> new Updater.Sgd(0, true, 0));
    assertThrows(IllegalArgumentException.class, () -> new Updater.Sgd(0, false, -1));
    assertThrows(IllegalArgumentException.class, () -> new Updater.Adam(0.9, 1, 1e-8, 0, true));
    assertThrows(IllegalArgumentException.class, () -> new Updater.Adam(0.9, 0.9, 0, 0, true));
  }

  /** Runs {@link #STEPS} steps of {@code updater} and of the reference; compares the weights. */
  private static void check(Updater updater) {
    Trainer trainer = new Trainer(Fixtures.linear(),
        TrainingConfig.of(updater, new LearningRateSchedule.Constant(RATE), 1, 0));
    Reference reference = new Reference(updater);
    for (int t = 1; t <= STEPS; t++) {
      trainer.step(Fixtures.linearExample());
      reference.step(t);
      Weights expected = new Weights(reference.w[0], reference.w[1]);
      Weights actual = weights(trainer);
      assertEquals(expected.w0(), actual.w0(), 2e-6, updater + ", w0 after step " + t);
      assertEquals(expected.w1(), actual.w1(), 2e-6, updater + ", w1 after step " + t);
    }
  }

  private static Weights weights(Trainer trainer) {
    INDArray w = trainer.model().graph().getArrForVarName("w");
    assertEquals(DataType.FLOAT, w.dataType());
    return new Weights(w.getFloat(0), w.getFloat(1));
  }

  /** Two weights, rounded to float precision so that records compare what float32 holds. */
  private record Weights(double w0, double w1) {
    Weights {
      w0 = (float) w0;
      w1 = (float) w1;
    }
  }

  /** The updaters' formulas as their Javadoc states them, in doubles. */
  private static final class Reference {
    final Updater updater;
    final double[] w = {1, 2};
    final double[] buffer = new double[2];
    final double[] m = new double[2];
    final double[] v = new double[2];

    Reference(Updater updater) {
      this.updater = updater;
    }

    void step(int t) {
      double error = 2 * (X[0] * w[0] + X[1] * w[1] - Y);
      double[] g = {error * X[0], error * X[1]};
      for (int i : List.of(0, 1)) {
        if (updater instanceof Updater.Sgd sgd) {
          g[i] += sgd.weightDecay() * w[i];
          double d = g[i];
          if (sgd.momentum() > 0) {
            buffer[i] = sgd.momentum() * buffer[i] + g[i];
            d = sgd.nesterov() ? g[i] + sgd.momentum() * buffer[i] : buffer[i];
          }
          w[i] -= RATE * d;
        } else if (updater instanceof Updater.Adam adam) {
          if (adam.decoupledWeightDecay()) {
            w[i] -= RATE * adam.weightDecay() * w[i];
          } else {
            g[i] += adam.weightDecay() * w[i];
          }
          m[i] = adam.beta1() * m[i] + (1 - adam.beta1()) * g[i];
          v[i] = adam.beta2() * v[i] + (1 - adam.beta2()) * g[i] * g[i];
          double alpha = RATE * Math.sqrt(1 - Math.pow(adam.beta2(), t))
              / (1 - Math.pow(adam.beta1(), t));
          w[i] -= alpha * m[i] / (Math.sqrt(v[i]) + adam.epsilon());
        }
      }
    }
  }
}
