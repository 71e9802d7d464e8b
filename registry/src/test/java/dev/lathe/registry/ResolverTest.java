package dev.lathe.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.Version;
import dev.lathe.api.VersionRange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResolverTest {

  private static final Version API = Version.parse("0.1.0");

  /** A release of {@code id} providing an evaluator of the same id; deps as "id@range" pairs. */
  static PluginRelease release(String id, String version, String requires, String... deps) {
    Map<String, VersionRange> dependencies = new LinkedHashMap<>();
    for (String dep : deps) {
      String[] parts = dep.split("@");
      dependencies.put(parts[0], VersionRange.parse(parts[1]));
    }
    return new PluginRelease(id, Version.parse(version), id + " title",
        VersionRange.parse(requires), Map.of(ExtensionPoint.EVALUATOR, List.of(id)),
        Optional.empty(), "archives/" + id + "-" + version + ".jar", 10, "0".repeat(64),
        dependencies);
  }

  private static Resolver.Resolution resolve(RegistryIndex index, Map<String, InstalledPlugin> installed,
      Set<String> upgrade, String... requests) {
    return new Resolver(index, "test", installed, upgrade, API, Set.of("random"))
        .resolve(List.of(requests).stream().map(Resolver.Requirement::parse).toList());
  }

  private static List<String> chosen(Resolver.Resolution r) {
    return r.install().stream().map(PluginRelease::toString).toList();
  }

  private static String refusal(RegistryIndex index, String... requests) {
    RegistryException e = assertThrows(RegistryException.class,
        () -> resolve(index, Map.of(), Set.of(), requests));
    assertEquals(RegistryException.Kind.PLUGIN, e.kind());
    return e.getMessage();
  }

  @Test
  void picksTheNewestCompatibleVersionWithItsDependenciesFirst() {
    RegistryIndex index = new RegistryIndex(List.of(
        release("a", "1.0.0", "[0.1,1.0)", "b@[1.0,2.0)"),
        release("a", "1.1.0", "[0.1,1.0)", "b@[1.0,2.0)"),
        release("a", "2.0.0", "[9.0,)"),
        release("b", "1.0.0", "[0.1,1.0)"),
        release("b", "1.4.0", "[0.1,1.0)"),
        release("b", "2.0.0", "[0.1,1.0)")));
    assertEquals(List.of("b 1.4.0", "a 1.1.0"), chosen(resolve(index, Map.of(), Set.of(), "a")));
    assertEquals(List.of("b 1.4.0", "a 1.0.0"),
        chosen(resolve(index, Map.of(), Set.of(), "a@[1.0,1.1)")));
    assertEquals(List.of("b 1.0.0"), chosen(resolve(index, Map.of(), Set.of(), "b@[1.0]")));
  }

  @Test
  void backtracksToAnOlderVersionWhenANewerOneConflicts() {
    RegistryIndex index = new RegistryIndex(List.of(
        release("a", "1.0.0", "[0.1,1.0)", "c@[1.0,2.0)"),
        release("a", "2.0.0", "[0.1,1.0)", "c@[2.0,3.0)"),
        release("b", "1.0.0", "[0.1,1.0)", "c@[1.0,2.0)"),
        release("c", "1.5.0", "[0.1,1.0)"),
        release("c", "2.5.0", "[0.1,1.0)")));
    assertEquals(List.of("c 1.5.0", "a 1.0.0", "b 1.0.0"),
        chosen(resolve(index, Map.of(), Set.of(), "a", "b")));
  }

  @Test
  void explainsAConflictThatNoVersionResolves() {
    RegistryIndex index = new RegistryIndex(List.of(
        release("a", "1.0.0", "[0.1,1.0)", "c@[1.0,2.0)"),
        release("b", "1.0.0", "[0.1,1.0)", "c@[2.0,3.0)"),
        release("c", "1.5.0", "[0.1,1.0)"),
        release("c", "2.5.0", "[0.1,1.0)")));
    assertEquals("version conflict on plugin 'c': b 1.0.0 needs [2.0.0,3.0.0), but c 1.5.0 was "
        + "chosen for a 1.0.0, which needs [1.0.0,2.0.0)", refusal(index, "a", "b"));
  }

  @Test
  void refusesADependencyCycle() {
    RegistryIndex index = new RegistryIndex(List.of(
        release("a", "1.0.0", "[0.1,1.0)", "b@[1.0,)"),
        release("b", "1.0.0", "[0.1,1.0)", "c@[1.0,)"),
        release("c", "1.0.0", "[0.1,1.0)", "a@[1.0,)")));
    assertEquals("dependency cycle: a 1.0.0 -> b 1.0.0 -> c 1.0.0 -> a 1.0.0",
        refusal(index, "a"));
  }

  @Test
  void refusesAMissingDependency() {
    RegistryIndex index = new RegistryIndex(List.of(
        release("a", "1.0.0", "[0.1,1.0)", "ghost@[1.0,)")));
    assertEquals("missing dependency: plugin 'ghost' (needed by a 1.0.0) is not in registry test",
        refusal(index, "a"));
    assertEquals("plugin 'nothing' is not in registry test", refusal(index, "nothing"));
  }

  @Test
  void refusesAnApiRangeThatExcludesThisKernel() {
    RegistryIndex index = new RegistryIndex(List.of(
        release("future", "1.0.0", "[9.0,)"), release("future", "2.0.0", "[10.0,)")));
    assertEquals("plugin 'future': no version works with Lathe API 0.1.0 "
        + "(2.0.0 needs [10.0.0,), 1.0.0 needs [9.0.0,))", refusal(index, "future"));
  }

  @Test
  void refusesAVersionOutsideTheRangeAndNamesThoseListed() {
    RegistryIndex index = new RegistryIndex(List.of(release("a", "1.0.0", "[0.1,1.0)")));
    assertEquals("plugin 'a': no version in [2.0.0,); registry test has 1.0.0",
        refusal(index, "a@2.0"));
  }

  @Test
  void refusesAnIdThatCollidesWithABuiltInPlugin() {
    RegistryIndex index = new RegistryIndex(List.of(
        release("random", "1.0.0", "[0.1,1.0)"),
        new PluginRelease("sneaky", Version.parse("1.0.0"), "t", VersionRange.parse("[0.1,1.0)"),
            Map.of(ExtensionPoint.OPTIMIZER, List.of("random")), Optional.empty(), "x.jar", 1,
            "0".repeat(64), Map.of())));
    assertEquals("plugin id 'random' collides with a built-in plugin's id; a registry plugin may "
        + "not replace a built-in one", refusal(index, "random"));
    assertEquals("plugin 'sneaky' 1.0.0 provides 'random', which collides with a built-in "
        + "plugin's id", refusal(index, "sneaky"));
  }

  @Test
  void keepsAnInstalledVersionInRangeUnlessItIsUpgraded() {
    RegistryIndex index = new RegistryIndex(List.of(
        release("a", "1.0.0", "[0.1,1.0)", "b@[1.0,)"),
        release("b", "1.0.0", "[0.1,1.0)"), release("b", "1.2.0", "[0.1,1.0)")));
    InstalledPlugin b = InstalledPlugin.of(index.versions("b").get(1), "test");
    Resolver.Resolution keep = resolve(index, Map.of("b", b), Set.of(), "a", "b");
    assertEquals(List.of("a 1.0.0"), chosen(keep));
    assertEquals(List.of(b), keep.kept());
    Resolver.Resolution upgrade = resolve(index, Map.of("b", b), Set.of("b"), "b");
    assertEquals(List.of("b 1.2.0"), chosen(upgrade));
    assertEquals(List.of(b), upgrade.replaced());
  }
}
