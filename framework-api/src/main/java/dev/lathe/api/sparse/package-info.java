/**
 * Sparse matrices of doubles in compressed sparse row and column form, with a reference
 * sparse-matrix product.
 */
package dev.lathe.api.sparse;
