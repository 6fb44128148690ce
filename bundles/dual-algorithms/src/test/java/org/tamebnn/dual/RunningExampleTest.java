package org.tamebnn.dual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.commons.numbers.fraction.Fraction;
import org.junit.jupiter.api.Test;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.dual.DualFunction;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.MilpSolvers;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;

/** The paper's example (10): closed form, breakpoint table, (12) with (13), F_LP (notes §5). */
class RunningExampleTest {

    @Test
    void closedFormEqualsEnumerationInExactRationals() {
        // notes §5.1: checked on [−8, 8] with step 1/48
        for (int k = -384; k <= 384; k++) {
            Fraction b = Fraction.of(k, 48);
            int bound = 2 * Math.abs(k) / 48 + 4;
            assertEquals(RunningExample.valueFunctionByEnumeration(b, bound), RunningExample.valueFunction(b),
                    "z(" + b + ")");
            assertEquals(RunningExample.valueFunction(b).doubleValue(), RunningExample.valueFunction(b.doubleValue()),
                    1e-12);
        }
    }

    @Test
    void identitiesOfNotes51() {
        for (int k = 0; k <= 200; k++) {
            Fraction b = Fraction.of(k, 40);
            assertEquals(RunningExample.valueFunction(b).add(Fraction.of(1, 2)),
                    RunningExample.valueFunction(b.add(1)), "z(b+1) = z(b) + 1/2 at " + b);
            Fraction c = b.negate();
            assertEquals(RunningExample.valueFunction(c),
                    RunningExample.valueFunction(c.subtract(Fraction.of(3, 2))), "z(b - 3/2) = z(b) at " + c);
        }
    }

    @Test
    void theBreakpointTableAgreesWithTheClosedForm() {
        Fraction h = Fraction.of(1, 1000);
        for (RunningExample.Breakpoint row : RunningExample.breakpointTable()) {
            Fraction z = RunningExample.valueFunction(row.b());
            assertEquals(row.z(), z, "z at " + row.b());
            if (row.slopeLeft() != null) {
                assertEquals(row.slopeLeft(), z.subtract(RunningExample.valueFunction(row.b().subtract(h))).divide(h),
                        "left slope at " + row.b());
            }
            if (row.slopeRight() != null) {
                assertEquals(row.slopeRight(), RunningExample.valueFunction(row.b().add(h)).subtract(z).divide(h),
                        "right slope at " + row.b());
            }
        }
        assertEquals(14, RunningExample.breakpointTable().size());
    }

    @Test
    void theModelSolvesToTheClosedForm() {
        MilpSolver scip = MilpSolvers.create("ortools-scip");
        for (double b : new double[] {-2.5, -1, 0.5, 1, 2.25, 3.5}) {
            SolveResult r = scip.solve(RunningExample.model(b));
            assertEquals(SolveStatus.OPTIMAL, r.status(), r.toString());
            assertEquals(RunningExample.valueFunction(b), r.objective(), 1e-6, "z(" + b + ")");
        }
        assertEquals(0, RunningExample.model(0).objectiveCoefficient(1), "x2 costs 0 in the paper");
    }

    @Test
    void twoSegmentFunction12IsALocalModelNotABound() {
        DualFunction f = RunningExample.twoSegment();
        assertEquals(Certificate.Kind.NOT_A_BOUND, f.certificate().kind());
        assertFalse(f.certificate().isBound());
        // the counterexample of notes §5.1: 2 at b = 1 while z(1) = 1/2
        assertEquals(2, f.value(new double[] {1}), 0);
        assertEquals(0.5, RunningExample.valueFunction(1), 0);
        assertTrue(f.value(new double[] {1}) > RunningExample.valueFunction(1));
        assertTrue(f.certificate().evidence().contains("gives 2 at b = 1 where z(1) = ½"), f.certificate().evidence());
        // it is z near 0: z = z_C on [−1, ½]
        for (int k = -8; k <= 4; k++) {
            double b = k / 8.0;
            assertEquals(RunningExample.valueFunction(b), f.value(new double[] {b}), 1e-12, "at " + b);
        }
    }

    @Test
    void conservativeField13() {
        DualFunction f = RunningExample.twoSegment();
        assertArrayEquals(List.of(new double[] {2}), f.conservativeField(new double[] {0.3}));
        assertArrayEquals(List.of(new double[] {-1}), f.conservativeField(new double[] {-0.3}));
        // at 0 the field is the hull [−1, 2], given by its two extreme gradients
        assertArrayEquals(List.of(new double[] {-1}, new double[] {2}), f.conservativeField(new double[] {0}));
        assertEquals(2, f.pieces().size());
    }

    private static void assertArrayEquals(List<double[]> want, List<double[]> got) {
        assertEquals(want.size(), got.size());
        for (int i = 0; i < want.size(); i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(want.get(i), got.get(i), 0);
        }
    }

    @Test
    void theLpDualFunctionIsBelowZAndExactAtTheIntegers() {
        DualFunction lp = RunningExample.lpDual();
        assertEquals(Certificate.Kind.SUBADDITIVE_DUAL_FEASIBLE, lp.certificate().kind());
        for (int k = -64 * 6; k <= 64 * 6; k++) {
            double b = k / 64.0;
            assertTrue(lp.value(new double[] {b}) <= RunningExample.valueFunction(b) + 1e-12, "F_LP > z at " + b);
        }
        for (int n = 0; n <= 6; n++) {
            assertEquals(n / 2.0, lp.value(new double[] {n}), 0);
            assertEquals(RunningExample.valueFunction(n), lp.value(new double[] {n}), 0);
        }
        // the subadditive dual (11): F(1) ≤ ½, F(−3/2) ≤ 0, F̄(1) ≤ 2, F̄(−1) ≤ 1, F(0) = 0
        assertTrue(lp.value(new double[] {1}) <= 0.5);
        assertTrue(lp.value(new double[] {-1.5}) <= 0);
        assertEquals(0, lp.value(new double[] {0}), 0);
    }

    @Test
    void theClosedFormAsADualFunctionIsMinusInfinityOutsideItsInterval() {
        DualFunction z = RunningExample.closedForm(-4, 4);
        assertEquals(0.5, z.value(new double[] {1}), 0);
        assertEquals(Double.NEGATIVE_INFINITY, z.value(new double[] {4.5}));
        assertEquals(2, z.conservativeField(new double[] {1}).size());
        assertEquals(1, z.conservativeField(new double[] {1.25}).size());
    }
}
