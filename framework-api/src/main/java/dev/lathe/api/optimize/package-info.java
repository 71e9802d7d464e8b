/**
 * Objectives, constraints and the ask/tell {@link dev.lathe.api.optimize.Optimizer}
 * extension point.
 */
package dev.lathe.api.optimize;
