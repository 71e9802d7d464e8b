/**
 * The root of Lathe's contracts: versions and version ranges, the extension points as an
 * enumeration, workloads, and the provenance that every result carries. This package depends
 * on no other package of the API.
 */
package dev.lathe.api;
