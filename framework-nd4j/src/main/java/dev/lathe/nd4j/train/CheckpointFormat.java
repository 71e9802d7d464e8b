package dev.lathe.nd4j.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lathe.nd4j.internal.Nd4jAccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The zip layout of {@link Checkpoint}. Version 2 added the model's buffers ({@code buffers} in
 * the index, entries {@code buffers/N.npy}); version 1 files read with none. Field names are written out one by one
 * here (not derived from the records' components) so that renaming Java code never changes the
 * format; a new format version adds a branch to the reader and never drops an old one.
 */
final class CheckpointFormat {

  static {
    Nd4jAccess.open();
  }

  static final String FORMAT_NAME = "lathe-training-checkpoint";
  static final String INDEX = "checkpoint.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CheckpointFormat() {}

  static void write(Checkpoint checkpoint, Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT_NAME);
    root.put("version", Checkpoint.FORMAT_VERSION);
    root.set("config", config(checkpoint.config()));
    root.set("position", position(checkpoint.position()));
    Map<String, INDArray> entries = new LinkedHashMap<>();
    ArrayNode parameters = root.putArray("parameters");
    checkpoint.parameters().forEach((name, values) -> {
      String entry = "parameters/" + entries.size() + ".npy";
      entries.put(entry, values);
      parameters.addObject().put("name", name).put("entry", entry);
    });
    ArrayNode state = root.putArray("optimizer_state");
    checkpoint.optimizerState().forEach((name, slots) -> slots.forEach((slot, values) -> {
      String entry = "optimizer/" + entries.size() + ".npy";
      entries.put(entry, values);
      state.addObject().put("name", name).put("slot", slot).put("entry", entry);
    }));
    ArrayNode buffers = root.putArray("buffers");
    checkpoint.buffers().forEach((name, values) -> {
      String entry = "buffers/" + entries.size() + ".npy";
      entries.put(entry, values);
      buffers.addObject().put("name", name).put("entry", entry);
    });
    Path absolute = file.toAbsolutePath();
    Path folder = absolute.getParent();
    Files.createDirectories(folder);
    Path tmp = Files.createTempFile(folder, absolute.getFileName() + ".", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp);
          ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.putNextEntry(new ZipEntry(INDEX));
        zip.write(JSON.writeValueAsBytes(root));
        zip.closeEntry();
        for (Map.Entry<String, INDArray> e : entries.entrySet()) {
          zip.putNextEntry(new ZipEntry(e.getKey()));
          zip.write(Npy.write(e.getValue()));
          zip.closeEntry();
        }
      }
      Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static Checkpoint read(Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      JsonNode root = JSON.readTree(entry(zip, INDEX, file));
      if (!FORMAT_NAME.equals(root.path("format").asText())) {
        throw new IOException(file + ": not a Lathe training checkpoint (" + INDEX
            + " has format '" + root.path("format").asText() + "', not '" + FORMAT_NAME + "')");
      }
      int version = root.path("version").asInt(-1);
      if (version < 1 || version > Checkpoint.FORMAT_VERSION) {
        throw new IOException(file + ": checkpoint format version " + root.path("version")
            + " is not readable by this Lathe, which reads versions 1 to "
            + Checkpoint.FORMAT_VERSION);
      }
      Fields fields = new Fields(file);
      TrainingConfig config = config(fields.object(root, "config"), fields);
      TrainingPosition position = position(fields.object(root, "position"), fields);
      Map<String, INDArray> parameters = new LinkedHashMap<>();
      for (JsonNode p : fields.array(root, "parameters")) {
        parameters.put(fields.text(p, "name"), array(zip, fields.text(p, "entry"), file));
      }
      Map<String, Map<String, INDArray>> state = new LinkedHashMap<>();
      for (JsonNode s : fields.array(root, "optimizer_state")) {
        state.computeIfAbsent(fields.text(s, "name"), k -> new LinkedHashMap<>())
            .put(fields.text(s, "slot"), array(zip, fields.text(s, "entry"), file));
      }
      Map<String, INDArray> buffers = new LinkedHashMap<>();
      if (version >= 2) {
        for (JsonNode b : fields.array(root, "buffers")) {
          buffers.put(fields.text(b, "name"), array(zip, fields.text(b, "entry"), file));
        }
      }
      try {
        return new Checkpoint(config, position, parameters, state, buffers);
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": " + e.getMessage(), e);
      }
    } catch (java.util.zip.ZipException e) {
      throw new IOException(file + ": not a readable zip file: " + e.getMessage(), e);
    }
  }

  private static ObjectNode config(TrainingConfig config) {
    ObjectNode node = JSON.createObjectNode();
    ObjectNode updater = node.putObject("updater");
    if (config.updater() instanceof Updater.Sgd sgd) {
      updater.put("type", "sgd").put("momentum", sgd.momentum()).put("nesterov", sgd.nesterov())
          .put("weight_decay", sgd.weightDecay());
    } else if (config.updater() instanceof Updater.Adam adam) {
      updater.put("type", "adam").put("beta1", adam.beta1()).put("beta2", adam.beta2())
          .put("epsilon", adam.epsilon()).put("weight_decay", adam.weightDecay())
          .put("decoupled_weight_decay", adam.decoupledWeightDecay());
    }
    ObjectNode schedule = node.putObject("schedule");
    LearningRateSchedule rates = config.schedule();
    if (rates instanceof LearningRateSchedule.Constant c) {
      schedule.put("type", "constant").put("rate", c.rate());
    } else if (rates instanceof LearningRateSchedule.StepDecay d) {
      schedule.put("type", "step").put("rate", d.rate()).put("every", d.every())
          .put("factor", d.factor());
    } else if (rates instanceof LearningRateSchedule.Cosine c) {
      schedule.put("type", "cosine").put("rate", c.rate()).put("steps", c.steps())
          .put("min_rate", c.minRate());
    } else if (rates instanceof LearningRateSchedule.WarmupCosine w) {
      schedule.put("type", "warmup-cosine").put("rate", w.rate())
          .put("warmup_steps", w.warmupSteps()).put("steps", w.steps())
          .put("min_rate", w.minRate());
    }
    node.put("batch_size", config.batchSize());
    node.put("seed", config.seed());
    if (config.clips()) {
      node.put("clip_global_norm", config.clipGlobalNorm());
    } else {
      node.putNull("clip_global_norm");
    }
    return node;
  }

  private static ObjectNode position(TrainingPosition p) {
    return JSON.createObjectNode().put("step", p.step()).put("epoch", p.epoch())
        .put("batch", p.batch()).put("examples", p.examples())
        .put("epoch_loss_sum", p.epochLossSum()).put("epoch_steps", p.epochSteps());
  }

  private static TrainingConfig config(JsonNode node, Fields f) throws IOException {
    JsonNode u = f.object(node, "updater");
    Updater updater;
    String updaterType = f.text(u, "type");
    try {
      updater = switch (updaterType) {
        case "sgd" -> new Updater.Sgd(f.number(u, "momentum"), f.bool(u, "nesterov"),
            f.number(u, "weight_decay"));
        case "adam" -> new Updater.Adam(f.number(u, "beta1"), f.number(u, "beta2"),
            f.number(u, "epsilon"), f.number(u, "weight_decay"),
            f.bool(u, "decoupled_weight_decay"));
        default -> throw new IOException(f.file + ": unknown updater type '" + updaterType
            + "' (sgd, adam)");
      };
      JsonNode s = f.object(node, "schedule");
      String scheduleType = f.text(s, "type");
      LearningRateSchedule schedule = switch (scheduleType) {
        case "constant" -> new LearningRateSchedule.Constant(f.number(s, "rate"));
        case "step" -> new LearningRateSchedule.StepDecay(f.number(s, "rate"),
            f.integer(s, "every"), f.number(s, "factor"));
        case "cosine" -> new LearningRateSchedule.Cosine(f.number(s, "rate"),
            f.integer(s, "steps"), f.number(s, "min_rate"));
        case "warmup-cosine" -> new LearningRateSchedule.WarmupCosine(f.number(s, "rate"),
            f.integer(s, "warmup_steps"), f.integer(s, "steps"), f.number(s, "min_rate"));
        default -> throw new IOException(f.file + ": unknown schedule type '" + scheduleType
            + "' (constant, step, cosine, warmup-cosine)");
      };
      JsonNode clip = node.get("clip_global_norm");
      if (clip == null) {
        throw new IOException(f.file + ": " + INDEX + " lacks 'clip_global_norm'");
      }
      return new TrainingConfig(updater, schedule, Math.toIntExact(f.integer(node, "batch_size")),
          f.integer(node, "seed"), clip.isNull() ? Double.POSITIVE_INFINITY : clip.asDouble());
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new IOException(f.file + ": invalid configuration: " + e.getMessage(), e);
    }
  }

  private static TrainingPosition position(JsonNode node, Fields f) throws IOException {
    try {
      return new TrainingPosition(f.integer(node, "step"),
          Math.toIntExact(f.integer(node, "epoch")), Math.toIntExact(f.integer(node, "batch")),
          Math.toIntExact(f.integer(node, "examples")), f.number(node, "epoch_loss_sum"),
          Math.toIntExact(f.integer(node, "epoch_steps")));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new IOException(f.file + ": invalid position: " + e.getMessage(), e);
    }
  }

  private static byte[] entry(ZipFile zip, String name, Path file) throws IOException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) {
      throw new IOException(file + ": the checkpoint has no entry '" + name + "'");
    }
    try (InputStream in = zip.getInputStream(entry)) {
      return in.readAllBytes();
    }
  }

  private static INDArray array(ZipFile zip, String name, Path file) throws IOException {
    return Npy.read(entry(zip, name, file), file + "!" + name);
  }

  /** Typed reads of required JSON fields, failing with the file and the field's name. */
  private record Fields(Path file) {

    JsonNode field(JsonNode node, String name) throws IOException {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        throw new IOException(file + ": " + INDEX + " lacks '" + name + "'");
      }
      return value;
    }

    JsonNode object(JsonNode node, String name) throws IOException {
      JsonNode value = field(node, name);
      if (!value.isObject()) {
        throw new IOException(file + ": '" + name + "' in " + INDEX + " is not an object");
      }
      return value;
    }

    JsonNode array(JsonNode node, String name) throws IOException {
      JsonNode value = field(node, name);
      if (!value.isArray()) {
        throw new IOException(file + ": '" + name + "' in " + INDEX + " is not an array");
      }
      return value;
    }

    String text(JsonNode node, String name) throws IOException {
      JsonNode value = field(node, name);
      if (!value.isTextual()) {
        throw new IOException(file + ": '" + name + "' in " + INDEX + " is not a string");
      }
      return value.asText();
    }

    double number(JsonNode node, String name) throws IOException {
      JsonNode value = field(node, name);
      if (!value.isNumber()) {
        throw new IOException(file + ": '" + name + "' in " + INDEX + " is not a number");
      }
      return value.asDouble();
    }

    long integer(JsonNode node, String name) throws IOException {
      JsonNode value = field(node, name);
      if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
        throw new IOException(file + ": '" + name + "' in " + INDEX + " is not an integer");
      }
      return value.asLong();
    }

    boolean bool(JsonNode node, String name) throws IOException {
      JsonNode value = field(node, name);
      if (!value.isBoolean()) {
        throw new IOException(file + ": '" + name + "' in " + INDEX + " is not true or false");
      }
      return value.asBoolean();
    }
  }
}
