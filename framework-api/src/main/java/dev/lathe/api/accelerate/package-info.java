/**
 * Workloads and the {@link dev.lathe.api.accelerate.Accelerator} extension point: hardware and
 * system cost models.
 */
package dev.lathe.api.accelerate;
