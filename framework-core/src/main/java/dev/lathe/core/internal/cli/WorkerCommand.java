package dev.lathe.core.internal.cli;

import dev.lathe.core.Lathe;
import dev.lathe.core.Worker;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lathe worker --join HOST[:PORT]…}: a cluster member that runs trials with this
 * installation's plugins for drivers ({@code lathe run --executor hazelcast}) until stopped.
 */
@Command(name = "worker", mixinStandardHelpOptions = true, description = "Run trials for"
    + " distributed experiments: join a cluster as a worker with this installation's plugins"
    + " and serve until stopped (Ctrl-C or SIGTERM leaves the cluster; docs/distributed.md).")
final class WorkerCommand implements Callable<Integer> {

  @ParentCommand LatheCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--join", paramLabel = "HOST[:PORT]", split = ",",
      description = "Members to join: other workers (repeatable, or comma-separated); none to"
          + " start a new cluster.")
  List<String> join = new ArrayList<>();

  @Option(names = "--executor", defaultValue = "hazelcast", paramLabel = "ID",
      description = "The distributed executor (default: ${DEFAULT-VALUE}).")
  String executor;

  @Option(names = "--interface", paramLabel = "ADDRESS",
      description = "The address to bind to and announce (default: the executor's, 127.0.0.1).")
  String bindInterface;

  @Option(names = "--port", paramLabel = "PORT",
      description = "The first port to try; the next free one is taken (default: the"
          + " executor's, 5701).")
  Integer port;

  @Option(names = "--slots", paramLabel = "N",
      description = "How many trials run at once (default: one per processor).")
  Integer slots;

  @Option(names = "--cluster-name", paramLabel = "NAME",
      description = "The cluster to join; drivers must name the same (default: the executor's).")
  String clusterName;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Any other setting of the executor (repeatable); 'lathe describe hazelcast'"
          + " lists them.")
  List<String> settings = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    List<String> all = new ArrayList<>(settings);
    if (!join.isEmpty()) {
      all.add("members=" + String.join(",", join));
    }
    if (bindInterface != null) {
      all.add("interface=" + bindInterface);
    }
    if (port != null) {
      all.add("port=" + port);
    }
    if (slots != null) {
      all.add("slots=" + slots);
    }
    if (clusterName != null) {
      all.add("cluster-name=" + clusterName);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Lathe lathe = root.open(); Worker worker = lathe.startWorker(executor, all)) {
      AtomicBoolean told = new AtomicBoolean();
      Runnable stopped = () -> {
        if (told.compareAndSet(false, true)) {
          out.println("Worker " + worker.address() + " stopped.");
          out.flush();
        }
      };
      // On Ctrl-C or SIGTERM the JVM ends with its shutdown hooks: this one leaves the cluster.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        worker.close();
        stopped.run();
      }, "lathe-worker-leave"));
      out.println("Worker " + worker.address() + " serving with " + worker.slots()
          + " slots; cluster members: " + String.join(", ", worker.members()));
      out.flush();
      worker.awaitTermination();
      stopped.run();
      return 0;
    }
  }
}
