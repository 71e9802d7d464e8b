package dev.lathe.core.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.ParameterSpec.Type;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Canonical text of every parameter type, and the reasons values are refused. */
class ParameterValuesTest {

  @ParameterizedTest(name = "{0} ''{1}'' -> ''{2}''")
  @CsvSource(delimiter = '|', value = {
      "BOOLEAN      | TRUE          | true",
      "BOOLEAN      | ' false '     | false",
      "INTEGER      | +42           | 42",
      "INTEGER      | ' -7 '        | -7",
      "REAL         | 1             | 1.0",
      "REAL         | 2.5e-3        | 0.0025",
      "REAL         | .5            | 0.5",
      "REAL         | -Infinity     | -Infinity",
      "DURATION     | 120s          | 2m",
      "DURATION     | 90s           | 90s",
      "DURATION     | PT1H30M       | 90m",
      "DURATION     | 0             | 0",
      "STRING       | ' spaced '    | ' spaced '",
      "PATH         | data/a.csv    | data/a.csv",
      "INTEGER_LIST | '1, 2 ,3'     | '1,2,3'",
      "REAL_LIST    | 1,2.5         | '1.0,2.5'",
      "STRING_LIST  | 'a, b'        | 'a,b'",
      "STRING_LIST  | ''            | ''"})
  void writesCanonicalText(Type type, String given, String canonical) {
    assertEquals(canonical, ParameterValues.canonical(spec(type), List.of(given)));
  }

  @Test
  void joinsSequenceItemsOfAList() {
    assertEquals("1,2,3,4", ParameterValues.canonical(spec(Type.INTEGER_LIST),
        List.of("1", "2, 3", "4")));
  }

  @ParameterizedTest(name = "{0} ''{1}'': {2}")
  @CsvSource(delimiter = '|', value = {
      "BOOLEAN      | yes                   | 'yes' is not a boolean (true or false)",
      "INTEGER      | 1.5                   | '1.5' is not an integer",
      "INTEGER      | 99999999999999999999  | '99999999999999999999' is too large for a 64-bit"
          + " integer",
      "REAL         | NaN                   | 'NaN' is not a number",
      "REAL         | 1f                    | '1f' is not a number",
      "DURATION     | PT-5S                 | 'PT-5S' is a negative duration",
      "DURATION     | soon                  | 'soon' is not a duration (e.g. 500ms, 30s, 5m, 2h,"
          + " 1d or PT1M)",
      "PATH         | '  '                  | the path is empty",
      "INTEGER_LIST | '1,,2'                | '1,,2' has an empty element",
      "INTEGER_LIST | '1,x'                 | 'x' is not an integer"})
  void refusesWithAReason(Type type, String given, String reason) {
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> ParameterValues.canonical(spec(type), List.of(given)));
    assertEquals(reason, e.getMessage());
  }

  @Test
  void checksRangesWithTheLimitsInTheMessage() {
    ParameterSpec both = ParameterSpec.integer("n", 5, "n").range(1, 10);
    assertEquals("10", ParameterValues.canonical(both, List.of("10")));
    assertEquals("11 is outside the allowed range [1, 10]", reason(both, "11"));
    assertEquals("0.5 is below the minimum 1", reason(
        ParameterSpec.real("x", 2, "x").atLeast(1), "0.5"));
    assertEquals("3 is above the maximum 2.5", reason(
        new ParameterSpec("r", Type.REAL_LIST, "1", null, 2.5, List.of(), "r"), "1, 3"));
  }

  @Test
  void checksChoicesOfStringsAndStringLists() {
    ParameterSpec device = ParameterSpec.string("device", "cpu", "d").choices("cpu", "gpu");
    assertEquals("gpu", ParameterValues.canonical(device, List.of("gpu")));
    assertEquals("'GPU' is not one of cpu, gpu; did you mean 'gpu'?", reason(device, "GPU"));
    assertEquals("'tpu' is not one of cpu, gpu; did you mean 'cpu'?", reason(device, "tpu"));
    assertEquals("'fpga' is not one of cpu, gpu", reason(device, "fpga"));
    ParameterSpec kernels = ParameterSpec.of("k", Type.STRING_LIST, "3", "k").choices("3", "5");
    assertEquals("'4' is not one of 3, 5; did you mean '3'?", reason(kernels, "3,4"));
  }

  @Test
  void refusesSeveralValuesForAScalar() {
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> ParameterValues.canonical(spec(Type.REAL), List.of("1", "2")));
    assertEquals("expected one value, got a list of 2", e.getMessage());
  }

  private static String reason(ParameterSpec spec, String value) {
    return assertThrows(InvalidValueException.class,
        () -> ParameterValues.canonical(spec, List.of(value))).getMessage();
  }

  private static ParameterSpec spec(Type type) {
    return ParameterSpec.of("p", type, null, "p");
  }
}
