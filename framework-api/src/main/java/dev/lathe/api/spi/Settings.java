package dev.lathe.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A plugin's own settings: a read-only, typed view of its section of the experiment file,
 * already validated against its declared {@link ParameterSpec}s, with defaults filled in.
 * Asking for a key that the plugin did not declare, or with the wrong type, throws
 * {@link IllegalArgumentException} naming the plugin and the key.
 */
@API(status = STABLE, since = "0.1")
public interface Settings {

  /** The key of the plugin's section in the experiment file, e.g. {@code optimizer}. */
  String prefix();

  /** Every declared setting's effective value as text, defaults included; unset optional ones absent. */
  Map<String, String> asMap();

  /** Whether {@code key} has a value (set or defaulted). */
  boolean has(String key);

  /** A {@code BOOLEAN} setting. */
  boolean getBoolean(String key);

  /** An {@code INTEGER} setting. */
  long getLong(String key);

  /** An {@code INTEGER} setting that fits an int. */
  int getInt(String key);

  /** A {@code REAL} or {@code INTEGER} setting. */
  double getDouble(String key);

  /** Any setting as text. */
  String getString(String key);

  /** A {@code DURATION} setting, written like {@code 30s}, {@code 5m}, {@code 2h} or {@code PT1M}. */
  Duration getDuration(String key);

  /** A {@code PATH} setting, resolved against the experiment file's folder. */
  Path getPath(String key);

  /** An {@code INTEGER_LIST} setting. */
  List<Long> getLongList(String key);

  /** A {@code REAL_LIST} or {@code INTEGER_LIST} setting. */
  List<Double> getDoubleList(String key);

  /** A {@code STRING_LIST} setting, or any list as text. */
  List<String> getStringList(String key);
}
