/**
 * Compact weighted digraphs and the {@link dev.lathe.api.graph.GraphAlgorithm} extension point.
 */
package dev.lathe.api.graph;
