package org.tamebnn.dual.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.dual.DualRequest;
import org.tamebnn.api.dual.DualResult;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.MilpSolvers;

class LinearRepresentationDualTest {
    static final MilpSolver GLOP = MilpSolvers.create("ortools-glop");

    static double[] d(double... x) {
        return x;
    }

    /** Notes §4.4: F = 0, 2, 3, 4, 6, 7, 8, 10, 11 on d = 0..8 for b = 8, exact in rationals. */
    @Test
    void reproducesTheNotesExample() {
        DualResult r = new LinearRepresentationDual().construct(CuttingPlaneDualTest.pureIp(8), DualRequest.of(GLOP));
        assertTrue(r.hasFunction(), r.message());
        var f = (LinearRepresentationDual.BoxFunction) r.function().orElseThrow();
        assertArrayEquals(new double[] { 0, 2, 3, 4, 6, 7, 8, 10, 11 }, f.values(), 0);
        assertEquals(11, r.valueAtB());
        assertEquals(Certificate.Kind.VALID_BY_CONSTRUCTION, f.certificate().kind());
        assertTrue(f.certificate().evidence().contains("verified exactly"), f.certificate().evidence());
        assertEquals(Double.NEGATIVE_INFINITY, f.value(d(9)), "outside the box");
        assertEquals(Double.NEGATIVE_INFINITY, f.value(d(2.5)), "between lattice points");
        assertEquals(Double.NEGATIVE_INFINITY, f.value(d(-1)));
        assertTrue(f.conservativeField(d(4)).isEmpty());

        var seven = (LinearRepresentationDual.BoxFunction) new LinearRepresentationDual()
                .construct(CuttingPlaneDualTest.pureIp(7), DualRequest.of(GLOP)).function().orElseThrow();
        assertArrayEquals(new double[] { 0, 2, 3, 4, 6, 7, 8, 10 }, seven.values(), 0);
    }

    /** The notes' own LP, max F(b): F(b) = z(b), every value still a bound. */
    @Test
    void maximisingFOfBIsStrongAtB() {
        DualResult r = new LinearRepresentationDual().construct(CuttingPlaneDualTest.pureIp(8),
                DualRequest.of(GLOP).withOption("objective", "b"));
        assertEquals(11, r.valueAtB(), 1e-9);
        var f = r.function().orElseThrow();
        for (int x = 0; x <= 8; x++) {
            assertTrue(f.value(d(x)) <= CuttingPlaneDualTest.PURE_Z[x] + 1e-9);
        }
    }

    /** Two rows: F = z at every reachable point of the box, by brute force. */
    @Test
    void twoRowsGiveTheValueFunctionOnTheBox() {
        MilpModel.Builder m = MilpModel.builder("two");
        int x = m.integer("x", 0, Double.POSITIVE_INFINITY);
        int y = m.integer("y", 0, Double.POSITIVE_INFINITY);
        int w = m.integer("w", 0, Double.POSITIVE_INFINITY);
        m.objective(x, 2).objective(y, 3).objective(w, 4);
        m.row("r1").term(x, 1).term(w, 1).equalTo(3);
        m.row("r2").term(y, 2).term(w, 1).equalTo(4);
        DualResult r = new LinearRepresentationDual().construct(m.build(), DualRequest.of(GLOP));
        assertTrue(r.hasFunction(), r.message());
        var f = r.function().orElseThrow();
        for (int d1 = 0; d1 <= 3; d1++) {
            for (int d2 = 0; d2 <= 4; d2++) {
                double z = Double.POSITIVE_INFINITY;
                for (int ww = 0; ww <= Math.min(d1, d2); ww++) {
                    if ((d2 - ww) % 2 == 0) {
                        z = Math.min(z, 2 * (d1 - ww) + 3 * (d2 - ww) / 2 + 4 * ww);
                    }
                }
                double fx = f.value(d(d1, d2));
                if (Double.isFinite(z)) {
                    assertEquals(z, fx, 1e-9, "F(" + d1 + ", " + d2 + ")");
                } else {
                    assertTrue(Double.isFinite(fx), "a finite value at an unreachable point");
                }
            }
        }
    }

    @Test
    void refusesLargeBoxesAndMixedModels() {
        DualResult big = new LinearRepresentationDual().construct(CuttingPlaneDualTest.pureIp(500),
                DualRequest.of(GLOP));
        assertFalse(big.hasFunction());
        assertTrue(big.message().contains("maxPoints"), big.message());
        DualResult mixed = new LinearRepresentationDual().construct(CuttingPlaneDualTest.running(1),
                DualRequest.of(GLOP));
        assertFalse(mixed.hasFunction());
        assertTrue(mixed.message().contains("pure integer"), mixed.message());
    }
}
