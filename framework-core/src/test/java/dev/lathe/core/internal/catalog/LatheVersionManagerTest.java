package dev.lathe.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatheVersionManagerTest {

  private final LatheVersionManager versions = new LatheVersionManager();

  @Test
  void checksLatheRanges() {
    assertTrue(versions.checkVersionConstraint("0.1.0", "[0.1,1.0)"));
    assertFalse(versions.checkVersionConstraint("1.0.0", "[0.1,1.0)"));
    assertTrue(versions.checkVersionConstraint("0.2.0-SNAPSHOT", "[0.2,)"));
    assertFalse(versions.checkVersionConstraint("0.1.0", "[9.0,)"));
    assertTrue(versions.checkVersionConstraint("0.1.0", "0.1.0"));
    assertTrue(versions.checkVersionConstraint("0.1.0", "*"));
  }

  @Test
  void refusesPf4jExpressions() {
    assertThrows(IllegalArgumentException.class,
        () -> versions.checkVersionConstraint("0.1.0", ">=0.1.0 & <1.0.0"));
  }

  @Test
  void comparesVersions() {
    assertTrue(versions.compareVersions("0.10.0", "0.9.0") > 0);
    assertTrue(versions.compareVersions("1.0.0-rc.1", "1.0.0") < 0);
    assertTrue(versions.compareVersions("1.0", "1.0.0") == 0);
  }
}
