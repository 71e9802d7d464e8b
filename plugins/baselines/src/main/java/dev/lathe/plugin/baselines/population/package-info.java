/**
 * What the population-based optimizers of this plugin share: evaluated candidates ranked
 * feasibility first, per-trial random streams, variation operators with bounded rejection
 * sampling under the space's constraints, generational bookkeeping for batch ask/tell, and the
 * binary format of their checkpoints.
 */
package dev.lathe.plugin.baselines.population;
