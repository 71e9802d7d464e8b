package dev.lathe.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.reproduce.Reproduction;
import org.apiguardian.api.API;

/** Creates a paper reproduction; found by ServiceLoader. */
@API(status = STABLE, since = "0.1")
public interface ReproductionProvider extends PluginProvider {

  @Override
  default ExtensionPoint point() {
    return ExtensionPoint.REPRODUCTION;
  }

  /** A new instance configured by {@code context}. */
  Reproduction create(PluginContext context);
}
