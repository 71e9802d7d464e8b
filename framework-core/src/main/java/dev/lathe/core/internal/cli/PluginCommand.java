package dev.lathe.core.internal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.LatheApi;
import dev.lathe.api.VersionRange;
import dev.lathe.core.Lathe;
import dev.lathe.core.LatheException;
import dev.lathe.core.PluginDescription;
import dev.lathe.core.internal.catalog.PluginDirectories;
import dev.lathe.registry.InstalledPlugin;
import dev.lathe.registry.PluginInstaller;
import dev.lathe.registry.PluginRelease;
import dev.lathe.registry.Registry;
import dev.lathe.registry.RegistryException;
import dev.lathe.registry.RegistryIndex;
import dev.lathe.registry.Resolver;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code lathe plugin}: search registries, install, update, remove and verify plugins. */
@Command(name = "plugin", mixinStandardHelpOptions = true,
    versionProvider = LatheCommand.Version.class,
    description = "Search a registry; install, update, remove, list and verify plugins.",
    subcommands = {PluginCommand.Search.class, PluginCommand.Info.class,
        PluginCommand.Install.class, PluginCommand.Update.class, PluginCommand.Remove.class,
        PluginCommand.ListInstalled.class, PluginCommand.Verify.class,
        PluginCatalogCommand.class})
final class PluginCommand implements Callable<Integer> {

  @ParentCommand LatheCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--registry", scope = ScopeType.INHERIT, paramLabel = "NAME|DIR|URL",
      description = "A configured registry's name, or a registry's folder or URL "
          + "(default: the first in ~/.lathe/registries.json).")
  String registry;

  /** Without a subcommand: the usage, as a bad argument. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** The chosen registry, opened and verified. */
  Registry openRegistry() {
    return Registry.open(RegistryAccess.registries().pick(registry),
        RegistryAccess.trustedKeys());
  }

  /** The installer of this command's plugins directory. */
  PluginInstaller installer() {
    return new PluginInstaller(PluginDirectories.resolve(
        root.pluginsDir == null ? null : root.pluginsDir.toString()));
  }

  /** The ids of the built-in plugins, which no registry plugin may take. */
  static Set<String> builtInIds() {
    try (Lathe lathe = Lathe.open(null)) {
      return lathe.plugins().stream().filter(p -> !p.external()).map(PluginDescription::id)
          .collect(Collectors.toSet());
    }
  }

  static String points(Map<ExtensionPoint, List<String>> provides) {
    return provides.keySet().stream().map(ExtensionPoint::label).collect(Collectors.joining(","));
  }

  static ObjectNode json(PluginRelease r) {
    ObjectNode n = Json.object();
    n.put("id", r.id()).put("version", r.version().toString()).put("title", r.title())
        .put("requires", r.requires().toString())
        .put("compatible", r.requires().contains(LatheApi.VERSION));
    ObjectNode points = n.putObject("extension_points");
    r.provides().forEach((point, ids) -> ids.forEach(points.withArray(point.label())::add));
    n.put("paper", r.paper().orElse(null)).put("archive", r.archive()).put("size", r.size())
        .put("sha256", r.sha256());
    ObjectNode dependencies = n.putObject("dependencies");
    r.dependencies().forEach((id, range) -> dependencies.put(id, range.toString()));
    return n;
  }

  /** Installs the resolution and prints what changed. */
  static void installAndReport(PluginInstaller installer, Registry registry,
      Resolver.Resolution resolution, PrintWriter out) {
    Map<String, InstalledPlugin> replaced = new LinkedHashMap<>();
    resolution.replaced().forEach(p -> replaced.put(p.id(), p));
    for (InstalledPlugin p : installer.install(registry, resolution)) {
      InstalledPlugin old = replaced.get(p.id());
      out.println((old == null ? "Installed " + p : "Updated " + p.id() + " " + old.version()
          + " -> " + p.version()) + " (" + points(p.provides()) + ") from "
          + registry.location().name() + " into " + installer.directory().resolve(p.file()));
    }
  }

  /** Requirements for every installed plugin, so that a change keeps them consistent. */
  static List<Resolver.Requirement> installedRequirements(List<InstalledPlugin> installed) {
    return installed.stream()
        .map(p -> new Resolver.Requirement(p.id(), VersionRange.ANY, "installed " + p)).toList();
  }

  static Map<String, InstalledPlugin> byId(List<InstalledPlugin> installed) {
    Map<String, InstalledPlugin> byId = new TreeMap<>();
    installed.forEach(p -> byId.put(p.id(), p));
    return byId;
  }

  /** {@code lathe plugin search [QUERY]}. */
  @Command(name = "search", mixinStandardHelpOptions = true,
      description = "The registry's plugins whose id, title, extension point or paper contains "
          + "QUERY (all without one); newest version of each.")
  static final class Search implements Callable<Integer> {

    @ParentCommand PluginCommand plugin;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "QUERY", arity = "0..1", description = "Text to look for.")
    String query;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
        description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
      RegistryIndex index;
      try {
        index = plugin.openRegistry().index();
      } catch (RegistryException e) {
        throw RegistryAccess.failure(e);
      }
      String needle = query == null ? "" : query.toLowerCase(Locale.ROOT);
      List<PluginRelease> found = new ArrayList<>();
      for (String id : index.ids()) {
        PluginRelease newest = index.versions(id).get(0);
        String text = (id + " " + newest.title() + " " + points(newest.provides()) + " "
            + newest.paper().orElse("")).toLowerCase(Locale.ROOT);
        if (text.contains(needle)) {
          found.add(newest);
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      if (format == Format.JSON) {
        ArrayNode list = Json.array();
        found.forEach(r -> list.add(json(r)));
        out.println(Json.write(Json.object().set("plugins", list)));
      } else {
        TextTable table = new TextTable("ID", "VERSION", "EXTENSION POINTS", "PAPER", "TITLE");
        found.forEach(r -> table.row(r.id(), r.version(), points(r.provides()),
            r.paper().map(a -> "arXiv:" + a).orElse("-"), r.title()));
        out.print(table);
      }
      return 0;
    }
  }

  /** {@code lathe plugin info ID}. */
  @Command(name = "info", mixinStandardHelpOptions = true,
      description = "Every version of one plugin in the registry: API range, extension points, "
          + "dependencies, size, SHA-256.")
  static final class Info implements Callable<Integer> {

    @ParentCommand PluginCommand plugin;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The plugin's id.")
    String id;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
        description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
      Registry registry;
      try {
        registry = plugin.openRegistry();
      } catch (RegistryException e) {
        throw RegistryAccess.failure(e);
      }
      List<PluginRelease> versions = registry.index().versions(id);
      if (versions.isEmpty()) {
        throw new LatheException(LatheException.Kind.PLUGIN, "plugin '" + id
            + "' is not in registry " + registry.location() + "; 'lathe plugin search' lists it");
      }
      PrintWriter out = spec.commandLine().getOut();
      if (format == Format.JSON) {
        ArrayNode list = Json.array();
        versions.forEach(r -> list.add(json(r)));
        out.println(Json.write(Json.object().put("id", id).set("versions", list)));
        return 0;
      }
      PluginRelease newest = versions.get(0);
      out.println(id + ": " + newest.title()
          + newest.paper().map(a -> " (arXiv:" + a + ")").orElse(""));
      TextTable table = new TextTable("VERSION", "API", "FITS THIS KERNEL", "PROVIDES",
          "DEPENDENCIES", "SIZE", "SHA-256");
      for (PluginRelease r : versions) {
        table.row(r.version(), r.requires(),
            r.requires().contains(LatheApi.VERSION) ? "yes" : "no (API " + LatheApi.VERSION + ")",
            r.provides().entrySet().stream().map(e -> e.getKey().label() + ":"
                + String.join("+", e.getValue())).collect(Collectors.joining(",")),
            r.dependencies().isEmpty() ? "-" : r.dependencies().entrySet().stream()
                .map(e -> e.getKey() + "@" + e.getValue()).collect(Collectors.joining(",")),
            r.size() + " B", r.sha256());
      }
      out.print(table);
      return 0;
    }
  }

  /** {@code lathe plugin install ID[@RANGE]...}. */
  @Command(name = "install", mixinStandardHelpOptions = true,
      description = "Install plugins with their dependencies: the newest compatible versions, "
          + "downloaded, verified and moved into the plugins directory at once.")
  static final class Install implements Callable<Integer> {

    @ParentCommand PluginCommand plugin;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID[@RANGE]", arity = "1..*",
        description = "A plugin id, optionally with a version range, e.g. sphere@[1.0,2.0).")
    List<String> requests;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        List<Resolver.Requirement> wanted = requests.stream()
            .map(Resolver.Requirement::parse).toList();
        Registry registry = plugin.openRegistry();
        PluginInstaller installer = plugin.installer();
        List<InstalledPlugin> installed = installer.installed();
        List<Resolver.Requirement> all = new ArrayList<>(wanted);
        all.addAll(installedRequirements(installed));
        Resolver.Resolution resolution = new Resolver(registry.index(),
            registry.location().name(), byId(installed), Set.of(), LatheApi.VERSION,
            builtInIds()).resolve(all);
        Set<String> installing = resolution.install().stream().map(PluginRelease::id)
            .collect(Collectors.toSet());
        for (Resolver.Requirement r : wanted) {
          if (!installing.contains(r.id())) {
            out.println(byId(installed).get(r.id()) + " is already installed in "
                + installer.directory() + " ('lathe plugin update " + r.id()
                + "' looks for a newer version)");
          }
        }
        if (!resolution.install().isEmpty()) {
          installAndReport(installer, registry, resolution, out);
        }
      } catch (RegistryException e) {
        throw RegistryAccess.failure(e);
      }
      return 0;
    }
  }

  /** {@code lathe plugin update [ID...]}. */
  @Command(name = "update", mixinStandardHelpOptions = true,
      description = "Update installed plugins (all from this registry without IDs) to their "
          + "newest compatible versions.")
  static final class Update implements Callable<Integer> {

    @ParentCommand PluginCommand plugin;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Installed plugins to update.")
    List<String> ids = new ArrayList<>();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        Registry registry = plugin.openRegistry();
        PluginInstaller installer = plugin.installer();
        List<InstalledPlugin> installed = installer.installed();
        Map<String, InstalledPlugin> byId = byId(installed);
        Set<String> upgrade = new HashSet<>();
        for (String id : ids) {
          if (!byId.containsKey(id)) {
            throw new LatheException(LatheException.Kind.PLUGIN, "plugin '" + id
                + "' is not installed from a registry in " + installer.directory());
          }
          upgrade.add(id);
        }
        if (ids.isEmpty()) {
          installed.stream().filter(p -> p.registry().equals(registry.location().name()))
              .forEach(p -> upgrade.add(p.id()));
        }
        Resolver.Resolution resolution = new Resolver(registry.index(),
            registry.location().name(), byId, upgrade, LatheApi.VERSION, builtInIds())
            .resolve(installedRequirements(installed));
        if (resolution.install().isEmpty()) {
          out.println("Every installed plugin is up to date with registry "
              + registry.location().name() + ".");
        } else {
          installAndReport(installer, registry, resolution, out);
        }
      } catch (RegistryException e) {
        throw RegistryAccess.failure(e);
      }
      return 0;
    }
  }

  /** {@code lathe plugin remove ID}. */
  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = "Remove a plugin installed from a registry.")
  static final class Remove implements Callable<Integer> {

    @ParentCommand PluginCommand plugin;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The plugin's id.")
    String id;

    @Override
    public Integer call() {
      try {
        PluginInstaller installer = plugin.installer();
        InstalledPlugin removed = installer.remove(id);
        spec.commandLine().getOut().println("Removed " + removed + " ("
            + installer.directory().resolve(removed.file()) + ")");
      } catch (RegistryException e) {
        throw RegistryAccess.failure(e);
      }
      return 0;
    }
  }

  /** {@code lathe plugin list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "The plugins installed from registries, and other plugin files in the "
          + "plugins directory.")
  static final class ListInstalled implements Callable<Integer> {

    @ParentCommand PluginCommand plugin;
    @Spec CommandSpec spec;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
        description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        PluginInstaller installer = plugin.installer();
        List<InstalledPlugin> installed = installer.installed();
        List<String> unmanaged = installer.unmanaged();
        if (format == Format.JSON) {
          ObjectNode doc = Json.object().put("plugins_directory",
              installer.directory().toString());
          ArrayNode list = doc.putArray("installed");
          for (InstalledPlugin p : installed) {
            ObjectNode n = list.addObject().put("id", p.id())
                .put("version", p.version().toString()).put("file", p.file())
                .put("size", p.size()).put("sha256", p.sha256()).put("registry", p.registry());
            ObjectNode points = n.putObject("extension_points");
            new TreeMap<>(p.provides()).forEach((point, ids) ->
                ids.forEach(points.withArray(point.label())::add));
          }
          ArrayNode others = doc.putArray("other_files");
          unmanaged.forEach(others::add);
          out.println(Json.write(doc));
        } else {
          TextTable table = new TextTable("ID", "VERSION", "EXTENSION POINTS", "REGISTRY",
              "FILE");
          installed.forEach(p -> table.row(p.id(), p.version(), points(new TreeMap<>(
              p.provides())), p.registry(), p.file()));
          out.print(table);
          unmanaged.forEach(f -> out.println("not from a registry: " + f));
          out.println("Plugins directory: " + installer.directory());
        }
      } catch (RegistryException e) {
        throw RegistryAccess.failure(e);
      }
      return 0;
    }
  }

  /** {@code lathe plugin verify}. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Re-check every plugin installed from a registry against the size and "
          + "SHA-256 recorded at install.")
  static final class Verify implements Callable<Integer> {

    @ParentCommand PluginCommand plugin;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try {
        PluginInstaller installer = plugin.installer();
        int count = installer.installed().size();
        List<PluginInstaller.Problem> problems = installer.verify();
        if (!problems.isEmpty()) {
          problems.forEach(p -> spec.commandLine().getErr().println("lathe: " + p));
          throw new LatheException(LatheException.Kind.PLUGIN, problems.size() + " of " + count
              + " installed plugins failed verification in " + installer.directory());
        }
        spec.commandLine().getOut().println(count + " installed plugins verified in "
            + installer.directory() + ": sizes and SHA-256 as recorded at install.");
      } catch (RegistryException e) {
        throw RegistryAccess.failure(e);
      }
      return 0;
    }
  }
}
