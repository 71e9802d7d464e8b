/**
 * The matrices SpArch is evaluated on here: SuiteSparse matrices (shipped small ones and larger
 * ones from the data directory); the generated uniform and power-law (R-MAT) matrices come from
 * framework-api's {@code MatrixGenerators}.
 */
package dev.lathe.plugin.sparch.matrices;
