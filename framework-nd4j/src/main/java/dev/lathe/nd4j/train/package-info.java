/**
 * A training loop for plugins over SameDiff graphs: SGD and Adam(W) with weight decay,
 * learning-rate schedules, clipping by global norm, seeded mini-batches, an evaluation per
 * epoch, progress through listeners, and checkpoints in a versioned format. See
 * {@code docs/training.md}.
 */
package dev.lathe.nd4j.train;
