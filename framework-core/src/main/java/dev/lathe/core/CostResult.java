package dev.lathe.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lathe.api.model.Network;
import dev.lathe.api.model.cost.CostConvention;
import dev.lathe.api.model.cost.CostReport;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What {@code lathe cost} reports: a network built by a plugin from its settings, and what it
 * costs under one convention.
 *
 * @param id the network plugin's id, e.g. {@code mobilenetv3-large}
 * @param settings every setting of the plugin, defaults included, as text
 * @param network the network the plugin built
 * @param convention the rules it was counted by
 * @param report the counts, in total and node by node
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CostResult(String id, Map<String, String> settings, Network network,
    CostConvention convention, CostReport report) {

  /** Checks and copies the parts. */
  public CostResult {
    Objects.requireNonNull(id, "id");
    settings = Map.copyOf(settings);
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(convention, "convention");
    Objects.requireNonNull(report, "report");
  }

  /**
   * The totals on one line, e.g. {@code 216.59M MACs, 5.482M params, 9.19 MiB peak
   * activations}: operations with two decimals and parameters with three, in units of 10³, 10⁶
   * or 10⁹; bytes in binary units.
   */
  public String summary() {
    return decimal(report.macs(), 2) + " " + convention.operationsUnit() + ", "
        + decimal(report.params(), 3) + " params, " + bytes(report.activationBytes())
        + " peak activations";
  }

  /** {@code value} with {@code digits} decimals in the largest of K, M, G, T it reaches. */
  public static String decimal(double value, int digits) {
    String[] units = {"", "K", "M", "G", "T"};
    int unit = 0;
    double scaled = value;
    while (unit < units.length - 1 && Math.abs(scaled) >= 1000) {
      scaled /= 1000;
      unit++;
    }
    if (unit == 0 && scaled == Math.rint(scaled)) {
      return String.format(Locale.ROOT, "%d", (long) scaled);
    }
    return String.format(Locale.ROOT, "%." + digits + "f%s", scaled, units[unit]);
  }

  /** {@code bytes} in B, KiB, MiB or GiB, two decimals above a KiB. */
  public static String bytes(long bytes) {
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    if (bytes < 1024) {
      return bytes + " B";
    }
    double scaled = bytes / 1024.0;
    int unit = 0;
    while (unit < units.length - 1 && scaled >= 1024) {
      scaled /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.2f %s", scaled, units[unit]);
  }
}
