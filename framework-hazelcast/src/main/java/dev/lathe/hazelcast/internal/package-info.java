/**
 * The Hazelcast executor: member configuration, the trial callable that travels to workers,
 * the driver's dispatcher with its per-worker slots, and the worker.
 */
package dev.lathe.hazelcast.internal;
