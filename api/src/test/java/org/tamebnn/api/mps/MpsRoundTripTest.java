package org.tamebnn.api.mps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tamebnn.api.mps.MpsTesting.assertSameModel;
import static org.tamebnn.api.mps.MpsTesting.fixed;
import static org.tamebnn.api.mps.MpsTesting.write;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Sense;

class MpsRoundTripTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /** Writes in both formats, reads each back in both formats, and expects the same model every time. */
    static void assertRoundTrips(MilpModel model) throws IOException {
        for (MpsFormat written : MpsFormat.values()) {
            String text = write(model, written);
            for (MpsFormat read : MpsFormat.values()) {
                try {
                    assertSameModel(model, MpsTesting.read(text, read));
                } catch (AssertionError | MpsException e) {
                    throw new AssertionError("written " + written + ", read " + read + ": " + e.getMessage()
                            + "\n" + text, e);
                }
            }
        }
    }

    /** Every bound encoding, a maximised objective with a constant, every row form. */
    static MilpModel everything() {
        MilpModel.Builder b = MilpModel.builder("ALL").sense(Sense.MAXIMIZE).objectiveOffset(-12.25)
                .objectiveName("PROFIT");
        int cont = b.continuous("cont", 0, INF);
        int up = b.continuous("up", 0, 7.5);
        int lo = b.continuous("lo", -3, INF);
        int loup = b.continuous("loup", -5, -2);
        int fx = b.continuous("fx", 1.5, 1.5);
        int fr = b.continuous("fr", Double.NEGATIVE_INFINITY, INF);
        int mi = b.continuous("mi", Double.NEGATIVE_INFINITY, -4);
        int bin = b.binary("bin");
        int intPl = b.integer("intpl", 0, INF);
        int intLo = b.integer("intlo", 2, INF);
        int intFr = b.integer("intfr", Double.NEGATIVE_INFINITY, INF);
        int intUp = b.integer("intup", -10, 10);
        b.continuous("unused", 0, 1); // no coefficient anywhere
        int contBin = b.continuous("unitbox", 0, 1);
        b.objective(cont, 1).objective(up, -2.5).objective(bin, 1e-9).objective(intPl, 3e12);
        b.row("le").term(cont, 1).term(up, 2).term(lo, 0.1).atMost(10);
        b.row("ge").term(loup, 1).term(fx, -1).atLeast(-0.3);
        b.row("eq").term(fr, 1).term(mi, 1).term(bin, 1).equalTo(0.7);
        b.row("rng").term(intPl, 1).term(intLo, 1).between(-1.1, 2.3);
        b.row("rng2").term(intFr, 1).term(intUp, 1e-7).between(0.1, 0.3);
        b.row("empty").between(-1, 1);
        b.row("zero").term(contBin, 4).equalTo(0);
        return b.build();
    }

    @Test
    void inlineModelsRoundTrip() throws IOException {
        assertRoundTrips(everything());
        assertRoundTrips(MpsTesting.free(MpsReaderTest.SMALL));
        assertRoundTrips(MilpModel.builder("EMPTY").build());
        MilpModel.Builder onlyIntegers = MilpModel.builder("INTS");
        onlyIntegers.binary("a");
        onlyIntegers.integer("b", 0, 5);
        assertRoundTrips(onlyIntegers.build());
    }

    @Test
    void writesTheExpectedEncodings() throws IOException {
        String text = write(everything(), MpsFormat.FIXED);
        assertTrue(text.startsWith("NAME          ALL\nOBJSENSE\n    MAX\nROWS\n N  PROFIT\n"), text);
        assertLine(text, fixed("BV", "BND", "bin", null, null, null));
        assertLine(text, fixed("PL", "BND", "intpl", null, null, null));
        assertLine(text, fixed("FR", "BND", "intfr", null, null, null));
        assertLine(text, fixed("MI", "BND", "mi", null, null, null) + "\n" + fixed("UP", "BND", "mi", "-4", null, null));
        assertLine(text, fixed("FX", "BND", "fx", "1.5", null, null));
        assertLine(text, fixed("LO", "BND", "loup", "-5", null, null) + "\n"
                + fixed("UP", "BND", "loup", "-2", null, null));
        assertLine(text, fixed("UP", "BND", "unitbox", "1", null, null));
        assertFalse(text.contains(" cont\n"), "default bounds are not written");
        assertLine(text, fixed(null, "unused", "PROFIT", "0", null, null)); // declared by a 0 objective entry
        assertLine(text, fixed(null, "intpl", "PROFIT", "3E12", "rng", "1"));
        assertLine(text, fixed(null, "MARKER", "'MARKER'", null, "'INTORG'", null));
        assertLine(text, fixed(null, "MARKER", "'MARKER'", null, "'INTEND'", null));
        assertLine(text, fixed(null, "RHS", "PROFIT", "12.25", "le", "10")); // the offset, negated
        assertTrue(text.contains("\nRANGES\n"), text);
        assertTrue(text.endsWith("ENDATA\n"), text);
    }

    private static void assertLine(String text, String lines) {
        assertTrue(text.contains("\n" + lines + "\n"), "no line\n" + lines + "\nin\n" + text);
    }

    @Test
    void freeRowsAreWrittenAsNRowsAndDroppedOnReading() throws IOException {
        MilpModel.Builder b = MilpModel.builder("FREE");
        int x = b.continuous("x", 0, 1);
        b.row("free").term(x, 1).between(Double.NEGATIVE_INFINITY, INF);
        b.row("c").term(x, 2).atMost(1);
        String text = write(b.build(), MpsFormat.FREE);
        assertTrue(text.contains("\n N  free\n"), text);
        MilpModel back = MpsTesting.free(text);
        assertEquals(1, back.rowCount());
        assertEquals("c", back.row(0).name());
    }

    @Test
    void anObjectiveNamedLikeARowIsRenamed() throws IOException {
        MilpModel.Builder b = MilpModel.builder("CLASH");
        int x = b.continuous("x", 0, 1);
        b.objective(x, 1);
        b.row("obj").term(x, 1).atMost(1);
        MilpModel back = MpsTesting.free(write(b.build(), MpsFormat.FREE));
        assertEquals("obj_1", back.objectiveName());
        assertEquals("obj", back.row(0).name());
        assertEquals(1, back.objectiveCoefficient(0));
    }

    @Test
    void namesMpsCannotExpressAreRefused(@TempDir Path dir) {
        MilpModel.Builder b = MilpModel.builder("N");
        b.continuous("a_long_name", 0, 1);
        MilpModel longName = b.build();
        MpsException e = assertThrows(MpsException.class, () -> write(longName, MpsFormat.FIXED));
        assertEquals("column name", e.field());
        assertTrue(e.getMessage().contains("'a_long_name' is longer than 8 characters"), e.getMessage());
        Path file = dir.resolve("long.mps");
        assertThrows(MpsException.class, () -> MpsWriter.write(longName, file, MpsFormat.FIXED));
        assertFalse(Files.exists(file), "a refused model leaves no file behind");

        MilpModel.Builder s = MilpModel.builder("S");
        int x = s.continuous("x", 0, 1);
        s.row("has space").term(x, 1).atMost(1);
        MilpModel spaced = s.build();
        for (MpsFormat format : MpsFormat.values()) {
            MpsException se = assertThrows(MpsException.class, () -> write(spaced, format));
            assertEquals("row name", se.field());
            assertTrue(se.getMessage().contains("whitespace"), se.getMessage());
        }
    }

    @Test
    void gzipWhenTheNameEndsWithGz(@TempDir Path dir) throws IOException {
        MilpModel model = everything();
        Path gz = dir.resolve("all.mps.gz");
        MpsWriter.write(model, gz);
        try (InputStream in = Files.newInputStream(gz)) {
            assertArrayEquals(new byte[] {0x1f, (byte) 0x8b}, in.readNBytes(2));
        }
        assertSameModel(model, MpsReader.read(gz));
        Path plain = dir.resolve("all.mps");
        MpsWriter.write(model, plain);
        assertTrue(Files.readString(plain).startsWith("NAME"));
        assertSameModel(model, MpsReader.read(plain, MpsFormat.FIXED));
    }

    @Test
    void rangesAreExactWhenAnyEncodingIs() throws IOException {
        // L layout misses [0.1, 100000.3] and [1e-300, 1], E layout misses [-1, 1e-300]: take the other.
        double[][] ranges = {{0.1, 100000.3}, {-1.1, 2.3}, {1e-300, 1}, {-1, 1e-300}, {0.1, 0.30000000000000004},
            {-1e15, 1e15 + 2}, {3, 3.0000000000000004}};
        for (double[] r : ranges) {
            MilpModel.Builder b = MilpModel.builder("RNG");
            int x = b.continuous("x", 0, 1);
            b.row("r").term(x, 1).between(r[0], r[1]);
            MilpModel model = b.build();
            assertFalse(MpsTesting.rangeIsInexact(model.row(0)), java.util.Arrays.toString(r));
            assertRoundTrips(model);
        }
    }

    @Test
    void aRangeNoMpsFileCanExpressIsOffByOneUlpAtMost() throws IOException {
        // Width 1253.8… has a coarser grid than either side, so hi − R and lo + R miss for every R.
        double lo = -343.9301125685777;
        double hi = 909.8896880852297;
        MilpModel.Builder b = MilpModel.builder("RNG");
        int x = b.continuous("x", 0, 1);
        b.row("r").term(x, 1).between(lo, hi);
        MilpModel model = b.build();
        assertTrue(MpsTesting.rangeIsInexact(model.row(0)));
        MilpModel back = MpsTesting.free(write(model, MpsFormat.FREE));
        assertEquals(lo, back.row(0).lower(), Math.ulp(hi));
        assertEquals(hi, back.row(0).upper(), Math.ulp(hi));
        assertTrue(back.row(0).lower() == lo || back.row(0).upper() == hi, "one side is always exact");
    }

    @Test
    void randomModelsRoundTrip() throws IOException {
        Random random = new Random(20240611L);
        for (int k = 0; k < 200; k++) {
            MilpModel model = RandomModels.model(random, "R" + k);
            try {
                assertRoundTrips(model);
            } catch (AssertionError e) {
                throw new AssertionError("random model " + k + ": " + e.getMessage(), e);
            }
        }
    }
}
