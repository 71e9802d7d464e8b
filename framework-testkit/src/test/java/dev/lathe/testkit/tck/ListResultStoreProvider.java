package dev.lathe.testkit.tck;

import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.ResultStoreProvider;
import dev.lathe.api.store.RecordCodec;
import dev.lathe.api.store.ResultStore;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.api.store.Verification;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A store that keeps its records in a list in memory and appends each, encoded by the kernel's
 * codec, as one line of {@code trials.jsonl} in the experiment's results folder, from which it
 * reloads the list when reopened.
 */
public final class ListResultStoreProvider implements ResultStoreProvider {

  static final String ID = "tck-list-store";

  /** The constructor ServiceLoader calls. */
  public ListResultStoreProvider() {}

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, "0.1.0", "List in memory, lines on disk", "[0.1,1.0)");
  }

  @Override
  public ResultStore open(PluginContext context, RecordCodec codec) throws IOException {
    return new ListResultStore(context.workDirectory().getParent().resolve("trials.jsonl"), codec);
  }

  /** The store, open to subclassing so that the TCK's tests can break it. */
  static class ListResultStore implements ResultStore {
    private final Path file;
    private final RecordCodec codec;
    private final List<TrialRecord> records = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final OutputStream out;

    ListResultStore(Path file, RecordCodec codec) throws IOException {
      this.file = file;
      this.codec = codec;
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          TrialRecord r = codec.decode(line.getBytes(StandardCharsets.UTF_8));
          records.add(r);
          ids.add(r.trialId());
        }
      }
      out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public String id() {
      return ID;
    }

    @Override
    public boolean append(TrialRecord record) throws IOException {
      if (!ids.add(record.trialId())) {
        return false;
      }
      write(record);
      return true;
    }

    /** Writes one record as a line and hands it to the operating system. */
    final void write(TrialRecord record) throws IOException {
      out.write(codec.encode(record));
      out.write('\n');
      out.flush();
      records.add(record);
    }

    @Override
    public List<TrialRecord> readAll() {
      return List.copyOf(records);
    }

    /** Reads the file back and compares each line with the record in memory. */
    @Override
    public Verification verify() throws IOException {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.size() != records.size()) {
        return Verification.failed(lines.size(), file + " has " + lines.size() + " lines for "
            + records.size() + " records");
      }
      for (int i = 0; i < lines.size(); i++) {
        if (!codec.decode(lines.get(i).getBytes(StandardCharsets.UTF_8)).equals(records.get(i))) {
          return Verification.failed(i, file + " line " + (i + 1) + " differs from record "
              + records.get(i).trialId());
        }
      }
      return Verification.ok(lines.size(), "read back " + lines.size() + " lines of " + file);
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
