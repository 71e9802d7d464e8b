package dev.lathe.plugin.micronet;

import static dev.lathe.plugin.micronet.Compressors.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lathe.api.compress.Compression;
import dev.lathe.api.compress.Compressor;
import dev.lathe.api.spi.CompressorProvider;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What {@code distill} computes on the language model: the NLL alone at {@code r = 1}, the
 * soft term as the teacher's entropy plus the KL divergence, a better teacher's help, and the
 * chain distill → prune → quantize.
 */
class LmDistillationTest {

  private static final FineTuning.Hook NOTHING = new FineTuning.Hook() { };

  @TempDir Path folder;

  private Compressor distill(Map<String, String> settings) {
    return compressor(new DistillProvider(), settings);
  }

  private Compressor compressor(CompressorProvider provider, Map<String, String> settings) {
    return Compressors.create(provider, folder, settings);
  }

  private static Map<String, INDArray> values(LmModel model) {
    Map<String, INDArray> values = new LinkedHashMap<>();
    model.parameterNames().forEach(name -> values.put(name, model.parameter(name)));
    return values;
  }

  @Test
  void withTheNllAloneDistillationIsPlainFineTuning() throws Exception {
    LmModel student = TinyLmFixture.model();
    Compression distilled = distill(Map.of("mix_start", "1", "mix_end", "1", "steps", "6",
        "rate", "3e-3", "top_k", "5")).compress(student.withTeacher(TinyLmFixture.teacher()));
    LmModel.LiveModel plain = student.open(32);
    plain.fineTune(6, 3e-3, 0, NOTHING);
    double perplexity = plain.validate().get("perplexity");
    assertEquals(perplexity, value(distilled.report(), "perplexity"), 1e-9 * perplexity);
    assertTrue(perplexity < value(distilled.report(), "perplexity_before"));
    LmModel d = (LmModel) distilled.model();
    for (String name : d.parameterNames()) {
      double difference = d.parameter(name).sub(plain.parameter(name)).amaxNumber().doubleValue();
      assertEquals(0, difference, 1e-6, name);
    }
  }

  @Test
  void theSoftTermIsTheTeachersEntropyPlusTheKlDivergenceAtTheFirstUpdate() {
    LmModel student = TinyLmFixture.model();
    int vocabulary = student.shape().vocabulary();
    LanguageModel.SoftTargets own = student.withTeacher(student).teacherTargets(vocabulary, 1)
        .get(0);
    LanguageModel.SoftTargets teacher = student.withTeacher(TinyLmFixture.teacher())
        .teacherTargets(vocabulary, 1).get(0);
    int positions = own.words().length / vocabulary;
    assertEquals(4 * student.shape().nSeq(), positions);

    double ownEntropy = 0;
    double teacherEntropy = 0;
    double divergence = 0;
    for (int p = 0; p < positions; p++) {
      double[] q = new double[vocabulary];
      for (int i = 0; i < vocabulary; i++) {
        int at = p * vocabulary + i;
        q[own.words()[at]] = own.weights()[at];
        ownEntropy -= own.weights()[at] * Math.log(own.weights()[at]);
      }
      for (int i = 0; i < vocabulary; i++) {
        double w = teacher.weights()[p * vocabulary + i];
        teacherEntropy -= w * Math.log(w);
        divergence += w * Math.log(w / q[teacher.words()[p * vocabulary + i]]);
      }
    }
    ownEntropy /= positions;
    teacherEntropy /= positions;
    divergence /= positions;

    double self = student.openDistilling(32).distil(List.of(own), 1, 1e-3, s -> 0.5, NOTHING)
        .get(0).soft();
    assertEquals(ownEntropy, self, 1e-4);
    LanguageModel.DistillStep first = student.openDistilling(32).distil(List.of(teacher), 1,
        1e-3, s -> 0.25, NOTHING).get(0);
    assertEquals(teacherEntropy + divergence, first.soft(), 1e-4);
    assertTrue(divergence > 0.1, "KL " + divergence);
    assertEquals(0.25 * first.nll() + 0.75 * first.soft(), first.loss(), 1e-5);
  }

  @Test
  void aBetterTeacherLowersValidationPerplexityMoreThanPlainFineTuning() throws Exception {
    LmModel student = TinyLmFixture.model();
    Compression distilled = distill(Map.of("steps", "10", "rate", "3e-3", "top_k", "30"))
        .compress(student.withTeacher(TinyLmFixture.teacher()));
    LmModel.LiveModel plain = student.open(32);
    plain.fineTune(10, 3e-3, 0, NOTHING);
    double alone = plain.validate().get("perplexity");
    double taught = value(distilled.report(), "perplexity");
    double before = value(distilled.report(), "perplexity_before");
    // measured: 50.46 before; plain fine-tuning 42.51, distilled from the teacher (26.92) 40.56
    assertTrue(value(distilled.report(), "teacher_perplexity") < 0.6 * before);
    assertTrue(alone < before, alone + " vs " + before);
    assertTrue(taught < 0.98 * alone, "distilled " + taught + ", fine-tuned alone " + alone);
  }

  @Test
  void aChainDistilsPrunesAndQuantisesTheLanguageModel() throws Exception {
    LmModel student = TinyLmFixture.model().withTeacher(TinyLmFixture.teacher());
    Compressor prune = compressor(new PruneProvider(), Map.of("sparsity", "0.5", "steps", "4"));
    Compressor quantize = compressor(new QuantizeProvider(), Map.of("bits", "8", "steps", "3"));
    Compression c = Compressor.chain(List.of(distill(Map.of("steps", "4", "top_k", "10")),
        prune, quantize), student);
    LmModel result = (LmModel) c.model();
    assertEquals(8, result.activationBits());
    assertTrue(result.teacher().isPresent());
    long weights = 0;
    long zeros = 0;
    for (String name : result.parameterNames()) {
      if (result.isWeight(name)) {
        weights += result.parameter(name).length();
        zeros += result.parameter(name).length() - result.nonzero(name);
        assertTrue(Tensors.distinctValuesPerChannel(result.parameter(name)) <= 255, name);
      }
    }
    assertTrue(zeros >= weights / 2, zeros + " of " + weights);
    for (String name : List.of("distill_perplexity", "distill_teacher_perplexity",
        "prune_sparsity", "quantize_activation_bits", "quantize_perplexity")) {
      assertTrue(c.report().has(name), name + " not in " + c.report().names());
    }
    assertEquals(value(c.report(), "distill_perplexity"),
        value(c.report(), "prune_perplexity_before"), 1e-9);
    assertEquals(value(c.report(), "prune_perplexity"),
        value(c.report(), "quantize_perplexity_before"), 1e-9);
  }

  @Test
  void zerosStayZeroAndTheTeacherMustFitTheStudent() throws Exception {
    LmModel student = TinyLmFixture.model();
    Map<String, INDArray> values = values(student);
    String matrix = "layers.0.fc.0/weight";
    values.get(matrix).get(NDArrayIndex.point(0), NDArrayIndex.all()).assign(0);
    LmModel sparse = student.with(values, Map.of(), 32).withTeacher(TinyLmFixture.teacher());
    LmModel distilled = (LmModel) distill(Map.of("steps", "3", "top_k", "5")).compress(sparse)
        .model();
    INDArray after = distilled.parameter(matrix);
    assertEquals(0, after.get(NDArrayIndex.point(0), NDArrayIndex.all()).amaxNumber()
        .doubleValue());
    assertTrue(after.sub(student.parameter(matrix)).amaxNumber().doubleValue() > 0);
    assertTrue(distilled.teacher().isPresent());

    LmModel longer = TinyLmFixture.train(new LmClaims.Budget(300, 1, 16, 2, 8, 32, 16, 4, 0, 0,
        0, 80, 5e-3, 6, 4));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> student.withTeacher(longer));
    assertTrue(e.getMessage().contains("segments of 16") && e.getMessage().contains("teacher"),
        e.getMessage());
  }
}
