package dev.lathe.plugin.baselines.problems;

import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.SearchSpace;
import java.util.List;

/** The search space of a test function: its domain, unconstrained. */
final class TestFunctionSpace implements SearchSpace {

  private final String id;
  private final List<Dimension> dimensions;

  TestFunctionSpace(TestFunction function) {
    this.id = function.id();
    this.dimensions = List.copyOf(function.domain());
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Dimension> dimensions() {
    return dimensions;
  }
}
