package dev.lathe.plugin.chainsplitter.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensorReadingsTest {

  @TempDir Path dir;

  @Test
  void theBundledCopyHoldsEveryReadingOfTheFourMotes() throws IOException {
    List<SensorReadings.Reading> readings = SensorReadings.bundled();
    assertEquals(SensorReadings.COUNT, readings.size());
    SensorReadings.Reading first = readings.get(0);
    assertEquals(1, first.number());
    assertEquals(1, first.mote());
    assertTrue(first.indoor());
    assertEquals(45.93, first.humidity());
    assertEquals(27.97, first.temperature());
    assertFalse(first.anomalous());
    assertEquals("1,1,1,45.93,27.97,0", first.line());
    Map<Integer, Long> perMote = readings.stream().collect(Collectors.groupingBy(
        SensorReadings.Reading::mote, Collectors.counting()));
    assertEquals(List.of(1, 2, 3, 4), perMote.keySet().stream().sorted().toList());
    assertEquals(SensorReadings.COUNT, perMote.values().stream().mapToLong(Long::longValue).sum());
    assertTrue(readings.stream().anyMatch(SensorReadings.Reading::anomalous));
  }

  @Test
  void aPlainCopyReadsTheSameAndAChangedOneIsRefused() throws IOException {
    byte[] csv;
    try (InputStream in = new GZIPInputStream(SensorReadings.class.getResourceAsStream(
        "suthaharan-single-hop.csv.gz"))) {
      csv = in.readAllBytes();
    }
    Path plain = dir.resolve("data.csv");
    Files.write(plain, csv);
    assertEquals(SensorReadings.bundled(), SensorReadings.read(plain));
    csv[100] ^= 1;
    Files.write(plain, csv);
    IOException e = assertThrows(IOException.class, () -> SensorReadings.read(plain));
    assertTrue(e.getMessage().contains("is not that of the published data.csv"), e.getMessage());
  }
}
