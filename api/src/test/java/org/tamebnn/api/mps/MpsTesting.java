package org.tamebnn.api.mps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Row;

/** Helpers shared by the MPS tests. */
final class MpsTesting {
    private MpsTesting() {
    }

    static MilpModel read(String text, MpsFormat format) throws IOException {
        return MpsReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.mps", format);
    }

    static MilpModel free(String text) throws IOException {
        return read(text, MpsFormat.FREE);
    }

    static String write(MilpModel model, MpsFormat format) throws IOException {
        StringWriter out = new StringWriter();
        MpsWriter.write(model, out, format);
        return out.toString();
    }

    /** The lines joined, each ended by a newline. */
    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    /** A fixed-format data line with each field at its column (null fields left blank). */
    static String fixed(String f1, String f2, String f3, String f4, String f5, String f6) {
        int[] start = {1, 4, 14, 24, 39, 49};
        String[] f = {f1, f2, f3, f4, f5, f6};
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 6; k++) {
            if (f[k] != null) {
                while (sb.length() < start[k]) {
                    sb.append(' ');
                }
                boolean number = k == 3 || k == 5;
                if (number) {
                    while (sb.length() < start[k] + 12 - f[k].length()) {
                        sb.append(' ');
                    }
                }
                sb.append(f[k]);
            }
        }
        return sb.toString();
    }

    /** True for a two-sided row the writer cannot encode exactly, as a reader's arithmetic shows. */
    static boolean rangeIsInexact(Row row) {
        try {
            RowForm form = RowForm.of(row, "test");
            if (!form.isRanged()) {
                return false;
            }
            double rebuilt = form.type() == 'L' ? form.rhs() - form.range() : form.rhs() + form.range();
            return rebuilt != (form.type() == 'L' ? row.lower() : row.upper());
        } catch (MpsException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Asserts two models are identical in everything MPS can carry; the one exception is a two-sided
     * row that no MPS file can express exactly, whose derived side may differ by one ulp.
     */
    static void assertSameModel(MilpModel expected, MilpModel actual) {
        assertEquals(expected.name(), actual.name(), "name");
        assertEquals(expected.objectiveName(), actual.objectiveName(), "objective name");
        assertEquals(expected.sense(), actual.sense(), "sense");
        assertEquals(expected.objectiveOffset(), actual.objectiveOffset(), "offset");
        assertEquals(expected.variables(), actual.variables(), "variables");
        assertArrayEquals(expected.objective(), actual.objective(), "objective");
        assertEquals(expected.rowCount(), actual.rowCount(), "row count");
        for (int i = 0; i < expected.rowCount(); i++) {
            Row e = expected.row(i);
            Row a = actual.row(i);
            String what = "row " + e.name();
            assertEquals(e.name(), a.name(), what);
            if (rangeIsInexact(e)) {
                // No MPS encoding gives both sides exactly (see RowForm.ranged): allow one ulp.
                double ulp = Math.ulp(Math.max(Math.abs(e.lower()), Math.abs(e.upper())));
                assertEquals(e.lower(), a.lower(), ulp, what + " lower");
                assertEquals(e.upper(), a.upper(), ulp, what + " upper");
            } else {
                assertEquals(e.lower(), a.lower(), what + " lower");
                assertEquals(e.upper(), a.upper(), what + " upper");
            }
            assertArrayEquals(e.columns(), a.columns(), what + " columns");
            assertArrayEquals(e.coefficients(), a.coefficients(), what + " coefficients");
        }
    }
}
