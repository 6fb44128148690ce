package org.tamebnn.api.milp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MilpModelTest {

    private static String failure(Runnable r) {
        return assertThrows(ModelException.class, r::run).getMessage();
    }

    @Test
    void rowsAreSortedAndRepeatedColumnsSummed() {
        MilpModel.Builder b = MilpModel.builder("m");
        int x = b.continuous("x", 0, 1);
        int y = b.continuous("y", 0, 1);
        int z = b.continuous("z", 0, 1);
        b.row("r").term(z, 1).term(x, 2).term(z, 3).term(y, 0).term(x, -2).atMost(4);
        Row r = b.build().row(0);
        assertArrayEquals(new int[] { z }, r.columns(), "x cancels out, y is zero");
        assertArrayEquals(new double[] { 4 }, r.coefficients());
    }

    @Test
    void validationNamesWhatAndWhere() {
        MilpModel.Builder b = MilpModel.builder("m");
        int x = b.continuous("x", 0, 1);
        assertTrue(failure(() -> b.continuous("x", 0, 1)).contains("duplicate variable name 'x'"));
        assertTrue(failure(() -> b.continuous("y", 2, 1)).contains("variable 'y': lower bound 2.0 > upper bound 1.0"));
        assertTrue(failure(() -> b.continuous("n", Double.NaN, 1)).contains("variable 'n': bound is NaN"));
        assertTrue(failure(() -> b.row("r").term(x, Double.NaN).atMost(1)).contains("row 'r': coefficient of variable 'x' is NaN"));
        assertTrue(failure(() -> b.row("r").term(x, Double.POSITIVE_INFINITY).atMost(1)).contains("is Infinity"));
        assertTrue(failure(() -> b.row("r").term(7, 1).atMost(1)).contains("unknown variable index 7"));
        assertTrue(failure(() -> b.row("r").term(x, 1).between(3, 2)).contains("row 'r': lower bound 3.0 > upper bound 2.0"));
        assertTrue(failure(() -> b.objective(x, Double.NaN)).contains("objective coefficient of variable 'x' is NaN"));
        assertTrue(failure(() -> b.variable("nope")).contains("unknown variable 'nope'"));
        b.row("ok").term(x, 1).atMost(1);
        assertTrue(failure(() -> b.row("ok").term(x, 1).atMost(1)).contains("duplicate row name 'ok'"));
        assertTrue(failure(() -> b.continuous(" ", 0, 1)).contains("variable name is empty"));
    }

    @Test
    void checksPointsIndependentlyOfAnySolver() {
        MilpModel.Builder b = MilpModel.builder("m").objectiveOffset(1);
        int x = b.integer("x", 0, 3);
        int y = b.continuous("y", 0, 10);
        b.objective(x, 2).objective(y, 1);
        b.row("r").term(x, 1).term(y, 1).between(1, 4);
        MilpModel m = b.build();
        assertEquals(0.0, m.maxViolation(new double[] { 2, 1 }));
        assertEquals(6.0, m.objectiveValue(new double[] { 2, 1 }));
        assertEquals(0.5, m.maxViolation(new double[] { 1.5, 0 }), 1e-12, "fractional integer");
        assertEquals(2.0, m.maxViolation(new double[] { 3, 3 }), 1e-12, "row above its upper side");
        assertEquals(0.5, m.maxRelativeViolation(new double[] { 3, 3 }), 1e-12, "2 past the bound 4, relative");
        assertEquals(0.5, m.maxRelativeViolation(new double[] { 1.5, 0 }), 1e-12, "integrality stays absolute");
        assertEquals(Double.POSITIVE_INFINITY, m.maxViolation(new double[] { Double.NaN, 0 }));
        assertEquals(Double.POSITIVE_INFINITY, m.maxRelativeViolation(new double[] { 1, Double.NaN }));

        assertEquals(new MilpModel.Violation(0.5, "row 'r' (activity 6.0, bounds [1.0, 4.0])"),
                m.worstRelativeViolation(new double[] { 3, 3 }));
        assertEquals(new MilpModel.Violation(0.5, "the integrality of variable 'x' (value 1.5)"),
                m.worstRelativeViolation(new double[] { 1.5, 0 }));
        assertEquals(new MilpModel.Violation(1.0 / 3, "the bounds of variable 'x' (value 4.0)"),
                m.worstRelativeViolation(new double[] { 4, 0 }));
        assertEquals("variable 'y' (value NaN)", m.worstRelativeViolation(new double[] { 1, Double.NaN }).where());
    }

    @Test
    void relaxationKeepsEverythingButIntegrality() {
        MilpModel.Builder b = MilpModel.builder("m").sense(Sense.MAXIMIZE);
        int x = b.binary("x");
        b.objective(x, 3);
        b.row("r").term(x, 1).atMost(0.5);
        MilpModel m = b.build();
        MilpModel lp = m.relaxation();
        assertTrue(m.hasIntegers());
        assertFalse(lp.hasIntegers());
        assertEquals(Sense.MAXIMIZE, lp.sense());
        assertEquals(1.0, lp.variable(0).upper());
        assertEquals(3.0, lp.objectiveCoefficient(0));
        assertEquals(1, lp.rowCount());
    }

    @Test
    void gapIsUnknownUnlessBothSidesAreKnown() {
        assertTrue(Double.isNaN(SolveResult.relativeGap(Double.NaN, 1)));
        assertTrue(Double.isNaN(SolveResult.relativeGap(1, Double.NaN)));
        assertEquals(0.5, SolveResult.relativeGap(10, 5), 1e-12);
        assertEquals(0.0, SolveResult.relativeGap(0, 0));
    }

    @Test
    void errorResultsMustSayWhy() {
        assertThrows(IllegalArgumentException.class, () -> SolveResult.error("s", " ", null));
    }

    @Test
    void paramsRejectNonsense() {
        assertThrows(IllegalArgumentException.class, () -> SolveParams.defaults().withTimeLimitSeconds(-1));
        assertThrows(IllegalArgumentException.class, () -> SolveParams.defaults().withThreads(0));
        assertThrows(IllegalArgumentException.class, () -> SolveParams.defaults().withRelativeGap(Double.NaN));
        assertTrue(SolveParams.defaults().timeLimit().isEmpty(), "unset means the backend's default");
    }

    @Test
    void cancellationRunsRegisteredActionsOnceRegistered() {
        CancellationToken t = new CancellationToken();
        int[] calls = new int[1];
        try (CancellationToken.Registration r = t.onCancel(() -> calls[0]++)) {
            t.cancel();
            t.cancel();
        }
        assertEquals(1, calls[0]);
        t.onCancel(() -> calls[0]++).close();
        assertEquals(2, calls[0], "registering on a cancelled token runs the action at once");
    }
}
