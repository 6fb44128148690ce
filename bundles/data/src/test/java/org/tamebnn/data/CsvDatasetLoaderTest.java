package org.tamebnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvDatasetLoaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private RawDataset load(String content, CsvOptions options) throws IOException {
        return CsvDatasetLoader.load(write("cells.csv", content), options);
    }

    private DataException failure(String content, CsvOptions options) throws IOException {
        Path file = write("cells.csv", content);
        DataException e = assertThrows(DataException.class, () -> CsvDatasetLoader.load(file, options));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertEquals(file.toString(), e.source());
        return e;
    }

    /** The message after the file name, e.g. {@code ":3: column 'b' (index 1): ..."}. */
    private String problem(String content, CsvOptions options) throws IOException {
        DataException e = failure(content, options);
        return e.getMessage().substring(e.source().length());
    }

    @Test
    void aHeaderIsDetectedAndTheLastColumnIsTheLabelByDefault() throws IOException {
        RawDataset d = load("id,size,shape,outcome\n1,2.5,3,yes\n2,1,-4e-1,no\n3,0.5,2,yes\n", CsvOptions.defaults());
        assertEquals("cells", d.name());
        assertEquals(List.of("id", "size", "shape"), d.featureNames());
        assertEquals(3, d.size());
        assertEquals("no → 0, yes → 1", d.labelMapping().describe());
        assertEquals(1, d.label(0));
        assertEquals(0, d.label(1));
        assertEquals(-0.4, d.value(1, 2).orElseThrow());
        assertEquals(2, d.sourceLine(0).orElseThrow());
        assertEquals(4, d.sourceLine(2).orElseThrow());
    }

    @Test
    void aFirstRowOfNumbersIsData() throws IOException {
        RawDataset d = load("1,2,0\n3,4,1\n", CsvOptions.defaults());
        assertEquals(2, d.size());
        assertEquals(List.of("column 0", "column 1"), d.featureNames());
        assertEquals(1, d.sourceLine(0).orElseThrow());
    }

    @Test
    void aHeaderCanBeForcedOrRuledOut() throws IOException {
        RawDataset forced = load("1,2,3\n4,5,0\n6,7,1\n", CsvOptions.defaults().header(HeaderMode.PRESENT));
        assertEquals(List.of("1", "2"), forced.featureNames());
        assertEquals(2, forced.size());
        DataException e = failure("a,b,y\n1,2,0\n", CsvOptions.defaults().header(HeaderMode.ABSENT));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().endsWith(":1: column 0: 'a' is not a number"), e.getMessage());
    }

    @Test
    void theLabelCanBeGivenByNameOrIndexAndAnIdColumnDropped() throws IOException {
        String csv = "id,diagnosis,radius,texture\n842302,M,17.99,10.38\n842517,B,20.57,17.77\n";
        RawDataset byName = load(csv, CsvOptions.defaults().label("diagnosis").drop(ColumnRef.named("id")));
        RawDataset byIndex = load(csv, CsvOptions.defaults().label("1").drop(ColumnRef.index(0)));
        for (RawDataset d : List.of(byName, byIndex)) {
            assertEquals(List.of("radius", "texture"), d.featureNames());
            assertEquals("B → 0, M → 1", d.labelMapping().describe());
            assertArrayEquals(new int[] {1, 1}, d.classCounts());
            assertEquals(17.99, d.value(0, 0).orElseThrow());
        }
    }

    @Test
    void classNamesAndNumericLabelsAreReported() throws IOException {
        RawDataset d = load("a,class\n1,4\n2,2\n3,10\n", CsvOptions.defaults()
                .classNames(Map.of("2", "benign", "4", "malignant")));
        // numeric labels sort as numbers: 2 < 4 < 10
        assertEquals("2 (benign) → 0, 4 (malignant) → 1, 10 → 2", d.labelMapping().describe());
        assertEquals(3, d.labelMapping().classCount());
    }

    @Test
    void missingTokensAreKeptAsMissingCells() throws IOException {
        RawDataset d = load("a,b,c,y\n1,?,3,0\n4,NA,,1\n7,8,9,0\n", CsvOptions.defaults());
        assertEquals(3, d.missingCount());
        assertArrayEquals(new int[] {0, 2, 1}, d.missingCountByFeature());
        assertEquals(new MissingCell(1, 2, "c", 3), d.missingCells().getLast());
        assertTrue(d.describe().endsWith("missing values: 2 in 'b', 1 in 'c'"), d.describe());
    }

    @Test
    void semicolonsTabsQuotesBlankLinesAndAByteOrderMarkAreRead() throws IOException {
        RawDataset semi = load("\uFEFFa;b;y\n1;2;x\n3;4;z\n", CsvOptions.defaults().delimiter(';'));
        assertEquals(List.of("a", "b"), semi.featureNames());
        DataException comma = failure("a;b;y\n1,5;2;x\n", CsvOptions.defaults().delimiter(';'));
        assertTrue(comma.getMessage().endsWith(":2: column 'a' (index 0): '1,5' is not a number"), comma.getMessage());

        RawDataset tab = load("a\tb\ty\n1\t2\tx\n3\t4\tz\n", CsvOptions.defaults().delimiter('\t'));
        assertEquals(2, tab.size());

        // a quoted label spanning two lines, and blank lines: the line numbers stay the file's
        RawDataset quoted = load("a,y\n\n1,\"two\nlines\"\n\n\n2,\"b, c\"\n3,x\n", CsvOptions.defaults());
        assertEquals(3, quoted.sourceLine(0).orElseThrow());
        assertEquals(7, quoted.sourceLine(1).orElseThrow());
        assertEquals(8, quoted.sourceLine(2).orElseThrow());
        assertEquals("b, c", quoted.labelMapping().label(0).original());

        // lines of spaces count as blank; a tab-separated row may start with an empty (missing) field
        RawDataset spaced = load("a\tb\ty\n   \n\t2\tx\n  \n3\t4\tz\n", CsvOptions.defaults().delimiter('\t'));
        assertEquals(3, spaced.sourceLine(0).orElseThrow());
        assertEquals(5, spaced.sourceLine(1).orElseThrow());
        assertTrue(spaced.value(0, 0).isEmpty());
    }

    @Test
    void anEmptyFileIsAnError() throws IOException {
        assertEquals(": the file is empty: no header and no data rows", problem("", CsvOptions.defaults()));
        assertEquals(": the file is empty: no header and no data rows", problem("\n\n", CsvOptions.defaults()));
    }

    @Test
    void aHeaderWithoutDataIsAnError() throws IOException {
        assertEquals(":1: only a header line, no data rows", problem("a,b,y\n", CsvOptions.defaults()));
    }

    @Test
    void aRaggedRowNamesItsLineAndTheFieldCounts() throws IOException {
        assertEquals(":4: expected 3 fields (as on line 1), found 2",
                problem("a,b,y\n1,2,0\n3,4,1\n5,0\n", CsvOptions.defaults()));
        assertEquals(":3: expected 3 fields (as on line 1), found 4",
                problem("a,b,y\n1,2,0\n3,4,1,9\n", CsvOptions.defaults()));
    }

    @Test
    void aNonNumericCellNamesLineAndColumn() throws IOException {
        String csv = "Clump Thickness,Bare Nuclei,Class\n5,1,2\n3,abc,4\n";
        DataException e = failure(csv, CsvOptions.defaults());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().endsWith(":3: column 'Bare Nuclei' (index 1): 'abc' is not a number"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "nan", "Inf", "-inf", "Infinity", "+INFINITY"})
    void nanAndInfinityAreRejected(String cell) throws IOException {
        assertEquals(":3: column 'b' (index 1): '" + cell
                        + "' is not a finite number (write a missing value as '?', 'NA' or an empty cell)",
                problem("a,b,y\n1,2,0\n3," + cell + ",1\n", CsvOptions.defaults()));
    }

    @Test
    void numbersTooLargeOrInJavaOnlySyntaxAreRejected() throws IOException {
        assertEquals(":2: column 'b' (index 1): '1e400' is too large to be a finite number",
                problem("a,b,y\n1,1e400,0\n", CsvOptions.defaults()));
        assertEquals(":2: column 'b' (index 1): '0x1p3' is not a number",
                problem("a,b,y\n1,0x1p3,0\n", CsvOptions.defaults()));
    }

    @Test
    void anUnknownLabelColumnNameListsTheColumns() throws IOException {
        assertEquals(":1: no column named 'diagnosis' for the label column; the columns are: a, b, y",
                problem("a,b,y\n1,2,0\n", CsvOptions.defaults().label("diagnosis")));
    }

    @Test
    void aLabelIndexOutOfRangeIsAnError() throws IOException {
        assertEquals(":1: label column 3 is out of range: the rows have 3 columns (0..2)",
                problem("a,b,y\n1,2,0\n", CsvOptions.defaults().label("3")));
    }

    @Test
    void aSingleClassIsAnError() throws IOException {
        assertEquals(": only one class ('yes') in column 'y' (index 2) on lines 2–4; a classifier needs at least two",
                problem("a,b,y\n1,2,yes\n3,4,yes\n5,6,yes\n", CsvOptions.defaults()));
    }

    /** Data to be classified by a trained network may hold one class only. */
    @Test
    void aSingleClassIsAcceptedWhenAsked() throws IOException {
        RawDataset d = load("a,b,y\n1,2,yes\n3,4,yes\n", CsvOptions.defaults().minimumClasses(1));
        assertEquals(2, d.size());
        assertEquals(1, d.labelMapping().classCount());
        assertThrows(IllegalArgumentException.class, () -> CsvOptions.defaults().minimumClasses(0));
    }

    @Test
    void aMissingLabelIsAnError() throws IOException {
        assertEquals(":3: column 'y' (index 2): the class label is missing ('?')",
                problem("a,b,y\n1,2,0\n3,4,?\n", CsvOptions.defaults()));
    }

    @Test
    void theLabelCannotAlsoBeDroppedNorCanEveryColumnGo() throws IOException {
        assertEquals(":1: column 'y' (index 2) is both the label and dropped",
                problem("a,b,y\n1,2,0\n", CsvOptions.defaults().drop(ColumnRef.named("y"))));
        assertEquals(":1: no feature columns: the 2 column(s) are all the label or dropped",
                problem("id,y\n1,0\n2,1\n", CsvOptions.defaults().drop(ColumnRef.index(0))));
    }

    @Test
    void anUnclosedQuoteIsAnError() throws IOException {
        assertTrue(problem("a,y\n1,\"x\n", CsvOptions.defaults()).startsWith(": not valid CSV: "));
    }

    @Test
    void aMissingFileIsAnError() {
        Path file = dir.resolve("absent.csv");
        DataException e = assertThrows(DataException.class, () -> CsvDatasetLoader.load(file, CsvOptions.defaults()));
        assertEquals(file + ": no such file", e.getMessage());
    }

    @Test
    void aGzippedFileReadsAsItsText() throws Exception {
        String text = "a,b,label\n1,2,x\n3,4,y\n5,6,x\n";
        Path plain = java.nio.file.Files.writeString(dir.resolve("small.csv"), text);
        Path gzipped = dir.resolve("small.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(gzipped))) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        RawDataset a = CsvDatasetLoader.load(plain, CsvOptions.defaults());
        RawDataset b = CsvDatasetLoader.load(gzipped, CsvOptions.defaults());
        assertEquals(a.size(), b.size());
        assertEquals(a.featureNames(), b.featureNames());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.label(i), b.label(i));
        }
        Path broken = java.nio.file.Files.write(dir.resolve("broken.csv.gz"), new byte[] {0x1f, (byte) 0x8b, 1, 2});
        assertTrue(assertThrows(DataException.class, () -> CsvDatasetLoader.load(broken, CsvOptions.defaults()))
                .getMessage().startsWith(broken + ": gzipped, but not readable as gzip"));
    }
}
