package dev.lathe.api.space;

import static org.apiguardian.api.API.Status.STABLE;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apiguardian.api.API;

/**
 * An immutable assignment of values to the dimensions of a search space, in the space's
 * dimension order, with a content hash that does not depend on that order or on the JVM.
 */
@API(status = STABLE, since = "0.1")
public final class Candidate {

  private final Map<String, Object> values;
  private final String hash;

  private Candidate(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
    this.hash = contentHash(values);
  }

  /**
   * A candidate with these values, kept in the map's iteration order. {@code Integer} values
   * become {@code Long} and {@code Float} become {@code Double}.
   *
   * @throws IllegalArgumentException if a value is null or not a string, number or boolean
   */
  public static Candidate of(Map<String, ?> values) {
    Map<String, Object> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      try {
        copy.put(k, CategoricalDimension.normalise(v));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("value of '" + k + "': " + e.getMessage(), e);
      }
    });
    return new Candidate(copy);
  }

  /** The values by dimension name, read-only, in the space's order. */
  public Map<String, Object> values() {
    return values;
  }

  /** The value of dimension {@code name}. */
  public Object get(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw new NoSuchElementException("candidate has no dimension '" + name + "'; it has "
          + values.keySet());
    }
    return v;
  }

  /** The value of a numeric dimension as a double. */
  public double getDouble(String name) {
    return number(name).doubleValue();
  }

  /** The value of an integer dimension. */
  public long getLong(String name) {
    Object v = get(name);
    if (v instanceof Long l) {
      return l;
    }
    throw new IllegalArgumentException("dimension '" + name + "' holds " + v + ", not an integer");
  }

  /** The value of an integer dimension that fits an int. */
  public int getInt(String name) {
    return Math.toIntExact(getLong(name));
  }

  /** The value of a dimension as text. */
  public String getString(String name) {
    return String.valueOf(get(name));
  }

  /** A copy with {@code name} set to {@code value}. */
  public Candidate with(String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(name, CategoricalDimension.normalise(value));
    return new Candidate(copy);
  }

  /**
   * The SHA-256 of the candidate's canonical form (names sorted, values tagged with their
   * type and written as bytes), as 16 hexadecimal digits. Equal candidates have equal hashes on
   * every platform and in every version of Lathe: trial ids, and so resumption, depend on it.
   */
  public String hash() {
    return hash;
  }

  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  });

  /**
   * SHA-256 over the names in sorted order, each written as its UTF-8 length (4 bytes, big
   * endian) and bytes, followed by its value's type tag and bytes: the 64-bit two's complement
   * for integers, the IEEE-754 bits for reals, one byte for booleans, and length and UTF-8 bytes
   * for strings. Lengths make the encoding unambiguous: no two candidates share their bytes.
   */
  private static String contentHash(Map<String, Object> values) {
    String[] names = values.keySet().toArray(new String[0]);
    Arrays.sort(names);
    MessageDigest digest = SHA_256.get();
    for (String name : names) {
      text(digest, name);
      Object v = values.get(name);
      ByteBuffer value = ByteBuffer.allocate(9);
      if (v instanceof Long l) {
        value.put((byte) 'L').putLong(l);
      } else if (v instanceof Double d) {
        value.put((byte) 'D').putLong(Double.doubleToLongBits(d));
      } else if (v instanceof Boolean b) {
        value.put((byte) 'B').put((byte) (b ? 1 : 0));
      } else {
        value.put((byte) 'S');
      }
      digest.update(value.flip());
      if (v instanceof String text) {
        text(digest, text);
      }
    }
    return HexFormat.of().formatHex(digest.digest(), 0, 8);
  }

  private static void text(MessageDigest digest, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    digest.update(ByteBuffer.allocate(4).putInt(bytes.length).flip());
    digest.update(bytes);
  }

  private Number number(String name) {
    Object v = get(name);
    if (v instanceof Number n) {
      return n;
    }
    throw new IllegalArgumentException("dimension '" + name + "' holds " + v + ", not a number");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Candidate c && values.equals(c.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
