/**
 * Experiment files: reading YAML or properties with Commons Configuration, command-line
 * overrides and interpolation, and validation of every plugin's settings against its declared
 * parameters.
 */
package dev.lathe.core.internal.config;
