package dev.lathe.core.internal.cli;

import dev.lathe.api.LatheApi;
import dev.lathe.core.Lathe;
import dev.lathe.core.LatheException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code lathe}: the entry point of the command line. Exit codes are listed in {@code docs/cli.md}. */
@Command(
    name = "lathe",
    mixinStandardHelpOptions = true,
    versionProvider = LatheCommand.Version.class,
    description = "Compose and run experiments on efficient deep learning and its systems.",
    subcommands = {
      PluginsCommand.class, DescribeCommand.class, RunCommand.class, ResumeCommand.class,
      ReportCommand.class, ReproduceCommand.class, CostCommand.class, DataCommand.class,
      PluginCommand.class, RegistryCommand.class, LedgerCommand.class, WorkerCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:internal error (a bug: please report it with --debug output)",
      "2:bad experiment file, setting or command-line argument",
      "3:a plugin is missing, incompatible or broken",
      "4:the experiment could not finish",
      "5:reading or writing files failed",
      "6:a reproduced claim did not reproduce",
      "7:verification failed: an untrusted registry index, or a result store that is not intact"
    })
public final class LatheCommand {

  @Option(names = "--plugins-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
      description = "Folder of external plugin jars (default: $LATHE_PLUGINS_DIR, else ~/.lathe/plugins).")
  Path pluginsDir;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print stack traces with errors.")
  boolean debug;

  /** Opens the kernel with this command's plugins folder. */
  Lathe open() {
    return pluginsDir == null ? Lathe.open() : Lathe.open(pluginsDir);
  }

  /** Runs {@code lathe} with {@code args} and exits with its code. */
  public static void main(String[] args) {
    quietLogging(java.util.Arrays.asList(args).contains("--debug"));
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = execute(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs {@code lathe} with {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    System.setProperty("java.awt.headless", "true");
    LatheCommand root = new LatheCommand();
    CommandLine cli = new CommandLine(root);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler((e, a) -> {
      err.println("lathe: " + e.getMessage());
      err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return 2;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
      if (root.debug) {
        e.printStackTrace(err);
      }
      if (e instanceof LatheException le) {
        err.println("lathe: " + le.getMessage());
        return le.kind().exitCode();
      }
      err.println("lathe: internal error: " + e
          + (root.debug ? "" : " (run with --debug for the stack trace)"));
      return 1;
    });
    return cli.execute(args);
  }

  /**
   * Sets the defaults of the slf4j-simple backend that the distribution ships, unless the user
   * set them: warnings and errors only (everything with {@code --debug}), no thread names, and
   * only errors from PF4J (the catalog reports rejected plugins itself) and from ND4J and
   * JavaCPP (whose start-up warnings are harmless).
   */
  private static void quietLogging(boolean debug) {
    String prefix = "org.slf4j.simpleLogger.";
    System.setProperty(prefix + "defaultLogLevel",
        System.getProperty(prefix + "defaultLogLevel", debug ? "debug" : "warn"));
    for (String chatty : new String[] {"org.pf4j", "org.nd4j", "org.bytedeco"}) {
      System.setProperty(prefix + "log." + chatty,
          System.getProperty(prefix + "log." + chatty, debug ? "debug" : "error"));
    }
    System.setProperty(prefix + "showThreadName",
        System.getProperty(prefix + "showThreadName", "false"));
    System.setProperty(prefix + "showShortLogName",
        System.getProperty(prefix + "showShortLogName", "true"));
  }

  /** Prints Lathe's, the API's, Java's and the platform's versions. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "lathe " + LatheApi.VERSION + " (API " + LatheApi.VERSION + ")",
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
            + "), " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
      };
    }
  }
}
