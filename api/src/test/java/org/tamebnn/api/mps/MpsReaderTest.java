package org.tamebnn.api.mps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tamebnn.api.mps.MpsTesting.fixed;
import static org.tamebnn.api.mps.MpsTesting.free;
import static org.tamebnn.api.mps.MpsTesting.lines;
import static org.tamebnn.api.mps.MpsTesting.read;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Row;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.Variable;
import org.tamebnn.api.milp.VariableType;

class MpsReaderTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /** A small model using every section; two entries per COLUMNS line; an integer block. */
    static final String SMALL = lines(
            "* a comment",
            "NAME          SMALL",
            "ROWS",
            " N  COST",
            " L  LIM1",
            " G  LIM2",
            "",
            " E  MYEQN",
            "COLUMNS",
            "    X1        COST         1.0   LIM1         1.0",
            "    X1        LIM2         1.0",
            "    MARKER    'MARKER'     'INTORG'",
            "    X2        COST         2.0   LIM1         1.0",
            "    X2        MYEQN       -1.0",
            "    MARKER    'MARKER'     'INTEND'",
            "    X3        COST        -1.0   MYEQN        1.0",
            "RHS",
            "    RHS       COST        -7.5",
            "    RHS       LIM1         4.0   LIM2         1.0",
            "    RHS       MYEQN        7.0",
            "RANGES",
            "    RNG       LIM1         2.5",
            "BOUNDS",
            " UP BND       X1           4.0",
            " LO BND       X2          -1.0",
            " UP BND       X2           1.0",
            " MI BND       X3",
            "ENDATA");

    @Test
    void readsEverySection() throws IOException {
        MilpModel m = free(SMALL);
        assertEquals("SMALL", m.name());
        assertEquals("COST", m.objectiveName());
        assertEquals(Sense.MINIMIZE, m.sense());
        assertEquals(7.5, m.objectiveOffset(), "RHS on the objective is the negated constant");
        assertEquals(java.util.List.of(new Variable("X1", 0, 4, VariableType.CONTINUOUS),
                new Variable("X2", -1, 1, VariableType.INTEGER),
                new Variable("X3", Double.NEGATIVE_INFINITY, INF, VariableType.CONTINUOUS)), m.variables());
        assertEquals(3, m.rowCount());
        assertRow(m.row(0), "LIM1", 1.5, 4, new int[] {0, 1}, new double[] {1, 1});
        assertRow(m.row(1), "LIM2", 1, INF, new int[] {0}, new double[] {1});
        assertRow(m.row(2), "MYEQN", 7, 7, new int[] {1, 2}, new double[] {-1, 1});
        assertEquals(1.0, m.objectiveCoefficient(0));
        assertEquals(2.0, m.objectiveCoefficient(1));
        assertEquals(-1.0, m.objectiveCoefficient(2));
    }

    @Test
    void everyBoundType() throws IOException {
        MilpModel m = free(lines("NAME B", "ROWS", " N obj", "COLUMNS",
                "    up obj 1", "    upneg obj 1", "    upneglo obj 1", "    lo obj 1", "    fx obj 1",
                "    fr obj 1", "    mi obj 1", "    pl obj 1", "    bv obj 1", "    li obj 1", "    ui obj 1",
                "    uineg obj 1", "    mi2 obj 1", "    none obj 1",
                "BOUNDS",
                " UP BND up 5", " UP BND upneg -2", " LO BND upneglo -5", " UP BND upneglo -2",
                " LO BND lo 3", " FX BND fx 2.5", " FR BND fr", " MI BND mi", " UP BND mi 4",
                " UP BND pl 3", " PL BND pl", " BV BND bv", " LI BND li -3", " UI BND ui 9", " UI BND uineg -1",
                " MI BND mi2 0", "ENDATA"));
        double ninf = Double.NEGATIVE_INFINITY;
        assertBounds(m, "up", 0, 5, false);
        assertBounds(m, "upneg", ninf, -2, false); // negative UP with the default lower bound: lower −∞
        assertBounds(m, "upneglo", -5, -2, false); // a lower bound set explicitly stays
        assertBounds(m, "lo", 3, INF, false);
        assertBounds(m, "fx", 2.5, 2.5, false);
        assertBounds(m, "fr", ninf, INF, false);
        assertBounds(m, "mi", ninf, 4, false);
        assertBounds(m, "pl", 0, INF, false);
        assertBounds(m, "bv", 0, 1, true);
        assertBounds(m, "li", -3, INF, true);
        assertBounds(m, "ui", 0, 9, true);
        assertBounds(m, "uineg", ninf, -1, true);
        assertBounds(m, "mi2", ninf, INF, false); // a value on MI is ignored
        assertBounds(m, "none", 0, INF, false);
    }

    @Test
    void boundsWithoutSetNameAndInfinities() throws IOException {
        MilpModel m = free(lines("NAME B", "ROWS", " N obj", " L c", "COLUMNS", "    x obj 1 c 1", "    y c 1",
                "    z c 1", "    w c 1", "RHS", "    c 10", "BOUNDS", " UP x 3", " FR y", " LO z -Inf",
                " UP w infinity", " LO w -1e3", "ENDATA"));
        assertBounds(m, "x", 0, 3, false);
        assertBounds(m, "y", Double.NEGATIVE_INFINITY, INF, false);
        assertBounds(m, "z", Double.NEGATIVE_INFINITY, INF, false);
        assertBounds(m, "w", -1000, INF, false);
        assertEquals(10, m.row(0).upper());
    }

    @Test
    void integerMarkersGiveDefaultBoundsZeroToInfinity() throws IOException {
        MilpModel m = free(lines("NAME I", "ROWS", " N obj", " L c", "COLUMNS",
                "    M1 'MARKER' 'INTORG'", "    a obj 1 c 1", "    b c 2", "    M2 'MARKER' 'INTEND'",
                "    x c 1", "RHS", "    RHS c 3", "ENDATA"));
        assertBounds(m, "a", 0, INF, true);
        assertBounds(m, "b", 0, INF, true);
        assertBounds(m, "x", 0, INF, false);
        assertEquals(2, m.integerCount());
    }

    @Test
    void rangesOnEveryRowTypeAndSign() throws IOException {
        MilpModel m = free(lines("NAME R", "ROWS", " N obj", " E epos", " E eneg", " L l", " G g", " L lneg",
                " G gneg", " E ezero", "COLUMNS", "    x obj 1 epos 1", "    x eneg 1 l 1", "    x g 1 lneg 1",
                "    x gneg 1 ezero 1", "RHS", "    RHS epos 10 eneg 10", "    RHS l 10 g 10",
                "    RHS lneg 10 gneg 10", "    RHS ezero 10", "RANGES", "    RNG epos 4 eneg -4", "    RNG l 4 g 4",
                "    RNG lneg -4 gneg -4", "    RNG ezero 0", "ENDATA"));
        assertRowBounds(m, "epos", 10, 14);
        assertRowBounds(m, "eneg", 6, 10);
        assertRowBounds(m, "l", 6, 10);
        assertRowBounds(m, "g", 10, 14);
        assertRowBounds(m, "lneg", 6, 10);
        assertRowBounds(m, "gneg", 10, 14);
        assertRowBounds(m, "ezero", 10, 10);
    }

    @Test
    void objsenseOnTheNextLineOrTheSameLine() throws IOException {
        String body = lines("ROWS", " N obj", "COLUMNS", "    x obj 1", "ENDATA");
        assertEquals(Sense.MAXIMIZE, free("NAME S\nOBJSENSE\n    MAX\n" + body).sense());
        assertEquals(Sense.MAXIMIZE, free("NAME S\nOBJSENSE\n    MAXIMIZE\n" + body).sense());
        assertEquals(Sense.MAXIMIZE, free("NAME S\nOBJSENSE MAX\n" + body).sense());
        assertEquals(Sense.MAXIMIZE, free("NAME S\nOBJSENSE    MAXIMIZE\n" + body).sense());
        assertEquals(Sense.MINIMIZE, free("NAME S\nOBJSENSE\n    MIN\n" + body).sense());
        assertEquals(Sense.MINIMIZE, free("NAME S\nOBJSENSE MINIMIZE\n" + body).sense());
        assertEquals(Sense.MAXIMIZE, read("NAME S\nOBJSENSE\n    MAX\n" + body, MpsFormat.FIXED).sense());
    }

    @Test
    void objnameChoosesAmongNRowsAndOtherNRowsAreDroppedSilently() throws IOException {
        MilpModel m = free(lines("NAME O", "OBJNAME", "    second", "ROWS", " N first", " N second", " L c",
                " N third", "COLUMNS", "    x first 5 second 2", "    x c 1 third 9", "RHS", "    RHS c 4 first 3",
                "    RHS third 1", "RANGES", "    RNG third 2", "ENDATA"));
        assertEquals("second", m.objectiveName());
        assertEquals(2, m.objectiveCoefficient(0));
        assertEquals(0, m.objectiveOffset());
        assertEquals(1, m.rowCount());
        assertRow(m.row(0), "c", Double.NEGATIVE_INFINITY, 4, new int[] {0}, new double[] {1});
        MilpModel sameLine = free(lines("NAME O", "OBJNAME second", "ROWS", " N first", " N second",
                "COLUMNS", "    x first 5 second 2", "ENDATA"));
        assertEquals("second", sameLine.objectiveName());
    }

    @Test
    void missingOrEmptyNameUsesTheFileStem() throws IOException {
        String body = lines("ROWS", " N obj", "COLUMNS", "    x obj 1", "ENDATA");
        assertEquals("test", free(body).name());
        assertEquals("test", free("NAME\n" + body).name());
        assertEquals("my model", free("NAME my model\n" + body).name());
    }

    @Test
    void fixedFormatWithNamesContainingSpaces() throws IOException {
        String text = lines("NAME          SPACES",
                "ROWS",
                fixed("N", "COST", null, null, null, null),
                fixed("L", "LIM 1", null, null, null, null),
                fixed("G", "LIM 2", null, null, null, null),
                "COLUMNS",
                fixed(null, "X ONE", "COST", "1", "LIM 1", "1"),
                fixed(null, "X ONE", "LIM 2", "1", null, null),
                fixed(null, "Y 2", "COST", "2", "LIM 1", "1.5"),
                "RHS",
                fixed(null, "RHS", "LIM 1", "4", "LIM 2", "1"),
                fixed(null, null, "COST", "-3", null, null), // a blank set name
                "BOUNDS",
                fixed("UP", "BND", "X ONE", "3", null, null),
                fixed("MI", "BND", "Y 2", null, null, null),
                "ENDATA");
        MilpModel m = read(text, MpsFormat.FIXED);
        assertEquals(java.util.List.of("X ONE", "Y 2"), m.variableNames());
        assertRow(m.row(0), "LIM 1", Double.NEGATIVE_INFINITY, 4, new int[] {0, 1}, new double[] {1, 1.5});
        assertRow(m.row(1), "LIM 2", 1, INF, new int[] {0}, new double[] {1});
        assertBounds(m, "X ONE", 0, 3, false);
        assertBounds(m, "Y 2", Double.NEGATIVE_INFINITY, INF, false);
        assertEquals(3, m.objectiveOffset());
    }

    @Test
    void fixedFormatToleratesNumbersOverrunningTheirColumns() throws IOException {
        // "12345678901234.5" is longer than field 4 (columns 25–36) and shifts field 5 right.
        String text = lines("NAME          LONG", "ROWS", " N  COST", " L  R1", " L  R2", "COLUMNS",
                "    X         COST      12345678901234.5   R1      0.333333333333333314829616256247",
                "    X         R2        -1.5e-300",
                "RHS", "    RHS       R1        1e+30", "ENDATA");
        MilpModel m = read(text, MpsFormat.FIXED);
        assertEquals(12345678901234.5, m.objectiveCoefficient(0));
        assertRow(m.row(0), "R1", Double.NEGATIVE_INFINITY, 1e30, new int[] {0}, new double[] {1.0 / 3});
        assertRow(m.row(1), "R2", Double.NEGATIVE_INFINITY, 0, new int[] {0}, new double[] {-1.5e-300});
    }

    @Test
    void freeAndFixedAgreeOnAnOrdinaryFile() throws IOException {
        MpsTesting.assertSameModel(free(SMALL), read(SMALL, MpsFormat.FIXED));
    }

    @Test
    void zeroEntriesDeclareColumnsAndFortranExponentsParse() throws IOException {
        MilpModel m = free(lines("NAME Z", "ROWS", " N obj", " L c", "COLUMNS", "    x obj 0", "    y c 1.5D+01",
                "ENDATA"));
        assertEquals(2, m.variableCount());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {1}, m.row(0).columns());
        assertEquals(15, m.row(0).coefficient(0));
    }

    @Test
    void gzipIsRecognisedByItsMagicBytesNotItsName(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(SMALL.getBytes(StandardCharsets.UTF_8));
        }
        Path oddlyNamed = dir.resolve("small.mps");
        Files.write(oddlyNamed, bytes.toByteArray());
        MpsTesting.assertSameModel(free(SMALL), MpsReader.read(oddlyNamed));
        MilpModel fromStream = MpsReader.read(new ByteArrayInputStream(bytes.toByteArray()), "s.mps.gz",
                MpsFormat.FREE);
        MpsTesting.assertSameModel(free(SMALL), fromStream);
        Path plainGz = dir.resolve("plain.mps.gz");
        Files.writeString(plainGz, SMALL);
        assertEquals(3, MpsReader.read(plainGz).rowCount(), "an uncompressed .gz is read as text");
    }

    /**
     * A large file is read completely and exactly: 2,000 rows, 20,000 columns and 300,000 non-zeros,
     * every one of them in its row with its value. How fast is a figure, not a test: the solvers
     * benchmark reports how long MpsReader takes on the BNN training models.
     */
    @Test
    void manyNonZerosAreReadCompletely() throws IOException {
        int n = 20_000;
        int rows = 2_000;
        int perRow = n * 15 / rows;
        int[][] columns = new int[rows][perRow];
        double[][] values = new double[rows][perRow];
        int[] filled = new int[rows];
        StringBuilder sb = new StringBuilder("NAME BIG\nROWS\n N obj\n");
        for (int i = 0; i < rows; i++) {
            sb.append(" L r").append(i).append('\n');
        }
        sb.append("COLUMNS\n");
        java.util.Random random = new java.util.Random(1);
        for (int j = 0; j < n; j++) {
            sb.append("    x").append(j).append(" obj ").append(j % 7);
            for (int k = 0; k < 15; k++) {
                int row = (j * 15 + k) % rows;
                int value = random.nextInt(100) + 1;
                sb.append(k % 2 == 0 ? "\n    x" + j : "").append(" r").append(row).append(' ').append(value);
                columns[row][filled[row]] = j;
                values[row][filled[row]++] = value;
            }
            sb.append('\n');
        }
        sb.append("RHS\n");
        for (int i = 0; i < rows; i++) {
            sb.append("    RHS r").append(i).append(" 1\n");
        }
        sb.append("ENDATA\n");
        MilpModel m = free(sb.toString());
        assertEquals(rows, m.rowCount());
        assertEquals(n, m.variableCount());
        assertEquals(300_000, m.nonZeroCount());
        for (int j = 0; j < n; j++) {
            assertEquals(j % 7, m.objectiveCoefficient(j), "objective of x" + j);
        }
        for (int i = 0; i < rows; i++) {
            assertRow(m.row(i), "r" + i, Double.NEGATIVE_INFINITY, 1, columns[i], values[i]);
        }
    }

    private static void assertRow(Row r, String name, double lo, double hi, int[] cols, double[] vals) {
        assertEquals(name, r.name());
        assertEquals(lo, r.lower(), name + " lower");
        assertEquals(hi, r.upper(), name + " upper");
        org.junit.jupiter.api.Assertions.assertArrayEquals(cols, r.columns(), name + " columns");
        org.junit.jupiter.api.Assertions.assertArrayEquals(vals, r.coefficients(), name + " coefficients");
    }

    private static void assertRowBounds(MilpModel m, String name, double lo, double hi) {
        Row r = m.row(m.rowIndex(name).orElseThrow());
        assertEquals(lo, r.lower(), name + " lower");
        assertEquals(hi, r.upper(), name + " upper");
    }

    private static void assertBounds(MilpModel m, String name, double lo, double hi, boolean integer) {
        Variable v = m.variable(m.variableIndex(name).orElseThrow());
        assertEquals(new Variable(name, lo, hi, integer ? VariableType.INTEGER : VariableType.CONTINUOUS), v);
    }
}
