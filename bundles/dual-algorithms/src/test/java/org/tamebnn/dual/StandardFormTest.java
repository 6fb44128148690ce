package org.tamebnn.dual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.dual.RightHandSide;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.MilpSolvers;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.dual.StandardForm.ColumnKind;
import org.tamebnn.dual.StandardForm.RowKind;

class StandardFormTest {

    /** The running example (notes §5): every row varies, x ≥ 0, a minimisation; the map is the identity. */
    @Test
    void runningExampleIsItsOwnStandardForm() {
        MilpModel model = running(0.5);
        StandardForm sf = StandardForm.of(model);
        assertEquals(1, sf.rowCount());
        assertEquals(4, sf.columnCount());
        assertTrue(sf.isDirect());
        assertArrayEquals(new double[] { 1, -1.5, 1, -1 }, new double[] { sf.coefficient(0, 0), sf.coefficient(0, 1),
                sf.coefficient(0, 2), sf.coefficient(0, 3) });
        assertArrayEquals(new double[] { 0.5, 0, 2, 1 }, sf.costs());
        assertTrue(sf.isInteger(0) && sf.isInteger(1) && !sf.isInteger(2) && !sf.isInteger(3));
        assertFalse(sf.isPureInteger());
        assertArrayEquals(new double[] { 0.5 }, sf.rhs());
        assertArrayEquals(new double[] { 0.25 }, sf.standardRhs(new double[] { 0.25 }));
        assertEquals(0, sf.constant());
    }

    /**
     * Every transformation at once: a shifted integer variable with an upper bound, a variable with
     * only an upper bound, a free integer variable, a fixed one, a varying equality, a varying ≥ row,
     * a fixed ≤ row with integer data, a fixed ranged row, a maximisation with an offset.
     */
    static MilpModel mixed() {
        MilpModel.Builder b = MilpModel.builder("mixed").sense(Sense.MAXIMIZE);
        int x = b.integer("x", 1.5, 5); // rounds to [2, 5]
        int y = b.continuous("y", Double.NEGATIVE_INFINITY, 3);
        int w = b.integer("w", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        int v = b.continuous("v", 1.5, 1.5);
        b.objective(x, 3).objective(y, 2).objective(w, -1).objective(v, 4).objectiveOffset(7);
        b.row("eq").term(x, 1).term(y, 1).term(w, 1).term(v, 2).equalTo(9); // varying
        b.row("ge").term(x, 2).term(w, -1).atLeast(1); // varying
        b.row("le").term(x, 1).term(w, 1).atMost(8); // fixed, integer data: integer slack
        b.row("rng").term(y, 1).term(w, 1).between(-6, 4); // fixed, ranged, continuous
        return b.build();
    }

    @Test
    void transformsBoundsRowsAndSense() {
        MilpModel model = mixed();
        StandardForm sf = StandardForm.of(model, 0, 1);
        // columns: x' (x − 2), y' (3 − y), w⁺, w⁻, ge surplus, le slack, rng surplus, rng slack, x's bound slack
        assertEquals(9, sf.columnCount());
        assertEquals(ColumnKind.VARIABLE, sf.columnKind(0));
        assertEquals(ColumnKind.NEGATED_VARIABLE, sf.columnKind(1));
        assertEquals(ColumnKind.POSITIVE_PART, sf.columnKind(2));
        assertEquals(ColumnKind.NEGATIVE_PART, sf.columnKind(3));
        assertEquals(ColumnKind.SURPLUS, sf.columnKind(4));
        assertEquals(ColumnKind.SLACK, sf.columnKind(5));
        assertEquals(ColumnKind.BOUND_SLACK, sf.columnKind(8));
        // rows: eq, ge, le, rng_lo, rng_hi, x's upper bound
        assertEquals(6, sf.rowCount());
        assertEquals(RowKind.RANGE_LOWER, sf.rowKind(3));
        assertEquals(RowKind.UPPER_BOUND, sf.rowKind(5));
        assertArrayEquals(new int[] { 0, 1 }, sf.varyingStandardRows());
        // the objective negated for the maximisation, and the column signs
        assertArrayEquals(new double[] { -3, 2, 1, -1, 0, 0, 0, 0, 0 }, sf.costs());
        // κ = −(3·2 + 2·3 + 4·1.5 + 7)
        assertEquals(-25, sf.constant());
        // shifts: eq has 2 + 3 + 2·1.5 = 8, ge has 2·2 = 4
        assertArrayEquals(new double[] { 8, 4 }, sf.shift());
        assertArrayEquals(new double[] { 1, -3, 6, -9, 1, 3 }, sf.rhs());
        // integer slack only on the fixed row with integer data; the varying ≥ row's surplus stays continuous
        assertFalse(sf.isInteger(4));
        assertTrue(sf.isInteger(5));
        assertFalse(sf.isInteger(6));
        assertTrue(sf.isInteger(8));
        assertFalse(sf.isDirect());
        assertArrayEquals(new double[] { 1, 2 }, sf.varyingColumn(0));
        assertArrayEquals(new double[] { 2, 3, 6, -9, 1, 3 }, sf.standardRhs(new double[] { 10, 7 }), 0);
    }

    /** z(d) = z_std(D(d)) + κ at several d, both solved by SCIP; and points map back and forth. */
    @Test
    void valueFunctionsAgreeThroughTheMap() {
        MilpSolver scip = MilpSolvers.create("ortools-scip");
        MilpModel model = mixed();
        int[] rows = { 0, 1 };
        StandardForm sf = StandardForm.of(model, rows);
        int checked = 0;
        for (double[] d : new double[][] { { 9, 1 }, { 10, 7 }, { 4, -2 }, { 12.5, 3 }, { 2, 20 }, { -30, 0 } }) {
            SolveResult original = scip.solve(RightHandSide.at(model, rows, d));
            SolveResult standard = scip.solve(sf.toModel("std", sf.standardRhs(d)));
            assertEquals(original.status(), standard.status(), "status at " + Arrays.toString(d));
            if (original.status() == SolveStatus.OPTIMAL) {
                checked++;
                double zMin = -original.objective();
                assertEquals(zMin, standard.objective() + sf.constant(), 1e-6, "z at " + Arrays.toString(d));
                double[] xs = sf.standardPoint(original.values(), d);
                MilpModel std = sf.toModel("std", sf.standardRhs(d));
                assertEquals(0, std.maxViolation(xs), 1e-7, "the standard image of the optimum is feasible");
                assertEquals(zMin, std.objectiveValue(xs) + sf.constant(), 1e-7);
                assertArrayEquals(original.values(), sf.originalPoint(xs), 1e-9);
                double[] back = sf.originalPoint(standard.values());
                assertEquals(0, RightHandSide.at(model, rows, d).maxViolation(back), 1e-6);
            }
        }
        assertTrue(checked >= 3, "most of these right-hand sides are feasible");
    }

    @Test
    void integerSlackNeedsIntegerDataAndAFixedRow() {
        MilpModel.Builder b = MilpModel.builder("slacks");
        int x = b.integer("x", 0, Double.POSITIVE_INFINITY);
        int y = b.integer("y", 0, Double.POSITIVE_INFINITY);
        b.row("int").term(x, 2).term(y, 1).atMost(7);
        b.row("frac").term(x, 0.5).term(y, 1).atMost(7);
        b.row("fracrhs").term(x, 1).term(y, 1).atLeast(2.5);
        b.row("vary").term(x, 1).term(y, 3).atMost(9);
        StandardForm sf = StandardForm.of(b.build(), 3);
        assertTrue(sf.isInteger(2), "integer coefficients, integer columns, integer rhs, fixed row");
        assertFalse(sf.isInteger(3), "a fractional coefficient");
        assertFalse(sf.isInteger(4), "a fractional right-hand side");
        assertFalse(sf.isInteger(5), "a varying row");
        assertFalse(sf.isPureInteger());
    }

    @Test
    void refusesWhatHasNoStandardForm() {
        MilpModel.Builder b = MilpModel.builder("empty");
        int x = b.integer("x", 0.2, 0.8);
        b.row("r").term(x, 1).atMost(3);
        assertThrows(IllegalArgumentException.class, () -> StandardForm.of(b.build()));
        MilpModel.Builder r = MilpModel.builder("ranged");
        int y = r.continuous("y", 0, 1);
        r.row("r").term(y, 1).between(0, 1);
        assertThrows(IllegalArgumentException.class, () -> StandardForm.of(r.build(), 0));
    }

    @Test
    void exactRationalsSurviveTheDoubles() {
        MilpModel.Builder b = MilpModel.builder("tenths");
        int x = b.continuous("x", 0.1, Double.POSITIVE_INFINITY);
        b.objective(x, 1.0 / 3);
        b.row("r").term(x, 3).equalTo(1);
        StandardForm sf = StandardForm.of(b.build());
        // shift 3·0.1 = 3/10 exactly, so the standard rhs is 7/10 (not 0.7000000000000001)
        assertEquals(0.7, sf.rhs()[0], 0);
        assertEquals(0.3, sf.shift()[0], 0);
        assertEquals(1.0 / 30, sf.constant(), 0);
    }

    static MilpModel running(double rhs) {
        MilpModel.Builder b = MilpModel.builder("running");
        int x1 = b.integer("x1", 0, Double.POSITIVE_INFINITY);
        int x2 = b.integer("x2", 0, Double.POSITIVE_INFINITY);
        int y1 = b.continuous("y1", 0, Double.POSITIVE_INFINITY);
        int y2 = b.continuous("y2", 0, Double.POSITIVE_INFINITY);
        b.objective(x1, 0.5).objective(y1, 2).objective(y2, 1);
        b.row("row").term(x1, 1).term(x2, -1.5).term(y1, 1).term(y2, -1).equalTo(rhs);
        return b.build();
    }
}
