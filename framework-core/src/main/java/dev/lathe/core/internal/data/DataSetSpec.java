package dev.lathe.core.internal.data;

import java.util.List;

/**
 * A named data set: what it is, under which licence, where it comes from and the files it
 * consists of.
 *
 * @param name its name, also the name of its folder in the data directory
 * @param description one line on what it holds
 * @param licence the licence of its files
 * @param source where {@code lathe data fetch} gets it without {@code --from}
 * @param files every file, with size and SHA-256
 */
public record DataSetSpec(String name, String description, String licence, DataSource source,
    List<DataFile> files) {

  public DataSetSpec {
    files = List.copyOf(files);
  }

  /** The total size of its files. */
  public long bytes() {
    return files.stream().mapToLong(DataFile::bytes).sum();
  }
}
