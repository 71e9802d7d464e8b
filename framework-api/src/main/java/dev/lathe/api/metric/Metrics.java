package dev.lathe.api.metric;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apiguardian.api.API;

/** An immutable set of metrics, by name, in the order they were added. */
@API(status = STABLE, since = "0.1")
public final class Metrics {

  private static final Metrics EMPTY = new Metrics(Map.of());

  private final Map<String, Metric> byName;

  private Metrics(Map<String, Metric> byName) {
    this.byName = byName;
  }

  /** No metrics. */
  public static Metrics empty() {
    return EMPTY;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The metric named {@code name}, if present. */
  public Optional<Metric> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The value of metric {@code name}. */
  public double value(String name) {
    Metric m = byName.get(name);
    if (m == null) {
      throw new NoSuchElementException("no metric '" + name + "'; present: " + byName.keySet());
    }
    return m.value();
  }

  /** Whether a metric of that name is present. */
  public boolean has(String name) {
    return byName.containsKey(name);
  }

  /** All metrics, in order. */
  public Collection<Metric> all() {
    return byName.values();
  }

  /** The metric names, in order. */
  public java.util.Set<String> names() {
    return byName.keySet();
  }

  /** These metrics followed by {@code other}'s; a name in both takes {@code other}'s metric. */
  public Metrics plus(Metrics other) {
    if (other.byName.isEmpty()) return this;
    Map<String, Metric> merged = new LinkedHashMap<>(byName);
    merged.putAll(other.byName);
    return new Metrics(Collections.unmodifiableMap(merged));
  }

  /** The number of metrics. */
  public int size() {
    return byName.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Metrics m && byName.equals(m.byName);
  }

  @Override
  public int hashCode() {
    return byName.hashCode();
  }

  @Override
  public String toString() {
    return byName.values().toString();
  }

  /** Collects metrics; a later metric with the same name replaces the earlier one. */
  public static final class Builder {
    private final Map<String, Metric> byName = new LinkedHashMap<>();

    private Builder() {}

    /** Adds a metric. */
    public Builder add(Metric metric) {
      byName.put(metric.name(), metric);
      return this;
    }

    /** Adds a metric from its parts. */
    public Builder add(String name, double value, String unit, Origin origin) {
      return add(new Metric(name, value, unit, origin));
    }

    /** The metrics collected so far. */
    public Metrics build() {
      return byName.isEmpty() ? EMPTY
          : new Metrics(Collections.unmodifiableMap(new LinkedHashMap<>(byName)));
    }
  }
}
