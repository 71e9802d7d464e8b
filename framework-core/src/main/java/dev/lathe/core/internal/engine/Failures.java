package dev.lathe.core.internal.engine;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns an exception into the one-line reason recorded against a failed trial. */
final class Failures {

  private Failures() {}

  /**
   * The exception's type and message, followed by its root cause's when different, e.g.
   * {@code IllegalStateException: solver diverged (caused by ArithmeticException: / by zero)}.
   */
  static String describe(Throwable t) {
    Throwable e = t;
    while ((e instanceof CompletionException || e instanceof ExecutionException
        || e instanceof InvocationTargetException) && e.getCause() != null) {
      e = e.getCause();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = oneLine(e);
    return root == e ? text : text + " (caused by " + oneLine(root) + ")";
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage();
    String name = e.getClass().getSimpleName();
    return message == null ? name : name + ": " + message.replace('\n', ' ').strip();
  }
}
