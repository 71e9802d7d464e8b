package dev.lathe.plugin.gcnrl.circuit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A technology: the model cards of its n- and p-channel MOSFETs, its supply voltage, and the
 * features that describe it to a learning agent (threshold voltages, mobilities, oxide
 * thickness, supply), read from the cards themselves.
 *
 * @param id the node's id, e.g. {@code berkeley-a}
 * @param description one line: where the cards come from
 * @param vdd the supply voltage in volts
 * @param nmosModel the model name of the n-channel card
 * @param pmosModel the model name of the p-channel card
 * @param cards the card lines, ready to go into a netlist
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TechnologyNode(String id, String description, double vdd, String nmosModel,
    String pmosModel, List<String> cards) {

  /** The built-in nodes' ids. */
  public static final List<String> BUILT_IN = List.of("berkeley-a", "berkeley-b");

  private static final Pattern MODEL =
      Pattern.compile("^\\.model\\s+(\\S+)\\s+([np])mos\\b.*", Pattern.CASE_INSENSITIVE);

  /** Copies the cards. */
  public TechnologyNode {
    cards = List.copyOf(cards);
  }

  /**
   * A built-in node: {@code berkeley-a} (the BSIM4.6.1 benchmark cards of ngspice's XSPICE
   * examples, 1.0 V) or {@code berkeley-b} (the BSIM4.5 QA-suite cards of ngspice's tests,
   * 1.2 V). Both are Berkeley benchmark parameter sets, not real processes.
   *
   * @throws IllegalArgumentException naming the id if there is no such node
   */
  public static TechnologyNode builtIn(String id) {
    return switch (id) {
      case "berkeley-a" -> fromResources(id, "Berkeley BSIM4.6.1 benchmark cards (ngspice 39.3"
          + " source, examples/xspice/table/modelcards), not a real process", 1.0);
      case "berkeley-b" -> fromResources(id, "Berkeley BSIM4.5 QA-suite cards (ngspice 39.3"
          + " source, tests/bsim4/*/parameters), not a real process", 1.2);
      default -> throw new IllegalArgumentException("no technology node '" + id + "'; built in: "
          + BUILT_IN);
    };
  }

  private static TechnologyNode fromResources(String id, String description, double vdd) {
    List<String> lines = new ArrayList<>();
    lines.addAll(resource(id + ".nmos"));
    lines.addAll(resource(id + ".pmos"));
    return of(id, description, vdd, lines);
  }

  /**
   * A node from card lines, which must define exactly one n- and one p-channel model.
   *
   * @throws IllegalArgumentException naming the node if a card is missing
   */
  public static TechnologyNode of(String id, String description, double vdd, List<String> cards) {
    String n = null;
    String p = null;
    List<String> clean = new ArrayList<>();
    for (String raw : cards) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      Matcher m = MODEL.matcher(line);
      if (m.matches()) {
        if (m.group(2).equalsIgnoreCase("n")) {
          n = m.group(1);
        } else {
          p = m.group(1);
        }
      }
      clean.add(line);
    }
    if (n == null || p == null) {
      throw new IllegalArgumentException("technology node '" + id
          + "' needs one nmos and one pmos .model card; found nmos=" + n + ", pmos=" + p);
    }
    return new TechnologyNode(id, description, vdd, n, p, clean);
  }

  /**
   * What describes this node to an agent: supply, n and p threshold voltages, n and p
   * mobilities (cm²/Vs / 1000) and oxide thickness (nm), as read from the cards.
   */
  public double[] features() {
    return new double[] {vdd, parameter(nmosModel, "vth0"), Math.abs(parameter(pmosModel, "vth0")),
        parameter(nmosModel, "u0") * 10, parameter(pmosModel, "u0") * 10,
        parameter(nmosModel, "toxe") * 1e9};
  }

  /** The number of {@link #features()}. */
  public static int featureCount() {
    return 6;
  }

  /**
   * The value of {@code name} in the card of {@code model}.
   *
   * @throws IllegalArgumentException naming node, model and parameter if the card lacks it
   */
  public double parameter(String model, String name) {
    Pattern p = Pattern.compile("(?:^|[\\s+])" + Pattern.quote(name)
        + "\\s*=\\s*([-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?)", Pattern.CASE_INSENSITIVE);
    boolean inModel = false;
    for (String line : cards) {
      Matcher card = MODEL.matcher(line);
      if (card.matches()) {
        inModel = card.group(1).equals(model);
      } else if (!line.startsWith("+") && !line.startsWith("*")) {
        inModel = false;
      }
      if (inModel && !line.startsWith("*")) {
        Matcher m = p.matcher(line);
        if (m.find()) {
          return Double.parseDouble(m.group(1));
        }
      }
    }
    throw new IllegalArgumentException("technology node '" + id + "': model " + model
        + " has no parameter " + name.toUpperCase(Locale.ROOT));
  }

  private static List<String> resource(String name) {
    try (InputStream in = TechnologyNode.class.getResourceAsStream("/dev/lathe/plugin/gcnrl/models/"
        + name)) {
      if (in == null) {
        throw new IllegalStateException("model card resource '" + name + "' is missing from the"
            + " gcnrl plugin jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model card resource '" + name + "'", e);
    }
  }
}
