package dev.lathe.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A semantic version {@code MAJOR.MINOR.PATCH[-PRERELEASE]}; missing minor or patch parts read
 * as zero. Pre-releases order before their release and among themselves as in semver.org.
 *
 * @param major major version, not negative
 * @param minor minor version, not negative
 * @param patch patch version, not negative
 * @param preRelease pre-release label such as {@code SNAPSHOT} or {@code rc.1}; empty for a release
 */
@API(status = STABLE, since = "0.1")
public record Version(int major, int minor, int patch, String preRelease)
    implements Comparable<Version> {

  private static final Pattern SYNTAX =
      Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z.-]+))?");

  /** Checks the parts. */
  public Version {
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("version parts must not be negative");
    }
    Objects.requireNonNull(preRelease, "preRelease");
  }

  /**
   * Parses a version such as {@code 1}, {@code 0.3}, {@code 1.2.3} or {@code 0.1.0-SNAPSHOT}.
   *
   * @throws IllegalArgumentException if the text is not a version
   */
  public static Version parse(String text) {
    Matcher m = SYNTAX.matcher(Objects.requireNonNull(text, "text").trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a version: '" + text + "' (expected e.g. 1.2.3)");
    }
    try {
      return new Version(
          Integer.parseInt(m.group(1)),
          m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
          m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
          m.group(4) == null ? "" : m.group(4));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a version: '" + text + "' (expected e.g. 1.2.3)");
    }
  }

  /** This version without its pre-release label. */
  public Version release() {
    return preRelease.isEmpty() ? this : new Version(major, minor, patch, "");
  }

  @Override
  public int compareTo(Version other) {
    int c = Integer.compare(major, other.major);
    if (c == 0) c = Integer.compare(minor, other.minor);
    if (c == 0) c = Integer.compare(patch, other.patch);
    if (c != 0) return c;
    if (preRelease.equals(other.preRelease)) return 0;
    if (preRelease.isEmpty()) return 1;
    if (other.preRelease.isEmpty()) return -1;
    return comparePreReleases(preRelease, other.preRelease);
  }

  /**
   * Semver precedence of pre-release labels: dot-separated identifiers compared left to right,
   * numeric ones as numbers and below alphanumeric ones; of two labels that agree as far as
   * the shorter goes, the shorter comes first.
   */
  private static int comparePreReleases(String a, String b) {
    String[] x = a.split("\\.", -1);
    String[] y = b.split("\\.", -1);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      boolean xNumeric = isNumeric(x[i]);
      boolean yNumeric = isNumeric(y[i]);
      int c;
      if (xNumeric && yNumeric) {
        c = x[i].length() != y[i].length()
            ? Integer.compare(x[i].length(), y[i].length()) : x[i].compareTo(y[i]);
      } else if (xNumeric != yNumeric) {
        c = xNumeric ? -1 : 1;
      } else {
        c = x[i].compareTo(y[i]);
      }
      if (c != 0) return c;
    }
    return Integer.compare(x.length, y.length);
  }

  private static boolean isNumeric(String identifier) {
    return !identifier.isEmpty() && identifier.chars().allMatch(ch -> ch >= '0' && ch <= '9');
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease);
  }
}
