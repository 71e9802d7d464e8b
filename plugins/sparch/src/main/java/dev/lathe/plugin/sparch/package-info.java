/**
 * The SpArch plugin's providers: the accelerator {@code sparch}, which costs a sparse-matrix
 * product ({@link dev.lathe.plugin.sparch.SparseProduct}) on SpArch or on OuterSPACE.
 */
package dev.lathe.plugin.sparch;
