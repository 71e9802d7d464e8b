package dev.lathe.api.space;

import java.util.regex.Pattern;

/** The rule for dimension names: a letter, then letters, digits, '_', '-' or '.'. */
final class Names {

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]*");

  private Names() {}

  static void check(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("'" + name + "' is not a dimension name"
          + " (a letter, then letters, digits, '_', '-' or '.')");
    }
  }
}
