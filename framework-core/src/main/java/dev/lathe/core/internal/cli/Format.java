package dev.lathe.core.internal.cli;

/** The output formats of listing commands. */
enum Format {
  TABLE, JSON
}
