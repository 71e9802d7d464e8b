/**
 * The root of Lathe's contracts: versions and version ranges, the extension points as an
 * enumeration, and the provenance that every result carries.
 */
package dev.lathe.api;
