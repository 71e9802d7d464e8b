package dev.lathe.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docs/plugins.md} is exactly what {@code lathe plugin catalog} prints from the code. */
class PluginCatalogIT {

  @TempDir
  Path dir;

  @Test
  void theCommittedCatalogIsCurrent() throws Exception {
    Cli.Result catalog = Cli.run(dir, "plugin", "catalog");
    assertEquals(0, catalog.exit(), catalog.toString());
    assertEquals(catalog.out(), Files.readString(Cli.ROOT.resolve("docs/plugins.md")),
        "docs/plugins.md is stale: regenerate it with './lathe plugin catalog > docs/plugins.md'");
  }
}
