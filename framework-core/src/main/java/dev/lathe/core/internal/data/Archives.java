package dev.lathe.core.internal.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Unpacks tar archives, gzip-compressed or not, with Commons Compress. */
final class Archives {

  private Archives() {}

  /** Whether {@code name} is that of an archive that {@link #unpack} reads. */
  static boolean isArchive(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".tar") || n.endsWith(".tar.gz") || n.endsWith(".tgz");
  }

  /**
   * Unpacks into {@code destination}, under their paths in the archive, the regular files of
   * {@code archive} whose file name {@code wanted} accepts; links, devices and other files are
   * skipped. The archive is gunzipped first if it starts with the gzip signature.
   *
   * @throws IOException naming the archive if it cannot be read, is corrupt or truncated, or if
   *     an entry's path leads outside {@code destination}
   */
  static void unpack(Path archive, Path destination, Predicate<String> wanted) throws IOException {
    Path root = destination.toAbsolutePath().normalize();
    try (BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
        TarArchiveInputStream tar = new TarArchiveInputStream(gunzipped(raw))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (!entry.isFile()) {
          continue;
        }
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
          throw new IOException("entry '" + entry.getName()
              + "' leads outside the folder it is unpacked into");
        }
        if (wanted.test(target.getFileName().toString())) {
          Files.createDirectories(target.getParent());
          Files.copy(tar, target);
        }
      }
    } catch (IOException e) {
      throw new IOException(archive + ": cannot unpack: " + e.getMessage(), e);
    }
  }

  private static InputStream gunzipped(BufferedInputStream in) throws IOException {
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    return b0 == 0x1F && b1 == 0x8B ? new GzipCompressorInputStream(in, true) : in;
  }
}
