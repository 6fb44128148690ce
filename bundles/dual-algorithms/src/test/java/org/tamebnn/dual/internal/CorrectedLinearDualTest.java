package org.tamebnn.dual.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.dual.DualRequest;
import org.tamebnn.api.dual.DualResult;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.MilpSolvers;

class CorrectedLinearDualTest {
    static final MilpSolver SCIP = MilpSolvers.create("ortools-scip");

    static double[] d(double x) {
        return new double[] { x };
    }

    /** Notes §4.2: α = 2 gives z on every feasible d ≤ 8; the search finds it from the LP dual 4/3. */
    @Test
    void reproducesTheNotesExample() {
        DualResult r = new CorrectedLinearDual().construct(CuttingPlaneDualTest.pureIp(8), DualRequest.of(SCIP));
        assertTrue(r.hasFunction(), r.message());
        var f = (CorrectedLinearDual.CorrectedLinearFunction) r.function().orElseThrow();
        assertArrayEquals(new BigFraction[] { BigFraction.of(2) }, f.alpha());
        assertEquals(11, r.valueAtB(), 1e-9);
        assertTrue(r.message().startsWith("strong at b"), r.message());
        assertEquals(Certificate.Kind.SUBADDITIVE_DUAL_FEASIBLE, f.certificate().kind());
        double[] expected = { 0, 2, 3, 4, 6, 7, 8, 10, 11 };
        for (int x = 0; x <= 8; x++) {
            assertEquals(expected[x], f.value(d(x)), 1e-9, "F(" + x + ")");
        }
        for (int x = 0; x < CuttingPlaneDualTest.PURE_Z.length; x++) {
            assertTrue(f.value(d(x)) <= CuttingPlaneDualTest.PURE_Z[x] + 1e-9);
        }
        assertEquals(Double.POSITIVE_INFINITY, f.value(d(-1)), "A ≥ 0: every d with a negative coordinate is infeasible");
        assertEquals(4.0, f.value(d(2.5)), 1e-9, "2·2.5 minus the correction at ⌊2.5⌋ = 2");
        assertEquals(2.0, f.standardUpperDerivative(d(1)));
        List<double[]> field = f.conservativeField(d(3.5));
        assertEquals(1, field.size());
        assertEquals(2.0, field.get(0)[0]);
    }

    /** The other α of notes §4.2: 4/3 (the LP dual) gives 4d/3, and 1.5 gives 1.5d − 0.5⌊d/3⌋. */
    @Test
    void weakerAlphasOfTheNotes() {
        var lp = new CorrectedLinearDual().construct(CuttingPlaneDualTest.pureIp(8),
                DualRequest.of(SCIP).withOption("alpha", String.valueOf(4.0 / 3))).function().orElseThrow();
        var mid = new CorrectedLinearDual().construct(CuttingPlaneDualTest.pureIp(8),
                DualRequest.of(SCIP).withOption("alpha", "1.5")).function().orElseThrow();
        for (int x = 0; x <= 12; x++) {
            assertEquals(4.0 * x / 3, lp.value(d(x)), 1e-9);
            assertEquals(1.5 * x - 0.5 * Math.floor(x / 3.0), mid.value(d(x)), 1e-9);
        }
    }

    @Test
    void refusesModelsOutsideTheSetting() {
        CorrectedLinearDual c = new CorrectedLinearDual();
        DualResult mixed = c.construct(CuttingPlaneDualTest.running(0.5), DualRequest.of(SCIP));
        assertFalse(mixed.hasFunction());
        assertTrue(mixed.message().contains("pure integer"), mixed.message());

        MilpModel.Builder neg = MilpModel.builder("neg");
        int x = neg.integer("x", 0, Double.POSITIVE_INFINITY);
        int y = neg.integer("y", 0, Double.POSITIVE_INFINITY);
        neg.row("r").term(x, 2).term(y, -1).equalTo(3);
        DualResult negative = c.construct(neg.build(), DualRequest.of(SCIP));
        assertFalse(negative.hasFunction());
        assertTrue(negative.message().contains("nonnegative integer matrix"), negative.message());

        MilpModel.Builder ge = MilpModel.builder("ge");
        int u = ge.integer("u", 0, Double.POSITIVE_INFINITY);
        ge.objective(u, 1);
        ge.row("r").term(u, 2).atLeast(3);
        DualResult surplus = c.construct(ge.build(), DualRequest.of(SCIP));
        assertFalse(surplus.hasFunction());

        DualResult fractional = c.construct(CuttingPlaneDualTest.pureIp(2.5), DualRequest.of(SCIP));
        assertFalse(fractional.hasFunction());
        assertTrue(fractional.message().contains("nonnegative integer vector"), fractional.message());
    }

    /** A fixed ≤ row with integer data gets an integer slack and stays in the setting. */
    @Test
    void fixedLessOrEqualRowsFit() {
        MilpModel.Builder m = MilpModel.builder("two");
        int x = m.integer("x", 0, Double.POSITIVE_INFINITY);
        int y = m.integer("y", 0, Double.POSITIVE_INFINITY);
        m.objective(x, 3).objective(y, 4);
        m.row("eq").term(x, 2).term(y, 3).equalTo(9);
        m.row("cap").term(y, 1).atMost(2);
        DualResult r = new CorrectedLinearDual().construct(m.build(), DualRequest.of(SCIP).withRows(0));
        assertTrue(r.hasFunction(), r.message());
        // z(9) = min{3x + 4y : 2x + 3y = 9, y ≤ 2} = 3·3 + 4·1 = 13
        assertEquals(13, r.valueAtB(), 1e-9);
        assertEquals(Certificate.Kind.VALID_BY_CONSTRUCTION, r.function().orElseThrow().certificate().kind());
    }
}
