package dev.lathe.nd4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint of format version 1 written by NumPy (see
 * {@code src/test/resources/checkpoints/make_format_v1.py}), committed so that every later
 * version of Lathe is held to reading it.
 */
class CheckpointFormatV1Test {

  private static Path file() throws URISyntaxException {
    return Path.of(CheckpointFormatV1Test.class
        .getResource("/checkpoints/format-v1-mlp-sgd.zip").toURI());
  }

  @Test
  void theCommittedVersion1FileReadsWithEveryField() throws Exception {
    Checkpoint c = Checkpoint.read(file());
    assertEquals(new TrainingConfig(new Updater.Sgd(0.9, false, 0.0005),
        new LearningRateSchedule.WarmupCosine(0.1, 2, 20, 0.001), 4, 11, 5.0), c.config());
    assertEquals(new TrainingPosition(3, 1, 1, 8, 0.6931471805599453, 1), c.position());
    assertEquals(List.of("dense0/w", "dense0/b", "dense1/w", "dense1/b"),
        List.copyOf(c.parameters().keySet()));
    assertArrayEquals(new long[] {2, 3}, c.parameters().get("dense0/w").shape());
    assertArrayEquals(new float[] {-0.5f, -0.25f, 0, 0.25f, 0.5f, 0.75f},
        Fixtures.floats(c.parameters().get("dense0/w")));
    assertArrayEquals(new float[] {0.25f, 0.125f, 0, -0.125f, -0.25f, -0.375f},
        Fixtures.floats(c.parameters().get("dense1/w")));
    assertArrayEquals(new float[] {0.001f, -0.002f, 0.003f},
        Fixtures.floats(c.optimizerState().get("dense0/b").get("momentum")));
  }

  @Test
  void aRunResumesFromIt() throws Exception {
    Trainer trainer = Trainer.resume(Models.mlp(2, List.of(3), 2, 123), file());
    assertArrayEquals(new float[] {0.1f, -0.2f, 0.3f},
        Fixtures.floats(trainer.model().graph().getArrForVarName("dense0/b")));
    StepReport step = trainer.step(Fixtures.blobs(8, 2, 2, 4));
    assertEquals(4, step.step());
    assertEquals(1, step.epoch());
    assertEquals(1, step.batch());
    assertEquals(0.001 + 0.099 * (1 + Math.cos(Math.PI / 18)) / 2, step.learningRate(), 1e-15);
    assertEquals(new TrainingPosition(4, 2, 0, 8, 0, 0), trainer.position());
  }
}
