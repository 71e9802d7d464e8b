package dev.lathe.plugin.micronet;

import dev.lathe.api.Workload;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.space.Dimension;
import dev.lathe.api.space.IntegerDimension;
import dev.lathe.api.space.SearchSpace;
import dev.lathe.api.spi.ParameterSpec;
import dev.lathe.api.spi.PluginContext;
import dev.lathe.api.spi.PluginInfo;
import dev.lathe.api.spi.SearchSpaceProvider;
import dev.lathe.api.spi.Settings;
import dev.lathe.nd4j.train.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Creates {@code micronet-cnn}: the widths of a small CNN for 14×14 Fashion-MNIST, whose
 * workload for each candidate is that CNN trained from the trial's seed — a model that an
 * experiment's {@code compressors:} chain (distill, prune, quantize) can compress and the
 * {@code micronet-model} evaluator can measure.
 */
public final class CnnModelSpaceProvider implements SearchSpaceProvider {

  static final String ID = "micronet-cnn";

  @Override
  public PluginInfo info() {
    return PluginInfo.of(ID, "0.1.0", "Widths of a small CNN on 14×14 Fashion-MNIST, each"
        + " candidate trained into a model for compressor chains (MicroNet, arXiv:2005.07877)",
        "[0.1,1.0)").withPaper(MicronetLmProvider.PAPER, MicronetLmProvider.PAPER_TITLE);
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        ParameterSpec.integer("steps", 200, "Adam updates that train each candidate")
            .range(0, 10_000_000),
        ParameterSpec.real("rate", 2e-3, "Adam's learning rate").range(1e-7, 1),
        ParameterSpec.integer("batch", 32, "images per update").range(1, 65_536),
        ParameterSpec.integer("train-images", 2000, "training images (the first of the"
            + " training split)").range(1, 60_000),
        ParameterSpec.integer("validation-images", 500, "validation images (the next ones),"
            + " which compressors fine-tune against").range(1, 60_000),
        ParameterSpec.integer("teacher-steps", 0, "updates of a 32-64-128 teacher trained once,"
            + " whose soft labels the distill compressor learns from; 0: no teacher")
            .range(0, 10_000_000));
  }

  @Override
  public SearchSpace create(PluginContext context) {
    Settings s = context.settings();
    return new CnnModelSpace(s.getInt("steps"), s.getDouble("rate"), s.getInt("batch"),
        s.getInt("train-images"), s.getInt("validation-images"), s.getInt("teacher-steps"),
        context.seed());
  }

  /** The space; the data and the teacher are read and trained once, on first use. */
  static final class CnnModelSpace implements SearchSpace {

    private static final List<Dimension> DIMENSIONS = List.of(
        new IntegerDimension("conv1", 4, 16, 4),
        new IntegerDimension("conv2", 8, 32, 8),
        new IntegerDimension("hidden", 16, 64, 16));

    private final int steps;
    private final double rate;
    private final int batch;
    private final int trainImages;
    private final int validationImages;
    private final int teacherSteps;
    private final long seed;
    private ClassificationTask task;

    CnnModelSpace(int steps, double rate, int batch, int trainImages, int validationImages,
        int teacherSteps, long seed) {
      this.steps = steps;
      this.rate = rate;
      this.batch = batch;
      this.trainImages = trainImages;
      this.validationImages = validationImages;
      this.teacherSteps = teacherSteps;
      this.seed = seed;
    }

    @Override
    public String id() {
      return ID;
    }

    @Override
    public List<Dimension> dimensions() {
      return DIMENSIONS;
    }

    /** The CNN of {@code candidate}, trained on the first training images. */
    @Override
    public Optional<Workload> workload(Candidate candidate) {
      String name = "cnn-" + candidate.getInt("conv1") + "-" + candidate.getInt("conv2") + "-"
          + candidate.getInt("hidden");
      return Optional.of(NetworkModel.train(MicronetReproduction.cnn(name,
          candidate.getInt("conv1"), candidate.getInt("conv2"), candidate.getInt("hidden")),
          task(), seed, steps, rate));
    }

    private synchronized ClassificationTask task() {
      if (task == null) {
        try {
          Dataset train = SmallFashionMnist.read("train", 0, trainImages);
          Dataset validation = SmallFashionMnist.read("train", trainImages,
              trainImages + validationImages);
          if (validation.size() == 0) {
            throw new IllegalArgumentException("space '" + ID + "': no validation images left"
                + " after " + train.size() + " training images; lower 'train-images'");
          }
          task = ClassificationTask.of(train, validation, "fc2", batch);
          if (teacherSteps > 0) {
            task = task.withTeacher(NetworkModel.train(MicronetReproduction.cnn("teacher-cnn",
                32, 64, 128), task, seed, teacherSteps, rate));
          }
        } catch (IOException e) {
          throw new UncheckedIOException("space '" + ID + "': " + e.getMessage(), e);
        }
      }
      return task;
    }
  }
}
