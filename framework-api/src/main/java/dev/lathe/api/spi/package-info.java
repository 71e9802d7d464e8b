/**
 * The provider interfaces through which the kernel finds plugins (ServiceLoader for built-in
 * ones, PF4J for external jars), with the descriptors, parameters and context that they share.
 */
package dev.lathe.api.spi;
