package dev.lathe.plugin.sparch.sim;

import dev.lathe.api.sparse.SparseMatrix;

/**
 * What simulating a product gave.
 *
 * @param product the product C that the simulated datapath computed
 * @param traffic DRAM traffic by category
 * @param cycles the estimated cycles
 * @param partialProducts the multiplications made
 * @param partialMatrices the partial matrices the merge tree saw as leaves
 * @param rounds the passes through the merge tree (OuterSPACE: 1, its merge phase)
 */
public record Simulation(SparseMatrix product, Traffic traffic, long cycles,
    long partialProducts, int partialMatrices, int rounds) {}
