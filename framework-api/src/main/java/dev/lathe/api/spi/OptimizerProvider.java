package dev.lathe.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import dev.lathe.api.ExtensionPoint;
import dev.lathe.api.optimize.Optimizer;
import dev.lathe.api.optimize.Problem;
import dev.lathe.api.space.Dimension;
import java.util.EnumSet;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Creates an optimizer for a problem; found by ServiceLoader. Declares which dimension kinds
 * and how many objectives it handles, so that the kernel can refuse a composition that does
 * not fit before anything runs.
 */
@API(status = STABLE, since = "0.1")
public interface OptimizerProvider extends PluginProvider {

  @Override
  default ExtensionPoint point() {
    return ExtensionPoint.OPTIMIZER;
  }

  /** The dimension kinds this optimizer can search. Default: all. */
  default Set<Dimension.Kind> supportedKinds() {
    return EnumSet.allOf(Dimension.Kind.class);
  }

  /** Whether it handles more than one objective. Default: no. */
  default boolean multiObjective() {
    return false;
  }

  /** A new optimizer for {@code problem}, configured by {@code context}. */
  Optimizer create(PluginContext context, Problem problem);
}
