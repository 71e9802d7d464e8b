/** The {@code lathe} command line (picocli): the only code in Lathe that prints. */
package dev.lathe.core.internal.cli;
