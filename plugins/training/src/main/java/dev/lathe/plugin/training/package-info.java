/**
 * The small CNN ({@link dev.lathe.plugin.training.SmallCnnProvider}) and the reproduction that
 * trains it on Fashion-MNIST ({@link dev.lathe.plugin.training.TrainingReproductionProvider});
 * {@code docs/training.md} gives the command and the figures measured.
 */
package dev.lathe.plugin.training;
