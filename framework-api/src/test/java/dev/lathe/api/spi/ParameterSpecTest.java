package dev.lathe.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.spi.ParameterSpec.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterSpecTest {

  @Test
  void factoriesWriteTheDefaultAsText() {
    assertEquals(new ParameterSpec("n", Type.INTEGER, "64", null, null, List.of(), "d"),
        ParameterSpec.integer("n", 64, "d"));
    assertEquals("0.001", ParameterSpec.real("lr", 1e-3, "d").defaultValue());
    assertEquals(Type.REAL, ParameterSpec.real("lr", 1e-3, "d").type());
    assertEquals("true", ParameterSpec.bool("b", true, "d").defaultValue());
    assertEquals("relu", ParameterSpec.string("act", "relu", "d").defaultValue());
    assertEquals(Type.DURATION, ParameterSpec.of("t", Type.DURATION, "30s", "d").type());
  }

  @Test
  void aParameterWithoutDefaultIsRequired() {
    assertTrue(ParameterSpec.string("path", null, "d").required());
    assertTrue(ParameterSpec.of("xs", Type.REAL_LIST, null, "d").required());
    assertFalse(ParameterSpec.integer("n", 0, "d").required());
  }

  @Test
  void rangeAtLeastAndChoicesReturnLimitedCopies() {
    ParameterSpec base = ParameterSpec.integer("threads", 0, "how many");
    ParameterSpec ranged = base.range(0, 4096);
    assertEquals(0.0, ranged.min());
    assertEquals(4096.0, ranged.max());
    assertNull(base.min(), "the original is unchanged");
    ParameterSpec atLeast = ParameterSpec.real("lr", 0.1, "d").atLeast(1e-9);
    assertEquals(1e-9, atLeast.min());
    assertNull(atLeast.max());
    ParameterSpec chosen = ParameterSpec.string("act", "relu", "d").choices("relu", "gelu");
    assertEquals(List.of("relu", "gelu"), chosen.choices());
    assertEquals(List.of("relu", "gelu"), chosen.range(0, 1).choices(), "range keeps choices");
    assertEquals(1.0, chosen.range(0, 1).max());
    assertEquals(4096.0, ranged.choices("a").max(), "choices keep the range");
  }

  @Test
  void minAboveMaxIsRefusedNamingTheParameter() {
    assertEquals("parameter 'threads': min 8.0 > max 4.0", assertThrows(
        IllegalArgumentException.class, () -> ParameterSpec.integer("threads", 0, "d").range(8, 4))
        .getMessage());
    assertEquals("parameter 'x': min 2.0 > max 1.0", assertThrows(IllegalArgumentException.class,
        () -> ParameterSpec.real("x", 0, "d").range(0, 1).atLeast(2)).getMessage());
    assertEquals(3.0, ParameterSpec.real("x", 3, "d").range(3, 3).max());
  }

  @Test
  void choicesAreCopiedAndNullPartsRefused() {
    List<String> allowed = new ArrayList<>(List.of("a"));
    ParameterSpec p = new ParameterSpec("s", Type.STRING, "a", null, null, allowed, "d");
    allowed.add("b");
    assertEquals(List.of("a"), p.choices());
    assertThrows(NullPointerException.class, () -> ParameterSpec.integer(null, 0, "d"));
    assertThrows(NullPointerException.class, () -> ParameterSpec.integer("n", 0, null));
    assertThrows(NullPointerException.class, () -> ParameterSpec.of("n", null, "1", "d"));
  }
}
