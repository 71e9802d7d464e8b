package dev.lathe.api.data;

import static org.apiguardian.api.API.Status.STABLE;

import java.io.IOException;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * A data file whose content does not follow its format; the message names the file, the line
 * where there is one, and what is wrong.
 */
@API(status = STABLE, since = "0.1")
public class MalformedDataException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long line;

  /** The file {@code file} is malformed as {@code problem} says. */
  public MalformedDataException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
    this.line = 0;
  }

  /** Line {@code line} (counted from 1) of {@code file} is malformed as {@code problem} says. */
  public MalformedDataException(Path file, long line, String problem) {
    super(file + ":" + line + ": " + problem);
    this.file = file;
    this.line = line;
  }

  /** The malformed file. */
  public Path file() {
    return file;
  }

  /** The line of the problem, counted from 1; 0 where the format has no lines or none applies. */
  public long line() {
    return line;
  }
}
