package dev.lathe.registry;

import dev.lathe.api.LatheApi;
import dev.lathe.api.VersionRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A process that installs plugins and halts the JVM, as {@code kill -9} would (no shutdown
 * hooks, no {@code finally}), when the installer reaches one step.
 * Arguments: plugins directory, registry folder, trusted keys folder, the step, requests.
 */
public final class CrashingInstall {

  private CrashingInstall() {}

  /** Runs the install; exits 137 at the step, 0 if the step never came. */
  public static void main(String[] args) {
    String crashAt = args[3];
    PluginInstaller installer = new PluginInstaller(Path.of(args[0]), step -> {
      if (step.equals(crashAt)) {
        Runtime.getRuntime().halt(137);
      }
    });
    Registry registry = Registry.open(new RegistryLocation("test", args[1], false),
        TrustedKeys.in(Path.of(args[2])));
    Map<String, InstalledPlugin> installed = new TreeMap<>();
    installer.installed().forEach(p -> installed.put(p.id(), p));
    List<Resolver.Requirement> requirements = new ArrayList<>();
    for (int i = 4; i < args.length; i++) {
      requirements.add(Resolver.Requirement.parse(args[i]));
    }
    installed.keySet().forEach(id ->
        requirements.add(new Resolver.Requirement(id, VersionRange.ANY, "installed")));
    installer.install(registry, new Resolver(registry.index(), "test", installed, Set.of(),
        LatheApi.VERSION, Set.of()).resolve(requirements));
  }
}
