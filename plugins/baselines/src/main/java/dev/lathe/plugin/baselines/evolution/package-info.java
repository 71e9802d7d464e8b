/**
 * Evolutionary search over any search space: regularised (aging) evolution after Real et al.
 * (2019) and the generational evolution of Once-for-All (Cai et al., 2020), both seeded, batched
 * and checkpointable, with the space's constraints met by rejection sampling and the problem's
 * metric constraints by feasibility-first selection.
 */
package dev.lathe.plugin.baselines.evolution;
