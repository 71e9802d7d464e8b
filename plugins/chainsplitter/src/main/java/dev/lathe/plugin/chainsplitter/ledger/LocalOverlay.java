package dev.lathe.plugin.chainsplitter.ledger;

import dev.lathe.plugin.chainsplitter.chain.Block;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local overlay of a node: one file per sealed block, {@code blocks/<index>.blk}, written to
 * a temporary file and renamed into place, so a block file is either whole or absent after a
 * kill. Leftover temporary files are removed when the overlay opens.
 */
final class LocalOverlay {

  private static final Pattern BLOCK_FILE = Pattern.compile("(\\d{12})\\.blk");

  private final Path folder;
  private final boolean fsync;
  private final TreeSet<Long> indices = new TreeSet<>();

  /**
   * The overlay in {@code folder}, created if new.
   *
   * @param fsync whether to force each block file to stable storage before renaming it
   */
  LocalOverlay(Path folder, boolean fsync) throws IOException {
    this.folder = Files.createDirectories(folder);
    this.fsync = fsync;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        Matcher m = BLOCK_FILE.matcher(name);
        if (m.matches()) {
          indices.add(Long.parseLong(m.group(1)));
        } else if (name.endsWith(".tmp")) {
          Files.delete(f);
        }
      }
    }
  }

  /** The file of block {@code index}. */
  Path file(long index) {
    return folder.resolve(String.format("%012d.blk", index));
  }

  /** The indices of the blocks held, ascending. */
  TreeSet<Long> indices() {
    return new TreeSet<>(indices);
  }

  /** The newest block index held, or empty. */
  Optional<Long> newest() {
    return indices.isEmpty() ? Optional.empty() : Optional.of(indices.last());
  }

  /** The stored bytes of block {@code index}. */
  byte[] read(long index) throws IOException {
    return Files.readAllBytes(file(index));
  }

  /** Writes {@code block} whole or not at all. */
  void write(Block block) throws IOException {
    Path target = file(block.index());
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.write(tmp, block.encode());
    if (fsync) {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    indices.add(block.index());
  }

  /** Removes block {@code index}, which the cloud tier holds. */
  void evict(long index) throws IOException {
    Files.deleteIfExists(file(index));
    indices.remove(index);
  }

  /** The bytes of every block held. */
  long storedBytes() throws IOException {
    long total = 0;
    for (long i : indices) {
      total += Files.size(file(i));
    }
    return total;
  }
}
