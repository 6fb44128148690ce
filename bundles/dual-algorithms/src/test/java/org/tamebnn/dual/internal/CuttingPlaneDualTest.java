package org.tamebnn.dual.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.dual.DualRequest;
import org.tamebnn.api.dual.DualResult;
import org.tamebnn.api.dual.RightHandSide;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.MilpSolvers;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.dual.StandardFormDual;

class CuttingPlaneDualTest {
    static final MilpSolver GLOP = MilpSolvers.create("ortools-glop");

    /** The running example (notes §5) at right-hand side b. */
    static MilpModel running(double b) {
        MilpModel.Builder m = MilpModel.builder("running");
        int x1 = m.integer("x1", 0, Double.POSITIVE_INFINITY);
        int x2 = m.integer("x2", 0, Double.POSITIVE_INFINITY);
        int y1 = m.continuous("y1", 0, Double.POSITIVE_INFINITY);
        int y2 = m.continuous("y2", 0, Double.POSITIVE_INFINITY);
        m.objective(x1, 0.5).objective(y1, 2).objective(y2, 1);
        m.row("row").term(x1, 1).term(x2, -1.5).term(y1, 1).term(y2, -1).equalTo(b);
        return m.build();
    }

    /** The running example's value function in closed form (notes §5.1). */
    static double zRunning(double b) {
        if (b >= 0) {
            double n = Math.floor(b);
            return Math.min(n / 2 + 2 * (b - n), (n + 1) / 2 + (n + 1 - b));
        }
        double k = Math.floor(-b / 1.5);
        return Math.min(-(b + 1.5 * k), 2 * (b + 1.5 * (k + 1)));
    }

    /** The pure IP of notes §4.2: min 3x₁ + 4x₂, 2x₁ + 3x₂ = d. */
    static MilpModel pureIp(double d) {
        MilpModel.Builder m = MilpModel.builder("pure");
        int x1 = m.integer("x1", 0, Double.POSITIVE_INFINITY);
        int x2 = m.integer("x2", 0, Double.POSITIVE_INFINITY);
        m.objective(x1, 3).objective(x2, 4);
        m.row("row").term(x1, 2).term(x2, 3).equalTo(d);
        return m.build();
    }

    static final double[] PURE_Z = { 0, Double.POSITIVE_INFINITY, 3, 4, 6, 7, 8, 10, 11, 12, 14, 15, 16 };

    static double[] d(double x) {
        return new double[] { x };
    }

    /** Notes §5.5: one GMI cut x₁ − x₂ + 2y₁ ≥ 1, v = −1, w = 3/2, and the table row F_CP of §5.4. */
    @Test
    void reproducesTheWorkedGmiExample() {
        DualResult r = new CuttingPlaneDual().construct(running(0.5), DualRequest.of(GLOP));
        assertTrue(r.hasFunction(), r.message());
        var f = (CuttingPlaneDual.GomoryFunction) r.function().orElseThrow();
        assertEquals(1, f.cuts().size());
        CuttingPlaneDual.Cut cut = f.cuts().get(0);
        assertTrue(cut.gmi());
        assertEquals(BigFraction.of(1, 2), cut.f());
        assertArrayEquals(new BigFraction[] { BigFraction.ONE }, cut.lambda0());
        assertArrayEquals(new BigFraction[] { BigFraction.of(1), BigFraction.of(-1), BigFraction.of(2), BigFraction.ZERO },
                cut.coefficients());
        assertEquals(BigFraction.ONE, cut.rhs());
        assertArrayEquals(new BigFraction[] { BigFraction.of(-1) }, f.v());
        assertArrayEquals(new BigFraction[] { BigFraction.of(3, 2) }, f.w());
        assertEquals(1.0, r.valueAtB());
        assertTrue(r.message().startsWith("strong at b"), r.message());
        assertEquals(Certificate.Kind.SUBADDITIVE_DUAL_FEASIBLE, f.certificate().kind());

        double[] ds = { -3, -2.5, -2, -1.5, -1, -0.5, 0, 0.25, 0.5, 0.75, 1, 1.5, 2, 2.5, 3 };
        double[] table = { -1.5, -0.5, -1, 0, -0.5, 0.5, 0, 0.5, 1, 0.75, 0.5, 1.5, 1, 2, 1.5 };
        for (int k = 0; k < ds.length; k++) {
            assertEquals(table[k], f.value(d(ds[k])), 0, "F_CP(" + ds[k] + ")");
        }
        // F_CP ≤ z on [−6, 6], equal for d ≥ 0 and on [−½, 0] (notes §5.5)
        for (int k = -6 * 64; k <= 6 * 64; k++) {
            double x = k / 64.0;
            double fx = f.value(d(x));
            assertTrue(fx <= zRunning(x) + 1e-12, "F_CP(" + x + ") = " + fx + " > z = " + zRunning(x));
            if (x >= -0.5) {
                assertEquals(zRunning(x), fx, 1e-12, "F_CP = z at " + x);
            }
        }
        // the dual's constraints (TAM (11)): F(1) ≤ ½, F(−3/2) ≤ 0, F̄(1) ≤ 2, F̄(−1) ≤ 1, all tight
        assertEquals(0.5, f.value(d(1)));
        assertEquals(0.0, f.value(d(-1.5)));
        assertEquals(2.0, f.standardUpperDerivative(d(1)));
        assertEquals(1.0, f.standardUpperDerivative(d(-1)));
    }

    /** Away from G's breakpoints one gradient; at d = ½ (t = n + f) and d = 1 (t integer) both one-sided ones. */
    @Test
    void conservativeFieldChainsThroughTheRounding() {
        var f = new CuttingPlaneDual().construct(running(0.5), DualRequest.of(GLOP)).function().orElseThrow();
        assertField(List.of(2.0), f.conservativeField(d(0.25)));
        assertField(List.of(-1.0), f.conservativeField(d(0.75)));
        assertField(List.of(-1.0, 2.0), f.conservativeField(d(0.5)));
        assertField(List.of(2.0, -1.0), f.conservativeField(d(1)));
        assertField(List.of(2.0, -1.0), f.conservativeField(d(-3)));
    }

    private static void assertField(List<Double> expected, List<double[]> field) {
        assertEquals(expected.size(), field.size(), "field " + field.stream().map(Arrays::toString).toList());
        for (int k = 0; k < expected.size(); k++) {
            assertEquals(expected.get(k), field.get(k)[0], 1e-12);
        }
    }

    /** The pure IP of notes §4.2 with fractional cuts: a bound everywhere, strong at b once integral. */
    @Test
    void pureIntegerExampleWithFractionalCuts() {
        for (int b = 1; b <= 12; b++) {
            DualResult r = new CuttingPlaneDual().construct(pureIp(b), DualRequest.of(GLOP));
            assertTrue(r.hasFunction(), r.message());
            var f = (CuttingPlaneDual.GomoryFunction) r.function().orElseThrow();
            assertTrue(f.cuts().stream().noneMatch(CuttingPlaneDual.Cut::gmi), "fractional cuts on a pure IP");
            for (int x = 0; x < PURE_Z.length; x++) {
                assertTrue(f.value(d(x)) <= PURE_Z[x] + 1e-12, "b = " + b + ": F(" + x + ") = " + f.value(d(x)));
            }
            assertEquals(0.0, f.value(d(0)));
            assertTrue(f.value(d(2)) <= 3 && f.value(d(3)) <= 4, "F(a_j) ≤ c_j");
            if (r.message().startsWith("strong")) {
                assertEquals(PURE_Z[b], r.valueAtB(), 1e-12, "b = " + b);
            } else {
                assertTrue(r.valueAtB() <= PURE_Z[b]);
            }
            if (b != 1) {
                assertTrue(r.message().startsWith("strong"), "b = " + b + ": " + r.message());
            }
        }
    }

    /**
     * Bounds, inequality rows and a maximisation, through the standard form: F(d) ≤ z(d) (min
     * form) at right-hand sides solved by SCIP, and F(b) = z(b) when the loop ends integral.
     */
    @Test
    void boundsAndSensesThroughTheStandardForm() {
        MilpModel.Builder m = MilpModel.builder("knap").sense(Sense.MAXIMIZE);
        int x = m.integer("x", 0, 3);
        int y = m.integer("y", 1, Double.POSITIVE_INFINITY);
        int s = m.continuous("s", 0, 2.5);
        m.objective(x, 5).objective(y, 4).objective(s, 1).objectiveOffset(2);
        m.row("cap").term(x, 6).term(y, 4).term(s, 1).atMost(24);
        m.row("mix").term(x, 1).term(y, 2).atMost(6);
        MilpModel model = m.build();
        MilpSolver scip = MilpSolvers.create("ortools-scip");
        DualResult r = new CuttingPlaneDual().construct(model, DualRequest.of(GLOP).withRows(0));
        assertTrue(r.hasFunction(), r.message());
        var f = r.function().orElseThrow();
        assertEquals(Certificate.Kind.VALID_BY_CONSTRUCTION, f.certificate().kind(), "not the identity map");
        for (double cap = 0; cap <= 40; cap += 0.5) {
            SolveResult z = scip.solve(RightHandSide.at(model, new int[] { 0 }, d(cap)));
            if (z.status() == SolveStatus.OPTIMAL) {
                assertTrue(f.value(d(cap)) <= -z.objective() + 1e-6, "cap " + cap + ": F = " + f.value(d(cap))
                        + ", z = " + -z.objective());
            }
        }
        SolveResult atB = scip.solve(model);
        if (r.message().startsWith("strong")) {
            assertEquals(-atB.objective(), r.valueAtB(), 1e-9);
        }
        StandardFormDual sd = (StandardFormDual) f;
        assertFalse(sd.standardForm().isDirect());
    }

    /** Two varying rows: F(d) ≤ z(d) on a grid (SCIP), and a conservative field of 2-vectors. */
    @Test
    void twoVaryingRows() {
        MilpModel.Builder m = MilpModel.builder("two");
        int x1 = m.integer("x1", 0, Double.POSITIVE_INFINITY);
        int x2 = m.integer("x2", 0, Double.POSITIVE_INFINITY);
        int x3 = m.integer("x3", 0, Double.POSITIVE_INFINITY);
        int y = m.continuous("y", 0, Double.POSITIVE_INFINITY);
        m.objective(x1, 2).objective(x2, 3).objective(x3, 1).objective(y, 4);
        m.row("r1").term(x1, 2).term(x2, 1).term(x3, -1).term(y, 1).equalTo(3.5);
        m.row("r2").term(x1, 1).term(x2, 3).term(x3, 1).equalTo(4);
        MilpModel model = m.build();
        DualResult r = new CuttingPlaneDual().construct(model, DualRequest.of(GLOP));
        assertTrue(r.hasFunction(), r.message());
        var f = r.function().orElseThrow();
        assertEquals(Certificate.Kind.SUBADDITIVE_DUAL_FEASIBLE, f.certificate().kind());
        MilpSolver scip = MilpSolvers.create("ortools-scip");
        int[] rows = { 0, 1 };
        for (double d1 = -2; d1 <= 6; d1 += 0.5) {
            for (double d2 = 0; d2 <= 6; d2 += 1) {
                double[] d = { d1, d2 };
                SolveResult z = scip.solve(RightHandSide.at(model, rows, d));
                if (z.status() == SolveStatus.OPTIMAL) {
                    assertTrue(f.value(d) <= z.objective() + 1e-6, "F" + Arrays.toString(d) + " = " + f.value(d)
                            + " > z = " + z.objective());
                }
                for (double[] g : f.conservativeField(d)) {
                    assertEquals(2, g.length);
                }
            }
        }
        SolveResult atB = scip.solve(model);
        assertTrue(r.valueAtB() <= atB.objective() + 1e-6);
        if (r.message().startsWith("strong")) {
            assertEquals(atB.objective(), r.valueAtB(), 1e-6);
        }
    }

    @Test
    void refusesWhatItCannotDo() {
        MilpModel.Builder big = MilpModel.builder("big");
        for (int j = 0; j < 50; j++) {
            big.integer("x" + j, 0, 1);
        }
        for (int i = 0; i < 45; i++) {
            big.row("r" + i).term(i % 50, 1).term((i + 1) % 50, 1).atMost(1);
        }
        DualResult r = new CuttingPlaneDual().construct(big.build(), DualRequest.of(GLOP));
        assertFalse(r.hasFunction());
        assertTrue(r.message().contains("at most " + CuttingPlaneDual.MAX_STANDARD_ROWS + " rows"), r.message());

        DualResult infeasible = new CuttingPlaneDual().construct(pureIp(-2), DualRequest.of(GLOP));
        assertFalse(infeasible.hasFunction());
        assertTrue(infeasible.message().contains("infeasible"), infeasible.message());

        DualResult unknown = new CuttingPlaneDual().construct(pureIp(5), DualRequest.of(GLOP).withOption("depth", "3"));
        assertFalse(unknown.hasFunction());
        assertTrue(unknown.message().contains("unknown option 'depth'"), unknown.message());

        DualResult fractionalOnMixed = new CuttingPlaneDual().construct(running(0.5),
                DualRequest.of(GLOP).withOption("family", "fractional"));
        assertFalse(fractionalOnMixed.hasFunction());
    }

    /** With no rounds the function is the LP dual's linear function (notes §4.0): F(d) = d/2 in the example. */
    @Test
    void zeroRoundsIsTheLpDual() {
        DualResult r = new CuttingPlaneDual().construct(running(0.5), DualRequest.of(GLOP).withOption("rounds", "0"));
        var f = r.function().orElseThrow();
        assertEquals(0.25, r.valueAtB());
        assertEquals(1.5, f.value(d(3)));
        assertTrue(r.message().contains("round limit"), r.message());
    }
}
