/**
 * Real PF4J plugin jars written by a test: manifest, provider classes copied or compiled from
 * source, and {@code META-INF/services} files, ready for the kernel's plugins directory.
 */
package dev.lathe.testkit.jar;
