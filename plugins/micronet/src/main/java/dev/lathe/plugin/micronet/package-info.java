/**
 * The MicroNet plugin (arXiv:2005.07877): the challenge-winning language model's network and
 * its MicroNet score ({@code micronet-lm}), and the compressors {@code prune}, {@code quantize}
 * and {@code distill}.
 */
package dev.lathe.plugin.micronet;
