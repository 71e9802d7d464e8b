package dev.lathe.api.data;

import static org.apiguardian.api.API.Status.STABLE;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Where {@code lathe data fetch} installs named data sets: one folder per data set in the data
 * directory, {@code $LATHE_DATA_DIR} if set, else {@code ~/.lathe/data}. A data set counts as
 * present only when its folder holds the manifest {@value #MANIFEST}, which a fetch writes last,
 * just before it renames the finished folder into place.
 */
@API(status = STABLE, since = "0.1")
public final class DataDirectory {

  /** The environment variable that names the data directory. */
  public static final String ENVIRONMENT_VARIABLE = "LATHE_DATA_DIR";
  /** The file in a data set's folder that lists its verified files. */
  public static final String MANIFEST = ".lathe-data.json";

  private DataDirectory() {}

  /** The data directory of this process: {@code $LATHE_DATA_DIR}, else {@code ~/.lathe/data}. */
  public static Path resolve() {
    return resolve(null, System.getenv(ENVIRONMENT_VARIABLE),
        Path.of(System.getProperty("user.home")));
  }

  /**
   * The data directory from a command-line value, the environment value and the home folder;
   * blank values count as absent, and a value starting with {@code ~/} is taken relative to
   * {@code home}.
   *
   * @param option e.g. the value of {@code --data-dir}, or null
   * @param environmentValue the value of {@value #ENVIRONMENT_VARIABLE}, or null
   * @param home the user's home folder, not null
   */
  public static Path resolve(String option, String environmentValue, Path home) {
    for (String value : new String[] {option, environmentValue}) {
      if (value != null && !value.isBlank()) {
        String v = value.strip();
        if (v.equals("~")) {
          return home;
        }
        return v.startsWith("~/") ? home.resolve(v.substring(2)) : Path.of(v);
      }
    }
    return home.resolve(".lathe").resolve("data");
  }

  /**
   * The folder of the present data set {@code name} in {@link #resolve()}.
   *
   * @throws NoSuchFileException saying how to fetch it if it is not present
   */
  public static Path dataSet(String name) throws NoSuchFileException {
    return dataSet(resolve(), name);
  }

  /**
   * The folder of the present data set {@code name} in {@code directory}.
   *
   * @throws NoSuchFileException saying how to fetch it if it is not present
   */
  public static Path dataSet(Path directory, String name) throws NoSuchFileException {
    Path folder = directory.resolve(name);
    if (!Files.isRegularFile(folder.resolve(MANIFEST))) {
      throw new NoSuchFileException(folder.toString(), null, "data set '" + name
          + "' is not present; run 'lathe data fetch " + name + "'");
    }
    return folder;
  }
}
