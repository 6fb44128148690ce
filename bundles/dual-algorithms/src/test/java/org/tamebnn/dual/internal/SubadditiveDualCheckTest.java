package org.tamebnn.dual.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.dual.AffinePiece;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.dual.SubadditiveDualCheck;

/** The check of (7) on the running example: what it accepts, what it rejects, and why. */
class SubadditiveDualCheckTest {
    private static final int[] ROW = { 0 };

    private static PiecewiseAffineFunction max(double... slopesAndIntercepts) {
        List<AffinePiece> pieces = new java.util.ArrayList<>();
        for (int k = 0; k < slopesAndIntercepts.length; k += 2) {
            pieces.add(new AffinePiece(new double[] { slopesAndIntercepts[k] }, slopesAndIntercepts[k + 1]));
        }
        return new PiecewiseAffineFunction(ROW, pieces, PiecewiseAffineFunction.Combination.MAX,
                Certificate.notABound("under test"), "test function");
    }

    @Test
    void theLpDualFunctionOfGuzelsoyRalphsElevenPasses() {
        // F_LP(d) = max(0, d/2) (notes §5.2)
        var report = SubadditiveDualCheck.check(LpAndBranchAndBoundDualTest.example(0.5), max(0, 0, 0.5, 0), 1e-9);
        assertTrue(report.feasible(), report.describe());
        assertTrue(report.subadditivityExact(), "one coordinate with pieces: checked exactly");
    }

    @Test
    void thePapersTwoSegmentFunctionTwelveIsRejectedAtColumnX1() {
        // (12): 2b for b ≥ 0, −b for b < 0, the slopes of z at 0; F(1) = 2 but c(x1) = ½
        var report = SubadditiveDualCheck.check(LpAndBranchAndBoundDualTest.example(0.5), max(2, 0, -1, 0), 1e-9);
        assertFalse(report.feasible());
        assertTrue(report.describe().contains("column x1: F(aⱼ) = 2.00000 > cⱼ = 0.500000"), report.describe());
    }

    @Test
    void monotonicityIsAskedOfInequalityRowsOnly() {
        // the same function is fine for the equality row but not for a ≥ row (it must not decrease)
        MilpModel.Builder m = MilpModel.builder("geq");
        int x = m.continuous("x", 0, Double.POSITIVE_INFINITY);
        m.objective(x, 1);
        m.row("r").term(x, 1).atLeast(1);
        var decreasing = max(-1, 0, 0.5, 0);
        var report = SubadditiveDualCheck.check(m.build(), decreasing, 1e-9);
        assertFalse(report.feasible());
        assertTrue(report.describe().contains("monotonicity in row r (≥ row: F must be nondecreasing)"),
                report.describe());
    }

    @Test
    void aNonzeroValueAtZeroAndAModelOutsideTheFormAreNamed() {
        var shifted = max(0.5, 0.1);
        assertTrue(SubadditiveDualCheck.check(LpAndBranchAndBoundDualTest.example(0.5), shifted, 1e-9).describe()
                .contains("F(0) = 0.100000, not 0"));
        MilpModel.Builder m = MilpModel.builder("bounded");
        int x = m.integer("x", 0, 3);
        m.objective(x, 1);
        m.row("r").term(x, 1).equalTo(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SubadditiveDualCheck.check(m.build(), shifted, 1e-9));
        assertTrue(e.getMessage().contains("variable 'x' has bounds [0.00000, 3.00000]"), e.getMessage());
    }
}
