/**
 * The plugin catalog: built-in providers found by ServiceLoader on the module path and external
 * plugin jars loaded by PF4J, merged into one list with the reason for every rejected plugin.
 */
package dev.lathe.core.internal.catalog;
