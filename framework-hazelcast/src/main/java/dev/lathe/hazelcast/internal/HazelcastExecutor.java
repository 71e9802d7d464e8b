package dev.lathe.hazelcast.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import dev.lathe.api.execute.TrialExecutor;
import dev.lathe.api.execute.TrialOutcome;
import dev.lathe.api.execute.TrialTask;
import dev.lathe.api.metric.Metrics;
import dev.lathe.core.internal.cluster.ClusterSession.EventSink;
import dev.lathe.core.internal.cluster.TrialRecipe;
import dev.lathe.core.internal.cluster.TrialWire;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's side of the {@code hazelcast} executor: keeps how many attempts each capable
 * worker holds (its slots and a prefetch, see {@link Worker}), sends each attempt to the worker
 * with the most room, and re-submits the attempts that a lost worker held. Its parallelism is
 * the sum of the workers' slots; a batch of (1 + prefetch) times that keeps every slot busy.
 * A worker is capable when it advertises every plugin of the experiment in the same version
 * (and, if the executor names members, runs on one of their hosts); one that refuses an attempt
 * anyway is set aside with its reason. Workers, refusals and re-submissions go to the run's
 * event log.
 *
 * <p>Hazelcast runs each attempt at least once; every future here completes exactly once, and
 * the kernel's result store keeps one record per trial id, so results hold each trial once.
 */
final class HazelcastExecutor implements TrialExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(HazelcastExecutor.class);

  private final HazelcastInstance member;
  private final MemberRuntime runtime;
  private final IExecutorService trials;
  private final TrialRecipe recipe;
  private final byte[] recipeJson;
  private final EventSink events;
  private final ExecutorSettings settings;
  private final Set<String> allowedHosts;
  private final ScheduledExecutorService timer;
  private final UUID listener;
  private final int parallelism;

  private final Map<UUID, Worker> capable = new LinkedHashMap<>();
  private final Map<UUID, String> setAside = new LinkedHashMap<>();
  private final Deque<Attempt> queue = new ArrayDeque<>();
  private final Set<Attempt> running = new HashSet<>();
  private ScheduledFuture<?> starving;
  private boolean closed;

  /**
   * A capable worker and how many attempts it holds. It is given up to its slots times
   * (1 + prefetch): the ones beyond its slots wait in its queue, so that a slot starts its next
   * attempt as soon as one ends instead of a network round trip later.
   */
  private static final class Worker {
    final Member member;
    final String address;
    final int slots;
    final int capacity;
    int busy;

    Worker(Member member, int slots, int prefetch) {
      this.member = member;
      this.address = address(member);
      this.slots = slots;
      this.capacity = slots * (1 + prefetch);
    }
  }

  /** One attempt and where it runs. */
  private static final class Attempt {
    final TrialTask task;
    final byte[] json;
    final CompletableFuture<TrialOutcome> future = new CompletableFuture<>();
    Worker on;

    Attempt(TrialTask task) {
      this.task = task;
      this.json = TrialWire.task(task);
    }
  }

  /**
   * Joins the cluster with {@code member} (already started) and waits for the workers.
   *
   * @param runtime the member's own runtime when it runs trials (embedded mode), else null
   * @throws IllegalStateException if fewer than {@code min-workers} capable workers joined
   *     within {@code join-timeout}; the member is shut down
   */
  HazelcastExecutor(HazelcastInstance member, MemberRuntime runtime, ExecutorSettings settings,
      TrialRecipe recipe, EventSink events) {
    this.member = member;
    this.runtime = runtime;
    this.trials = member.getExecutorService(MemberConfigs.TRIALS);
    this.recipe = recipe;
    this.recipeJson = recipe.toJson();
    this.events = events;
    this.settings = settings;
    this.allowedHosts = hosts(settings);
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "lathe-hazelcast-timer");
      t.setDaemon(true);
      return t;
    });
    this.listener = member.getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent e) {
        consider(e.getMember());
      }

      @Override
      public void memberRemoved(MembershipEvent e) {
        lost(e.getMember(), "left the cluster");
      }
    });
    member.getCluster().getMembers().forEach(this::consider);
    this.parallelism = awaitWorkers();
  }

  @Override
  public String id() {
    return HazelcastExecutorProvider.ID;
  }

  @Override
  public int parallelism() {
    return parallelism;
  }

  @Override
  public CompletableFuture<TrialOutcome> submit(TrialTask task) {
    Attempt attempt = new Attempt(task);
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("executor 'hazelcast' is closed");
      }
      queue.add(attempt);
      dispatch();
    }
    return attempt.future;
  }

  @Override
  public void close() {
    List<Attempt> queued;
    List<Attempt> inFlight;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      queued = new ArrayList<>(queue);
      inFlight = new ArrayList<>(running);
      queue.clear();
      running.clear();
    }
    queued.forEach(a -> fail(a, "executor closed before the attempt started"));
    inFlight.forEach(a -> fail(a, "executor closed while the attempt ran on " + a.on.address));
    timer.shutdownNow();
    try {
      member.getCluster().removeMembershipListener(listener);
      member.shutdown();
    } catch (HazelcastInstanceNotActiveException e) {
      LOG.debug("member already stopped", e);
    }
    if (runtime != null) {
      runtime.close();
    }
  }

  /** Waits for {@code min-workers} capable workers; returns their slots. */
  private synchronized int awaitWorkers() {
    long deadline = System.nanoTime() + settings.joinTimeout().toNanos();
    int needed = settings.embedded() ? 1 : settings.minWorkers();
    try {
      while (capable.size() < needed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          String message = "executor 'hazelcast': " + capable.size() + " of " + needed
              + " workers able to run '" + recipe.experiment() + "' joined cluster '"
              + settings.clusterName() + "' at " + settings.members() + " within "
              + settings.joinTimeout().toSeconds() + " s"
              + (setAside.isEmpty() ? "; start them with 'lathe worker --join "
                  + address(member.getCluster().getLocalMember()) + "'"
                  : "; set aside: " + setAside.values());
          closed = true;
          member.shutdown();
          throw new IllegalStateException(message);
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      member.shutdown();
      throw new IllegalStateException("interrupted while waiting for workers", e);
    }
    return Math.max(1, capable.values().stream().mapToInt(w -> w.slots).sum());
  }

  /** Takes {@code m} on as a worker if it can run the experiment's trials. */
  private synchronized void consider(Member m) {
    if (closed || capable.containsKey(m.getUuid()) || setAside.containsKey(m.getUuid())) {
      return;
    }
    if (m.isLiteMember() || m.getAttribute(MemberConfigs.SLOTS) == null) {
      return;
    }
    if (!allowedHosts.isEmpty()
        && !allowedHosts.contains(m.getSocketAddress().getAddress().getHostAddress())) {
      setAside(m, "runs on a host that is not among the members " + settings.members());
      return;
    }
    String plugins = m.getAttribute(MemberConfigs.PLUGINS);
    var missing = recipe.missingFrom(plugins == null ? Set.of()
        : new HashSet<>(Arrays.asList(plugins.split(" "))));
    if (missing.isPresent()) {
      setAside(m, missing.get());
      return;
    }
    int slots = Integer.parseInt(m.getAttribute(MemberConfigs.SLOTS));
    Worker w = new Worker(m, slots, settings.prefetch());
    capable.put(m.getUuid(), w);
    events.write("worker_joined", "worker", w.address, "slots", slots);
    LOG.info("Worker {} joined with {} slots", w.address, slots);
    if (starving != null) {
      starving.cancel(false);
      starving = null;
    }
    notifyAll();
    dispatch();
  }

  /**
   * Sets a member aside for good; the first reason goes to the log and the event log (the
   * member's other attempts in flight may be refused too).
   */
  private void setAside(Member m, String reason) {
    String address = address(m);
    capable.remove(m.getUuid());
    if (setAside.putIfAbsent(m.getUuid(), address + " " + reason) != null) {
      return;
    }
    events.write("worker_refused", "worker", address, "reason", reason);
    LOG.warn("Worker {} cannot run the trials of '{}': it {}; they go to the other workers",
        address, recipe.experiment(), reason);
  }

  /** Forgets a worker that left; its attempts come back as member-loss failures. */
  private synchronized void lost(Member m, String why) {
    if (closed) {
      return;
    }
    Worker w = capable.remove(m.getUuid());
    if (w != null) {
      events.write("worker_left", "worker", w.address, "reason", why, "running", w.busy);
      LOG.warn("Worker {} {} with {} trials running; they are re-submitted", w.address, why,
          w.busy);
      dispatch();
    }
  }

  /** Sends queued attempts to the workers with free slots, the freest first. */
  private void dispatch() {
    while (!closed && !queue.isEmpty()) {
      Worker best = null;
      for (Worker w : capable.values()) {
        if (w.busy < w.capacity
            && (best == null || w.capacity - w.busy > best.capacity - best.busy)) {
          best = w;
        }
      }
      if (best == null) {
        break;
      }
      Attempt a = queue.poll();
      a.on = best;
      best.busy++;
      running.add(a);
      send(a, best);
    }
    if (!closed && !queue.isEmpty() && capable.isEmpty() && starving == null) {
      starving = timer.schedule(this::starve, settings.joinTimeout().toNanos(),
          TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Sends an attempt. Hazelcast's futures are completion stages; reacting in the completing
   * thread (not Hazelcast's async pool) saves a thread hand-over per trial.
   */
  private void send(Attempt a, Worker w) {
    try {
      Future<byte[]> reply = trials.submitToMember(new RemoteTrial(recipeJson, a.json), w.member);
      ((CompletionStage<byte[]>) reply).whenComplete((json, t) -> {
        if (t == null) {
          answered(a, w, json);
        } else {
          failed(a, w, t instanceof CompletionException && t.getCause() != null
              ? t.getCause() : t);
        }
      });
    } catch (RuntimeException e) {
      timer.execute(() -> failed(a, w, e));
    }
  }

  private void answered(Attempt a, Worker w, byte[] json) {
    TrialWire.Reply reply;
    try {
      reply = TrialWire.reply(a.task, json);
    } catch (RuntimeException e) {
      failed(a, w, e);
      return;
    }
    synchronized (this) {
      if (!running.remove(a)) {
        return;
      }
      w.busy--;
      if (reply.refused()) {
        setAside(w.member, reply.refusal());
        events.write("trial_resubmitted", "id", a.task.trialId(), "n", a.task.number(),
            "attempt", a.task.attempt(), "worker", w.address, "reason",
            "refused: " + reply.refusal());
        queue.addFirst(a);
      }
      dispatch();
    }
    if (!reply.refused()) {
      a.future.complete(reply.outcome());
    }
  }

  private void failed(Attempt a, Worker w, Throwable t) {
    boolean lost = t instanceof MemberLeftException || t instanceof TargetNotMemberException
        || t instanceof TargetDisconnectedException
        || t instanceof HazelcastInstanceNotActiveException;
    synchronized (this) {
      if (!running.remove(a)) {
        return;
      }
      w.busy--;
      if (lost && !closed) {
        lost(w.member, "was lost (" + t.getClass().getSimpleName() + ")");
        events.write("trial_resubmitted", "id", a.task.trialId(), "n", a.task.number(),
            "attempt", a.task.attempt(), "worker", w.address, "reason", Attempts.describe(t));
        LOG.warn("Trial {} lost with worker {} ({}); re-submitted", a.task.trialId(), w.address,
            t.getClass().getSimpleName());
        queue.addFirst(a);
        dispatch();
        return;
      }
    }
    fail(a, "worker " + w.address + " failed to run the attempt: " + Attempts.describe(t));
  }

  /** Fails the queued attempts when no worker has been able to run them for join-timeout. */
  private void starve() {
    List<Attempt> queued;
    synchronized (this) {
      starving = null;
      if (closed || !capable.isEmpty()) {
        return;
      }
      queued = new ArrayList<>(queue);
      queue.clear();
    }
    String reason = "no worker able to run it for " + settings.joinTimeout().toSeconds() + " s"
        + (setAside.isEmpty() ? "" : "; set aside: " + setAside.values());
    queued.forEach(a -> fail(a, reason));
  }

  private static void fail(Attempt a, String reason) {
    a.future.complete(new TrialOutcome(a.task, Metrics.empty(), reason, Instant.now(),
        Duration.ZERO, a.on != null ? a.on.address : "hazelcast"));
  }

  private static String address(Member m) {
    return m.getAddress().getHost() + ":" + m.getAddress().getPort();
  }

  /** The IP addresses of the configured members' hosts; empty when none are configured. */
  private static Set<String> hosts(ExecutorSettings settings) {
    Set<String> hosts = new HashSet<>();
    for (String m : settings.members()) {
      String host = m.contains(":") ? m.substring(0, m.lastIndexOf(':')) : m;
      try {
        for (InetAddress a : InetAddress.getAllByName(host)) {
          hosts.add(a.getHostAddress());
        }
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("executor 'hazelcast': member '" + m
            + "' names an unknown host", e);
      }
    }
    return hosts;
  }
}
