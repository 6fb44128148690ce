package org.tamebnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltinDatasetsTest {

    @Test
    void bcwHas699RowsOf9FeaturesWith458BenignAnd241Malignant() {
        RawDataset bcw = BuiltinDatasets.load("bcw");
        assertEquals("bcw", bcw.name());
        assertEquals(699, bcw.size());
        assertEquals(9, bcw.featureCount());
        assertEquals(List.of("Clump Thickness", "Uniformity of Cell Size", "Uniformity of Cell Shape",
                "Marginal Adhesion", "Single Epithelial Cell Size", "Bare Nuclei", "Bland Chromatin",
                "Normal Nucleoli", "Mitoses"), bcw.featureNames());
        assertArrayEquals(new int[] {458, 241}, bcw.classCounts());
        assertEquals("2 (benign) → 0, 4 (malignant) → 1", bcw.labelMapping().describe());
    }

    @Test
    void bcwHasExactly16MissingCellsAllInBareNuclei() {
        RawDataset bcw = BuiltinDatasets.load("bcw");
        assertEquals(16, bcw.missingCount());
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 16, 0, 0, 0}, bcw.missingCountByFeature());
        List<MissingCell> cells = bcw.missingCells();
        assertTrue(cells.stream().allMatch(c -> c.featureName().equals("Bare Nuclei")));
        // the first '?' is on line 24 of the file (sample 1057013), the last on line 618 (1057067)
        assertEquals(24, cells.getFirst().line());
        assertEquals(618, cells.getLast().line());
        assertEquals(23, cells.getFirst().row());
    }

    @Test
    void bcwValuesAreTheFileValuesWithTheIdDropped() {
        RawDataset bcw = BuiltinDatasets.load("bcw");
        // line 1: 1000025,5,1,1,1,2,1,3,1,1,2
        double[] first = new double[9];
        for (int j = 0; j < 9; j++) {
            first[j] = bcw.value(0, j).orElseThrow();
        }
        assertArrayEquals(new double[] {5, 1, 1, 1, 2, 1, 3, 1, 1}, first);
        assertEquals(0, bcw.label(0));
        assertEquals(1, bcw.sourceLine(0).orElseThrow());
        assertTrue(bcw.value(23, 5).isEmpty());
    }

    @Test
    void bcwWithMissingCellsIsNotADatasetUntilAPolicyResolvesThem() {
        DataException e = assertThrows(DataException.class, () -> BuiltinDatasets.load("bcw").toDataset());
        assertTrue(e.getMessage().startsWith("breast-cancer-wisconsin.data:24: feature 'Bare Nuclei': 16 missing"),
                e.getMessage());
        Dataset complete = BuiltinDatasets.load("bcw").withoutMissingRows().toDataset();
        assertEquals(683, complete.size());
        assertArrayEquals(new int[] {444, 239}, complete.classCounts());
    }

    @Test
    void wdbcHas569RowsOf30FeaturesWith357BenignAnd212Malignant() {
        RawDataset wdbc = BuiltinDatasets.load("WDBC");
        assertEquals(569, wdbc.size());
        assertEquals(30, wdbc.featureCount());
        assertEquals("Mean Radius", wdbc.featureNames().getFirst());
        assertEquals("Radius SE", wdbc.featureNames().get(10));
        assertEquals("Worst Fractal Dimension", wdbc.featureNames().getLast());
        assertArrayEquals(new int[] {357, 212}, wdbc.classCounts());
        assertEquals("B (benign) → 0, M (malignant) → 1", wdbc.labelMapping().describe());
        assertFalse(wdbc.hasMissing());
        // line 1: 842302,M,17.99,10.38,...,0.1189
        Dataset d = wdbc.toDataset();
        assertEquals(1, d.label(0));
        assertEquals(17.99, d.value(0, 0));
        assertEquals(0.1189, d.value(0, 29));
    }

    @Test
    void attributionIsShippedWithTheData() {
        assertEquals(List.of("bcw", "wdbc", "mnist", "fashion-mnist"), BuiltinDatasets.names());
        assertTrue(BuiltinDatasets.citation("bcw").contains("https://doi.org/10.24432/C5HP4Z"));
        assertTrue(BuiltinDatasets.citation("wdbc").contains("https://doi.org/10.24432/C5DW2B"));
        assertTrue(BuiltinDatasets.provenance("bcw").contains("402c585309c399237740f635ef9919dc512cca12cbeb20de5e563a4593f22b64"));
        assertTrue(BuiltinDatasets.provenance("wdbc").contains("CC BY 4.0"));
        assertTrue(BuiltinDatasets.description("bcw").contains("Missing attribute values: 16"));
        assertEquals("Breast Cancer Wisconsin (Diagnostic)", BuiltinDatasets.title("wdbc"));
    }

    @Test
    void anUnknownNameListsTheBuiltInOnes() {
        DataException e = assertThrows(DataException.class, () -> BuiltinDatasets.load("iris"));
        assertEquals("iris: not a built-in data set; the built-in ones are bcw, wdbc, mnist, fashion-mnist (give a CSV"
                + " file for any other)",
                e.getMessage());
    }
}
