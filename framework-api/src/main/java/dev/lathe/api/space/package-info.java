/**
 * Search spaces: typed dimensions, candidates with stable content hashes, and the
 * {@link dev.lathe.api.space.SearchSpace} extension point.
 */
package dev.lathe.api.space;
