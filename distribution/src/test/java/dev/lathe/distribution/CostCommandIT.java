package dev.lathe.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lathe cost} end to end: the real CLI on the distribution's module path, zoo included. */
class CostCommandIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /**
   * The acceptance line of issue 3: MobileNetV3-Large as Once-for-All defines it, 224×224,
   * conv-linear: 216.59M MACs and 5.482M parameters (papers/once-for-all.md).
   */
  @Test
  void mobileNetV3LargeAsJsonMatchesOnceForAll() throws Exception {
    Cli.Result r = Cli.run(dir, "cost", "mobilenetv3-large", "--format", "json");
    assertEquals(0, r.exit(), r.toString());
    JsonNode doc = JSON.readTree(r.out());
    assertEquals("mobilenetv3-large", doc.get("network").asText());
    assertEquals("conv-linear", doc.get("convention").asText());
    assertEquals("224", doc.get("settings").get("r").asText());
    assertEquals("1000", doc.get("settings").get("classes").asText());
    assertEquals(5_481_752, doc.get("params").asLong());
    assertEquals(216_589_760, doc.get("macs").asLong());
    assertEquals("216.59M MACs, 5.482M params", String.format(Locale.ROOT,
        "%.2fM MACs, %.3fM params", doc.get("macs").asDouble() / 1e6,
        doc.get("params").asDouble() / 1e6));
    assertTrue(doc.get("activation_bytes").asLong() > 0, r.out());
    assertTrue(doc.get("summary").asText().startsWith("216.59M MACs, 5.482M params, "),
        r.out());
    JsonNode first = doc.get("nodes").get(0);
    assertEquals("first_conv.conv", first.get("name").asText());
    assertEquals("conv2d", first.get("layer").asText());
    assertEquals("[16,112,112]", first.get("shape").toString());
    assertEquals(432, first.get("params").asLong());
    assertEquals(5_419_008, first.get("macs").asLong(), "112·112·16 outputs × 3·9");
    long total = 0;
    for (JsonNode node : doc.get("nodes")) {
      total += node.get("macs").asLong();
    }
    assertEquals(216_589_760, total, "the breakdown adds up");
  }

  @Test
  void tableIsForPeopleAndSettingsChangeTheNetwork() throws Exception {
    Cli.Result table = Cli.run(dir, "cost", "mobilenetv3-large");
    assertEquals(0, table.exit(), table.toString());
    assertTrue(table.out().contains("216.59M"), table.out());
    assertTrue(table.out().contains("5.482M"), table.out());
    assertTrue(table.out().contains("216,589,760"), table.out());
    assertTrue(table.out().contains("(classes=1000, r=224) under conv-linear"), table.out());
    Cli.Result resnet = Cli.run(dir, "cost", "resnet18", "--set", "classes=10", "--set",
        "r=160", "--format", "json");
    assertEquals(0, resnet.exit(), resnet.toString());
    JsonNode doc = JSON.readTree(resnet.out());
    assertEquals(11_689_512 - 990 * 513, doc.get("params").asLong());
    assertEquals("160", doc.get("settings").get("r").asText());
    Cli.Result nodes = Cli.run(dir, "cost", "resnet50", "--nodes");
    assertEquals(0, nodes.exit(), nodes.toString());
    assertTrue(nodes.out().contains("layer4.2.3.conv"), nodes.out());
    assertTrue(nodes.out().contains("25.557M"), nodes.out());
  }

  @Test
  void otherConventions() throws Exception {
    Cli.Result micronet = Cli.run(dir, "cost", "transformer-base", "--convention", "micronet",
        "--set", "target-length=1", "--format", "json");
    assertEquals(0, micronet.exit(), micronet.toString());
    JsonNode doc = JSON.readTree(micronet.out());
    assertEquals("micronet", doc.get("convention").asText());
    assertEquals("ops", doc.get("operations_unit").asText());
    Cli.Result torch = Cli.run(dir, "cost", "mobilenetv3-large", "--convention",
        "torchprofile", "--format", "json");
    assertEquals(0, torch.exit(), torch.toString());
    assertTrue(JSON.readTree(torch.out()).get("macs").asLong() > 216_589_760,
        "torchprofile also counts pooling and squeeze-excitation products");
  }

  @Test
  void mistakesExitWithTwoAndSayWhatIsKnown() throws Exception {
    Cli.Result network = Cli.run(dir, "cost", "mobilenetv3");
    assertEquals(2, network.exit(), network.toString());
    assertEquals("lathe: no network 'mobilenetv3'; did you mean 'mobilenetv2'?; the networks are"
        + " micronet-lm, mobilenetv2, mobilenetv3-large, ofa-mbv3, resnet18, resnet50, small-cnn,"
        + " transformer-base",
        network.errLines().get(network.errLines().size() - 1));
    Cli.Result convention = Cli.run(dir, "cost", "resnet18", "--convention", "flops");
    assertEquals(2, convention.exit(), convention.toString());
    assertTrue(convention.err().contains("unknown cost convention 'flops'; the conventions are"
        + " conv-linear, torchprofile, micronet"), convention.toString());
    Cli.Result setting = Cli.run(dir, "cost", "resnet18", "--set", "r=8");
    assertEquals(2, setting.exit(), setting.toString());
    assertTrue(setting.err().contains("network.r"), setting.toString());
    Cli.Result help = Cli.run(dir, "--help");
    assertTrue(help.out().contains("cost"), help.toString());
  }
}
