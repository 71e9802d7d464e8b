/**
 * Framework-neutral descriptions of neural networks: a {@link dev.lathe.api.model.Network} is a
 * directed acyclic graph of named nodes, each a {@link dev.lathe.api.model.Layer} with its
 * inputs, whose shapes are inferred and checked when it is built. Counting parameters, MACs and
 * activation memory lives in {@link dev.lathe.api.model.cost}; execution is elsewhere.
 */
package dev.lathe.api.model;
