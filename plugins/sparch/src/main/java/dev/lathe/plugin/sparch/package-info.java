/**
 * The SpArch plugin's providers: the accelerator {@code sparch}, which costs a sparse-matrix
 * product ({@link dev.lathe.api.sparse.SparseProduct}) on SpArch or on OuterSPACE.
 */
package dev.lathe.plugin.sparch;
