package dev.lathe.hazelcast.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.lathe.core.internal.cluster.TrialWire;
import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * One attempt on its way to a worker: the experiment's recipe and the attempt, both as JSON
 * (Hazelcast's identified serialization carries the two byte arrays; no Java serialization).
 * On the worker it runs with the member's {@link MemberRuntime} and answers with the outcome,
 * or a refusal, as JSON.
 */
final class RemoteTrial implements Callable<byte[]>, IdentifiedDataSerializable,
    HazelcastInstanceAware {

  /** The factory id of Lathe's identified types. */
  static final int FACTORY_ID = 0x1a7e;
  /** This type's id within the factory. */
  static final int CLASS_ID = 1;

  private byte[] recipe;
  private byte[] task;
  private transient HazelcastInstance member;

  /** For deserialisation. */
  RemoteTrial() {}

  RemoteTrial(byte[] recipe, byte[] task) {
    this.recipe = recipe;
    this.task = task;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance instance) {
    this.member = instance;
  }

  @Override
  public byte[] call() {
    Object runtime = member.getUserContext().get(MemberRuntime.KEY);
    if (!(runtime instanceof MemberRuntime r)) {
      return TrialWire.refusal("member " + member.getCluster().getLocalMember().getAddress()
          + " is a driver, not a worker");
    }
    return r.run(recipe, task);
  }

  @Override
  public int getFactoryId() {
    return FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return CLASS_ID;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeByteArray(recipe);
    out.writeByteArray(task);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    recipe = in.readByteArray();
    task = in.readByteArray();
  }
}
