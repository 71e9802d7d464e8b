package dev.lathe.plugin.gcnrl.spice;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * One simulation job: a netlist without a {@code .control} block, the control commands that
 * run the analyses and compute scalar results with {@code let} or {@code meas}, and the names of
 * those results. Both simulator modes run exactly these commands and then print each result.
 *
 * @param netlist the circuit lines, title first, ending with {@code .end}
 * @param commands the control commands, e.g. {@code op}, {@code ac dec 20 1 1e10},
 *     {@code let gain = mag(v(out))[0]}
 * @param results the names of the scalar vectors to read back after the commands
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Deck(List<String> netlist, List<String> commands, List<String> results) {

  private static final Pattern RESULT_NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern LET =
      Pattern.compile("\\s*let\\s+([A-Za-z][A-Za-z0-9_]*)\\s*=.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern MEAS = Pattern.compile(
      "\\s*meas(?:ure)?\\s+\\w+\\s+([A-Za-z][A-Za-z0-9_]*)\\s.*", Pattern.CASE_INSENSITIVE);

  /** Checks the parts: a title and an {@code .end}, lower-case result names. */
  public Deck {
    netlist = List.copyOf(netlist);
    commands = List.copyOf(commands);
    results = List.copyOf(results);
    if (netlist.size() < 2 || !netlist.get(netlist.size() - 1).trim().equalsIgnoreCase(".end")) {
      throw new IllegalArgumentException("a deck's netlist needs a title line and ends with .end");
    }
    for (String line : netlist) {
      if (line.trim().toLowerCase(java.util.Locale.ROOT).startsWith(".control")) {
        throw new IllegalArgumentException(
            "a deck's netlist has no .control block; put the commands in Deck.commands: " + line);
      }
    }
    for (String r : results) {
      if (!RESULT_NAME.matcher(Objects.requireNonNull(r, "result")).matches()) {
        throw new IllegalArgumentException("result name '" + r
            + "' is not a lower-case vector name (a letter, then letters, digits or '_')");
      }
    }
    if (results.isEmpty()) {
      throw new IllegalArgumentException("a deck names at least one result");
    }
  }

  /**
   * The commands followed by one {@code print} per result, each right after the command that
   * defines it ({@code let NAME = …} or {@code meas TYPE NAME …}): a vector lives in the plot
   * that was current when it was made, and a later analysis makes another plot current. Results
   * that no command defines are printed at the end, where their absence is reported.
   */
  List<String> script() {
    List<String> script = new java.util.ArrayList<>();
    java.util.Set<String> printed = new java.util.HashSet<>();
    for (String command : commands) {
      script.add(command);
      defines(command).filter(results::contains).filter(printed::add)
          .ifPresent(name -> script.add("print " + name));
    }
    for (String r : results) {
      if (printed.add(r)) {
        script.add("print " + r);
      }
    }
    return script;
  }

  private static java.util.Optional<String> defines(String command) {
    java.util.regex.Matcher let = LET.matcher(command);
    if (let.matches()) {
      return java.util.Optional.of(let.group(1).toLowerCase(java.util.Locale.ROOT));
    }
    java.util.regex.Matcher meas = MEAS.matcher(command);
    return meas.matches()
        ? java.util.Optional.of(meas.group(1).toLowerCase(java.util.Locale.ROOT))
        : java.util.Optional.empty();
  }
}
