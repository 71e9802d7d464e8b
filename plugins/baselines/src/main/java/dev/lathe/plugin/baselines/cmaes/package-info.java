/**
 * The {@code cmaes} optimizer: the covariance matrix adaptation evolution strategy in ask/tell
 * form over the unit-cube encoding of real and log-real dimensions, with mirrored bounds and
 * optional IPOP restarts.
 */
package dev.lathe.plugin.baselines.cmaes;
