package org.tamebnn.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.loss.OutputKind;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.solver.ojalgo.OjAlgoSolver;

/** The squared loss of a continuous output: tangent lines at most h²/4 below (o − y)², exact at their breakpoints. */
class SquaredLossTest {
    private static final double LO = -3;
    private static final double HI = 3;

    /** The MILP's optimal loss term with the output fixed at {@code o}. */
    private static double term(SquaredLoss loss, double o, double y, double weight) {
        MilpModel.Builder b = MilpModel.builder("m");
        int col = b.continuous("o", o, o);
        loss.addTo(b, "p0_o0", col, OutputKind.CONTINUOUS, y, weight, LO, HI);
        SolveResult r = new OjAlgoSolver().solve(b.build());
        assertEquals(SolveStatus.OPTIMAL, r.status());
        return r.objective();
    }

    @Test
    void theTangentsLieBelowTheParabolaByAtMostTheStatedError() {
        SquaredLoss loss = new SquaredLoss();
        qt().withFixedSeed(7).withExamples(60).forAll(doubles().between(LO, HI), doubles().between(0, 1))
                .checkAssert((o, y) -> {
                    double exact = (o - y) * (o - y);
                    double pwl = term(loss, o, y, 1);
                    assertTrue(pwl <= exact + 1e-7, () -> "above the parabola at o=" + o + ", y=" + y + ": " + pwl);
                    assertTrue(pwl >= exact - loss.maxError() - 1e-7,
                            () -> "more than " + loss.maxError() + " below at o=" + o + ", y=" + y + ": " + pwl);
                });
    }

    @Test
    void exactAtTheTargetAndTheBoundsAndScaledByTheWeight() {
        SquaredLoss loss = new SquaredLoss(1e-2);
        assertEquals(0, term(loss, 0.37, 0.37, 2), 1e-9);
        assertEquals(2.5 * (HI - 0.2) * (HI - 0.2), term(loss, HI, 0.2, 2.5), 1e-7);
        assertEquals((LO - 0.2) * (LO - 0.2), term(loss, LO, 0.2, 1), 1e-7);
        // midway between two breakpoints the error is the stated bound (spacing h = 0.2 over [−3, 3])
        assertEquals(0.2, loss.spacing(), 1e-12);
        double mid = LO + 0.1;
        assertEquals((mid - 1) * (mid - 1) - 0.01, term(loss, mid, 1, 1), 1e-7);
    }

    @Test
    void aContinuousOutputNeedsItsBoundsAndAPositiveError() {
        MilpModel.Builder b = MilpModel.builder("m");
        int col = b.continuous("o", -1, 1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SquaredLoss().addTo(b, "p3_o0", col, OutputKind.CONTINUOUS, 0.3, 1));
        assertTrue(e.getMessage().contains("p3_o0") && e.getMessage().contains("bounds"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SquaredLoss().addTo(b, "p3_o0", col,
                OutputKind.CONTINUOUS, 0.3, 1, Double.NEGATIVE_INFINITY, 1));
        assertTrue(e.getMessage().contains("finite bounds"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SquaredLoss(0));
    }

    @Test
    void onlyTheContinuousTermsAreApproximate() {
        SquaredLoss loss = new SquaredLoss(4e-3);
        assertEquals(4e-3, loss.approximationError(OutputKind.CONTINUOUS));
        assertEquals(0, loss.approximationError(OutputKind.BINARY));
        assertEquals(0, new AbsoluteLoss().approximationError(OutputKind.CONTINUOUS));
        assertEquals(0.25, loss.value(0.5, 0), 0);
        assertEquals(-1.0, loss.subgradient(0.5, 1), 0);
    }
}
