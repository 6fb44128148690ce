package org.tamebnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DataPipelineTest {
    private static final int BARE_NUCLEI = 5;

    /** The BCW file split by hand, independently of the loader: [row][column], "?" kept. */
    private static String[][] file;
    private static RawDataset bcw;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = DataPipelineTest.class.getClassLoader()
                .getResourceAsStream("org/tamebnn/data/bcw/breast-cancer-wisconsin.data")) {
            file = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .map(l -> l.split(",")).toArray(String[][]::new);
        }
        bcw = BuiltinDatasets.load("bcw");
    }

    /** Feature j of file row i (feature 0 is file column 1, after the id); NaN for '?'. */
    private static double raw(int i, int j) {
        String cell = file[i][j + 1];
        return cell.equals("?") ? Double.NaN : Double.parseDouble(cell);
    }

    @Test
    void theDefaultSplitOfBcwIs559TrainAnd140TestWithNoMissingValueLeft() {
        PreparedData p = DataPipeline.prepare(bcw, SplitSpec.of(42, 0.2), MissingValuePolicy.TRAIN_MEDIAN);
        assertEquals(559, p.train().size());
        assertEquals(140, p.test().size());
        assertEquals(9, p.train().featureCount());
        for (Dataset d : List.of(p.train(), p.test())) {
            for (double[] row : d.features()) {
                for (double v : row) {
                    assertTrue(Double.isFinite(v));
                }
            }
        }
        // the two parts partition the 699 rows
        Set<Integer> all = new HashSet<>();
        IntStream.of(p.trainRows()).forEach(all::add);
        IntStream.of(p.testRows()).forEach(all::add);
        assertEquals(699, all.size());
        assertEquals(0, p.droppedRows());
        int[] labels = IntStream.concat(IntStream.of(p.train().labels()), IntStream.of(p.test().labels())).toArray();
        assertEquals(241, IntStream.of(labels).sum());
    }

    @Test
    void missingBareNucleiAreFilledWithTheMedianOfTheTrainingRows() {
        PreparedData p = DataPipeline.prepare(bcw, SplitSpec.of(7, 0.2), MissingValuePolicy.TRAIN_MEDIAN);
        double[] present = IntStream.of(p.trainRows()).mapToDouble(i -> raw(i, BARE_NUCLEI))
                .filter(v -> !Double.isNaN(v)).sorted().toArray();
        int n = present.length;
        double median = n % 2 == 1 ? present[n / 2] : (present[n / 2 - 1] + present[n / 2]) / 2;
        assertEquals(median, p.imputer().medians()[BARE_NUCLEI]);

        Imputation imputation = p.imputations().getFirst();
        assertEquals(1, p.imputations().size());
        assertEquals("Bare Nuclei", imputation.featureName());
        assertEquals(median, imputation.value());
        assertEquals(16, imputation.trainCells() + imputation.testCells());
        assertEquals(559 - n, imputation.trainCells());

        // every cell that was '?' now holds the median, scaled like any other value
        double scaledMedian = p.scaler().scale(BARE_NUCLEI, median, OutOfRange.KEEP);
        int[] trainRows = p.trainRows();
        for (int r = 0; r < trainRows.length; r++) {
            if (Double.isNaN(raw(trainRows[r], BARE_NUCLEI))) {
                assertEquals(scaledMedian, p.train().value(r, BARE_NUCLEI));
            }
        }
        int[] testRows = p.testRows();
        for (int r = 0; r < testRows.length; r++) {
            if (Double.isNaN(raw(testRows[r], BARE_NUCLEI))) {
                assertEquals(scaledMedian, p.test().value(r, BARE_NUCLEI));
            }
        }
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, MedianImputer.median(new double[] {4, 1, 3, 2}, 4));
        assertEquals(3, MedianImputer.median(new double[] {5, 3, 1}, 3));
        assertTrue(Double.isNaN(MedianImputer.median(new double[0], 0)));
    }

    @Test
    void scalingIsFittedOnTheTrainingRowsOnly() {
        PreparedData p = DataPipeline.prepare(bcw, SplitSpec.of(3, 0.2), MissingValuePolicy.TRAIN_MEDIAN);
        double median = p.imputer().medians()[BARE_NUCLEI];
        int[] trainRows = p.trainRows();
        int[] testRows = p.testRows();
        for (int j = 0; j < 9; j++) {
            int f = j;
            double[] trainRaw = IntStream.of(trainRows).mapToDouble(i -> fill(raw(i, f), median)).toArray();
            double min = Arrays.stream(trainRaw).min().orElseThrow();
            double max = Arrays.stream(trainRaw).max().orElseThrow();
            assertEquals(min, p.scaler().mins()[j]);
            assertEquals(max, p.scaler().maxs()[j]);
            double[] train = p.train().column(j);
            assertEquals(0.0, Arrays.stream(train).min().orElseThrow());
            assertEquals(1.0, Arrays.stream(train).max().orElseThrow());
            double[] test = p.test().column(j);
            for (int r = 0; r < test.length; r++) {
                double value = fill(raw(testRows[r], f), median);
                assertEquals((value - min) / (max - min), test[r], 1e-12);
                boolean outside = test[r] < 0 || test[r] > 1;
                assertEquals(value < min || value > max, outside);
            }
        }
    }

    private static double fill(double v, double median) {
        return Double.isNaN(v) ? median : v;
    }

    @Test
    void aTestValueBeyondTheTrainingRangeIsKeptUnlessClippingIsAsked() {
        // 11 rows: the one with x = 100 is in the test part for this seed only if the fraction puts it there,
        // so check with every seed until it lands in the test part
        String csv = "x,y\n" + IntStream.range(0, 10).mapToObj(i -> i + "," + (i % 2)).reduce("", (a, b) -> a + b + "\n")
                + "100,1\n";
        RawDataset raw = CsvDatasetLoader.parse(csv, "wide.csv", CsvOptions.defaults());
        for (long seed = 0; seed < 100; seed++) {
            PreparedData kept = DataPipeline.prepare(raw, SplitSpec.of(seed, 0.2), MissingValuePolicy.TRAIN_MEDIAN);
            int r = IntStream.range(0, kept.testRows().length).filter(i -> kept.testRows()[i] == 10).findFirst().orElse(-1);
            if (r >= 0) {
                assertTrue(kept.test().value(r, 0) > 1);
                PreparedData clipped = DataPipeline.prepare(raw, SplitSpec.of(seed, 0.2), MissingValuePolicy.TRAIN_MEDIAN,
                        OutOfRange.CLIP);
                assertEquals(1.0, clipped.test().value(r, 0));
                return;
            }
        }
        throw new AssertionError("no seed put row 10 in the test part");
    }

    @Test
    void theDropPolicyRemovesThe16RowsBeforeSplitting() {
        PreparedData p = DataPipeline.prepare(bcw, SplitSpec.of(42, 0.2), MissingValuePolicy.DROP);
        assertEquals(16, p.droppedRows());
        assertEquals(683, p.train().size() + p.test().size());
        assertEquals(137, p.test().size()); // ⌈0.2 · 683⌉
        assertTrue(p.imputations().isEmpty());
        // the row indices still point into the 699 rows, never at a dropped one
        IntStream.concat(IntStream.of(p.trainRows()), IntStream.of(p.testRows()))
                .forEach(i -> assertFalse(file[i][6].equals("?")));
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        var spec = SplitSpec.of(42, 0.2);
        PreparedData a = DataPipeline.prepare(bcw, spec, MissingValuePolicy.TRAIN_MEDIAN);
        PreparedData b = DataPipeline.prepare(BuiltinDatasets.load("bcw"), spec, MissingValuePolicy.TRAIN_MEDIAN);
        assertArrayEquals(a.trainRows(), b.trainRows());
        assertArrayEquals(a.testRows(), b.testRows());
        assertEquals(a, b);
        PreparedData c = DataPipeline.prepare(bcw, SplitSpec.of(43, 0.2), MissingValuePolicy.TRAIN_MEDIAN);
        assertFalse(Arrays.equals(a.testRows(), c.testRows()));
        assertNotEquals(a.train(), c.train());
    }

    @Test
    void aTrainingSizeTakesTheFirstKShuffledTrainingRowsAndFitsOnThemOnly() {
        PreparedData full = DataPipeline.prepare(bcw, SplitSpec.of(42, 0.2), MissingValuePolicy.TRAIN_MEDIAN);
        PreparedData p = DataPipeline.prepare(bcw, SplitSpec.of(42, 0.2).trainSize(25), MissingValuePolicy.TRAIN_MEDIAN);
        assertEquals(25, p.train().size());
        assertEquals(140, p.test().size());
        assertArrayEquals(Arrays.copyOf(full.trainRows(), 25), p.trainRows());
        assertArrayEquals(full.testRows(), p.testRows());
        for (int j = 0; j < 9; j++) {
            int f = j;
            double min = IntStream.of(p.trainRows()).mapToDouble(i -> raw(i, f)).filter(v -> !Double.isNaN(v)).min()
                    .orElseThrow();
            assertEquals(min, p.scaler().mins()[j]);
        }
    }

    @Test
    void aTrainingSizeLargerThanTheTrainingPartIsRefused() {
        var spec = SplitSpec.of(42, 0.2).trainSize(600);
        DataException e = assertThrows(DataException.class,
                () -> DataPipeline.prepare(bcw, spec, MissingValuePolicy.TRAIN_MEDIAN));
        assertEquals("breast-cancer-wisconsin.data: --train-size 600 is larger than the training part: "
                + "699 rows less 140 test rows leave 559", e.getMessage());
    }

    @Test
    void aStratifiedSplitKeepsEachClassShare() {
        PreparedData p = DataPipeline.prepare(bcw, SplitSpec.of(1, 0.2).stratified(true), MissingValuePolicy.TRAIN_MEDIAN);
        assertEquals(140, p.test().size());
        // 458·140/699 = 91.7 and 241·140/699 = 48.3: largest remainder gives 92 and 48
        assertArrayEquals(new int[] {92, 48}, p.test().classCounts());
        assertArrayEquals(new int[] {366, 193}, p.train().classCounts());
    }

    @Test
    void aConstantTrainingFeatureScalesToZero() {
        String csv = "a,b,y\n1,5,0\n2,5,1\n3,5,0\n4,5,1\n5,7,0\n";
        RawDataset raw = CsvDatasetLoader.parse(csv, "const.csv", CsvOptions.defaults());
        for (long seed = 0; seed < 50; seed++) {
            PreparedData p = DataPipeline.prepare(raw, SplitSpec.of(seed, 0.2), MissingValuePolicy.TRAIN_MEDIAN);
            if (p.testRows()[0] == 4) { // the 7 is in the test part: b is constant 5 on the training rows
                assertArrayEquals(new double[] {0, 0, 0, 0}, p.train().column(1));
                assertEquals(0.0, p.test().value(0, 1));
                return;
            }
        }
        throw new AssertionError("no seed put row 4 in the test part");
    }

    @Test
    void newDataIsImputedAndScaledLikeTheTestPart() {
        PreparedData p = DataPipeline.prepare(bcw, SplitSpec.of(42, 0.2), MissingValuePolicy.TRAIN_MEDIAN);
        Dataset again = p.transform(bcw.subset(p.testRows()));
        assertArrayEquals(p.test().features(), again.features());
        PreparedData dropped = DataPipeline.prepare(bcw, SplitSpec.of(42, 0.2), MissingValuePolicy.DROP);
        DataException e = assertThrows(DataException.class, () -> dropped.transform(bcw));
        assertTrue(e.getMessage().startsWith("breast-cancer-wisconsin.data:24: feature 'Bare Nuclei': missing"),
                e.getMessage());
    }

    @Test
    void droppingEveryRowIsAnError() {
        RawDataset raw = CsvDatasetLoader.parse("a,b,y\n1,?,0\n?,2,1\n", "holes.csv", CsvOptions.defaults());
        DataException e = assertThrows(DataException.class,
                () -> DataPipeline.prepare(raw, SplitSpec.of(1, 0.5), MissingValuePolicy.DROP));
        assertTrue(e.getMessage().startsWith("holes.csv: every one of the 2 rows has a missing value"), e.getMessage());
    }

    @Test
    void aFeatureWithNoTrainingValueCannotBeImputed() {
        RawDataset raw = CsvDatasetLoader.parse("a,b,y\n1,?,0\n2,?,1\n3,4,0\n", "sparse.csv", CsvOptions.defaults());
        for (long seed = 0; seed < 50; seed++) {
            var spec = SplitSpec.of(seed, 0.3);
            var rows = ShuffleSplit.split(new int[] {0, 1, 0}, 2, spec, "sparse.csv");
            if (rows.test()[0] == 2) {
                DataException e = assertThrows(DataException.class,
                        () -> DataPipeline.prepare(raw, spec, MissingValuePolicy.TRAIN_MEDIAN));
                assertTrue(e.getMessage().matches("sparse\\.csv:[23]: feature 'b': missing, and no training point.*"),
                        e.getMessage());
                return;
            }
        }
        throw new AssertionError("no seed put row 2 in the test part");
    }

    @Test
    void generatedDataGoesThroughTheSamePipeline() {
        Dataset random = RandomDataGenerator.generate(RandomDataSpec.defaults());
        PreparedData p = DataPipeline.prepare(random, SplitSpec.of(0, 0.2));
        assertEquals(120, p.train().size());
        assertEquals(30, p.test().size());
        assertTrue(p.describe().contains("120 training / 30 test rows"));
    }

    @Test
    void theSummarySaysWhatWasDone() {
        PreparedData p = DataPipeline.prepare(bcw, SplitSpec.of(42, 0.2).trainSize(25), MissingValuePolicy.TRAIN_MEDIAN);
        String text = p.describe();
        assertTrue(text.startsWith("25 training / 140 test rows (seed 42, test fraction 0.2, train size 25)"), text);
        assertTrue(text.contains("Bare Nuclei: "), text);
        assertTrue(text.contains("missing cells set to the training median"), text);
    }
}
