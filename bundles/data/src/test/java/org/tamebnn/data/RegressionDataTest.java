package org.tamebnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression data: numeric targets from CSV files and from a feature of a shipped data set, split and scaled. */
class RegressionDataTest {

    @TempDir
    Path dir;

    private static final CsvOptions REGRESSION = CsvOptions.defaults().label("y").regression(true);

    private Path write(String content) throws IOException {
        Path file = dir.resolve("reg.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theLabelColumnIsReadAsARealTarget() throws IOException {
        RawDataset raw = CsvDatasetLoader.load(write("a,y,b\n1,2.5,3\n2,-1e-1,?\n3,7,0\n"), REGRESSION);
        assertTrue(raw.isRegression());
        assertEquals(List.of("a", "b"), raw.featureNames());
        assertEquals(List.of("y"), raw.targetNames());
        assertTrue(raw.isMissing(1, 1), "features may still be missing");
        Dataset d = DataPipeline.prepare(raw, SplitSpec.of(1, 1.0 / 3), MissingValuePolicy.TRAIN_MEDIAN).train();
        assertTrue(d.isRegression());
        assertEquals(1, d.targetCount());
        assertEquals(1, d.classCount(), "one pseudo-class, so that splitting treats the rows as one population");
    }

    @Test
    void aBadTargetNamesFileLineAndColumn() throws IOException {
        Path file = write("a,y\n1,2\n2,abc\n");
        DataException e = assertThrows(DataException.class, () -> CsvDatasetLoader.load(file, REGRESSION));
        assertEquals(file + ":3: column 'y' (index 1): the regression target 'abc' is not a number", e.getMessage());

        Path missing = write("a,y\n1,2\n2,3\n4,?\n");
        e = assertThrows(DataException.class, () -> CsvDatasetLoader.load(missing, REGRESSION));
        assertEquals(missing + ":4: column 'y' (index 1): the regression target is missing ('?')", e.getMessage());

        Path infinite = write("a,y\n1,Infinity\n");
        e = assertThrows(DataException.class, () -> CsvDatasetLoader.load(infinite, REGRESSION));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("is not a finite number"), e.getMessage());
    }

    @Test
    void aSingleDistinctTargetIsFineForRegression() throws IOException {
        RawDataset raw = CsvDatasetLoader.load(write("a,y\n1,5\n2,5\n"), REGRESSION);
        assertEquals(2, raw.size());
    }

    @Test
    void targetsAreScaledOnTheTrainingRowsAndCanBeUnscaled() {
        double[][] x = {{0}, {1}, {2}, {3}, {4}, {5}};
        double[][] y = {{10}, {12}, {14}, {16}, {18}, {20}};
        Dataset data = Dataset.regression("line", List.of("x"), x, List.of("y"), y, null);
        PreparedData p = DataPipeline.prepare(data, SplitSpec.of(3, 1.0 / 3));
        MinMaxScaler t = p.targetScaler();
        assertTrue(t != null);
        Dataset train = p.train();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < train.size(); i++) {
            min = Math.min(min, train.target(i, 0));
            max = Math.max(max, train.target(i, 0));
            // y = 10 + 2x in the original units, whatever the scaling
            double original = t.unscale(0, train.target(i, 0));
            double xOriginal = p.scaler().mins()[0] + train.value(i, 0) * (p.scaler().maxs()[0] - p.scaler().mins()[0]);
            assertEquals(10 + 2 * xOriginal, original, 1e-9);
        }
        assertEquals(0, min, 1e-12);
        assertEquals(1, max, 1e-12);
        assertTrue(p.describe().contains("target 'y' min–max scaled"), p.describe());
        assertEquals(t.maxs()[0] - t.mins()[0], t.range(0));
    }

    @Test
    void aFeatureOfAShippedDataSetBecomesTheTarget() {
        RawDataset wdbc = BuiltinDatasets.load("wdbc").regressionOn("Mean Radius")
                .selectFeatures(List.of("Mean Texture", "Mean Smoothness"));
        assertTrue(wdbc.isRegression());
        assertEquals(List.of("Mean Radius"), wdbc.targetNames());
        assertEquals(List.of("Mean Texture", "Mean Smoothness"), wdbc.featureNames());
        Dataset d = wdbc.toDataset();
        assertEquals(17.99, d.target(0, 0)); // the first row of wdbc.data
        assertArrayEquals(new double[] {10.38, 0.1184}, d.row(0));
        DataException e = assertThrows(DataException.class,
                () -> BuiltinDatasets.load("wdbc").regressionOn("Mean Girth"));
        assertTrue(e.getMessage().contains("no feature named 'Mean Girth'"), e.getMessage());
    }

    @Test
    void classificationDataHasNoTargets() {
        Dataset d = RandomDataGenerator.generate(RandomDataSpec.defaults());
        assertFalse(d.isRegression());
        assertEquals(0, d.targetCount());
        assertThrows(IllegalStateException.class, () -> d.target(0, 0));
    }

    @Test
    void aNonFiniteTargetIsRejectedNamingItsRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dataset.regression("r",
                List.of("x"), new double[][] {{0}, {1}}, List.of("y"), new double[][] {{1}, {Double.NaN}},
                new int[] {2, 3}));
        assertEquals("row 1 (line 3), target 'y' is NaN: targets must be finite", e.getMessage());
    }
}
