/**
 * The {@link dev.lathe.api.accelerate.Accelerator} extension point: hardware and system cost
 * models over {@link dev.lathe.api.Workload}s.
 */
package dev.lathe.api.accelerate;
