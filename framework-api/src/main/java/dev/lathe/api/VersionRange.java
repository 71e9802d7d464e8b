package dev.lathe.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A range of versions in Maven's interval notation: {@code [0.1,1.0)} is 0.1 up to but not
 * including 1.0; {@code [0.1,)} has no upper bound; a bare version {@code 0.1} means "0.1 or
 * newer", like {@code [0.1,)}. Pre-release labels are ignored when matching, so a kernel
 * {@code 0.2.0-SNAPSHOT} satisfies {@code [0.2,)}.
 *
 * @param min lowest version, or {@code null} for no lower bound
 * @param minInclusive whether {@code min} itself is in the range
 * @param max highest version, or {@code null} for no upper bound
 * @param maxInclusive whether {@code max} itself is in the range
 */
@API(status = STABLE, since = "0.1")
public record VersionRange(Version min, boolean minInclusive, Version max, boolean maxInclusive) {

  /** Every version. */
  public static final VersionRange ANY = new VersionRange(null, false, null, false);

  /** Checks that the bounds are ordered. */
  public VersionRange {
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw new IllegalArgumentException("range lower bound " + min + " exceeds upper " + max);
    }
  }

  /**
   * Parses {@code [a,b)}, {@code (a,b]}, {@code [a,)}, {@code (,b)}, {@code [a]} or a bare version.
   *
   * @throws IllegalArgumentException naming the text if it is not a range
   */
  public static VersionRange parse(String text) {
    String t = Objects.requireNonNull(text, "text").trim();
    try {
      if (t.isEmpty() || t.equals("*")) {
        return ANY;
      }
      char open = t.charAt(0);
      if (open != '[' && open != '(') {
        return new VersionRange(Version.parse(t), true, null, false);
      }
      char close = t.charAt(t.length() - 1);
      if (close != ']' && close != ')') {
        throw new IllegalArgumentException("missing closing bracket");
      }
      String body = t.substring(1, t.length() - 1);
      int comma = body.indexOf(',');
      if (comma < 0) {
        Version exact = Version.parse(body);
        return new VersionRange(exact, true, exact, true);
      }
      String lo = body.substring(0, comma).trim();
      String hi = body.substring(comma + 1).trim();
      return new VersionRange(
          lo.isEmpty() ? null : Version.parse(lo), open == '[',
          hi.isEmpty() ? null : Version.parse(hi), close == ']');
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          "not a version range: '" + text + "' (expected e.g. [0.1,1.0) or 0.1): " + e.getMessage());
    }
  }

  /** Whether {@code version}, without its pre-release label, lies in this range. */
  public boolean contains(Version version) {
    Version v = version.release();
    if (min != null) {
      int c = v.compareTo(min.release());
      if (c < 0 || (c == 0 && !minInclusive)) return false;
    }
    if (max != null) {
      int c = v.compareTo(max.release());
      if (c > 0 || (c == 0 && !maxInclusive)) return false;
    }
    return true;
  }

  @Override
  public String toString() {
    if (min != null && max == null && minInclusive) return "[" + min + ",)";
    if (min != null && min.equals(max) && minInclusive && maxInclusive) return "[" + min + "]";
    return (minInclusive ? "[" : "(") + (min == null ? "" : min) + ","
        + (max == null ? "" : max) + (maxInclusive ? "]" : ")");
  }
}
