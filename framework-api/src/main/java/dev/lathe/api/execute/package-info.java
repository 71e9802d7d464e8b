/**
 * Trial tasks and the {@link dev.lathe.api.execute.TrialExecutor} extension point that runs them:
 * a local thread pool by default, a cluster of machines through a distributed engine.
 */
package dev.lathe.api.execute;
