package dev.lathe.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apiguardian.api.API;

/** The version of this API, against which plugins declare the range they need. */
@API(status = STABLE, since = "0.1")
public final class LatheApi {

  /** The version of the API that this jar implements. */
  public static final Version VERSION = readVersion();

  private LatheApi() {}

  private static Version readVersion() {
    try (InputStream in = LatheApi.class.getResourceAsStream("lathe-api.properties")) {
      if (in == null) {
        throw new IllegalStateException("lathe-api.properties is missing from framework-api");
      }
      Properties properties = new Properties();
      properties.load(in);
      return Version.parse(properties.getProperty("api.version"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
