package org.tamebnn.api.mps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tamebnn.api.mps.MpsTesting.lines;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error names the source, the line and the field. */
class MpsReaderErrorTest {

    /** A valid file up to and including COLUMNS (lines 1–8); tests append from line 9 on. */
    private static final String HEAD = lines(
            "NAME T",          // 1
            "ROWS",            // 2
            " N obj",          // 3
            " L c1",           // 4
            " G c2",           // 5
            "COLUMNS",         // 6
            "    x obj 1 c1 1", // 7
            "    y c1 2 c2 1"); // 8

    private static MpsException fails(String text, MpsFormat format) {
        return assertThrows(MpsException.class, () -> MpsTesting.read(text, format));
    }

    private static MpsException fails(String text) {
        return fails(text, MpsFormat.FREE);
    }

    private static void assertError(MpsException e, int line, String field, String... fragments) {
        assertEquals("test.mps", e.source());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith("test.mps:" + line + ": " + field + ": "), e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), e.getMessage() + " should mention " + fragment);
        }
    }

    @Test
    void malformedNumber() {
        assertError(fails(HEAD + "RHS\n    RHS c1 1.2.3\nENDATA\n"), 10, "RHS value", "'1.2.3' is not a number");
        assertError(fails(lines("NAME T", "ROWS", " N obj", "COLUMNS", "    x obj abc", "ENDATA")), 5,
                "COLUMNS value", "'abc'");
        assertError(fails(HEAD + "BOUNDS\n UP BND x 1x\nENDATA\n"), 10, "BOUNDS value", "'1x'");
    }

    @Test
    void nanIsRejected() {
        assertError(fails(HEAD + "RHS\n    RHS c1 nan\nENDATA\n"), 10, "RHS value", "'nan' is not a number");
        assertError(fails(HEAD + "BOUNDS\n UP BND x NaN\nENDATA\n"), 10, "BOUNDS value", "'NaN'");
        assertError(fails(HEAD + "RANGES\n    RNG c1 nan\nENDATA\n"), 10, "RANGES value", "'nan'");
    }

    @Test
    void infiniteCoefficient() {
        assertError(fails(HEAD.replace("y c1 2", "y c1 inf")), 8, "COLUMNS value", "infinite");
    }

    @Test
    void unknownRowOrColumn() {
        assertError(fails(HEAD + "    z c3 1\nENDATA\n"), 9, "COLUMNS row name", "unknown row 'c3'");
        assertError(fails(HEAD + "RHS\n    RHS c9 1\nENDATA\n"), 10, "RHS row name", "unknown row 'c9'");
        assertError(fails(HEAD + "RANGES\n    RNG c9 1\nENDATA\n"), 10, "RANGES row name", "'c9'");
        assertError(fails(HEAD + "BOUNDS\n UP BND zz 1\nENDATA\n"), 10, "BOUNDS column name",
                "unknown column 'zz'");
    }

    @Test
    void unknownSection() {
        assertError(fails(HEAD + "SOS\n S1 SOS s1 1\nENDATA\n"), 9, "section", "unknown section 'SOS'");
        assertError(fails("NAME T\nROWZ\nENDATA\n"), 2, "section", "'ROWZ'");
    }

    @Test
    void missingEndata() {
        assertError(fails(HEAD), 8, "ENDATA", "without ENDATA");
        assertError(fails(HEAD + "RHS\n    RHS c1 1\n* trailing comment\n"), 11, "ENDATA");
    }

    @Test
    void unknownBoundType() {
        assertError(fails(HEAD + "BOUNDS\n XX BND x 1\nENDATA\n"), 10, "BOUNDS type",
                "unknown bound type 'XX' (expected UP, LO, FX, FR, MI, PL, BV, LI, UI, SC)");
    }

    @Test
    void semiContinuousBoundsAreNotSupported() {
        assertError(fails(HEAD + "BOUNDS\n SC BND x 5\nENDATA\n"), 10, "BOUNDS type",
                "semi-continuous bounds are not supported");
    }

    @Test
    void emptyFile() {
        assertError(fails(""), 1, "file", "empty");
        assertError(fails("* only\n\n* comments\n"), 3, "file", "empty");
    }

    @Test
    void duplicates() {
        assertError(fails(HEAD + "    y c1 3\nENDATA\n"), 9, "COLUMNS", "duplicate entry for row 'c1' and column 'y'",
                "line 8");
        assertError(fails(HEAD + "    x obj 3\nENDATA\n"), 9, "COLUMNS", "duplicate entry for objective row");
        assertError(fails(HEAD + "RHS\n    RHS c1 1 c1 2\nENDATA\n"), 10, "RHS", "duplicate entry for row 'c1'");
        assertError(fails(lines("NAME T", "ROWS", " N obj", " L c1", " G c1", "ENDATA")), 5, "ROWS name",
                "duplicate row name 'c1'");
    }

    @Test
    void modelValidationFailuresPointAtTheLineThatCausedThem() {
        MpsException bounds = fails(HEAD + "BOUNDS\n UP BND x 1\n LO BND x 5\nENDATA\n");
        assertError(bounds, 11, "BOUNDS", "variable 'x'", "lower bound 5.0 > upper bound 1.0");
        assertEquals(org.tamebnn.api.milp.ModelException.class, bounds.getCause().getClass());
        assertError(fails(lines("NAME T", "ROWS", " N obj", " E e", "COLUMNS", "    x e 1", "RHS", "    RHS e inf",
                "ENDATA")), 8, "RHS", "row 'e'");
        assertError(fails(HEAD + "RHS\n    RHS obj -inf\nENDATA\n"), 10, "RHS value", "must be finite");
    }

    @Test
    void structuralErrors() {
        assertError(fails(lines("NAME T", "ROWS", " X r", "ENDATA")), 3, "ROWS type", "unknown row type 'X'");
        assertError(fails(lines("NAME T", "ROWS", " L r s", "ENDATA")), 3, "ROWS", "found 3 fields");
        assertError(fails(HEAD + "    z c1\nENDATA\n"), 9, "COLUMNS", "found 2 fields");
        assertError(fails(lines("NAME T", "    x", "ENDATA")), 2, "NAME", "unexpected data line");
        assertError(fails(lines("  x obj 1", "ENDATA")), 1, "section", "before any section");
        assertError(fails(lines("NAME T", "ROWS", " N obj", "ROWS", "ENDATA")), 4, "section", "second ROWS");
        assertError(fails(lines("NAME T", "ENDATA")), 2, "ROWS", "no ROWS section");
        assertError(fails(lines("NAME T", "OBJSENSE", "    UP", "ENDATA")), 3, "OBJSENSE value", "'UP'");
        assertError(fails(lines("NAME T", "OBJSENSE", "ROWS", "ENDATA")), 3, "OBJSENSE value", "without a value");
        assertError(fails(lines("NAME T", "OBJNAME cost", "ROWS", " N obj", "COLUMNS", "ENDATA")), 2, "OBJNAME",
                "no N row named 'cost'");
        assertError(fails(HEAD + "RHS\n    A c1 1\n    B c2 1\nENDATA\n"), 11, "RHS set name",
                "a second RHS set 'B'");
        assertError(fails(HEAD + "RANGES\n    RNG obj 1\nENDATA\n"), 10, "RANGES row name", "objective");
        assertError(fails(HEAD + "BOUNDS\n UP BND x\nENDATA\n"), 10, "BOUNDS value", "missing value");
        assertError(fails(HEAD + "BOUNDS\n UP x\nENDATA\n"), 10, "BOUNDS", "found 2 fields");
    }

    @Test
    void markerErrors() {
        String open = "    M 'MARKER' 'INTORG'\n";
        assertError(fails(HEAD + open + "    z c1 1\nRHS\nENDATA\n"), 9, "COLUMNS marker", "not closed");
        assertError(fails(HEAD + open + open + "ENDATA\n"), 10, "COLUMNS marker", "line 9");
        assertError(fails(HEAD + "    M 'MARKER' 'INTEND'\nENDATA\n"), 9, "COLUMNS marker", "without an open");
        assertError(fails(HEAD + "    M 'MARKER' 'SOSORG'\nENDATA\n"), 9, "COLUMNS marker", "'SOSORG'");
    }

    @Test
    void fixedFormatErrorsToo() {
        String text = HEAD.replace("NAME T", "NAME          T") + "BOUNDS\n XX BND       x            1\nENDATA\n";
        assertError(fails(text, MpsFormat.FIXED), 10, "BOUNDS type", "'XX'");
    }

    @Test
    void corruptGzipNamesTheSourceAndLine(@TempDir Path dir) throws Exception {
        byte[] bytes = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3};
        MpsException e = assertThrows(MpsException.class,
                () -> MpsReader.read(new ByteArrayInputStream(bytes), "broken.mps.gz", MpsFormat.FREE));
        assertEquals("broken.mps.gz", e.source());
        assertEquals("file", e.field());
        assertTrue(e.line() >= 1);
        Path file = dir.resolve("x.mps");
        Files.writeString(file, HEAD);
        MpsException fromPath = assertThrows(MpsException.class, () -> MpsReader.read(file));
        assertTrue(fromPath.getMessage().startsWith("x.mps:8: ENDATA: "), fromPath.getMessage());
    }
}
