package dev.lathe.api.graph.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads a text file line by line and each line token by token, straight from bytes, counting
 * lines for error messages. Tokens are separated by spaces and tabs, and by commas where asked.
 */
final class LineScanner implements Closeable {

  private final InputStream in;
  private final String source;
  private final boolean commaSeparates;
  private byte[] buffer = new byte[1 << 16];
  private int limit;
  private int next;
  private int scanned;
  private boolean endOfInput;
  private int lineStart;
  private int lineEnd;
  private int position;
  private int tokenStart;
  private long lineNumber;

  LineScanner(InputStream in, String source, boolean commaSeparates) {
    this.in = in;
    this.source = source;
    this.commaSeparates = commaSeparates;
  }

  /** Opens a file, decompressing it on the fly when its name ends in {@code .gz}. */
  static InputStream open(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    try {
      return file.getFileName().toString().endsWith(".gz")
          ? new GZIPInputStream(raw, 1 << 16) : new BufferedInputStream(raw, 1 << 16);
    } catch (IOException e) {
      raw.close();
      throw e;
    }
  }

  /** Advances to the next line; false at the end of the input. */
  boolean nextLine() throws IOException {
    while (true) {
      for (int i = scanned; i < limit; i++) {
        if (buffer[i] == '\n') {
          startLine(next, i);
          next = i + 1;
          scanned = next;
          return true;
        }
      }
      if (endOfInput) {
        if (next < limit) {
          startLine(next, limit);
          next = limit;
          scanned = limit;
          return true;
        }
        return false;
      }
      scanned = limit;
      fill();
    }
  }

  private void startLine(int start, int end) {
    lineNumber++;
    lineStart = start;
    lineEnd = end > start && buffer[end - 1] == '\r' ? end - 1 : end;
    position = start;
  }

  /** Moves the unread part to the front of the buffer (growing it if full), then reads more. */
  private void fill() throws IOException {
    int kept = limit - next;
    if (next > 0) {
      System.arraycopy(buffer, next, buffer, 0, kept);
      scanned -= next;
      next = 0;
      limit = kept;
    }
    if (limit == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    int n = in.read(buffer, limit, buffer.length - limit);
    if (n < 0) {
      endOfInput = true;
    } else {
      limit += n;
    }
  }

  /** The number of the current line, from 1. */
  long lineNumber() {
    return lineNumber;
  }

  /** The file's name as given. */
  String source() {
    return source;
  }

  private boolean isSeparator(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\f' || (commaSeparates && b == ',');
  }

  /** Whether the current line holds another token; skips separators. */
  boolean hasToken() {
    while (position < lineEnd && isSeparator(buffer[position])) {
      position++;
    }
    return position < lineEnd;
  }

  /** Whether the line holds nothing but separators. */
  boolean isBlank() {
    int p = lineStart;
    while (p < lineEnd && isSeparator(buffer[p])) {
      p++;
    }
    return p == lineEnd;
  }

  /** The first non-separator character of the line, or -1 for a blank line. */
  int firstCharacter() {
    int p = lineStart;
    while (p < lineEnd && isSeparator(buffer[p])) {
      p++;
    }
    return p < lineEnd ? buffer[p] : -1;
  }

  /** The current line, for messages, cut at 80 characters. */
  String lineText() {
    String text = new String(buffer, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }

  /** The rest of the line after separators, as text. */
  String rest() {
    hasToken();
    return new String(buffer, position, lineEnd - position, StandardCharsets.UTF_8);
  }

  /** The next token as text. */
  String nextToken(String what) throws FileFormatException {
    advanceToken(what);
    return new String(buffer, tokenStart, position - tokenStart, StandardCharsets.UTF_8);
  }

  private void advanceToken(String what) throws FileFormatException {
    if (!hasToken()) {
      throw error("expected " + what + ", found the end of the line");
    }
    tokenStart = position;
    while (position < lineEnd && !isSeparator(buffer[position])) {
      position++;
    }
  }

  /** The next token as a decimal integer. */
  long nextLong(String what) throws FileFormatException {
    advanceToken(what);
    int p = tokenStart;
    boolean negative = buffer[p] == '-';
    if (negative || buffer[p] == '+') {
      p++;
    }
    if (p == position || position - p > 18) {
      throw notAnInteger(what);
    }
    long value = 0;
    for (; p < position; p++) {
      int digit = buffer[p] - '0';
      if (digit < 0 || digit > 9) {
        throw notAnInteger(what);
      }
      value = value * 10 + digit;
    }
    return negative ? -value : value;
  }

  private FileFormatException notAnInteger(String what) {
    return error("expected " + what + " (an integer), found '"
        + new String(buffer, tokenStart, position - tokenStart, StandardCharsets.UTF_8) + "'");
  }

  /** The next token as a decimal integer that fits an int and is at least {@code min}. */
  int nextInt(String what, long min) throws FileFormatException {
    long value = nextLong(what);
    if (value < min || value > Integer.MAX_VALUE) {
      throw error(what + " must be between " + min + " and " + Integer.MAX_VALUE + ", found "
          + value);
    }
    return (int) value;
  }

  /** The next token as a floating-point number. */
  double nextDouble(String what) throws FileFormatException {
    advanceToken(what);
    String text = new String(buffer, tokenStart, position - tokenStart,
        StandardCharsets.ISO_8859_1);
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw error("expected " + what + " (a number), found '" + text + "'");
    }
  }

  /** Fails if the line holds more tokens. */
  void expectEndOfLine(String expected) throws FileFormatException {
    if (hasToken()) {
      throw error("expected " + expected + ", found more: '" + rest() + "'");
    }
  }

  /** An error on the current line (line 1 for an empty file). */
  FileFormatException error(String problem) {
    return new FileFormatException(source, Math.max(1, lineNumber), problem);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
