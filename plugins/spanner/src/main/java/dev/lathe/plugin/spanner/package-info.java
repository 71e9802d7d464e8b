/**
 * Source-wise round-trip spanners: the randomised construction, the exact and the cover
 * baselines, the exact stretch verifier, seeded strongly connected graph families, and the
 * reproduction {@code spanner}; {@code docs/reproductions/spanner.md} derives the construction.
 */
package dev.lathe.plugin.spanner;
