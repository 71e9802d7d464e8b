package dev.lathe.registry;

import dev.lathe.api.ExtensionPoint;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Names of extension points: their labels and their provider interfaces in the API's spi. */
final class ExtensionPoints {

  /** The package of the provider interfaces. */
  static final String SPI_PACKAGE = "dev.lathe.api.spi";

  private ExtensionPoints() {}

  /** The point whose label is {@code label}, e.g. {@code search-space}. */
  static ExtensionPoint fromLabel(String label) {
    for (ExtensionPoint point : ExtensionPoint.values()) {
      if (point.label().equals(label)) {
        return point;
      }
    }
    throw new IllegalArgumentException("unknown extension point '" + label + "' (known: "
        + Arrays.stream(ExtensionPoint.values()).map(ExtensionPoint::label)
            .collect(Collectors.joining(", ")) + ")");
  }

  /** The binary name of {@code point}'s provider interface, e.g. {@code ...SearchSpaceProvider}. */
  static String providerInterface(ExtensionPoint point) {
    StringBuilder name = new StringBuilder(SPI_PACKAGE).append('.');
    for (String word : point.name().split("_")) {
      name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return name.append("Provider").toString();
  }

  /** The point whose provider interface is {@code interfaceName}, if any. */
  static Optional<ExtensionPoint> fromProviderInterface(String interfaceName) {
    return Arrays.stream(ExtensionPoint.values())
        .filter(point -> providerInterface(point).equals(interfaceName)).findFirst();
  }
}
