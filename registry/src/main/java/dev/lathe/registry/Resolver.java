package dev.lathe.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.Version;
import dev.lathe.api.VersionRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Chooses the plugin versions to install: for each requirement the newest release in its range
 * that works with the running API and provides no built-in plugin's id, with the dependencies of
 * each chosen release chosen the same way, backtracking to older versions when a later
 * requirement conflicts. An installed plugin in range is kept unless it is to be upgraded. A
 * dependency cycle among the chosen releases is refused. Worst case exponential in the number of
 * plugins (dependency resolution is NP-complete); a registry's few plugins resolve at once, and
 * more than {@value #MAX_STEPS} steps give up with a message.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Resolver {

  /** The most candidate choices tried before resolution gives up. */
  public static final int MAX_STEPS = 10_000;

  /**
   * A plugin that must be present.
   *
   * @param id the plugin's id
   * @param range the versions that satisfy it
   * @param requiredBy who needs it, for messages: {@code the command line}, a release, or
   *     {@code installed}
   */
  public record Requirement(String id, VersionRange range, String requiredBy) {

    /** Checks the parts. */
    public Requirement {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(range, "range");
      Objects.requireNonNull(requiredBy, "requiredBy");
    }

    /**
     * Parses {@code ID} or {@code ID@RANGE}, as given on the command line.
     *
     * @throws RegistryException of kind {@code USAGE} if the range is malformed
     */
    public static Requirement parse(String text) {
      int at = text.indexOf('@');
      try {
        return new Requirement(at < 0 ? text : text.substring(0, at),
            at < 0 ? VersionRange.ANY : VersionRange.parse(text.substring(at + 1)),
            "the command line");
      } catch (IllegalArgumentException e) {
        throw new RegistryException(RegistryException.Kind.USAGE,
            "'" + text + "': " + e.getMessage());
      }
    }
  }

  /**
   * What a resolution chose.
   *
   * @param install the releases to download and install, each after its dependencies
   * @param kept the installed plugins that stay as they are
   * @param replaced the installed plugins that a release in {@code install} replaces
   */
  public record Resolution(
      List<PluginRelease> install, List<InstalledPlugin> kept, List<InstalledPlugin> replaced) {

    /** Copies the lists. */
    public Resolution {
      install = List.copyOf(install);
      kept = List.copyOf(kept);
      replaced = List.copyOf(replaced);
    }
  }

  /** A chosen version: a release from the index, or an installed plugin kept. */
  private record Choice(String id, Version version, PluginRelease release,
      InstalledPlugin installed, Requirement reason) {

    Map<String, VersionRange> dependencies() {
      return release != null ? release.dependencies() : installed.dependencies();
    }

    @Override
    public String toString() {
      return id + " " + version;
    }
  }

  private final RegistryIndex index;
  private final String registry;
  private final Map<String, InstalledPlugin> installed;
  private final Set<String> upgrade;
  private final Version api;
  private final Set<String> builtIns;
  private String firstFailure;
  private int steps;

  /**
   * A resolver over {@code index}.
   *
   * @param registry the registry's name, for messages
   * @param installed the installed plugins by id
   * @param upgrade the ids whose installed version is not to be preferred
   * @param api the running Lathe API version
   * @param builtIns the ids of the built-in plugins, which no release may provide
   */
  public Resolver(RegistryIndex index, String registry, Map<String, InstalledPlugin> installed,
      Set<String> upgrade, Version api, Set<String> builtIns) {
    this.index = index;
    this.registry = registry;
    this.installed = Map.copyOf(installed);
    this.upgrade = Set.copyOf(upgrade);
    this.api = api;
    this.builtIns = Set.copyOf(builtIns);
  }

  /**
   * Chooses versions that satisfy {@code requirements} and every chosen release's dependencies.
   *
   * @throws RegistryException of kind {@code PLUGIN} explaining the first failure met: a plugin
   *     the registry does not list, no version in range, none that works with this API, a
   *     collision with a built-in plugin, a version conflict, or a dependency cycle
   */
  public Resolution resolve(List<Requirement> requirements) {
    firstFailure = null;
    steps = 0;
    Map<String, Choice> chosen = solve(new LinkedHashMap<>(), new ArrayList<>(requirements));
    if (chosen == null) {
      throw new RegistryException(RegistryException.Kind.PLUGIN, firstFailure);
    }
    List<Choice> ordered = dependenciesFirst(chosen);
    List<PluginRelease> install = new ArrayList<>();
    List<InstalledPlugin> kept = new ArrayList<>();
    List<InstalledPlugin> replaced = new ArrayList<>();
    for (Choice c : ordered) {
      if (c.installed() != null) {
        kept.add(c.installed());
      } else {
        install.add(c.release());
        InstalledPlugin old = installed.get(c.id());
        if (old != null) {
          replaced.add(old);
        }
      }
    }
    return new Resolution(install, kept, replaced);
  }

  private Map<String, Choice> solve(Map<String, Choice> chosen, List<Requirement> open) {
    if (open.isEmpty()) {
      return chosen;
    }
    if (++steps > MAX_STEPS) {
      fail("resolution gave up after " + MAX_STEPS + " steps; name versions explicitly");
      return null;
    }
    Requirement requirement = open.get(0);
    List<Requirement> rest = open.subList(1, open.size());
    Choice existing = chosen.get(requirement.id());
    if (existing != null) {
      if (requirement.range().contains(existing.version())) {
        return solve(chosen, rest);
      }
      fail("version conflict on plugin '" + requirement.id() + "': " + requirement.requiredBy()
          + " needs " + requirement.range() + ", but " + existing + " was chosen for "
          + existing.reason().requiredBy() + ", which needs " + existing.reason().range());
      return null;
    }
    for (Choice candidate : candidates(requirement)) {
      Map<String, Choice> next = new LinkedHashMap<>(chosen);
      next.put(candidate.id(), candidate);
      List<Requirement> nextOpen = new ArrayList<>(rest);
      candidate.dependencies().forEach((id, range) ->
          nextOpen.add(new Requirement(id, range, candidate.toString())));
      Map<String, Choice> solved = solve(next, nextOpen);
      if (solved != null) {
        return solved;
      }
    }
    return null;
  }

  /** The choices for {@code requirement}, best first; records why there are none. */
  private List<Choice> candidates(Requirement requirement) {
    String id = requirement.id();
    if (builtIns.contains(id)) {
      fail("plugin id '" + id + "' collides with a built-in plugin's id; a registry plugin may "
          + "not replace a built-in one");
      return List.of();
    }
    List<Choice> choices = new ArrayList<>();
    InstalledPlugin present = installed.get(id);
    if (present != null && !upgrade.contains(id) && requirement.range().contains(present.version())) {
      choices.add(new Choice(id, present.version(), null, present, requirement));
    }
    List<PluginRelease> listed = index.versions(id);
    List<PluginRelease> inRange = listed.stream()
        .filter(r -> requirement.range().contains(r.version())).toList();
    List<PluginRelease> compatible = inRange.stream()
        .filter(r -> r.requires().contains(api)).toList();
    List<PluginRelease> allowed = compatible.stream()
        .filter(r -> r.providerIds().stream().noneMatch(builtIns::contains)).toList();
    for (PluginRelease r : allowed) {
      if (present == null || !present.version().equals(r.version())) {
        choices.add(new Choice(id, r.version(), r, null, requirement));
      } else if (choices.stream().noneMatch(c -> c.installed() != null)) {
        choices.add(new Choice(id, present.version(), null, present, requirement));
      }
    }
    if (!choices.isEmpty()) {
      return choices;
    }
    String neededBy = requirement.requiredBy().equals("the command line") ? ""
        : " (needed by " + requirement.requiredBy() + ")";
    if (listed.isEmpty()) {
      fail((neededBy.isEmpty() ? "" : "missing dependency: ") + "plugin '" + id + "'" + neededBy
          + " is not in registry " + registry);
    } else if (inRange.isEmpty()) {
      fail("plugin '" + id + "'" + neededBy + ": no version in " + requirement.range()
          + "; registry " + registry + " has " + listed.stream().map(r -> r.version().toString())
              .collect(Collectors.joining(", ")));
    } else if (compatible.isEmpty()) {
      fail("plugin '" + id + "'" + neededBy + ": no version" + within(requirement.range())
          + " works with Lathe API " + api + " (" + inRange.stream()
              .map(r -> r.version() + " needs " + r.requires())
              .collect(Collectors.joining(", ")) + ")");
    } else {
      PluginRelease r = compatible.get(0);
      fail("plugin '" + id + "' " + r.version() + " provides '" + r.providerIds().stream()
          .filter(builtIns::contains).findFirst().orElseThrow()
          + "', which collides with a built-in plugin's id");
    }
    return List.of();
  }

  private static String within(VersionRange range) {
    return range.equals(VersionRange.ANY) ? "" : " in " + range;
  }

  private void fail(String message) {
    if (firstFailure == null) {
      firstFailure = message;
    }
  }

  /** The choices ordered so that each comes after its dependencies; refuses a cycle. */
  private List<Choice> dependenciesFirst(Map<String, Choice> chosen) {
    Set<String> done = new LinkedHashSet<>();
    for (String id : chosen.keySet()) {
      visit(id, chosen, done, new ArrayList<>());
    }
    return done.stream().map(chosen::get).toList();
  }

  private void visit(String id, Map<String, Choice> chosen, Set<String> done, List<String> path) {
    if (done.contains(id)) {
      return;
    }
    Choice choice = chosen.get(id);
    int seen = path.indexOf(id);
    if (seen >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
      cycle.add(id);
      throw new RegistryException(RegistryException.Kind.PLUGIN, "dependency cycle: "
          + cycle.stream().map(p -> chosen.get(p).toString()).collect(Collectors.joining(" -> ")));
    }
    path.add(id);
    for (String dependency : choice.dependencies().keySet()) {
      visit(dependency, chosen, done, path);
    }
    path.remove(path.size() - 1);
    done.add(id);
  }
}
