/**
 * A {@link dev.lathe.api.model.Network} built as a trainable SameDiff graph: one variable per
 * parameter, named after its node and initialised from a seed, batch normalisation with running
 * statistics for inference, and classifiers that the training loop of
 * {@link dev.lathe.nd4j.train} trains. See {@code docs/training.md}.
 */
package dev.lathe.nd4j.network;
