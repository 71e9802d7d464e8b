package dev.lathe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionRangeTest {

  private static boolean in(String range, String version) {
    return VersionRange.parse(range).contains(Version.parse(version));
  }

  @Test
  void halfOpenIntervalIncludesItsLowerBoundOnly() {
    VersionRange r = VersionRange.parse("[0.1,1.0)");
    assertEquals(new VersionRange(Version.parse("0.1"), true, Version.parse("1.0"), false), r);
    assertFalse(r.contains(Version.parse("0.0.9")));
    assertTrue(r.contains(Version.parse("0.1.0")));
    assertTrue(r.contains(Version.parse("0.99.99")));
    assertFalse(r.contains(Version.parse("1.0.0")));
  }

  @Test
  void boundsCanBeExclusiveOrInclusiveOnEitherSide() {
    assertFalse(in("(0.1,1.0]", "0.1.0"));
    assertTrue(in("(0.1,1.0]", "0.1.1"));
    assertTrue(in("(0.1,1.0]", "1.0.0"));
    assertFalse(in("(0.1,1.0]", "1.0.1"));
    assertTrue(in("(,2.0)", "0.0.1"));
    assertFalse(in("(,2.0)", "2.0.0"));
    assertTrue(in("[1.5,)", "99.0.0"));
  }

  @Test
  void aBareVersionMeansThatVersionOrNewer() {
    VersionRange r = VersionRange.parse("0.2");
    assertEquals(VersionRange.parse("[0.2,)"), r);
    assertFalse(r.contains(Version.parse("0.1.9")));
    assertTrue(r.contains(Version.parse("0.2.0")));
    assertTrue(r.contains(Version.parse("7.0.0")));
  }

  @Test
  void bracketsAroundOneVersionMeanExactlyThatVersion() {
    VersionRange r = VersionRange.parse("[1.2]");
    assertEquals(new VersionRange(Version.parse("1.2"), true, Version.parse("1.2"), true), r);
    assertTrue(r.contains(Version.parse("1.2.0")));
    assertFalse(r.contains(Version.parse("1.2.1")));
    assertFalse(r.contains(Version.parse("1.1.9")));
  }

  @Test
  void emptyTextAndStarMeanAnyVersion() {
    assertSame(VersionRange.ANY, VersionRange.parse(""));
    assertSame(VersionRange.ANY, VersionRange.parse(" * "));
    assertTrue(VersionRange.ANY.contains(Version.parse("0.0.0-SNAPSHOT")));
    assertTrue(VersionRange.ANY.contains(new Version(Integer.MAX_VALUE, 0, 0, "")));
  }

  @ParameterizedTest
  @CsvSource({
      "0.1.0-SNAPSHOT, '[0.1,)', true",
      "0.2.0-SNAPSHOT, '[0.2,)', true",
      "0.2.0-SNAPSHOT, '[0.2.0]', true",
      "0.1.0-SNAPSHOT, '(0.1,)', false",
      "1.0.0-SNAPSHOT, '[0.1,1.0)', false",
      "1.0.0-rc.1, '[0.1,1.0]', true",
      "0.1.0-SNAPSHOT, '[0.1.0-SNAPSHOT,0.2)', true",
      "0.1.0, '[0.1.0-rc.1]', true"})
  void preReleaseLabelsAreIgnoredWhenMatching(String kernel, String range, boolean expected) {
    assertEquals(expected, in(range, kernel), kernel + " in " + range);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[0.1,1.0)", "(0.1,1.0]", "[0.1,)", "(0.1,)", "(,2.0)", "[,2.0]",
      "[1.2]", "0.3", "(,)", "[1.0,1.0)", "(1.0,1.0]", "[0.1.0-SNAPSHOT,1.0.0-rc.2)"})
  void toStringParsesBackToTheSameRange(String text) {
    VersionRange r = VersionRange.parse(text);
    assertEquals(r, VersionRange.parse(r.toString()), text + " -> " + r);
  }

  @Test
  void toStringUsesMavenNotationWithFullVersions() {
    assertEquals("[0.1.0,1.0.0)", VersionRange.parse("[0.1,1.0)").toString());
    assertEquals("[0.3.0,)", VersionRange.parse("0.3").toString());
    assertEquals("[1.2.0]", VersionRange.parse("[1.2]").toString());
    assertEquals("(,2.0.0]", VersionRange.parse("(,2]").toString());
    assertEquals("(,)", VersionRange.ANY.toString());
    assertEquals("[1.0.0,1.0.0)", VersionRange.parse("[1.0,1.0)").toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[0.1,1.0 | missing closing bracket",
      "[ | missing closing bracket",
      "[2.0,1.0) | range lower bound 2.0.0 exceeds upper 1.0.0",
      "[abc] | not a version: 'abc' (expected e.g. 1.2.3)",
      "[] | not a version: '' (expected e.g. 1.2.3)",
      "[1,2,3] | not a version: '2,3' (expected e.g. 1.2.3)",
      "latest | not a version: 'latest' (expected e.g. 1.2.3)"})
  void malformedRangesAreRefusedNamingTheTextAndTheReason(String text, String reason) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> VersionRange.parse(text));
    assertEquals("not a version range: '" + text + "' (expected e.g. [0.1,1.0) or 0.1): " + reason,
        e.getMessage());
  }

  @Test
  void boundsOutOfOrderAreRefusedByTheConstructor() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new VersionRange(Version.parse("2"), true, Version.parse("1"), true));
    assertEquals("range lower bound 2.0.0 exceeds upper 1.0.0", e.getMessage());
  }
}
