package dev.lathe.core.internal.store;

import dev.lathe.api.store.RecordCodec;
import dev.lathe.api.store.ResultStore;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.api.store.Verification;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Trial records as lines of {@code trials.jsonl}, appended with one {@code write} each, so
 * a record is safe from a process kill as soon as {@link #append} returns. A line torn by a
 * kill mid-write (no trailing newline) is cut off when the store is reopened.
 */
final class LocalResultStore implements ResultStore {

  static final String FILE_NAME = "trials.jsonl";

  private final Path file;
  private final RecordCodec codec;
  private final FileChannel channel;
  private final List<TrialRecord> records = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();

  LocalResultStore(Path folder, RecordCodec codec) throws IOException {
    Files.createDirectories(folder);
    this.file = folder.resolve(FILE_NAME);
    this.codec = codec;
    if (Files.exists(file)) {
      for (TrialRecord r : read(file, codec, true)) {
        if (ids.add(r.trialId())) {
          records.add(r);
        }
      }
    }
    this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
  }

  @Override
  public String id() {
    return LocalStoreProvider.ID;
  }

  @Override
  public synchronized boolean append(TrialRecord record) throws IOException {
    if (!ids.add(record.trialId())) {
      return false;
    }
    byte[] json = codec.encode(record);
    ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
    while (line.hasRemaining()) {
      channel.write(line);
    }
    records.add(record);
    return true;
  }

  @Override
  public synchronized List<TrialRecord> readAll() {
    return List.copyOf(records);
  }

  @Override
  public synchronized Verification verify() throws IOException {
    List<TrialRecord> onDisk;
    try {
      onDisk = read(file, codec, false);
    } catch (IOException e) {
      return Verification.failed(0, e.getMessage());
    }
    Set<String> seen = new HashSet<>();
    for (TrialRecord r : onDisk) {
      if (!seen.add(r.trialId())) {
        return Verification.failed(onDisk.size(), file + ": trial " + r.trialId()
            + " (number " + r.number() + ") is stored twice");
      }
    }
    return Verification.ok(onDisk.size(),
        file + ": " + onDisk.size() + " records, every line decodes, no trial id twice");
  }

  @Override
  public synchronized void sync() throws IOException {
    channel.force(false);
  }

  @Override
  public synchronized void close() throws IOException {
    if (channel.isOpen()) {
      channel.force(false);
      channel.close();
    }
  }

  /**
   * Reads the records of {@code file}. A last line without its newline was torn by a kill: it
   * is cut off the file when {@code repair}, else reported.
   */
  static List<TrialRecord> read(Path file, RecordCodec codec, boolean repair) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    if (end < bytes.length) {
      if (!repair) {
        throw new IOException(file + ": last line is incomplete (" + (bytes.length - end)
            + " bytes without a newline)");
      }
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(end);
      }
    }
    List<TrialRecord> out = new ArrayList<>();
    int start = 0;
    int lineNumber = 0;
    for (int i = 0; i < end; i++) {
      if (bytes[i] == '\n') {
        lineNumber++;
        if (i > start) {
          byte[] line = java.util.Arrays.copyOfRange(bytes, start, i);
          try {
            out.add(codec.decode(line));
          } catch (IllegalArgumentException e) {
            throw new IOException(file + ":" + lineNumber + ": " + e.getMessage()
                + " in '" + new String(line, StandardCharsets.UTF_8) + "'");
          }
        }
        start = i + 1;
      }
    }
    return out;
  }
}
