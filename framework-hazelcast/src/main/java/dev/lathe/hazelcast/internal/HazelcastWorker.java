package dev.lathe.hazelcast.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.LifecycleEvent;
import dev.lathe.core.Worker;
import dev.lathe.core.internal.cluster.TrialRunners;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** A worker member: runs the trials that drivers send it until it is closed or shut down. */
final class HazelcastWorker implements Worker {

  private final HazelcastInstance member;
  private final MemberRuntime runtime;
  private final int slots;
  private final String address;
  private final CountDownLatch stopped = new CountDownLatch(1);

  HazelcastWorker(ExecutorSettings settings, TrialRunners runners) {
    this.runtime = new MemberRuntime(runners, "lathe-worker");
    this.slots = settings.slots();
    this.member = Hazelcast.newHazelcastInstance(MemberConfigs.member(settings, "worker", runtime,
        runners.capabilities()));
    member.getLifecycleService().addLifecycleListener(e -> {
      if (e.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
        stopped.countDown();
      }
    });
    Member local = member.getCluster().getLocalMember();
    this.address = local.getAddress().getHost() + ":" + local.getAddress().getPort();
    runtime.address(address);
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public int slots() {
    return slots;
  }

  @Override
  public List<String> members() {
    try {
      return member.getCluster().getMembers().stream()
          .map(m -> m.getAddress().getHost() + ":" + m.getAddress().getPort()).toList();
    } catch (HazelcastInstanceNotActiveException e) {
      return List.of();
    }
  }

  @Override
  public void awaitTermination() throws InterruptedException {
    stopped.await();
  }

  @Override
  public void close() {
    if (member.getLifecycleService().isRunning()) {
      member.shutdown();
    }
    runtime.close();
    stopped.countDown();
  }
}
