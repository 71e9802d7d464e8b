package dev.lathe.plugin.sparch.sim;

/** Argument checks shared by the schedulers. */
final class Schedules {

  private Schedules() {}

  static void check(long[] sizes, int ways) {
    if (ways < 2) {
      throw new IllegalArgumentException("a merge tree merges at least 2 inputs, got " + ways);
    }
    if (sizes.length == 0) {
      throw new IllegalArgumentException("nothing to schedule: no partial matrices");
    }
  }
}
