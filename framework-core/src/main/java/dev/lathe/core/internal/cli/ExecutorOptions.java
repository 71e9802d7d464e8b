package dev.lathe.core.internal.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of {@code run} and {@code resume} that choose where trials run. */
final class ExecutorOptions {

  @Option(names = "--executor", paramLabel = "ID",
      description = "Where trials run, e.g. local or hazelcast (sets executor.plugin).")
  String executor;

  @Option(names = "--join", paramLabel = "HOST[:PORT]", split = ",",
      description = "Workers of a distributed executor to join (repeatable, or comma-separated;"
          + " sets executor.members).")
  List<String> join = new ArrayList<>();

  /** These options as {@code --set} overrides, before the user's own. */
  List<String> overrides(List<String> given) {
    List<String> all = new ArrayList<>();
    if (executor != null) {
      all.add("executor.plugin=" + executor);
    }
    if (!join.isEmpty()) {
      all.add("executor.members=" + String.join(",", join));
    }
    all.addAll(given);
    return all;
  }
}
