package dev.lathe.plugin.baselines.population;

import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.SearchSpace;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a checkpoint written by {@link StateWriter}, checking its header against the optimizer
 * and space that restore it. Every problem is an {@link IllegalArgumentException} that names the
 * optimizer and what does not fit.
 */
public final class StateReader {

  private final DataInputStream in;
  private final String optimizerId;
  private final List<Dimension> dimensions;

  /**
   * A reader positioned after the header.
   *
   * @param state the checkpoint, not null
   * @param format the format number this optimizer writes
   * @param optimizerId the restoring optimizer's id, not null
   * @param space the restoring optimizer's space, not null
   * @throws IllegalArgumentException if the header is not this optimizer's, format and
   *     dimension names included
   */
  public StateReader(byte[] state, int format, String optimizerId, SearchSpace space) {
    this.in = new DataInputStream(new ByteArrayInputStream(state));
    this.optimizerId = optimizerId;
    this.dimensions = List.copyOf(space.dimensions());
    int stateFormat;
    String stateId;
    try {
      stateFormat = in.readInt();
      stateId = in.readUTF();
    } catch (IOException e) {
      throw new IllegalArgumentException("optimizer '" + optimizerId + "': checkpoint of "
          + state.length + " bytes is not a state of this optimizer", e);
    }
    if (stateFormat != format || !stateId.equals(optimizerId)) {
      throw new IllegalArgumentException("optimizer '" + optimizerId + "': checkpoint is a state"
          + " of optimizer '" + stateId + "' format " + stateFormat + ", expected '" + optimizerId
          + "' format " + format);
    }
    int count = readInt();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count && i <= dimensions.size(); i++) {
      names.add(readString());
    }
    List<String> expected = dimensions.stream().map(Dimension::name).toList();
    if (!names.equals(expected)) {
      throw new IllegalArgumentException("optimizer '" + optimizerId + "': checkpoint is for"
          + " dimensions " + names + ", space '" + space.id() + "' has " + expected);
    }
  }

  /** Reads a 64-bit integer. */
  public long readLong() {
    return io(in::readLong);
  }

  /** Reads a 32-bit integer. */
  public int readInt() {
    return io(in::readInt);
  }

  /** Reads a 32-bit integer that must lie in {@code [0, max]}, naming {@code what} if not. */
  public int readCount(String what, int max) {
    int n = readInt();
    if (n < 0 || n > max) {
      throw corrupt(what + " " + n + " is outside [0, " + max + "]");
    }
    return n;
  }

  /** Reads a double. */
  public double readDouble() {
    return io(in::readDouble);
  }

  /** Reads a candidate of the space. */
  public Candidate readCandidate() {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Dimension d : dimensions) {
      byte tag = io(in::readByte);
      Object value = switch (tag) {
        case StateWriter.LONG -> readLong();
        case StateWriter.DOUBLE -> readDouble();
        case StateWriter.BOOLEAN -> io(in::readBoolean);
        case StateWriter.STRING -> readString();
        default -> throw corrupt("value of dimension '" + d.name() + "' has unknown tag " + tag);
      };
      values.put(d.name(), value);
    }
    return Candidate.of(values);
  }

  /** Reads an individual. */
  public Individual readIndividual() {
    long trial = readLong();
    Candidate candidate = readCandidate();
    double[] losses = new double[readCount("number of objectives", 1 << 16)];
    for (int k = 0; k < losses.length; k++) {
      losses[k] = readDouble();
    }
    double violation = readDouble();
    try {
      return new Individual(trial, candidate, losses, violation);
    } catch (IllegalArgumentException e) {
      throw corrupt(e.getMessage());
    }
  }

  /** Reads a number of individuals, then each. */
  public List<Individual> readIndividuals() {
    int n = readCount("number of individuals", Integer.MAX_VALUE);
    List<Individual> individuals = new ArrayList<>(Math.min(n, 1 << 16));
    for (int i = 0; i < n; i++) {
      individuals.add(readIndividual());
    }
    return individuals;
  }

  /** Checks that the whole checkpoint has been read. */
  public void finish() {
    int left = io(in::available);
    if (left != 0) {
      throw corrupt(left + " bytes are left over");
    }
  }

  /** An error that names the optimizer and what is wrong with its checkpoint. */
  public IllegalArgumentException corrupt(String what) {
    return new IllegalArgumentException(
        "optimizer '" + optimizerId + "': checkpoint is corrupt: " + what);
  }

  private String readString() {
    return io(in::readUTF);
  }

  private <T> T io(Read<T> read) {
    try {
      return read.get();
    } catch (EOFException e) {
      throw corrupt("it ends early");
    } catch (UTFDataFormatException e) {
      throw corrupt("malformed text");
    } catch (IOException e) {
      throw corrupt(e.toString());
    }
  }

  private interface Read<T> {
    T get() throws IOException;
  }
}
