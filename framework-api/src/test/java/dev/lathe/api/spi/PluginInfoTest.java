package dev.lathe.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.Version;
import dev.lathe.api.VersionRange;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PluginInfoTest {

  @ParameterizedTest
  @ValueSource(strings = {"ofa", "gcn-rl", "once-for-all", "x2", "a-1-b", "int8"})
  void idsAreLowerCaseWordsJoinedByDashes(String id) {
    assertEquals(id, PluginInfo.of(id, "0.1.0", "t", "[0.1,)").id());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "OFA", "gcn_rl", "-ofa", "ofa-", "gcn--rl", "1ofa", "ofa.x",
      "ofa rl"})
  void otherIdsAreRefusedWithTheRule(String id) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PluginInfo.of(id, "0.1.0", "t", "[0.1,)"));
    assertEquals("plugin id '" + id
        + "' is blank or malformed (lower-case letters and digits, words joined by '-')",
        e.getMessage());
  }

  @Test
  void ofParsesVersionAndRangeAndWithPaperAddsThePaper() {
    PluginInfo info = PluginInfo.of("ofa", "0.2.1-SNAPSHOT", "Once-for-All", "[0.1,1.0)");
    assertEquals(new Version(0, 2, 1, "SNAPSHOT"), info.version());
    assertEquals(VersionRange.parse("[0.1,1.0)"), info.requires());
    assertEquals(Optional.empty(), info.paper());
    PluginInfo withPaper = info.withPaper("1908.09791");
    assertEquals(Optional.of("1908.09791"), withPaper.paper());
    assertEquals(info.id(), withPaper.id());
    assertEquals(info.requires(), withPaper.requires());
    assertEquals(Optional.empty(), withPaper.paperTitle());
    PluginInfo titled = info.withPaper("1908.09791", "Once-for-All: Train One Network and"
        + " Specialize it for Efficient Deployment");
    assertEquals(Optional.of("1908.09791"), titled.paper());
    assertTrue(titled.paperTitle().orElseThrow().startsWith("Once-for-All: Train"));
  }

  @Test
  void aBadVersionOrRangeIsRefusedNamingIt() {
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> PluginInfo.of("ofa", "one", "t", "[0.1,)")).getMessage().contains("'one'"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> PluginInfo.of("ofa", "0.1", "t", "[0.1")).getMessage().contains("'[0.1'"));
  }
}
