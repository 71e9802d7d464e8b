package dev.lathe.plugin.micronet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Hebbian softmax updates of tied output embeddings. */
class HebbianSoftmaxTest {

  @Test
  void aRowMovesTowardsTheMeanStateRescaledToItsNorm() {
    INDArray row = Nd4j.createFromArray(new float[] {3, 4});
    // The mean state (1, 0) rescaled to the row's norm 5 is (5, 0); half way: (4, 2).
    HebbianSoftmax.update(row, new double[] {1, 0}, 0.5);
    assertArrayEquals(new float[] {4, 2}, row.data().asFloat(), 1e-6f);
  }

  @Test
  void aNewWordMovesByOneOverItsCountAndAFrequentWordNoLonger() {
    MicronetLm shape = LanguageModelTest.tiny(0);
    LanguageModel lm = new LanguageModel(shape, 5);
    HebbianSoftmax hebbian = new HebbianSoftmax(shape);
    LanguageModel.Batches batches = new LanguageModel.Batches(LanguageModelTest.stream(100), 1,
        6);
    int[][] targets = batches.targets(0);
    LanguageModel.StepResult step = lm.step(batches.inputs(0), targets, 0);
    // The target at position 0, seen c times in the segment: its row moves by λ = 1/c towards
    // the mean of the states that predict it (its bin's projected hidden states).
    int word = targets[0][0];
    int bin = word >= 25 ? 2 : word >= 10 ? 1 : 0;
    INDArray table = lm.network().parameter("embed.layers." + bin + "/weight");
    int row = word - shape.binStart(bin);
    int occurrences = 0;
    double[] mean = new double[shape.embedDims().get(bin)];
    for (int p = 0; p < 6; p++) {
      if (targets[0][p] == word) {
        occurrences++;
        for (int k = 0; k < mean.length; k++) {
          mean[k] += step.binInputs().get(bin).getDouble(0, p, k);
        }
      }
    }
    INDArray expected = table.getRow(row).dup();
    HebbianSoftmax.update(expected, divide(mean, occurrences), 1.0 / occurrences);
    hebbian.update(lm, step, targets);
    assertEquals(occurrences, hebbian.count(word));
    assertArrayEquals(expected.data().asFloat(), table.getRow(row).dup().data().asFloat(), 1e-6f);
    while (hebbian.count(word) < HebbianSoftmax.COUNT_LIMIT) {
      hebbian.update(lm, step, targets);
    }
    INDArray frozen = table.getRow(row).dup();
    hebbian.update(lm, step, targets);
    assertArrayEquals(frozen.data().asFloat(), table.getRow(row).dup().data().asFloat(),
        "a word seen 500 times is left to the gradient");
  }

  private static double[] divide(double[] values, int n) {
    double[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] /= n;
    }
    return out;
  }
}
