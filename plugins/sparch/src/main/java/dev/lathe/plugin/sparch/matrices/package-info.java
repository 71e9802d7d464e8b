/**
 * The matrices SpArch is evaluated on here: SuiteSparse matrices (shipped small ones and larger
 * ones from the data directory) and generated uniform and power-law (R-MAT) matrices with seeds.
 */
package dev.lathe.plugin.sparch.matrices;
