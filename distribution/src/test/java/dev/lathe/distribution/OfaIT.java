package dev.lathe.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Once-for-All plugin from the real CLI: cost anchors, the space's size, refused genes. */
class OfaIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** The acceptance line of issue 6: the largest subnet, 566.17M MACs and 7.665M parameters. */
  @Test
  void largestSubnetCostsWhatThePaperSays() throws Exception {
    Cli.Result r = Cli.run(dir, "cost", "ofa-mbv3", "--set", "ks=7", "--set", "e=6", "--set",
        "d=4", "--set", "r=224", "--set", "w=1.0", "--format", "json");
    assertEquals(0, r.exit(), r.toString());
    JsonNode doc = JSON.readTree(r.out());
    assertEquals(566_170_656, doc.get("macs").asLong());
    assertEquals(7_664_760, doc.get("params").asLong());
    assertEquals("566.17M MACs, 7.665M params", String.format(Locale.ROOT,
        "%.2fM MACs, %.3fM params", doc.get("macs").asDouble() / 1e6,
        doc.get("params").asDouble() / 1e6));
  }

  @Test
  void listsSetGenesOneByOne() throws Exception {
    Cli.Result r = Cli.run(dir, "cost", "ofa-mbv3", "--set",
        "ks=3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3", "--set", "e=3", "--set", "d=2,2,2,2,2",
        "--set", "r=128", "--format", "json");
    assertEquals(0, r.exit(), r.toString());
    JsonNode doc = JSON.readTree(r.out());
    assertEquals(41_476_224, doc.get("macs").asLong());
    assertEquals(3_410_792, doc.get("params").asLong());
  }

  @Test
  void refusesAnIllegalGeneByName() throws Exception {
    Cli.Result r = Cli.run(dir, "cost", "ofa-mbv3", "--set", "ks=3,5,7,4,3,3,3,3,3,3,3,3,3,3,3,"
        + "3,3,3,3,3");
    assertTrue(r.exit() != 0, r.toString());
    assertTrue(r.err().contains("gene 'ks_3' = 4 is not a kernel size of OFA-MobileNetV3"
        + " (3,5,7)"), r.toString());
    Cli.Result count = Cli.run(dir, "cost", "ofa-mbv3", "--set", "d=4,4,4");
    assertTrue(count.err().contains("setting 'd' has 3 values; give one for all or 5, one per"
        + " stage"), count.toString());
  }

  @Test
  void describePrintsTheExactSizeOfTheSpace() throws Exception {
    Cli.Result r = Cli.run(dir, "describe", "ofa");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("7371^5 = 21758655492572485851 architectures × 25 resolutions"
        + " × 2 widths = 1087932774628624292550 subnets"), r.out());
    assertTrue(r.out().contains("arXiv:1908.09791"), r.out());
    assertTrue(r.out().contains("granularity"), r.out());
  }
}
