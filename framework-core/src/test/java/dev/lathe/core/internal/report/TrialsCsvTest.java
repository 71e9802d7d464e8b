package dev.lathe.core.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lathe.api.metric.Metrics;
import dev.lathe.api.optimize.Objective;
import dev.lathe.api.space.Candidate;
import dev.lathe.api.store.TrialRecord;
import dev.lathe.api.store.TrialRecord.Status;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialsCsvTest {

  private static final String OOM_FIELD =
      "\"CUDA out of memory, tried to allocate 2 GiB; \"\"batch\"\" too big\nat line ";

  @Test
  void quotesOnlyFieldsThatNeedIt() {
    assertEquals("plain text", TrialsCsv.quote("plain text"));
    assertEquals("", TrialsCsv.quote(""));
    assertEquals("\"a,b\"", TrialsCsv.quote("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", TrialsCsv.quote("say \"hi\""));
    assertEquals("\"two\nlines\"", TrialsCsv.quote("two\nlines"));
    assertEquals("\"cr\rhere\"", TrialsCsv.quote("cr\rhere"));
  }

  @Test
  void oneRowPerTrialInNumberOrderWithTheUnionOfMetrics() throws IOException {
    String csv = write(Trials.singleObjective());
    assertEquals(String.join("\r\n",
        "number,trial_id,status,attempts,x.lr,x.layers,m.loss,m.latency_ms,m.params,"
            + "failure,started,duration_ms,worker",
        "0,t0,COMPLETED,1,0.1,2,0.9,10.0,,,2025-01-02T03:04:05Z,1500,local-0",
        "1,t1,COMPLETED,1,0.2,2,0.5,30.0,,,2025-01-02T03:04:06Z,1501,local-1",
        "2,t2,FAILED,2,0.01,3,,,," + OOM_FIELD + "3\",2025-01-02T03:04:07Z,1502,local-0",
        "3,t3,COMPLETED,1,0.3,4,0.7,20.0,,,2025-01-02T03:04:08Z,1503,local-1",
        "4,t4,COMPLETED,1,0.05,4,0.4,25.0,,,2025-01-02T03:04:09Z,1504,local-0",
        "5,t5,FAILED,2,0.5,1,,,,timeout after 30 s,2025-01-02T03:04:10Z,1505,local-1",
        "6,t6,COMPLETED,1,0.06,5,0.4,5.0,,,2025-01-02T03:04:11Z,1506,local-0",
        "7,t7,COMPLETED,1,0.07,5,NaN,5.0,,,2025-01-02T03:04:12Z,1507,local-1",
        "8,t8,FAILED,2,0.08,3,,,," + OOM_FIELD + "9\",2025-01-02T03:04:13Z,1508,local-0",
        "9,t9,COMPLETED,1,0.09,1,0.6,,3.5,,2025-01-02T03:04:14Z,1509,local-1",
        ""), csv);
  }

  @Test
  void parsesBackToTheSameFields() throws IOException {
    List<List<String>> rows = parse(write(Trials.singleObjective()));
    assertEquals(11, rows.size());
    rows.forEach(row -> assertEquals(13, row.size()));
    assertEquals(Trials.OOM + "\nat line 3", rows.get(3).get(9));
    assertEquals("timeout after 30 s", rows.get(6).get(9));
  }

  @Test
  void missingDimensionsAndOddWorkersStayInTheirColumns() throws IOException {
    ReportInput input = new ReportInput("odd", List.of(Objective.minimize("loss")), List.of(),
        List.of("lr", "depth"), List.of(new TrialRecord("id,1", 0, 1,
            Candidate.of(Map.of("lr", 0.5)), Status.COMPLETED,
            Metrics.empty(), null, Trials.START, Duration.ZERO, "host \"a\", slot 1")));
    assertEquals("number,trial_id,status,attempts,x.lr,x.depth,failure,started,duration_ms,worker"
        + "\r\n0,\"id,1\",COMPLETED,1,0.5,,,2025-01-02T03:04:05Z,0,\"host \"\"a\"\", slot 1\"\r\n",
        write(input));
  }

  private static String write(ReportInput input) throws IOException {
    StringWriter out = new StringWriter();
    TrialsCsv.write(TrialAnalysis.of(input), out);
    return out.toString();
  }

  /** A strict RFC 4180 reader, to check that the file reads back. */
  private static List<List<String>> parse(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && csv.charAt(i + 1) == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    return rows;
  }
}
