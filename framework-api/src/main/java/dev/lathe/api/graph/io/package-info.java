/**
 * Readers and writers of graph and sparse-matrix files: Matrix Market, edge lists, METIS, and
 * OpenStreetMap road networks. A malformed file fails with a
 * {@link dev.lathe.api.graph.io.FileFormatException} naming the file and the line.
 */
package dev.lathe.api.graph.io;
