package dev.lathe.api.data;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The shipped test files under {@code src/test/resources/dev/lathe/api/data}. */
final class Resources {

  private Resources() {}

  static Path path(String name) {
    try {
      return Path.of(Resources.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
