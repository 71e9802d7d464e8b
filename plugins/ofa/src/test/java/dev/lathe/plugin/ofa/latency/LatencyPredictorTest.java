package dev.lathe.plugin.ofa.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.model.Network;
import dev.lathe.plugin.ofa.OfaMobileNetV3;
import dev.lathe.plugin.ofa.Subnet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Latency predicted from a table measured here, against the network measured end to end. */
class LatencyPredictorTest {

  /** One measurer for the class, so that it warms up once. */
  private static final LatencyMeasurer MEASURER = new LatencyMeasurer(2, 5);

  @Test
  void predictsTheSmallestSubnetFromItsMeasuredGroupsAndMeasuresEachSignatureOnce() {
    LatencyTable table = MEASURER.newTable();
    assertTrue(table.callOverheadMillis() > 0 && table.callOverheadMillis() < 50,
        "call overhead " + table.callOverheadMillis());
    assertEquals("1", table.provenance().get("batch"));
    assertEquals("5", table.provenance().get("repeats"));
    assertTrue(table.provenance().get("tensor_backend").startsWith("nd4j"), table.provenance()
        .toString());
    LatencyPredictor predictor = new LatencyPredictor(table, Optional.of(MEASURER));
    Network small = OfaMobileNetV3.network(Subnet.smallest(1.0), 10);
    double predicted = predictor.predictMillis(small);
    int entries = table.size();
    assertEquals(17, entries, "stem, 11 blocks, 5 head groups: all distinct");
    assertEquals(predicted, predictor.predictMillis(small), 1e-12, "nothing measured again");
    assertEquals(entries, table.size());
    double overhead = table.callOverheadMillis();
    double sum = overhead;
    for (LayerGroups.Group g : LayerGroups.of(small)) {
      sum += Math.max(0, table.get(g.signature()).orElseThrow().minMillis() - overhead);
    }
    assertEquals(sum, predicted, 1e-9,
        "one call overhead plus each group's fastest run beyond it (uncalibrated: factor 1)");
  }

  @Test
  void calibratesTheContextFactorOnMeasuredNetworksAndScalesTheGroupsByIt() {
    LatencyPredictor predictor = new LatencyPredictor(MEASURER.newTable(),
        Optional.of(MEASURER));
    Network small = OfaMobileNetV3.network(Subnet.smallest(1.0), 10);
    double uncalibrated = predictor.predictMillis(small);
    double overhead = predictor.table().callOverheadMillis();
    double factor = predictor.calibrate(java.util.List.of(small));
    assertTrue(factor > 0.5 && factor < 3, "context factor " + factor);
    assertEquals(1, predictor.table().contextNetworks());
    assertEquals(overhead + factor * (uncalibrated - overhead), predictor.predictMillis(small),
        1e-9);
    IllegalStateException e = assertThrows(IllegalStateException.class, () ->
        new LatencyPredictor(new LatencyTable(java.util.Map.of(), 0.1), Optional.empty())
            .calibrate(java.util.List.of(small)));
    assertEquals("latency table: calibrating the context factor needs a measurer",
        e.getMessage());
  }

  @Test
  void aMissingGroupIsAnErrorWithoutAMeasurer() {
    LatencyPredictor predictor = new LatencyPredictor(new LatencyTable(java.util.Map.of(), 0.1),
        Optional.empty());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> predictor.predictMillis(OfaMobileNetV3.network(Subnet.smallest(1.0), 10)));
    assertTrue(e.getMessage().startsWith("latency table has no entry for group 'first_conv' of"
        + " network 'ofa-mbv3': input0[3, 128, 128]; conv("), e.getMessage());
  }
}
