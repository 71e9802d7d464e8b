package dev.lathe.core.internal.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.api.ExtensionPoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a worker needs to evaluate an experiment's trials, as plain data: the experiment's name
 * and seed (from which each plugin's seed is split, as on the driver), the folder that relative
 * paths in settings are resolved against, and the space, evaluators and accelerators with their
 * ids, versions and settings. Workers rebuild the evaluator chain from it with their own plugins;
 * no Java object of the driver travels.
 *
 * @param experiment the experiment's name
 * @param seed the experiment seed
 * @param baseDirectory where relative {@code PATH} settings are resolved, as the driver sees it
 * @param components the space first, then evaluators and accelerators in order
 */
public record TrialRecipe(
    String experiment, long seed, String baseDirectory, List<RecipeComponent> components) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Checks and copies the parts. */
  public TrialRecipe {
    Objects.requireNonNull(experiment, "experiment");
    Objects.requireNonNull(baseDirectory, "baseDirectory");
    components = List.copyOf(components);
  }

  /** The recipe as compact JSON. */
  public byte[] toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("experiment", experiment);
    root.put("seed", seed);
    root.put("base", baseDirectory);
    ArrayNode list = root.putArray("components");
    for (RecipeComponent c : components) {
      ObjectNode node = list.addObject();
      node.put("role", c.role());
      node.put("point", c.point().name());
      node.put("plugin", c.plugin());
      node.put("version", c.version());
      ObjectNode settings = node.putObject("settings");
      c.settings().forEach(settings::put);
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the recipe of '" + experiment + "'", e);
    }
  }

  /**
   * The recipe written by {@link #toJson()}.
   *
   * @throws IllegalArgumentException naming what is malformed
   */
  public static TrialRecipe fromJson(byte[] json) {
    try {
      JsonNode root = JSON.readTree(json);
      List<RecipeComponent> components = new ArrayList<>();
      for (JsonNode node : root.required("components")) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.required("settings").fields();
            it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          settings.put(e.getKey(), e.getValue().asText());
        }
        components.add(new RecipeComponent(node.required("role").asText(),
            ExtensionPoint.valueOf(node.required("point").asText()),
            node.required("plugin").asText(), node.required("version").asText(), settings));
      }
      return new TrialRecipe(root.required("experiment").asText(),
          root.required("seed").asLong(), root.required("base").asText(), components);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a trial recipe: " + e.getMessage(), e);
    }
  }

  /**
   * Why a worker that advertises {@code capabilities} (each {@code point/id@version}) cannot
   * run this recipe's trials, or empty if it can: the first plugin it lacks, or has in another
   * version.
   */
  public Optional<String> missingFrom(Collection<String> capabilities) {
    for (RecipeComponent c : components) {
      if (capabilities.contains(c.capability())) {
        continue;
      }
      String prefix = c.point().label() + "/" + c.plugin() + "@";
      Optional<String> other = capabilities.stream().filter(k -> k.startsWith(prefix))
          .map(k -> k.substring(prefix.length())).findFirst();
      return Optional.of(other.isPresent()
          ? "has " + c.point().label() + " '" + c.plugin() + "' " + other.get()
              + " where the experiment uses " + c.version() + " (" + c.role() + ")"
          : "lacks " + c.point().label() + " '" + c.plugin() + "' " + c.version()
              + " (" + c.role() + ")");
    }
    return Optional.empty();
  }
}
