/**
 * Experiment files: reading YAML or properties with Commons Configuration, command-line
 * overrides and interpolation, and validation of every plugin's settings against its declared
 * parameters. {@link dev.lathe.core.internal.config.ExperimentFiles} is the entry point; the
 * format is described in {@code docs/configuration.md}.
 */
package dev.lathe.core.internal.config;
