package dev.lathe.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.accelerate.Accelerator;
import org.apiguardian.api.API;

/** Creates an accelerator cost model; found by ServiceLoader. */
@API(status = STABLE, since = "0.1")
public interface AcceleratorProvider extends PluginProvider {

  @Override
  default ExtensionPoint point() {
    return ExtensionPoint.ACCELERATOR;
  }

  /** A new instance configured by {@code context}. */
  Accelerator create(PluginContext context);
}
