package dev.lathe.api.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledImagesTest {

  @TempDir
  Path dir;

  @Test
  void readsAGzippedSplitWithPixelsScaledToTheUnitIntervalAndItsLabels() throws Exception {
    IdxFiles.writeSplit(dir, "train", 30, 4, 5, true);
    LabelledImages images = LabelledImages.readSplit(dir, "train");
    assertEquals(30, images.count());
    assertEquals(4, images.rows());
    assertEquals(5, images.columns());
    assertEquals(20, images.pixelsPerImage());
    assertEquals(10, images.classCount());
    for (int i = 0; i < 30; i++) {
      assertEquals(i % 10, images.label(i));
      for (int r = 0; r < 4; r++) {
        for (int c = 0; c < 5; c++) {
          assertEquals(IdxFiles.pixel(i, r, c) / 255f, images.pixel(i, r, c), 0f);
        }
      }
    }
    assertEquals(0f, images.pixel(0, 0, 0));
    assertEquals(IdxFiles.pixel(29, 3, 4) / 255f, images.image(29)[19]);
  }

  @Test
  void readsUncompressedFilesAndTheExtremesAreZeroAndOne() throws Exception {
    byte[] pixels = new byte[2 * 2 * 2];
    pixels[0] = (byte) 255;
    pixels[1] = (byte) 51;
    IdxFiles.write(dir.resolve("t10k-images-idx3-ubyte"),
        IdxFiles.idx(new int[] {2, 2, 2}, pixels), false);
    IdxFiles.write(dir.resolve("t10k-labels-idx1-ubyte"),
        IdxFiles.idx(new int[] {2}, new byte[] {(byte) 200, 3}), false);
    LabelledImages images = LabelledImages.readSplit(dir, "t10k");
    assertEquals(1f, images.pixel(0, 0, 0));
    assertEquals(0.2f, images.pixel(0, 0, 1), 1e-7f);
    assertEquals(0f, images.pixel(1, 1, 1));
    assertEquals(200, images.label(0), "labels are unsigned bytes");
    assertEquals(201, images.classCount());
  }

  @Test
  void copiesAMiniBatchInTheOrderAskedAndExposesAReadOnlyView() throws Exception {
    IdxFiles.writeSplit(dir, "train", 12, 3, 3, true);
    LabelledImages images = LabelledImages.readSplit(dir, "train");
    float[] batch = new float[2 * 9];
    images.copyImages(new int[] {7, 2}, batch);
    assertArrayEquals(images.image(7), Arrays.copyOfRange(batch, 0, 9));
    assertArrayEquals(images.image(2), Arrays.copyOfRange(batch, 9, 18));
    assertThrows(IllegalArgumentException.class,
        () -> images.copyImages(new int[] {1, 2, 3}, batch));
    FloatBuffer all = images.pixels();
    assertEquals(12 * 9, all.remaining());
    assertEquals(images.pixel(5, 2, 1), all.get(5 * 9 + 2 * 3 + 1));
    assertThrows(ReadOnlyBufferException.class, () -> all.put(0, 1f));
    int[] labels = images.labels();
    labels[0] = 99;
    assertEquals(0, images.label(0), "labels() is a copy");
  }

  @Test
  void aWrongMagicNumberNamesTheFile() throws Exception {
    Path text = Files.writeString(dir.resolve("train-images-idx3-ubyte"), "not an idx file");
    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> IdxArray.read(text));
    assertEquals(text, e.file());
    assertTrue(e.getMessage().startsWith(text + ": not an IDX file: magic number 0x6E6F7420"),
        e.getMessage());
  }

  @Test
  void aTypeOtherThanUnsignedBytesIsRefusedByName() throws Exception {
    Path floats = dir.resolve("floats.idx");
    Files.write(floats, new byte[] {0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0});
    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> IdxArray.read(floats));
    assertEquals(floats + ": holds IDX type 0x0D; only unsigned bytes (0x08) are read",
        e.getMessage());
  }

  @Test
  void aTruncatedFileSaysHowManyBytesItLacks() throws Exception {
    byte[] full = IdxFiles.idx(new int[] {10, 28, 28}, new byte[10 * 28 * 28]);
    Path cut = IdxFiles.write(dir.resolve("cut-idx3-ubyte"), Arrays.copyOf(full, full.length - 100),
        false);
    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> IdxArray.read(cut));
    assertEquals(cut + ": truncated: dimensions [10, 28, 28] need 7840 bytes of values, found 7740",
        e.getMessage());
    Path header = IdxFiles.write(dir.resolve("header-idx3-ubyte"), Arrays.copyOf(full, 9), false);
    assertTrue(assertThrows(MalformedDataException.class, () -> IdxArray.read(header))
        .getMessage().startsWith(header + ": truncated: the header ends after 9 bytes"));
  }

  @Test
  void aTruncatedGzipStreamAndTrailingBytesAreMalformed() throws Exception {
    byte[] full = IdxFiles.idx(new int[] {50, 28, 28}, new byte[50 * 28 * 28]);
    Path gz = IdxFiles.write(dir.resolve("whole.gz"), full, true);
    byte[] compressed = Files.readAllBytes(gz);
    Path cut = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(compressed, compressed.length / 2));
    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> IdxArray.read(cut));
    assertTrue(e.getMessage().startsWith(cut + ": truncated gzip stream"), e.getMessage());
    Path longer = IdxFiles.write(dir.resolve("longer"), Arrays.copyOf(full, full.length + 1),
        false);
    assertTrue(assertThrows(MalformedDataException.class, () -> IdxArray.read(longer))
        .getMessage().startsWith(longer + ": has bytes after the 39200 values"));
  }

  @Test
  void imagesAndLabelsMustAgreeInRankAndCount() throws Exception {
    IdxFiles.writeSplit(dir, "a", 5, 2, 2, false);
    IdxFiles.writeSplit(dir, "b", 6, 2, 2, false);
    Path images = dir.resolve("a-images-idx3-ubyte");
    Path labels = dir.resolve("b-labels-idx1-ubyte");
    assertEquals(labels + ": holds 6 labels but a-images-idx3-ubyte holds 5 images",
        assertThrows(MalformedDataException.class, () -> LabelledImages.read(images, labels))
            .getMessage());
    assertEquals(labels + ": has rank 1; images need rank 3 (count, rows, columns)",
        assertThrows(MalformedDataException.class, () -> LabelledImages.read(labels, labels))
            .getMessage());
  }

  @Test
  void aMissingSplitNamesBothCandidateFiles() {
    NoSuchFileException e = assertThrows(NoSuchFileException.class,
        () -> LabelledImages.readSplit(dir, "train"));
    assertTrue(e.getMessage().contains("neither train-images-idx3-ubyte.gz nor "
        + "train-images-idx3-ubyte is in " + dir), e.getMessage());
  }

  @Test
  void theRawArrayKeepsItsDimensionsAndUnsignedValues() throws Exception {
    Path file = IdxFiles.write(dir.resolve("raw"),
        IdxFiles.idx(new int[] {2, 3}, new byte[] {0, 1, 2, (byte) 128, (byte) 254, (byte) 255}),
        true);
    IdxArray array = IdxArray.read(file);
    assertEquals(2, array.rank());
    assertArrayEquals(new int[] {2, 3}, array.dimensions());
    assertEquals(6, array.size());
    assertEquals(128, array.unsignedByte(3));
    assertEquals(255, array.unsignedByte(5));
  }
}
