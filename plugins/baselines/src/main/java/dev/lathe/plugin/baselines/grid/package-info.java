/**
 * Grid search for small spaces: every combination of the discrete dimensions' values and of
 * evenly spaced levels of the real ones, in a fixed order.
 */
package dev.lathe.plugin.baselines.grid;
