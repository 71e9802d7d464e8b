package dev.lathe.api.graph.io;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import org.apiguardian.api.API;

/**
 * A file that does not follow its format. The message is one line, {@code FILE:LINE: problem}
 * for text formats, or {@code FILE: problem} where the problem names a position of its own
 * (a block of a binary file).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FileFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;

  /**
   * A problem on one line of a text file.
   *
   * @param source the file's name or path, not null
   * @param line the line, counted from 1
   * @param problem what is wrong, not null
   */
  public FileFormatException(String source, long line, String problem) {
    super(source + ":" + line + ": " + problem);
    this.source = source;
    this.line = line;
  }

  /**
   * A problem that no line locates, with its cause.
   *
   * @param source the file's name or path, not null
   * @param problem what is wrong and where, not null
   * @param cause the underlying failure, may be null
   */
  public FileFormatException(String source, String problem, Throwable cause) {
    super(source + ": " + problem, cause);
    this.source = source;
    this.line = -1;
  }

  /** The file's name or path as given to the reader. */
  public String source() {
    return source;
  }

  /** The line of the problem, counted from 1, or -1 where no line locates it. */
  public long line() {
    return line;
  }
}
