package dev.lathe.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The registries a user has configured, in the JSON file {@code ~/.lathe/registries.json}:
 * {@code {"registries": [{"name": "team", "location": "https://…/", "unsigned": false}]}}.
 * The first one is the default.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Registries {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;
  private final List<RegistryLocation> configured;

  private Registries(Path file, List<RegistryLocation> configured) {
    this.file = file;
    this.configured = configured;
  }

  /**
   * The registries configured in {@code file}; a missing file configures none.
   *
   * @throws RegistryException of kind {@code USAGE} naming the file if it is malformed
   */
  public static Registries in(Path file) {
    List<RegistryLocation> configured = new ArrayList<>();
    if (Files.exists(file)) {
      try {
        JsonNode doc = JSON.readTree(file.toFile());
        for (JsonNode r : doc.path("registries")) {
          if (!r.path("name").isTextual() || !r.path("location").isTextual()) {
            throw new RegistryException(RegistryException.Kind.USAGE,
                file + ": every registry needs a string 'name' and 'location'");
          }
          configured.add(new RegistryLocation(r.path("name").asText(),
              r.path("location").asText(), r.path("unsigned").asBoolean(false)));
        }
      } catch (IOException e) {
        throw new RegistryException(RegistryException.Kind.USAGE,
            file + ": not a registries file: " + e.getMessage(), e);
      }
    }
    return new Registries(file, configured);
  }

  /** The configured registries, the default first. */
  public List<RegistryLocation> all() {
    return List.copyOf(configured);
  }

  /**
   * The registry that {@code --registry} names: a configured name, else a folder or URL given
   * directly (trusted only if signed); the first configured one when {@code nameOrLocation} is
   * {@code null}.
   *
   * @throws RegistryException of kind {@code USAGE} if none is given and none is configured
   */
  public RegistryLocation pick(String nameOrLocation) {
    if (nameOrLocation == null || nameOrLocation.isBlank()) {
      if (configured.isEmpty()) {
        throw new RegistryException(RegistryException.Kind.USAGE, "no registry is configured in "
            + file + "; give --registry DIR|URL or add one with "
            + "'lathe registry add NAME DIR|URL'");
      }
      return configured.get(0);
    }
    return find(nameOrLocation)
        .orElseGet(() -> new RegistryLocation(nameOrLocation, nameOrLocation, false));
  }

  /** The configured registry named {@code name}. */
  public Optional<RegistryLocation> find(String name) {
    return configured.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** Adds or replaces the registry named {@code location.name()} and writes the file. */
  public void add(RegistryLocation location) throws IOException {
    configured.removeIf(r -> r.name().equals(location.name()));
    configured.add(location);
    write();
  }

  /**
   * Removes the registry named {@code name} and writes the file.
   *
   * @return whether it was configured
   */
  public boolean remove(String name) throws IOException {
    boolean removed = configured.removeIf(r -> r.name().equals(name));
    if (removed) {
      write();
    }
    return removed;
  }

  private void write() throws IOException {
    ObjectNode doc = JSON.createObjectNode();
    ArrayNode list = doc.putArray("registries");
    for (RegistryLocation r : configured) {
      list.addObject().put("name", r.name()).put("location", r.location())
          .put("unsigned", r.unsigned());
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".registries",
        ".tmp");
    Files.write(temporary, JSON.writeValueAsBytes(doc));
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
