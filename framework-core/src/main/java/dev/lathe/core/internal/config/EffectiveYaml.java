package dev.lathe.core.internal.config;

import dev.lathe.api.optimize.Constraint;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.spi.ParameterSpec;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes an {@link ExperimentConfig} as the YAML experiment file that reads back to the same
 * configuration: every section and every plugin setting, defaults included, with typed values
 * (numbers, booleans, sequences) where the parameter's type says so.
 */
final class EffectiveYaml {

  private EffectiveYaml() {}

  /** The effective configuration of {@code config} as YAML text. */
  static String write(ExperimentConfig config) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("experiment", map("name", config.name(), "seed", config.seed()));
    document.put("space", component(config.space()));
    document.put("compressors",
        config.compressors().stream().map(EffectiveYaml::component).toList());
    document.put("evaluators",
        config.evaluators().stream().map(EffectiveYaml::component).toList());
    document.put("accelerators",
        config.accelerators().stream().map(EffectiveYaml::component).toList());
    document.put("optimizer", component(config.optimizer()));
    document.put("objectives",
        config.objectives().stream().map(EffectiveYaml::objective).toList());
    document.put("constraints", config.constraints().stream().map(Constraint::toString).toList());
    Map<String, Object> budget = map("trials", config.budget().trials(),
        "time", Durations.format(config.budget().time()));
    config.budget().target().ifPresent(t -> budget.put("target", t));
    document.put("budget", budget);
    document.put("execution", map("batch", config.execution().batch(),
        "timeout", Durations.format(config.execution().timeout()),
        "retries", config.execution().retries()));
    document.put("executor", component(config.executor()));
    document.put("store", component(config.store()));

    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setDereferenceAliases(true);
    options.setSplitLines(false);
    return "# Effective configuration of experiment '" + config.name() + "', written by Lathe\n"
        + new Yaml(options).dump(document);
  }

  private static Map<String, Object> component(Component component) {
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("plugin", component.plugin());
    Map<String, ParameterSpec> specs = component.settings().specs();
    component.settings().asMap()
        .forEach((key, text) -> section.put(key, typed(specs.get(key), text)));
    return section;
  }

  private static Map<String, Object> objective(Objective objective) {
    return map(objective.direction().name().toLowerCase(Locale.ROOT), objective.metric());
  }

  /**
   * A canonical setting as the YAML value that reads back to it; an empty list is written as
   * the empty string, because an empty YAML sequence reads as "not set".
   */
  private static Object typed(ParameterSpec spec, String text) {
    if (spec == null) {
      return text;
    }
    return switch (spec.type()) {
      case BOOLEAN -> Boolean.valueOf(text);
      case INTEGER -> Long.valueOf(text);
      case REAL -> Double.valueOf(text);
      case INTEGER_LIST -> text.isEmpty() ? "" : SettingsView.split(text).stream()
          .map(Long::valueOf).toList();
      case REAL_LIST -> text.isEmpty() ? "" : SettingsView.split(text).stream()
          .map(Double::valueOf).toList();
      case STRING_LIST -> text.isEmpty() ? "" : SettingsView.split(text);
      default -> text;
    };
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
