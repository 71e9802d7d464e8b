package dev.lathe.plugin.baselines.population;

import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.SearchSpace;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;

/**
 * Writes an optimizer's checkpoint: a header (format number, optimizer id, the space's dimension
 * names), then numbers, candidates and individuals in big-endian {@link DataOutputStream} form.
 * A candidate is written as its values in the space's dimension order, each a type tag and the
 * value's bytes, so that {@link StateReader} rebuilds an equal candidate, bit for bit.
 */
public final class StateWriter {

  static final byte LONG = 'L';
  static final byte DOUBLE = 'D';
  static final byte BOOLEAN = 'B';
  static final byte STRING = 'S';

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final DataOutputStream out = new DataOutputStream(bytes);
  private final List<Dimension> dimensions;

  /**
   * A writer that has written the header.
   *
   * @param format the optimizer's state format number
   * @param optimizerId the optimizer's id, not null
   * @param space the space whose candidates are written, not null
   */
  public StateWriter(int format, String optimizerId, SearchSpace space) {
    this.dimensions = List.copyOf(space.dimensions());
    writeInt(format);
    writeString(optimizerId);
    writeInt(dimensions.size());
    dimensions.forEach(d -> writeString(d.name()));
  }

  /** Writes a 64-bit integer. */
  public StateWriter writeLong(long value) {
    return io(() -> out.writeLong(value));
  }

  /** Writes a 32-bit integer. */
  public StateWriter writeInt(int value) {
    return io(() -> out.writeInt(value));
  }

  /** Writes a double, bit for bit. */
  public StateWriter writeDouble(double value) {
    return io(() -> out.writeDouble(value));
  }

  /** Writes a candidate of the space: one tagged value per dimension, in order. */
  public StateWriter writeCandidate(Candidate candidate) {
    for (Dimension d : dimensions) {
      Object v = candidate.get(d.name());
      if (v instanceof Long l) {
        io(() -> out.writeByte(LONG)).writeLong(l);
      } else if (v instanceof Double x) {
        io(() -> out.writeByte(DOUBLE)).writeDouble(x);
      } else if (v instanceof Boolean b) {
        io(() -> {
          out.writeByte(BOOLEAN);
          out.writeBoolean(b);
        });
      } else {
        io(() -> out.writeByte(STRING)).writeString((String) v);
      }
    }
    return this;
  }

  /** Writes an individual: trial number, candidate, losses and violation. */
  public StateWriter writeIndividual(Individual individual) {
    writeLong(individual.trialNumber()).writeCandidate(individual.candidate());
    writeInt(individual.objectives());
    for (int k = 0; k < individual.objectives(); k++) {
      writeDouble(individual.loss(k));
    }
    return writeDouble(individual.violation());
  }

  /** Writes the number of individuals, then each. */
  public StateWriter writeIndividuals(Collection<Individual> individuals) {
    writeInt(individuals.size());
    individuals.forEach(this::writeIndividual);
    return this;
  }

  /** The bytes written so far. */
  public byte[] toByteArray() {
    return bytes.toByteArray();
  }

  private StateWriter writeString(String text) {
    return io(() -> out.writeUTF(text));
  }

  private StateWriter io(Write write) {
    try {
      write.run();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return this;
  }

  private interface Write {
    void run() throws IOException;
  }
}
