package dev.lathe.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data-set facade of {@link Lathe} that embedders call. */
class LatheDataSetsTest {

  @TempDir
  Path dir;

  @Test
  void listsTheBuiltInDataSetsAndFetchesOneOfTheUsersOwn() throws Exception {
    Path data = dir.resolve("data");
    List<DataSetDescription> builtIn = Lathe.dataSets(data);
    assertEquals(List.of("fashion-mnist", "sotu", "brown", "moby-dick", "cgal-meshes"),
        builtIn.stream().map(DataSetDescription::name).toList());
    DataSetDescription fashion = builtIn.get(0);
    assertEquals(new DataSetDescription("fashion-mnist", fashion.description(), "MIT (Zalando "
        + "Research)", "debian:dataset-fashion-mnist", 4, 30_878_551, false,
        data.resolve("fashion-mnist")), fashion);

    byte[] content = "x y z\n".getBytes();
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    Files.createDirectories(data);
    Files.writeString(data.resolve("datasets.json"), "{\"format\":1,\"data_sets\":[{\"name\":"
        + "\"mine\",\"description\":\"one file\",\"licence\":\"CC0-1.0\",\"source\":{\"npm\":"
        + "\"mine@1.0.0\",\"path\":[\"package\"]},\"files\":[{\"name\":\"xyz.txt\",\"bytes\":6,"
        + "\"sha256\":\"" + sha + "\"}]}]}");
    Path source = Files.createDirectories(dir.resolve("src/package"));
    Files.write(source.resolve("xyz.txt"), content);
    DataSetDescription mine = Lathe.fetchDataSet("mine", data, dir.resolve("src").toString(),
        false);
    assertTrue(mine.present());
    assertEquals(data.resolve("mine"), mine.folder());
    assertEquals("x y z\n", Files.readString(mine.folder().resolve("xyz.txt")));
    assertFalse(Lathe.dataSets(data).get(0).present());
    assertEquals(LatheException.Kind.CONFIGURATION, assertThrows(LatheException.class,
        () -> Lathe.fetchDataSet("yours", data, null, false)).kind());
  }
}
