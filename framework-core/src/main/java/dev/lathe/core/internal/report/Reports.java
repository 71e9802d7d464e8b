package dev.lathe.core.internal.report;

import dev.lathe.api.spi.ResultStoreProvider;
import dev.lathe.api.store.ResultStore;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.core.ExperimentResult;
import dev.lathe.core.LatheException;
import dev.lathe.core.internal.config.Component;
import dev.lathe.core.internal.config.ExperimentConfig;
import dev.lathe.core.internal.engine.DefaultPluginContext;
import dev.lathe.core.internal.store.JsonRecordCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes the report of a results folder, from a finished run or from the folder's store. */
public final class Reports {

  private Reports() {}

  /** The report of a run that just finished; returns the files written. */
  public static List<Path> write(ExperimentConfig config, ExperimentResult result, Path folder) {
    return ReportWriter.write(folder, input(config, result.trials()));
  }

  /** The report of the experiment in {@code folder}, read back from its configured store. */
  public static List<Path> rewrite(ExperimentConfig config, Path folder) {
    Component s = config.store();
    try (ResultStore store = ((ResultStoreProvider) s.entry().provider()).open(
        new DefaultPluginContext(s.plugin(), s.settings(), 0, folder,
            DefaultPluginContext.defaultCacheDirectory()), new JsonRecordCodec())) {
      return ReportWriter.write(folder, input(config, store.readAll()));
    } catch (IOException e) {
      throw new LatheException(LatheException.Kind.IO,
          folder + ": cannot read the trial records: " + e.getMessage(), e);
    }
  }

  private static ReportInput input(ExperimentConfig config, List<TrialRecord> records) {
    List<String> dimensions = records.isEmpty() ? List.of()
        : List.copyOf(records.get(0).candidate().values().keySet());
    return new ReportInput(config.name(), config.objectives(), config.constraints(), dimensions,
        records);
  }
}
