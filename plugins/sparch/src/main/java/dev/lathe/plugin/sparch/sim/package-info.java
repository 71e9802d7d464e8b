/**
 * The SpArch simulator (Zhang, Wang, Han and Dally, HPCA 2020, arXiv:2002.08947): an outer-product
 * SpGEMM datapath built from its hardware components (multiplier array, comparator merge tree,
 * matrix condensing, Huffman-tree scheduler, row prefetcher, DRAM model) that computes the
 * product and counts DRAM traffic by category and cycles, beside the OuterSPACE baseline under
 * the same DRAM model.
 */
package dev.lathe.plugin.sparch.sim;
