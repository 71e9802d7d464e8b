/**
 * The experiment engine: instantiates and checks a composition of plugins, runs the ask/tell
 * loop over an executor with budgets, timeouts and retries, checkpoints, and resumes.
 */
package dev.lathe.core.internal.engine;
