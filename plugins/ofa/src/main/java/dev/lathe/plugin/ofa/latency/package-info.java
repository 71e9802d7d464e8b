/**
 * Once-for-All's cost models: analytic MACs and parameters, and a latency lookup table measured
 * per layer signature on this machine's tensor backend.
 */
package dev.lathe.plugin.ofa.latency;
