/**
 * Loaders of real data for plugins: IDX image sets (MNIST, Fashion-MNIST), plain-text corpora
 * with word vocabularies and deterministic splits (State of the Union, Brown), and OFF/PLY meshes
 * sampled into point clouds. Every loader names the file and, where it can, the line of a
 * malformed input. {@link dev.lathe.api.data.DataDirectory} finds the data sets that
 * {@code lathe data fetch} installs.
 */
package dev.lathe.api.data;
