/**
 * Compact weighted digraphs, their shortest paths and strongly connected components, and the
 * {@link dev.lathe.api.graph.GraphAlgorithm} extension point.
 */
package dev.lathe.api.graph;
