package dev.lathe.core.internal.data;

/**
 * One file of a data set.
 *
 * @param name its name, the same in the source folder and in the data set's folder
 * @param bytes its size
 * @param sha256 its SHA-256 as 64 lower-case hexadecimal digits
 */
public record DataFile(String name, long bytes, String sha256) {}
