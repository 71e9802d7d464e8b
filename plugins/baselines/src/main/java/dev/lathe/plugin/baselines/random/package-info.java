/**
 * Random search: an optimizer that draws every candidate independently from the search space,
 * reproducible from its seed and checkpointable by a counter.
 */
package dev.lathe.plugin.baselines.random;
