/** Models and the {@link dev.lathe.api.compress.Compressor} extension point that shrinks them. */
package dev.lathe.api.compress;
