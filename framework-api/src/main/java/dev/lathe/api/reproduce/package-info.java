/**
 * Paper reproductions: claims with the paper's figure, checked by the
 * {@link dev.lathe.api.reproduce.Reproduction} extension point in a quick or a full mode.
 */
package dev.lathe.api.reproduce;
