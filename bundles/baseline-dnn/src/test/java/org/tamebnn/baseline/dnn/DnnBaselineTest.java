package org.tamebnn.baseline.dnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tamebnn.data.BuiltinDatasets;
import org.tamebnn.data.DataPipeline;
import org.tamebnn.data.Dataset;
import org.tamebnn.data.MissingValuePolicy;
import org.tamebnn.data.PreparedData;
import org.tamebnn.data.SplitSpec;

/** The paper's DNN baseline on Breast Cancer Wisconsin, seed-0 split. */
class DnnBaselineTest {

    private static PreparedData bcw(int trainSize) {
        return DataPipeline.prepare(BuiltinDatasets.load("bcw"), SplitSpec.of(0, 0.2).trainSize(trainSize),
                MissingValuePolicy.TRAIN_MEDIAN);
    }

    private static void assumeBlas() {
        assumeTrue(OpenBlas.availability().available(), OpenBlas.availability()::describe);
    }

    private static double accuracy(DnnModel model, Dataset data) {
        int[] predicted = model.predict(data);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == data.label(i) ? 1 : 0;
        }
        return (double) correct / data.size();
    }

    @ParameterizedTest
    @ValueSource(ints = {25, 50})
    void bcwTestAccuracyIsWellAboveTheMajorityClass(int trainSize) {
        assumeBlas();
        PreparedData data = bcw(trainSize);
        DnnResult r = DnnBaseline.train(data.train(), DnnOptions.of(5));
        double train = accuracy(r.model(), data.train());
        double test = accuracy(r.model(), data.test());
        System.out.printf(Locale.ROOT, "BCW DNN %d points: %s; train %.1f%%, test %.1f%% (paper: 91.4%%)%n", trainSize,
                r.describe(), 100 * train, 100 * test);
        assertEquals(DnnOptions.of(5).epochs() + 1, r.crossEntropy().length);
        assertEquals(Math.round((1 - train) * trainSize), r.trainingLoss(), "the curve's last entry is the model's");
        assertTrue(r.crossEntropy()[r.crossEntropy().length - 1] < r.crossEntropy()[0], "training lowered the loss");
        if (trainSize == 50) {
            assertTrue(test > 0.80, "test accuracy " + test);
        }
    }

    @Test
    void theSameSeedGivesTheSameModel() {
        assumeBlas();
        Dataset train = bcw(50).train();
        Dataset test = bcw(50).test();
        DnnResult a = DnnBaseline.train(train, 5, 3, 50);
        DnnResult b = DnnBaseline.train(train, 5, 3, 50);
        assertArrayEquals(a.crossEntropy(), b.crossEntropy(), "bit for bit");
        for (int i = 0; i < test.size(); i++) {
            assertArrayEquals(a.model().probabilities(test.row(i)), b.model().probabilities(test.row(i)));
        }
        assertFalse(java.util.Arrays.equals(a.crossEntropy(), DnnBaseline.train(train, 5, 4, 50).crossEntropy()),
                "another seed, another run");
    }

    /**
     * The probe the other tests (and the console's) go by agrees with the machine: OpenBLAS is there
     * exactly when the dynamic linker's cache lists {@code libopenblas.so}, the name Smile opens (the
     * check {@code ./tamebnn test} makes before installing libopenblas-dev).
     */
    @Test
    void theProbeAgreesWithTheLinkersCache() throws Exception {
        assumeTrue(System.getProperty(OpenBlas.LIBRARY_PROPERTY) == null, "another BLAS is named");
        String cache;
        try {
            Process ldconfig = new ProcessBuilder(ldconfig(), "-p").redirectErrorStream(true).start();
            cache = new String(ldconfig.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assumeTrue(ldconfig.waitFor() == 0, "ldconfig -p failed: " + cache);
        } catch (java.io.IOException e) {
            assumeTrue(false, "no ldconfig here: " + e.getMessage());
            return;
        }
        boolean listed = cache.lines().anyMatch(l -> l.strip().startsWith("libopenblas.so "));
        assertEquals(listed, OpenBlas.probe(OpenBlas.DEFAULT_LIBRARY).available(),
                () -> "ldconfig -p lists libopenblas.so: " + listed + "; the probe: " + OpenBlas.availability().describe());
    }

    private static String ldconfig() {
        for (String dir : new String[] {"/sbin", "/usr/sbin"}) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, "ldconfig"))) {
                return dir + "/ldconfig";
            }
        }
        return "ldconfig";
    }

    @Test
    void aMissingBlasIsNamedWithWhatToInstall() {
        OpenBlas.Availability a = OpenBlas.probe("no-such-blas-library");
        assertFalse(a.available());
        assertTrue(a.describe().startsWith("dnn needs OpenBLAS: install libopenblas-dev"), a::describe);
        assertTrue(a.describe().contains("libno-such-blas-library.so"), a::describe);
    }
}
