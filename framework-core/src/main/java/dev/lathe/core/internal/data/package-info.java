/**
 * Named data sets: the catalog of where each comes from and the SHA-256 of every file, and the
 * store that fetches them into the data directory, verified and installed atomically.
 */
package dev.lathe.core.internal.data;
