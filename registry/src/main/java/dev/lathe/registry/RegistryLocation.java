package dev.lathe.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where a registry is, under which name, and whether its user trusts it unsigned.
 *
 * @param name the name under which it is configured (its location when given directly)
 * @param location a folder path, a {@code file:} URI, or an {@code http(s)://} URL of the
 *     folder that holds {@code index.json}
 * @param unsigned whether the user explicitly trusts it without a signature
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RegistryLocation(String name, String location, boolean unsigned) {

  /** Checks the parts. */
  public RegistryLocation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(location, "location");
  }

  /** Whether the registry is on an HTTP or HTTPS host. */
  public boolean isHttp() {
    String lower = location.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  /** The folder of a folder registry. */
  Path folder() {
    return location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
  }

  /** The base URI of an HTTP registry, ending with '/'. */
  URI baseUri() {
    return URI.create(location.endsWith("/") ? location : location + "/");
  }

  @Override
  public String toString() {
    return name.equals(location) ? location : name + " (" + location + ")";
  }
}
