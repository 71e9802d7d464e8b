package dev.lathe.plugin.ofa.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The latency table's file: round trip, and what it refuses. */
class LatencyTableTest {

  @TempDir
  Path dir;

  @Test
  void savesAndLoadsEntriesAndProvenance() throws IOException {
    LatencyTable table = new LatencyTable(Map.of("cpu", "Test CPU", "tensor_backend.threads",
        "1"), 0.125);
    table.put("b", new LatencyTable.Entry(2.5, 2.0, 20));
    table.put("a", new LatencyTable.Entry(1.5, 1.25, 10));
    table.calibrate(1.25, 3);
    Path file = dir.resolve("sub/table.json");
    table.save(file);
    LatencyTable back = LatencyTable.load(file);
    assertEquals(2, back.size());
    assertEquals(0.125, back.callOverheadMillis());
    assertEquals(1.25, back.contextFactor());
    assertEquals(3, back.contextNetworks());
    assertEquals("Test CPU", back.provenance().get("cpu"));
    assertEquals(new LatencyTable.Entry(1.5, 1.25, 10), back.get("a").orElseThrow());
    String text = Files.readString(file);
    assertEquals(true, text.indexOf("\"a\"") < text.indexOf("\"b\""), "sorted by signature");
  }

  @Test
  void isUncalibratedUntilANetworkMeasuresItsContextFactor() {
    LatencyTable table = new LatencyTable(Map.of(), 0.1);
    assertEquals(1.0, table.contextFactor());
    assertEquals(0, table.contextNetworks());
    assertThrows(IllegalArgumentException.class, () -> table.calibrate(0, 1));
    assertThrows(IllegalArgumentException.class, () -> table.calibrate(1.2, 0));
    table.calibrate(1.2, 1);
    assertEquals(1.2, table.contextFactor());
  }

  @Test
  void refusesOtherFormatsVersionsAndDamagedEntriesNamingTheFile() throws IOException {
    Path file = dir.resolve("t.json");
    Files.writeString(file, "{\"format\":\"lathe-ofa-latency-table\",\"version\":1}");
    IOException v = assertThrows(IOException.class, () -> LatencyTable.load(file));
    assertEquals("latency table " + file + ": version 1 is not supported (this Lathe reads"
        + " version 2); delete the file to measure a new table", v.getMessage());
    Files.writeString(file, "{\"format\":\"x\"}");
    IOException f = assertThrows(IOException.class, () -> LatencyTable.load(file));
    assertEquals("latency table " + file + ": field 'format' is not 'lathe-ofa-latency-table'",
        f.getMessage());
    Files.writeString(file, "{\"format\":\"lathe-ofa-latency-table\",\"version\":2,"
        + "\"call_overhead_ms\":0.1}");
    IOException c = assertThrows(IOException.class, () -> LatencyTable.load(file));
    assertEquals("latency table " + file + ": field 'context_factor' or 'context_networks' is"
        + " missing", c.getMessage());
    Files.writeString(file, "{\"format\":\"lathe-ofa-latency-table\",\"version\":2,"
        + "\"call_overhead_ms\":0.1,\"context_factor\":-1,\"context_networks\":2}");
    IOException n = assertThrows(IOException.class, () -> LatencyTable.load(file));
    assertEquals("latency table " + file + ": field 'context_factor' is -1, not a positive"
        + " number", n.getMessage());
    Files.writeString(file, "{\"format\":\"lathe-ofa-latency-table\",\"version\":2,"
        + "\"call_overhead_ms\":0.1,\"context_factor\":1,\"context_networks\":0,"
        + "\"entries\":[{\"signature\":\"s\",\"median_ms\":1}]}");
    IOException e = assertThrows(IOException.class, () -> LatencyTable.load(file));
    assertEquals("latency table " + file + ": entries[0] lacks signature, median_ms, min_ms or"
        + " repeats", e.getMessage());
  }
}
