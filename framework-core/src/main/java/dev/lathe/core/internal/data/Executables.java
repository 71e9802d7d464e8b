package dev.lathe.core.internal.data;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds programs such as {@code npm} on a search path, as a shell does. */
final class Executables {

  private final List<Path> folders;

  /** A search path of these folders, in order. */
  Executables(List<Path> folders) {
    this.folders = List.copyOf(folders);
  }

  /** The folders of {@code $PATH}. */
  static Executables fromEnvironment() {
    List<Path> folders = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String p : path.split(File.pathSeparator)) {
        if (!p.isBlank()) {
          folders.add(Path.of(p));
        }
      }
    }
    return new Executables(folders);
  }

  /** The first executable file named {@code name} in the folders. */
  Optional<Path> find(String name) {
    for (Path folder : folders) {
      Path candidate = folder.resolve(name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
