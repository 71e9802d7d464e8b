/**
 * The reproduction {@code sparch}: SpArch's DRAM-traffic ablation (pipelined multiply-merge,
 * + condensing, + Huffman scheduling, + prefetching) and its advantage over OuterSPACE, per
 * matrix and as geometric means.
 */
package dev.lathe.plugin.sparch.reproduce;
