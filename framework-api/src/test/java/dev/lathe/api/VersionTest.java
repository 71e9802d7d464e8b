package dev.lathe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

  @Test
  void missingPartsReadAsZero() {
    assertEquals(new Version(1, 0, 0, ""), Version.parse("1"));
    assertEquals(new Version(0, 3, 0, ""), Version.parse("0.3"));
    assertEquals(new Version(1, 2, 3, ""), Version.parse("1.2.3"));
    assertEquals(new Version(1, 2, 3, ""), Version.parse("  1.2.3 "));
  }

  @Test
  void preReleaseLabelsAreKept() {
    assertEquals(new Version(0, 1, 0, "SNAPSHOT"), Version.parse("0.1.0-SNAPSHOT"));
    assertEquals(new Version(2, 0, 0, "rc.1"), Version.parse("2-rc.1"));
    assertEquals(new Version(1, 4, 0, "beta-2"), Version.parse("1.4-beta-2"));
  }

  @Test
  void toStringWritesAllThreePartsAndTheLabel() {
    assertEquals("1.0.0", Version.parse("1").toString());
    assertEquals("0.1.0-SNAPSHOT", Version.parse("0.1-SNAPSHOT").toString());
    assertEquals(Version.parse("3.14.15-rc.9"), Version.parse(Version.parse("3.14.15-rc.9").toString()));
  }

  @Test
  void releaseDropsTheLabel() {
    assertEquals(Version.parse("0.2.0"), Version.parse("0.2.0-SNAPSHOT").release());
    Version release = Version.parse("0.2.0");
    assertTrue(release == release.release(), "a release is its own release");
  }

  @Test
  void partsCompareAsNumbersNotText() {
    assertTrue(Version.parse("0.10.0").compareTo(Version.parse("0.9.0")) > 0);
    assertTrue(Version.parse("2.0.0").compareTo(Version.parse("10.0.0")) < 0);
    assertTrue(Version.parse("1.0.10").compareTo(Version.parse("1.0.9")) > 0);
    assertEquals(0, Version.parse("1").compareTo(Version.parse("1.0.0")));
  }

  @Test
  void preReleasesOrderBeforeTheirReleaseAsInSemver() {
    List<String> ordered = List.of("0.9.9", "1.0.0-2", "1.0.0-10", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
        "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0-rc.10",
        "1.0.0", "1.0.1-SNAPSHOT", "1.0.1");
    List<Version> shuffled = new ArrayList<>(ordered.stream().map(Version::parse).toList());
    Collections.reverse(shuffled);
    Collections.sort(shuffled);
    assertEquals(ordered, shuffled.stream().map(Version::toString).toList());
  }

  @Test
  void equalVersionsCompareAsZero() {
    assertEquals(0, Version.parse("1.0.0-rc.1").compareTo(Version.parse("1.0-rc.1")));
    assertEquals(Version.parse("1.0.0-rc.1"), Version.parse("1.0-rc.1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a.b", "1.2.3.4", "-1", "1.2-", "1..2", "v1.0", "1.0 beta"})
  void malformedTextIsRefusedNamingIt(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Version.parse(text));
    assertEquals("not a version: '" + text + "' (expected e.g. 1.2.3)", e.getMessage());
  }

  @Test
  void aPartTooLargeForAnIntIsRefusedNamingTheText() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Version.parse("1.99999999999"));
    assertEquals("not a version: '1.99999999999' (expected e.g. 1.2.3)", e.getMessage());
  }

  @Test
  void negativePartsAndMissingLabelAreRefused() {
    assertEquals("version parts must not be negative",
        assertThrows(IllegalArgumentException.class, () -> new Version(1, -1, 0, "")).getMessage());
    assertThrows(NullPointerException.class, () -> new Version(1, 0, 0, null));
    assertThrows(NullPointerException.class, () -> Version.parse(null));
  }
}
