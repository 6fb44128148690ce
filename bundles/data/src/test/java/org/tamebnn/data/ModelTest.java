package org.tamebnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small value types: labels, split sizes, scaler, dataset invariants, option parsing. */
class ModelTest {

    @Test
    void labelsSortNumericallyWhenAllAreNumbersElseAsText() {
        assertEquals("-1 → 0, 1 → 1", LabelMapping.fromLabels(List.of("1", "-1")).describe());
        assertEquals("2 → 0, 4 → 1, 10 → 2", LabelMapping.fromLabels(List.of("10", "4", "2", "4")).describe());
        assertEquals("10 → 0, 2 → 1, x → 2", LabelMapping.fromLabels(List.of("x", "2", "10")).describe());
        assertEquals("No → 0, no → 1, yes → 2", LabelMapping.fromLabels(List.of("yes", "no", "No")).describe());
        LabelMapping named = LabelMapping.fromLabels(List.of("M", "B")).withNames(Map.of("M", "malignant"));
        assertEquals(List.of("B", "M (malignant)"), named.displayNames());
        assertEquals(1, named.indexOf("M").orElseThrow());
        assertEquals(true, named.indexOf("X").isEmpty());
    }

    @Test
    void splitSizesFollowScikitLearn() {
        var spec = SplitSpec.of(0, 0.2);
        assertEquals(140, spec.testCount(699));
        assertEquals(559, spec.trainPartCount(699));
        assertEquals(114, spec.testCount(569));
        assertEquals(137, spec.testCount(683));
        assertThrows(IllegalArgumentException.class, () -> SplitSpec.of(0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> SplitSpec.of(0, 0));
        assertThrows(IllegalArgumentException.class, () -> spec.trainSize(0));
    }

    @Test
    void theScalerMapsTheFittedRangeOntoZeroOne() {
        var scaler = new MinMaxScaler(new double[] {1, 5}, new double[] {3, 5});
        assertArrayEquals(new double[] {0.5, 0}, scaler.transform(new double[] {2, 5}, OutOfRange.KEEP));
        assertArrayEquals(new double[] {1.5, 0}, scaler.transform(new double[] {4, 9}, OutOfRange.KEEP));
        assertArrayEquals(new double[] {1, 0}, scaler.transform(new double[] {4, 9}, OutOfRange.CLIP));
        assertArrayEquals(new double[] {0, 0}, scaler.transform(new double[] {-4, 9}, OutOfRange.CLIP));
        assertEquals(new MinMaxScaler(new double[] {1, 5}, new double[] {3, 5}), scaler);
        assertThrows(IllegalArgumentException.class, () -> new MinMaxScaler(new double[] {2}, new double[] {1}));
    }

    @Test
    void aDatasetHoldsOnlyFiniteValuesAndValidLabels() {
        var classes = LabelMapping.fromLabels(List.of("a", "b"));
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.of("d", List.of("x"), new double[][] {{Double.NaN}}, new int[] {0}, classes));
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.of("d", List.of("x"), new double[][] {{1}}, new int[] {2}, classes));
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.of("d", List.of("x", "y"), new double[][] {{1}}, new int[] {0}, classes));
        double[][] values = {{1}, {2}, {3}};
        Dataset d = Dataset.of("d", List.of("x"), values, new int[] {0, 1, 1}, classes);
        values[0][0] = 99; // the dataset kept its own copy
        assertEquals(1, d.value(0, 0));
        Dataset sub = d.subset(new int[] {2, 0});
        assertArrayEquals(new double[] {3, 1}, sub.column(0));
        assertArrayEquals(new int[] {1, 2}, d.classCounts());
        assertEquals("d: 3 rows × 1 features; classes a → 0: 1, b → 1: 2", d.describe());
    }

    @Test
    void commandLineValuesAreParsed() {
        assertEquals(MissingValuePolicy.DROP, MissingValuePolicy.parse("drop"));
        assertEquals(MissingValuePolicy.TRAIN_MEDIAN, MissingValuePolicy.parse("Median"));
        assertEquals(MissingValuePolicy.TRAIN_MEDIAN, MissingValuePolicy.parse("train_median"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MissingValuePolicy.parse("mean"));
        assertEquals("unknown missing-value policy 'mean': choose one of median, drop", e.getMessage());
        assertEquals(new ColumnRef.Index(3), ColumnRef.parse("3"));
        assertEquals(new ColumnRef.Named("Bare Nuclei"), ColumnRef.parse(" Bare Nuclei "));
    }
}
