package dev.lathe.testkit.discovery;

import dev.lathe.api.spi.EvaluatorProvider;
import dev.lathe.testkit.jar.PluginJar;

/**
 * A third-party evaluator provider {@code squares}, shipped as source: it sums the squares of a
 * candidate's numbers, times the setting {@code scale}.
 */
final class ThirdParty {

  /** The provider's class name. */
  static final String CLASS = "com.example.third.Third";

  /** The source of {@link #CLASS}. */
  static final String SOURCE = """
      package com.example.third;

      import dev.lathe.api.metric.*;
      import dev.lathe.api.space.Candidate;
      import dev.lathe.api.spi.*;
      import java.util.List;
      import java.util.Set;

      /** Sums the squares of a candidate's numbers, times a scale. */
      public final class Third implements EvaluatorProvider {
        @Override public PluginInfo info() {
          return PluginInfo.of("squares", "2.1.0", "Sum of squares", "[0.1,1.0)");
        }
        @Override public List<ParameterSpec> parameters() {
          return List.of(ParameterSpec.real("scale", 1.0, "factor applied to the sum"));
        }
        @Override public Evaluator create(PluginContext context) {
          double scale = context.settings().getDouble("scale");
          return new Evaluator() {
            @Override public String id() { return "squares"; }
            @Override public Set<String> produces() { return Set.of("squares"); }
            @Override public Metrics evaluate(Candidate candidate, EvaluationContext trial) {
              double sum = 0;
              for (Object value : candidate.values().values()) {
                if (value instanceof Number n) sum += n.doubleValue() * n.doubleValue();
              }
              return Metrics.builder().add("squares", scale * sum, "", Origin.ANALYTIC).build();
            }
          };
        }
      }
      """;

  private ThirdParty() {}

  /**
   * A builder of a modular jar: module {@code moduleName} that {@code provides} the provider,
   * compiled from source into the package {@code moduleName}, and lists it as a service too.
   */
  static PluginJar modularJar(String pluginId, String moduleName) {
    String className = moduleName + ".Third";
    return PluginJar.withId(pluginId)
        .source(PluginJar.MODULE_INFO, "module " + moduleName + " {\n"
            + "  requires dev.lathe.api;\n"
            + "  provides dev.lathe.api.spi.EvaluatorProvider with " + className + ";\n"
            + "}\n")
        .source(className, SOURCE.replace("package com.example.third;",
            "package " + moduleName + ";"))
        .service(EvaluatorProvider.class, className);
  }

  /** A plugin jar builder with the provider compiled from source and listed as a service. */
  static PluginJar jar(String pluginId) {
    return PluginJar.withId(pluginId).source(CLASS, SOURCE)
        .service(EvaluatorProvider.class, CLASS);
  }
}
