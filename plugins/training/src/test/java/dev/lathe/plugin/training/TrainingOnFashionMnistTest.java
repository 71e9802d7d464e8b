package dev.lathe.plugin.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.reproduce.ClaimResult;
import dev.lathe.api.reproduce.Reproduction;
import dev.lathe.nd4j.train.Dataset;
import dev.lathe.nd4j.train.EpochReport;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The small CNN on the real Fashion-MNIST images of the shipped slice (256 training and 128
 * test images; surefire points {@code LATHE_DATA_DIR} at it).
 */
class TrainingOnFashionMnistTest {

  @Test
  void theSliceReadsAsImagesInTheUnitIntervalWithOneHotLabels() throws IOException {
    Dataset train = FashionMnist.read(FashionMnist.folder(), "train", Integer.MAX_VALUE);
    assertEquals(256, train.size());
    assertEquals(List.of(256L, 1L, 28L, 28L), List.of(train.features().shape()[0],
        train.features().shape()[1], train.features().shape()[2], train.features().shape()[3]));
    assertEquals(1.0, train.features().maxNumber().doubleValue());
    assertEquals(0.0, train.features().minNumber().doubleValue());
    assertEquals(256.0, train.labels().sumNumber().doubleValue(), "one class per image");
    assertEquals(9, train.labels().getRow(0).argMax().getInt(0), "the first image is a boot");
    assertEquals(100, FashionMnist.read(FashionMnist.folder(), "t10k", 100).size());
  }

  /** Two epochs of 256 images in batches of 32: the loss falls and the test accuracy rises. */
  @Test
  void theLossFallsInAFewStepsOfTheTrainingLoop() throws IOException {
    Dataset train = FashionMnist.read(FashionMnist.folder(), "train", Integer.MAX_VALUE);
    Dataset test = FashionMnist.read(FashionMnist.folder(), "t10k", Integer.MAX_VALUE);
    TrainingReproduction.Run run = TrainingReproduction.train(train, test, 2, 32, 11,
        LoggerFactory.getLogger(TrainingOnFashionMnistTest.class));
    List<EpochReport> epochs = run.epochs();
    assertEquals(2, epochs.size());
    assertEquals(16, run.steps(), "eight batches of 32 per epoch");
    double first = epochs.get(0).meanLoss();
    double last = epochs.get(1).meanLoss();
    assertTrue(first > 1.5, "the first epoch starts near chance: mean loss " + first);
    assertTrue(last < 0.7 * first, "the loss falls from " + first + " to " + last);
    assertTrue(run.accuracy() > 0.5, "test accuracy " + run.accuracy() + " is far above chance");
  }

  @Test
  void theQuickCheckReportsTheMeasuredAccuracyAndItsScale() throws IOException {
    TrainingReproduction reproduction = new TrainingReproduction(3,
        LoggerFactory.getLogger(TrainingOnFashionMnistTest.class));
    ClaimResult result = reproduction.check(TrainingReproduction.FASHION_MNIST,
        Reproduction.Mode.QUICK);
    assertTrue(result.measured().matches("\\d+\\.\\d\\d % test accuracy"), result.measured());
    assertTrue(result.note().startsWith("quick mode: 256 training images, 1 epoch(s) of 2 steps"
        + " (batch 128, Adam, cosine from 1e-03), 128 test images; "), result.note());
    double accuracy = Double.parseDouble(result.measured().split(" ")[0]) / 100;
    assertEquals(accuracy >= TrainingReproduction.TARGET ? ClaimResult.Verdict.REPRODUCED
        : accuracy >= TrainingReproduction.QUICK_FLOOR ? ClaimResult.Verdict.PARTIAL
        : ClaimResult.Verdict.NOT_REPRODUCED, result.verdict());
  }
}
