package dev.lathe.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.Version;
import dev.lathe.api.VersionRange;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Who a plugin is: id, version, title, the paper it implements, and the API versions it works
 * with.
 *
 * @param id the id used in experiment files: lower case letters, digits and '-'
 * @param version the plugin's own version
 * @param title a short human title
 * @param paper the arXiv id of the paper it implements, e.g. {@code 1908.09791}, or empty
 * @param requires the versions of the Lathe API it works with
 * @param paperTitle the title of that paper, or empty
 */
@API(status = STABLE, since = "0.1")
public record PluginInfo(
    String id, Version version, String title, Optional<String> paper, VersionRange requires,
    Optional<String> paperTitle) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  /** Checks the parts; a blank or malformed id is refused with the rule. */
  public PluginInfo {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(paper, "paper");
    Objects.requireNonNull(requires, "requires");
    Objects.requireNonNull(paperTitle, "paperTitle");
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("plugin id '" + id
          + "' is blank or malformed (lower-case letters and digits, words joined by '-')");
    }
  }

  /** A descriptor whose paper, if any, has no title given. */
  public PluginInfo(
      String id, Version version, String title, Optional<String> paper, VersionRange requires) {
    this(id, version, title, paper, requires, Optional.empty());
  }

  /**
   * A descriptor without a paper.
   *
   * @param id the plugin id
   * @param version its version, e.g. {@code 0.1.0}
   * @param title a short title
   * @param requires the API range, e.g. {@code [0.1,1.0)}
   */
  public static PluginInfo of(String id, String version, String title, String requires) {
    return new PluginInfo(
        id, Version.parse(version), title, Optional.empty(), VersionRange.parse(requires));
  }

  /** This descriptor naming the paper with arXiv id {@code arxivId}. */
  public PluginInfo withPaper(String arxivId) {
    return new PluginInfo(id, version, title, Optional.of(arxivId), requires, Optional.empty());
  }

  /** This descriptor naming the paper with arXiv id {@code arxivId} and its title. */
  public PluginInfo withPaper(String arxivId, String paperTitle) {
    return new PluginInfo(id, version, title, Optional.of(arxivId), requires,
        Optional.of(paperTitle));
  }
}
