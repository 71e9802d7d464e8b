package dev.lathe.core.internal.report;

import dev.lathe.core.LatheException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the report of an experiment into its result folder: {@code trials.csv},
 * {@code summary.json}, {@code summary.md}, and the plots {@code history.png} (one objective)
 * or {@code history-<metric>.png} per objective, plus {@code pareto.png} for exactly two
 * objectives.
 *
 * <p>Writing is idempotent: every file is written to a temporary file and moved over the old
 * one, and plots of an earlier report that this one does not draw are deleted. The CSV is
 * streamed through a buffer; plots of more than {@link Charts#MAX_POINTS} trials are subsampled.
 */
public final class ReportWriter {

  /** The name of the trial table. */
  public static final String TRIALS_CSV = "trials.csv";
  /** The name of the machine-readable summary. */
  public static final String SUMMARY_JSON = "summary.json";
  /** The name of the human-readable summary. */
  public static final String SUMMARY_MD = "summary.md";
  /** The name of the history plot of a single-objective experiment. */
  public static final String HISTORY_PNG = "history.png";
  /** The name of the Pareto plot of a two-objective experiment. */
  public static final String PARETO_PNG = "pareto.png";

  private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);
  private static final String PLOT_GLOB = "{history.png,history-*.png,pareto.png}";

  private ReportWriter() {}

  /**
   * Writes the report of {@code input} into {@code folder}, creating the folder if needed.
   *
   * @param folder the experiment's result folder, not null
   * @param input the experiment's objectives, constraints, dimensions and trial records
   * @return the files written, in the order written
   * @throws LatheException of kind {@code IO} naming the file that could not be written
   */
  public static List<Path> write(Path folder, ReportInput input) {
    long start = System.nanoTime();
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw failure(folder, e);
    }
    TrialAnalysis analysis = TrialAnalysis.of(input);
    Summary summary = Summary.of(analysis);
    List<Path> written = new ArrayList<>();
    written.add(writeAtomically(folder.resolve(TRIALS_CSV), out -> {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      TrialsCsv.write(analysis, writer);
      writer.flush();
    }));
    written.add(writeAtomically(folder.resolve(SUMMARY_JSON),
        out -> SummaryJson.write(summary, out)));
    written.add(writeAtomically(folder.resolve(SUMMARY_MD),
        out -> out.write(SummaryMarkdown.render(summary).getBytes(StandardCharsets.UTF_8))));
    if (input.multiObjective()) {
      for (int k = 0; k < input.objectives().size(); k++) {
        String name = "history-" + input.objectives().get(k).metric() + ".png";
        written.add(writePng(folder.resolve(name), HistoryChart.of(analysis, k)));
      }
    } else {
      written.add(writePng(folder.resolve(HISTORY_PNG), HistoryChart.of(analysis, 0)));
    }
    if (input.objectives().size() == 2) {
      written.add(writePng(folder.resolve(PARETO_PNG),
          ParetoChart.of(analysis, summary.front().orElseThrow())));
    }
    deleteStalePlots(folder, written);
    LOG.info("Wrote the report of '{}' ({} trials) to {} in {} ms", input.experiment(),
        input.records().size(), folder, (System.nanoTime() - start) / 1_000_000);
    return List.copyOf(written);
  }

  private interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private static Path writePng(Path file, JFreeChart chart) {
    return writeAtomically(file, out -> Charts.writePng(chart, out));
  }

  private static Path writeAtomically(Path file, Content content) {
    Path temporary = temporaryFor(file);
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
        content.writeTo(out);
      }
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw failure(file, e);
    }
  }

  private static Path temporaryFor(Path file) {
    return file.resolveSibling("." + file.getFileName() + ".tmp");
  }

  private static void deleteStalePlots(Path folder, List<Path> written) {
    try (DirectoryStream<Path> plots = Files.newDirectoryStream(folder, PLOT_GLOB)) {
      for (Path plot : plots) {
        if (!written.contains(plot)) {
          Files.delete(plot);
          LOG.debug("Deleted {}, a plot of an earlier report", plot);
        }
      }
    } catch (IOException e) {
      throw failure(folder, e);
    }
  }

  private static LatheException failure(Path where, IOException e) {
    return new LatheException(LatheException.Kind.IO,
        "cannot write the report at " + where + ": " + e, e);
  }
}
