package dev.lathe.core.internal.cli;

import dev.lathe.core.LatheException;
import dev.lathe.registry.PluginRelease;
import dev.lathe.registry.Publisher;
import dev.lathe.registry.Registries;
import dev.lathe.registry.RegistryException;
import dev.lathe.registry.RegistryIndex;
import dev.lathe.registry.RegistryLocation;
import dev.lathe.registry.SigningKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lathe registry}: publish to a folder registry, keys, and the configured registries. */
@Command(name = "registry", mixinStandardHelpOptions = true,
    versionProvider = LatheCommand.Version.class,
    description = "Publish plugins to a folder registry; make and trust signing keys; configure "
        + "registries.",
    subcommands = {RegistryCommand.Publish.class, RegistryCommand.Keygen.class,
        RegistryCommand.Trust.class, RegistryCommand.Add.class, RegistryCommand.Remove.class,
        RegistryCommand.ListRegistries.class})
final class RegistryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  /** Without a subcommand: the usage, as a bad argument. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** {@code lathe registry publish ARCHIVE --to DIR --key KEY}. */
  @Command(name = "publish", mixinStandardHelpOptions = true,
      description = "Add a plugin archive to a folder registry (created if missing) and sign "
          + "its index.")
  static final class Publish implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ARCHIVE", description = "The plugin jar.")
    Path archive;

    @Option(names = "--to", required = true, paramLabel = "DIR",
        description = "The registry folder.")
    Path to;

    @Option(names = "--key", required = true, paramLabel = "KEY",
        description = "The signing key file (PKCS#8 and X.509 PEM blocks, as "
            + "'lathe registry keygen' writes).")
    Path key;

    @Override
    public Integer call() {
      if (!Files.isRegularFile(archive)) {
        throw new LatheException(LatheException.Kind.CONFIGURATION,
            "archive " + archive + ": no such file");
      }
      try {
        KeyPair keys = SigningKeys.readSigningKey(key);
        PluginRelease release = Publisher.publish(archive, to, keys);
        spec.commandLine().getOut().println("Published " + release + " (" + release.size()
            + " bytes, SHA-256 " + release.sha256() + ") to "
            + to.resolve(RegistryIndex.FILE_NAME) + ", signed by key "
            + SigningKeys.keyId(keys.getPublic()));
      } catch (RegistryException e) {
        throw RegistryAccess.failure(e);
      }
      return 0;
    }
  }

  /** {@code lathe registry keygen NAME}. */
  @Command(name = "keygen", mixinStandardHelpOptions = true,
      description = "Make an Ed25519 key pair: NAME.key (keep it secret) and NAME.pub (give it "
          + "to your users).")
  static final class Keygen implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The files' path without extension.")
    Path name;

    @Override
    public Integer call() {
      Path secret = Path.of(name + ".key");
      Path pub = Path.of(name + ".pub");
      for (Path file : new Path[] {secret, pub}) {
        if (Files.exists(file)) {
          throw new LatheException(LatheException.Kind.CONFIGURATION,
              file + " exists already; choose another NAME");
        }
      }
      KeyPair keys = SigningKeys.generate();
      try {
        SigningKeys.writeSigningKey(keys, secret);
        SigningKeys.writePublicKey(keys.getPublic(), pub);
      } catch (IOException e) {
        throw new LatheException(LatheException.Kind.IO, "cannot write " + secret + ": " + e, e);
      }
      spec.commandLine().getOut().println("Key " + SigningKeys.keyId(keys.getPublic())
          + ": signing key " + secret + ", public key " + pub);
      return 0;
    }
  }

  /** {@code lathe registry trust KEY.pub}. */
  @Command(name = "trust", mixinStandardHelpOptions = true,
      description = "Trust indexes signed by the key in KEY.pub (copied to "
          + "~/.lathe/trusted-keys).")
  static final class Trust implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "KEY.pub", description = "A public key file.")
    Path publicKey;

    @Override
    public Integer call() {
      try {
        String id = RegistryAccess.trustedKeys().trust(publicKey);
        spec.commandLine().getOut().println("Trusted key " + id + " in "
            + RegistryAccess.home().resolve("trusted-keys").resolve(id + ".pub"));
      } catch (RegistryException e) {
        throw RegistryAccess.failure(e);
      } catch (IOException e) {
        throw new LatheException(LatheException.Kind.IO,
            "cannot write to " + RegistryAccess.home().resolve("trusted-keys") + ": " + e, e);
      }
      return 0;
    }
  }

  /** {@code lathe registry add NAME DIR|URL [--unsigned]}. */
  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Configure a registry under a name (the first configured is the default).")
  static final class Add implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Its name.")
    String name;

    @Parameters(index = "1", paramLabel = "DIR|URL", description = "Its folder or URL.")
    String location;

    @Option(names = "--unsigned",
        description = "Trust it without a signature (only for a registry you control).")
    boolean unsigned;

    @Override
    public Integer call() {
      String where = location.contains("://") || location.startsWith("file:") ? location
          : Path.of(location).toAbsolutePath().normalize().toString();
      try {
        Registries registries = RegistryAccess.registries();
        registries.add(new RegistryLocation(name, where, unsigned));
        spec.commandLine().getOut().println("Registry " + name + " -> " + where
            + (unsigned ? " (trusted unsigned)" : "")
            + (registries.all().get(0).name().equals(name) ? " (default)" : ""));
      } catch (RegistryException e) {
        throw RegistryAccess.failure(e);
      } catch (IOException e) {
        throw new LatheException(LatheException.Kind.IO,
            "cannot write " + RegistryAccess.home().resolve("registries.json") + ": " + e, e);
      }
      return 0;
    }
  }

  /** {@code lathe registry remove NAME}. */
  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = "Forget a configured registry.")
  static final class Remove implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "Its name.")
    String name;

    @Override
    public Integer call() {
      try {
        if (!RegistryAccess.registries().remove(name)) {
          throw new LatheException(LatheException.Kind.CONFIGURATION,
              "no registry named '" + name + "' in " + RegistryAccess.home()
                  .resolve("registries.json"));
        }
      } catch (RegistryException e) {
        throw RegistryAccess.failure(e);
      } catch (IOException e) {
        throw new LatheException(LatheException.Kind.IO,
            "cannot write " + RegistryAccess.home().resolve("registries.json") + ": " + e, e);
      }
      spec.commandLine().getOut().println("Removed registry " + name);
      return 0;
    }
  }

  /** {@code lathe registry list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "The configured registries, the default first.")
  static final class ListRegistries implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        TextTable table = new TextTable("NAME", "LOCATION", "SIGNATURE");
        RegistryAccess.registries().all().forEach(r -> table.row(r.name(), r.location(),
            r.unsigned() ? "not required (trusted unsigned)" : "required"));
        out.print(table);
        out.println("Trusted keys: " + String.join(", ", RegistryAccess.trustedKeys().ids()));
      } catch (RegistryException e) {
        throw RegistryAccess.failure(e);
      }
      return 0;
    }
  }
}
