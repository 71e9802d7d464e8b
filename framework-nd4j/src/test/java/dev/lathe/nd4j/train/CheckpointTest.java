package dev.lathe.nd4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

  private static final Dataset TRAIN = Fixtures.blobs(100, 8, 4, 1);

  @TempDir
  Path dir;

  private static TrainingConfig config() {
    return TrainingConfig.of(Updater.adamW(0.01),
        new LearningRateSchedule.WarmupCosine(0.02, 3, 40, 0.001), 16, 9).withClipGlobalNorm(2);
  }

  private static Trainer trainer(long initSeed) {
    return new Trainer(Models.mlp(8, List.of(16), 4, initSeed), config());
  }

  @Test
  void aCheckpointReadsBackBitForBit() throws IOException {
    Trainer trainer = trainer(1);
    for (int i = 0; i < 5; i++) {
      trainer.step(TRAIN);
    }
    Path file = dir.resolve("run.zip");
    trainer.save(file);
    Checkpoint saved = trainer.checkpoint();
    Checkpoint read = Checkpoint.read(file);
    assertEquals(saved.config(), read.config());
    assertEquals(saved.position(), read.position());
    assertEquals(List.copyOf(saved.parameters().keySet()), List.copyOf(read.parameters().keySet()));
    saved.parameters().forEach((name, values) -> {
      assertArrayEquals(values.shape(), read.parameters().get(name).shape(), name);
      assertArrayEquals(Fixtures.floats(values), Fixtures.floats(read.parameters().get(name)));
    });
    saved.optimizerState().forEach((name, slots) -> slots.forEach((slot, values) ->
        assertArrayEquals(Fixtures.floats(values),
            Fixtures.floats(read.optimizerState().get(name).get(slot)), name + " " + slot)));
    assertEquals(Map.of("m", 1, "v", 1).keySet(), read.optimizerState().get("dense0/w").keySet());
  }

  @Test
  void aResumedRunMakesTheSameNextStepsAsTheUninterruptedOne() throws IOException {
    Trainer original = trainer(1);
    for (int i = 0; i < 5; i++) {
      original.step(TRAIN);
    }
    Path file = dir.resolve("step5.zip");
    original.save(file);
    List<StepReport> continued = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      continued.add(original.step(TRAIN));
    }
    Trainer resumed = Trainer.resume(Models.mlp(8, List.of(16), 4, 999), file);
    assertEquals(5, resumed.position().step());
    List<StepReport> again = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      again.add(resumed.step(TRAIN));
    }
    assertEquals(continued, again);
    Map<String, float[]> expected = Fixtures.weights(original.model());
    Map<String, float[]> actual = Fixtures.weights(resumed.model());
    expected.forEach((name, values) -> assertArrayEquals(values, actual.get(name), name));
  }

  @Test
  void fittingFromAMidEpochCheckpointEndsLikeTheUninterruptedRun() throws IOException {
    Trainer uninterrupted = trainer(1);
    List<EpochReport> all = uninterrupted.fit(TRAIN, 3);
    Trainer first = trainer(1);
    for (int i = 0; i < 10; i++) {
      first.step(TRAIN);
    }
    Path file = dir.resolve("mid-epoch.zip");
    first.save(file);
    Trainer resumed = Trainer.resume(Models.mlp(8, List.of(16), 4, 5), file);
    List<EpochReport> rest = resumed.fit(TRAIN, 3);
    assertEquals(List.of(1, 2), rest.stream().map(EpochReport::epoch).toList());
    assertEquals(all.get(1).meanLoss(), rest.get(0).meanLoss(), 0.0);
    assertEquals(all.get(2).meanLoss(), rest.get(1).meanLoss(), 0.0);
    Map<String, float[]> actual = Fixtures.weights(resumed.model());
    Fixtures.weights(uninterrupted.model())
        .forEach((name, values) -> assertArrayEquals(values, actual.get(name), name));
  }

  @Test
  void aCheckpointOfAnotherConfigurationOrModelIsRefused() throws IOException {
    Checkpoint saved = trainer(1).checkpoint();
    Trainer otherConfig = new Trainer(Models.mlp(8, List.of(16), 4, 1),
        config().withClipGlobalNorm(3));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> otherConfig.restore(saved));
    assertTrue(e.getMessage().startsWith("the checkpoint was made under TrainingConfig["),
        e.getMessage());
    Trainer otherWidth = new Trainer(Models.mlp(8, List.of(15), 4, 1), config());
    e = assertThrows(IllegalArgumentException.class, () -> otherWidth.restore(saved));
    assertEquals("'dense0/b' has shape [16] in the checkpoint but [15] in the model",
        e.getMessage());
    Path file = dir.resolve("ok.zip");
    saved.write(file);
    IOException io = assertThrows(IOException.class,
        () -> Trainer.resume(Models.mlp(8, List.of(16, 2), 4, 1), file));
    assertTrue(io.getMessage().startsWith(file + ": the checkpoint holds variables"),
        io.getMessage());
  }

  @Test
  void aNewerFormatVersionIsRefusedWithItsVersion() throws IOException {
    Path file = dir.resolve("v2.zip");
    trainer(1).save(file);
    Path newer = dir.resolve("v3.zip");
    rewriteIndex(file, newer, "\"version\" : 2", "\"version\" : 3");
    IOException e = assertThrows(IOException.class, () -> Checkpoint.read(newer));
    assertEquals(newer + ": checkpoint format version 3 is not readable by this Lathe, which"
        + " reads versions 1 to 2", e.getMessage());
  }

  @Test
  void damagedFilesAreRefusedWithTheFileAndTheReason() throws IOException {
    Path notZip = dir.resolve("text.zip");
    Files.writeString(notZip, "hello");
    IOException e = assertThrows(IOException.class, () -> Checkpoint.read(notZip));
    assertTrue(e.getMessage().startsWith(notZip + ": not a readable zip file"), e.getMessage());

    Path file = dir.resolve("good.zip");
    trainer(1).save(file);
    Path otherFormat = dir.resolve("other.zip");
    rewriteIndex(file, otherFormat, "lathe-training-checkpoint", "something-else");
    e = assertThrows(IOException.class, () -> Checkpoint.read(otherFormat));
    assertEquals(otherFormat + ": not a Lathe training checkpoint (checkpoint.json has format"
        + " 'something-else', not 'lathe-training-checkpoint')", e.getMessage());

    Path noSeed = dir.resolve("no-seed.zip");
    rewriteIndex(file, noSeed, "\"seed\" :", "\"sead\" :");
    e = assertThrows(IOException.class, () -> Checkpoint.read(noSeed));
    assertEquals(noSeed + ": checkpoint.json lacks 'seed'", e.getMessage());
  }

  @Test
  void writingReplacesTheFileAndLeavesNoTemporaryFiles() throws IOException {
    Trainer trainer = trainer(1);
    Path file = dir.resolve("latest.zip");
    trainer.save(file);
    trainer.step(TRAIN);
    trainer.save(file);
    assertEquals(1, Checkpoint.read(file).position().step());
    try (var listing = Files.list(dir)) {
      assertEquals(List.of(file), listing.toList());
    }
  }

  /** Copies the zip {@code from} to {@code to} with a text replacement in checkpoint.json. */
  private static void rewriteIndex(Path from, Path to, String target, String replacement)
      throws IOException {
    try (ZipFile in = new ZipFile(from.toFile());
        OutputStream out = Files.newOutputStream(to);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry entry : java.util.Collections.list(in.entries())) {
        byte[] bytes = in.getInputStream(entry).readAllBytes();
        if (entry.getName().equals("checkpoint.json")) {
          String text = new String(bytes, StandardCharsets.UTF_8);
          assertTrue(text.contains(target), text);
          bytes = text.replace(target, replacement).getBytes(StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(entry.getName()));
        zip.write(bytes);
        zip.closeEntry();
      }
    }
  }
}
