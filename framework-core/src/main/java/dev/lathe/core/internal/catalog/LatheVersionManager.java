package dev.lathe.core.internal.catalog;

import dev.lathe.api.Version;
import dev.lathe.api.VersionRange;
import org.pf4j.VersionManager;

/**
 * PF4J's version checks in Lathe's notation: a plugin's {@code Plugin-Requires} is a
 * {@link VersionRange} such as {@code [0.1,1.0)}, the same notation as
 * {@link dev.lathe.api.spi.PluginInfo#requires()}, rather than PF4J's SemVer expressions.
 */
final class LatheVersionManager implements VersionManager {

  /**
   * Whether {@code version} lies in {@code constraint}.
   *
   * @throws IllegalArgumentException if either is malformed
   */
  @Override
  public boolean checkVersionConstraint(String version, String constraint) {
    return VersionRange.parse(constraint).contains(Version.parse(version));
  }

  /**
   * Compares two versions as {@link Version#compareTo} does.
   *
   * @throws IllegalArgumentException if either is malformed
   */
  @Override
  public int compareVersions(String v1, String v2) {
    return Version.parse(v1).compareTo(Version.parse(v2));
  }
}
