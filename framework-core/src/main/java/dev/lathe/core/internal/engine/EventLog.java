package dev.lathe.core.internal.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * {@code events.jsonl}: one JSON object per line, {@code {"t":"…","event":"…",…}}, each written
 * with one {@code write} so that a kill leaves at most one torn last line, which is cut off when
 * the log is reopened. Without a folder the log discards events.
 */
final class EventLog implements Closeable {

  static final String FILE_NAME = "events.jsonl";
  private static final JsonFactory JSON = new JsonFactory();

  private final FileChannel channel;

  private EventLog(FileChannel channel) {
    this.channel = channel;
  }

  /** A log appending to {@code folder/events.jsonl}, or discarding events if {@code folder} is null. */
  static EventLog open(Path folder) throws IOException {
    if (folder == null) {
      return new EventLog(null);
    }
    Path file = folder.resolve(FILE_NAME);
    if (Files.exists(file)) {
      cutTornLine(file);
    }
    return new EventLog(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND));
  }

  /** Writes one event; {@code fields} alternate names and values (strings, numbers, booleans). */
  void write(String event, Object... fields) {
    if (channel == null) {
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("t", Instant.now().toString());
      g.writeStringField("event", event);
      for (int i = 0; i < fields.length; i += 2) {
        g.writeFieldName((String) fields[i]);
        Object v = fields[i + 1];
        if (v == null) {
          g.writeNull();
        } else if (v instanceof Long || v instanceof Integer) {
          g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number n) {
          g.writeNumber(n.doubleValue());
        } else if (v instanceof Boolean b) {
          g.writeBoolean(b);
        } else {
          g.writeString(v.toString());
        }
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    ByteBuffer line = ByteBuffer.wrap(out.toByteArray());
    try {
      synchronized (this) {
        while (line.hasRemaining()) {
          channel.write(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the event log", e);
    }
  }

  @Override
  public void close() throws IOException {
    if (channel != null && channel.isOpen()) {
      channel.force(false);
      channel.close();
    }
  }

  private static void cutTornLine(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = ch.size();
      long end = size;
      ByteBuffer one = ByteBuffer.allocate(1);
      while (end > 0) {
        one.clear();
        ch.read(one, end - 1);
        if (one.get(0) == '\n') {
          break;
        }
        end--;
      }
      if (end < size) {
        ch.truncate(end);
      }
    }
  }
}
