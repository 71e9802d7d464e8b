package dev.lathe.api.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CandidateTest {

  private static Candidate ordered(Object... namesAndValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return Candidate.of(values);
  }

  @Test
  void integersBecomeLongsAndFloatsBecomeDoubles() {
    Candidate c = ordered("i", 3, "s", (short) 4, "b", (byte) 5, "f", 0.5f, "l", 6L, "d", 0.25,
        "t", true, "x", "relu");
    assertEquals(List.of(3L, 4L, 5L, 0.5, 6L, 0.25, true, "relu"), List.copyOf(c.values().values()));
    assertEquals(List.of("i", "s", "b", "f", "l", "d", "t", "x"), List.copyOf(c.values().keySet()));
    assertEquals(ordered("i", 3L, "s", 4L, "b", 5L, "f", 0.5, "l", 6L, "d", 0.25, "t", true,
        "x", "relu"), c);
  }

  @Test
  void refusesNullAndUnsupportedValuesNamingTheDimension() {
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("w", null);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Candidate.of(withNull));
    assertTrue(e.getMessage().startsWith("value of 'w': "), e.getMessage());
    IllegalArgumentException list = assertThrows(IllegalArgumentException.class,
        () -> Candidate.of(Map.of("w", List.of(1))));
    assertTrue(list.getMessage().startsWith("value of 'w': choice [1] is a "), list.getMessage());
  }

  @Test
  void gettersConvertOrSayWhyNot() {
    Candidate c = ordered("n", 7, "big", 1L << 40, "r", 1.5, "s", "relu", "flag", true);
    assertEquals(7L, c.get("n"));
    assertEquals(7L, c.getLong("n"));
    assertEquals(7, c.getInt("n"));
    assertEquals(7.0, c.getDouble("n"));
    assertEquals(1.5, c.getDouble("r"));
    assertEquals("relu", c.getString("s"));
    assertEquals("1.5", c.getString("r"));
    assertEquals("true", c.getString("flag"));
    assertEquals("dimension 'r' holds 1.5, not an integer",
        assertThrows(IllegalArgumentException.class, () -> c.getLong("r")).getMessage());
    assertEquals("dimension 's' holds relu, not a number",
        assertThrows(IllegalArgumentException.class, () -> c.getDouble("s")).getMessage());
    assertEquals("dimension 'flag' holds true, not a number",
        assertThrows(IllegalArgumentException.class, () -> c.getDouble("flag")).getMessage());
    assertThrows(ArithmeticException.class, () -> c.getInt("big"));
    assertEquals("candidate has no dimension 'm'; it has [n, big, r, s, flag]",
        assertThrows(NoSuchElementException.class, () -> c.get("m")).getMessage());
  }

  @Test
  void valuesAreACopyAndReadOnly() {
    Map<String, Object> source = new LinkedHashMap<>(Map.of("a", 1L));
    Candidate c = Candidate.of(source);
    source.put("a", 2L);
    assertEquals(1L, c.get("a"));
    assertThrows(UnsupportedOperationException.class, () -> c.values().put("a", 3L));
  }

  @Test
  void withReplacesOrAppendsAndLeavesTheOriginal() {
    Candidate c = ordered("a", 1, "b", "x");
    Candidate replaced = c.with("a", 5);
    assertEquals(ordered("a", 5L, "b", "x"), replaced);
    assertEquals(List.of("a", "b"), List.copyOf(replaced.values().keySet()));
    assertEquals(1L, c.get("a"));
    Candidate appended = c.with("c", 2.5f);
    assertEquals(List.of("a", "b", "c"), List.copyOf(appended.values().keySet()));
    assertEquals(2.5, appended.get("c"));
    assertEquals(c.hash(), c.with("a", 1L).hash());
  }

  @Test
  void equalityAndHashIgnoreOrder() {
    Candidate ab = ordered("a", 1, "b", 0.5, "c", "q");
    Candidate ba = ordered("c", "q", "b", 0.5, "a", 1L);
    assertEquals(ab, ba);
    assertEquals(ab.hashCode(), ba.hashCode());
    assertEquals(ab.hash(), ba.hash());
    assertNotEquals(ab.toString(), ba.toString(), "each keeps its own order");
  }

  @Test
  void oneAsIntegerRealTextAndBooleanAreFourDifferentCandidates() {
    Candidate integer = Candidate.of(Map.of("x", 1L));
    Candidate real = Candidate.of(Map.of("x", 1.0));
    Candidate text = Candidate.of(Map.of("x", "1"));
    Candidate bool = Candidate.of(Map.of("x", true));
    assertEquals(4, Set.of(integer.hash(), real.hash(), text.hash(), bool.hash()).size());
    assertEquals(4, Set.of(integer, real, text, bool).size());
    assertEquals(integer.hash(), Candidate.of(Map.of("x", 1)).hash(), "Integer 1 is Long 1");
    assertEquals(real.hash(), Candidate.of(Map.of("x", 1.0f)).hash(), "Float 1 is Double 1");
  }

  @Test
  void minusZeroAndZeroDiffer() {
    Candidate zero = Candidate.of(Map.of("x", 0.0));
    Candidate minusZero = Candidate.of(Map.of("x", -0.0));
    assertNotEquals(zero, minusZero);
    assertNotEquals(zero.hash(), minusZero.hash());
  }

  /**
   * The hashes of fixed candidates, computed once and pinned: trial ids derive from them, so a
   * change here makes every stored experiment unresumable. They equal the first 8 bytes of
   * SHA-256 over each name in sorted order (as 4-byte length and UTF-8 bytes) followed by a type
   * tag and the value's bytes (strings again with their length); checked against an independent
   * Python implementation of that layout.
   */
  @Test
  void hashesAreGoldenValuesThatNeverChange() {
    assertEquals("b79b0a185b34c91d", Candidate.of(Map.of("x", 1L)).hash());
    assertEquals("60d4cbaf3cd08b93", Candidate.of(Map.of("x", 1.0)).hash());
    assertEquals("85938c4780b9edd0", Candidate.of(Map.of("x", "1")).hash());
    assertEquals("65f0cd2797068850", Candidate.of(Map.of("x", true)).hash());
    assertEquals("e3b0c44298fc1c14", Candidate.of(Map.of()).hash());
    assertEquals("e583e42a923bbce1",
        ordered("width", 64, "lr", 0.001, "act", "relu", "bn", false).hash());
    assertEquals("92aacfc328fe49c7", ordered("name", "größe \"q\"\n", "k", -7, "z", -0.0).hash());
  }

  @Test
  void namesAndStringValuesCannotRunIntoEachOther() {
    assertNotEquals(Candidate.of(Map.of("a", "Sb")).hash(), Candidate.of(Map.of("aS", "b")).hash());
    assertNotEquals(Candidate.of(Map.of("a", "x\0b", "c", "d")).hash(),
        Candidate.of(Map.of("a", "x", "b", "c\0d")).hash());
  }

  @Test
  void hashIsSixteenHexDigitsAndStableAcrossInstances() {
    Candidate c = ordered("width", 64, "lr", 0.001);
    assertTrue(c.hash().matches("[0-9a-f]{16}"), c.hash());
    assertEquals(c.hash(), ordered("lr", 0.001, "width", 64L).hash());
    assertNotEquals(c.hash(), ordered("width", 65, "lr", 0.001).hash());
    assertNotEquals(c.hash(), ordered("width", 64, "lr", 0.0010000000000000002).hash());
  }
}
