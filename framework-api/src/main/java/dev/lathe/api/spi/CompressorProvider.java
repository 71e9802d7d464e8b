package dev.lathe.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.compress.Compressor;
import org.apiguardian.api.API;

/** Creates a compressor; found by ServiceLoader. */
@API(status = STABLE, since = "0.1")
public interface CompressorProvider extends PluginProvider {

  @Override
  default ExtensionPoint point() {
    return ExtensionPoint.COMPRESSOR;
  }

  /** A new instance configured by {@code context}. */
  Compressor create(PluginContext context);
}
