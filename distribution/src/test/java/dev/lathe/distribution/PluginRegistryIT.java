package dev.lathe.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path of a third-party plugin, with the real CLI: the example plugin's archive
 * (built by the reactor from examples/third-party-plugin) is published to a new signed folder
 * registry, found, installed, used in an experiment, verified and removed.
 */
class PluginRegistryIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final Path EXAMPLE = Path.of(System.getProperty("lathe.example.plugin"));

  @TempDir
  Path dir;

  private Cli.Result lathe(String... args) throws Exception {
    return Cli.run(dir, args);
  }

  static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void publishInstallRunVerifyRemove() throws Exception {
    Path plugins = dir.resolve(".lathe/plugins");
    Cli.Result keygen = lathe("registry", "keygen", "publisher");
    assertEquals(0, keygen.exit(), keygen.toString());
    String keyId = keygen.out().substring("Key ".length(), "Key ".length() + 16);
    Cli.Result publish = lathe("registry", "publish", EXAMPLE.toString(), "--to", "registry",
        "--key", "publisher.key");
    assertEquals(0, publish.exit(), publish.toString());
    assertEquals("Published sphere 1.0.0 (" + Files.size(EXAMPLE) + " bytes, SHA-256 "
        + sha256(EXAMPLE) + ") to registry/index.json, signed by key " + keyId + "\n",
        publish.out());

    Cli.Result untrusted = lathe("plugin", "search", "--registry", "registry");
    assertEquals(7, untrusted.exit(), untrusted.toString());
    assertEquals("lathe: registry registry: the index is signed by key " + keyId + ", which is "
        + "not trusted; trust its public key with 'lathe registry trust KEY.pub' if you trust "
        + "the publisher\n", untrusted.err());

    assertEquals(0, lathe("registry", "trust", "publisher.pub").exit());
    Cli.Result add = lathe("registry", "add", "team", "registry");
    assertEquals("Registry team -> " + dir.resolve("registry") + " (default)\n", add.out());

    Cli.Result search = lathe("plugin", "search", "sphere");
    assertEquals(0, search.exit(), search.toString());
    assertTrue(search.out().lines().anyMatch(l -> l.matches(
        "sphere +1\\.0\\.0 +evaluator +- +Sphere function: .*")), search.toString());
    Cli.Result info = lathe("plugin", "info", "sphere", "--format", "json");
    JsonNode version = JSON.readTree(info.out()).get("versions").get(0);
    assertEquals(sha256(EXAMPLE), version.get("sha256").asText());
    assertEquals("[0.1.0,1.0.0)", version.get("requires").asText());
    assertEquals("sphere", version.get("extension_points").get("evaluator").get(0).asText());
    assertTrue(version.get("compatible").asBoolean());

    Cli.Result install = lathe("plugin", "install", "sphere@[1.0,2.0)");
    assertEquals(0, install.exit(), install.toString());
    assertEquals("Installed sphere 1.0.0 (evaluator) from team into "
        + plugins.resolve("sphere-1.0.0.jar") + "\n", install.out());

    Cli.Result listed = lathe("plugins", "--format", "json");
    JsonNode sphere = null;
    for (JsonNode p : JSON.readTree(listed.out()).get("plugins")) {
      if (p.get("id").asText().equals("sphere")) {
        sphere = p;
      }
    }
    assertEquals("external", sphere.get("origin").asText(), listed.toString());
    assertEquals(plugins.resolve("sphere-1.0.0.jar").toString(), sphere.get("location").asText());

    Files.copy(Cli.ROOT.resolve("examples/third-party-plugin/sphere-branin.yaml"),
        dir.resolve("sphere.yaml"));
    Cli.Result run = lathe("run", "sphere.yaml", "--out", "out", "-q");
    assertEquals(0, run.exit(), run.toString());
    List<JsonNode> trials = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("out/trials.jsonl"))) {
      trials.add(JSON.readTree(line));
    }
    assertEquals(25, trials.size());
    for (JsonNode t : trials) {
      assertEquals("COMPLETED", t.get("status").asText(), t.toString());
      double x1 = t.get("x").get("x1").asDouble();
      double x2 = t.get("x").get("x2").asDouble();
      assertEquals(2.0 * (x1 * x1 + x2 * x2), t.get("metrics").get("value").get(0).asDouble(),
          1e-9, t.toString());
    }

    Cli.Result verify = lathe("plugin", "verify");
    assertEquals(0, verify.exit(), verify.toString());
    assertEquals("1 installed plugins verified in " + plugins
        + ": sizes and SHA-256 as recorded at install.\n", verify.out());

    Cli.Result remove = lathe("plugin", "remove", "sphere");
    assertEquals(0, remove.exit(), remove.toString());
    assertEquals("Removed sphere 1.0.0 (" + plugins.resolve("sphere-1.0.0.jar") + ")\n",
        remove.out());
    try (Stream<Path> files = Files.list(plugins)) {
      assertEquals(List.of(".lathe-install.lock", "lathe-installed.json"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }
}
