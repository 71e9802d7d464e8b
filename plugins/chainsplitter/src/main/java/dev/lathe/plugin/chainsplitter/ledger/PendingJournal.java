package dev.lathe.plugin.chainsplitter.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The records of the block being filled, appended to a file as frames (length, CRC-32C, bytes),
 * each with one {@code write}, so a record is safe from a process kill once {@link #append}
 * returns. A frame torn by a kill (short, or failing its checksum) ends the journal: it and
 * anything after it are cut off when the journal is opened.
 */
final class PendingJournal implements AutoCloseable {

  private static final int FRAME_HEADER = 8;

  private final Path file;
  private final FileChannel channel;
  private final List<byte[]> records;

  private PendingJournal(Path file, FileChannel channel, List<byte[]> records) {
    this.file = file;
    this.channel = channel;
    this.records = records;
  }

  /** Opens the journal in {@code file}, creating it, and cuts off a torn last frame. */
  static PendingJournal open(Path file) throws IOException {
    List<byte[]> records = new ArrayList<>();
    long valid = 0;
    if (Files.exists(file)) {
      ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
      while (in.remaining() >= FRAME_HEADER) {
        int length = in.getInt();
        int crc = in.getInt();
        if (length < 0 || length > in.remaining()) {
          break;
        }
        byte[] r = new byte[length];
        in.get(r);
        if (crc(r) != crc) {
          break;
        }
        records.add(r);
        valid = in.position();
      }
    }
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.READ);
    if (channel.size() > valid) {
      channel.truncate(valid);
    }
    channel.position(valid);
    return new PendingJournal(file, channel, records);
  }

  /** Appends one record. */
  void append(byte[] record) throws IOException {
    ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER + record.length)
        .putInt(record.length).putInt(crc(record)).put(record).flip();
    while (frame.hasRemaining()) {
      channel.write(frame);
    }
    records.add(record);
  }

  /** The journalled records, in order. */
  List<byte[]> records() {
    return List.copyOf(records);
  }

  /** How many records are journalled. */
  int size() {
    return records.size();
  }

  /** Forces the journal to stable storage. */
  void force() throws IOException {
    channel.force(false);
  }

  /** The journal's file. */
  Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private static int crc(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return (int) crc.getValue();
  }
}
