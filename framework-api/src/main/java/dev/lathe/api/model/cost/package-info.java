/**
 * Counting a {@link dev.lathe.api.model.Network}'s parameters, MACs (or operations) and
 * activation memory under named conventions, because papers count differently and their
 * numbers only match under their own rules: {@code conv-linear} (Once-for-All),
 * {@code torchprofile} (GAN Compression) and {@code micronet} (the MicroNet challenge).
 * {@code docs/cost-accounting.md} states every rule term by term.
 */
package dev.lathe.api.model.cost;
