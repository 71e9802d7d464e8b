/**
 * The embedding API: {@link dev.lathe.core.Lathe} runs, resumes and reports experiments and
 * lists plugins from Java, returning plain result objects.
 */
package dev.lathe.core;
