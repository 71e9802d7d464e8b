package dev.lathe.core.internal.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the folder that holds a data set's files under the root of a source, following the
 * source's {@linkplain DataSource#path() path} through archives, which it unpacks into a scratch
 * folder. The root may sit at any depth of that path: a path element {@code a/b/c} is looked for
 * as {@code root/a/b/c}, then {@code root/b/c}, {@code root/c} and, for the last element,
 * {@code root} itself; an archive element that is not found at all is taken to be unpacked
 * already, so the root may also lie inside it. For the last element the first candidate that
 * holds any of the data set's files wins.
 */
final class SourceLayout {

  private final DataSetSpec spec;
  private final Path scratch;
  private final Set<String> wanted = new HashSet<>();
  private int unpacked;

  /**
   * @param scratch where archives are unpacked; created on demand
   */
  SourceLayout(DataSetSpec spec, Path scratch) {
    this.spec = spec;
    this.scratch = scratch;
    spec.files().forEach(f -> wanted.add(f.name()));
    List<String> path = spec.source().path();
    for (String archive : path.subList(0, path.size() - 1)) {
      wanted.add(Path.of(archive).getFileName().toString());
    }
  }

  /** The folder of the files under {@code root}, a folder, if there is one. */
  Optional<Path> locate(Path root) throws IOException {
    return locate(root, spec.source().path());
  }

  /** The folder of the files under the archive {@code archive}, unpacked first. */
  Optional<Path> locateInArchive(Path archive) throws IOException {
    return locate(unpack(archive));
  }

  private Optional<Path> locate(Path root, List<String> steps) throws IOException {
    String[] parts = Arrays.stream(steps.get(0).split("/")).filter(p -> !p.isEmpty())
        .toArray(String[]::new);
    boolean last = steps.size() == 1;
    for (int skip = 0; skip <= parts.length; skip++) {
      Path candidate = root.resolve(String.join("/", Arrays.copyOfRange(parts, skip,
          parts.length)));
      if (last && Files.isDirectory(candidate) && holdsAFile(candidate)) {
        return Optional.of(candidate);
      }
      if (!last && skip < parts.length && Files.isRegularFile(candidate)) {
        return locate(unpack(candidate), steps.subList(1, steps.size()));
      }
    }
    return last ? Optional.empty() : locate(root, steps.subList(1, steps.size()));
  }

  private boolean holdsAFile(Path folder) {
    return spec.files().stream().anyMatch(f -> Files.isRegularFile(folder.resolve(f.name())));
  }

  private Path unpack(Path archive) throws IOException {
    Path into = scratch.resolve("unpacked-" + ++unpacked);
    Files.createDirectories(into);
    Archives.unpack(archive, into, wanted::contains);
    return into;
  }
}
