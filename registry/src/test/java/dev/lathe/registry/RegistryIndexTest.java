package dev.lathe.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.api.Version;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryIndexTest {

  @Test
  void writesSortedAndReadsBackTheSameReleases() {
    RegistryIndex index = new RegistryIndex(List.of(
        ResolverTest.release("b", "1.0.0", "[0.1,1.0)"),
        ResolverTest.release("a", "2.0.0", "[0.1,)", "b@[1.0,2.0)"),
        ResolverTest.release("a", "1.0.0", "[0.1,1.0)")));
    byte[] json = index.toJson();
    RegistryIndex read = RegistryIndex.parse(json, "test");
    assertEquals(index.releases(), read.releases());
    assertEquals(List.of("a 1.0.0", "a 2.0.0", "b 1.0.0"),
        read.releases().stream().map(PluginRelease::toString).toList());
    assertEquals(new String(json, StandardCharsets.UTF_8),
        new String(read.toJson(), StandardCharsets.UTF_8));
    assertEquals(Version.parse("2.0.0"), read.versions("a").get(0).version());
  }

  private static String malformed(String json) {
    RegistryException e = assertThrows(RegistryException.class,
        () -> RegistryIndex.parse(json.getBytes(StandardCharsets.UTF_8), "idx"));
    assertEquals(RegistryException.Kind.PLUGIN, e.kind());
    return e.getMessage();
  }

  @Test
  void malformedIndexesAreRefusedNamingTheField() {
    assertEquals("idx: malformed index: format 2 is not 1",
        malformed("{\"format\": 2, \"plugins\": []}"));
    assertEquals("idx: malformed index: not a JSON object", malformed("[1, 2]"));
    String release = "{\"version\": \"1.0.0\", \"title\": \"t\", \"requires\": \"[0.1,)\", "
        + "\"archive\": \"a.jar\", \"size\": 3, \"sha256\": \"" + "a".repeat(64) + "\"}";
    assertEquals("idx: plugin '../evil': malformed index: plugin id '../evil' is malformed "
        + "(lower-case letters and digits, words joined by '-')",
        malformed("{\"format\": 1, \"plugins\": [{\"id\": \"../evil\", \"versions\": ["
            + release + "]}]}"));
    assertEquals("idx: plugin 'x': malformed index: field 'title' is missing or not a string",
        malformed("{\"format\": 1, \"plugins\": [{\"id\": \"x\", \"versions\": ["
            + release.replace("\"title\"", "\"name\"") + "]}]}"));
    assertEquals("idx: plugin 'x': malformed index: unknown extension point 'widget' (known: "
        + "search-space, optimizer, evaluator, compressor, accelerator, graph-algorithm, "
        + "result-store, executor, reproduction, network)",
        malformed("{\"format\": 1, \"plugins\": [{\"id\": \"x\", \"versions\": ["
            + release.replace("}", ", \"extension_points\": {\"widget\": [\"w\"]}}") + "]}]}"));
    assertEquals("idx: malformed index: plugin 'x' version 1.0.0 is listed twice",
        malformed("{\"format\": 1, \"plugins\": [{\"id\": \"x\", \"versions\": [" + release
            + ", " + release + "]}]}"));
  }
}
