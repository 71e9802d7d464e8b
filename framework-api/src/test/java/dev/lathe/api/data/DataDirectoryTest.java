package dev.lathe.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

  @TempDir
  Path dir;

  @Test
  void theOptionWinsOverTheEnvironmentWhichWinsOverTheHomeDefault() {
    Path home = Path.of("/home/u");
    assertEquals(Path.of("/opt/d"), DataDirectory.resolve("/opt/d", "/env/d", home));
    assertEquals(Path.of("/env/d"), DataDirectory.resolve(" ", "/env/d", home));
    assertEquals(Path.of("/home/u/data"), DataDirectory.resolve(null, "~/data", home));
    assertEquals(Path.of("/home/u/.lathe/data"), DataDirectory.resolve(null, "", home));
  }

  @Test
  void aDataSetIsPresentOnlyWithItsManifest() throws Exception {
    Files.createDirectories(dir.resolve("sotu"));
    NoSuchFileException e = assertThrows(NoSuchFileException.class,
        () -> DataDirectory.dataSet(dir, "sotu"));
    assertEquals(dir.resolve("sotu") + ": data set 'sotu' is not present; run 'lathe data fetch "
        + "sotu'", e.getMessage());
    Files.writeString(dir.resolve("sotu").resolve(DataDirectory.MANIFEST), "{}");
    assertEquals(dir.resolve("sotu"), DataDirectory.dataSet(dir, "sotu"));
  }
}
