package dev.lathe.core.internal.config;

/**
 * A value that does not fit its declared parameter. The message says what is wrong with the
 * value alone; the reader adds the file and key.
 */
final class InvalidValueException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A value refused for the reason in {@code message}. */
  InvalidValueException(String message) {
    super(message);
  }
}
