package org.tamebnn.solver.ortools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.tck.KnownModels;

/** What the kit does not cover on {@code highs}: LP duals of a maximisation, partial and wrong-length starts. */
class DirectHighsSolverTest {
    /** max x + y, x + 2y ≤ 4, 3x + y ≤ 6: ∂optimum/∂rhs is 0.4 and 0.2 (the optimum 2.8 at (1.6, 1.2)). */
    @Test
    void aMaximisationsDualsAreTheDerivativesOfItsOptimum() {
        SolveResult r = new DirectHighsSolver().solve(KnownModels.maxLpWithKnownDuals());
        assertEquals(SolveStatus.OPTIMAL, r.status(), r::toString);
        assertEquals(2.8, r.objective(), 1e-9);
        assertArrayEquals(new double[] {0.4, 0.2}, r.rowDuals(), 1e-9);
    }

    /**
     * A start with values left open (NaN) goes to HiGHS as a sparse solution, which HiGHS
     * completes: the planted optimum of a market split instance with a quarter of its columns and
     * every slack open comes back as an optimum of value 0 (without a start HiGHS searches this
     * instance far longer than the limit); and a start of the wrong length is refused, not read past.
     */
    @Test
    void aPartialStartIsCompletedAndAShortOneRefused() {
        MilpModel model = KnownModels.marketSplit(5, 40, 4, true);
        double[] start = KnownModels.plantedSolution(5, 40, 4);
        for (int j = 30; j < start.length; j++) {
            start[j] = Double.NaN;
        }
        SolveResult r = new DirectHighsSolver().solve(model, SolveParams.defaults().withTimeLimitSeconds(10)
                .withMipStart(start));
        assertEquals(SolveStatus.OPTIMAL, r.status(), r::toString);
        assertEquals(0, r.objective(), 1e-9, r::toString);
        SolveResult shortStart = new DirectHighsSolver().solve(model, SolveParams.defaults().withMipStart(
                java.util.Arrays.copyOf(start, 10)));
        assertEquals(SolveStatus.ERROR, shortStart.status(), shortStart::toString);
        assertTrue(shortStart.message().contains("the MIP start has 10 values"), shortStart::message);
    }
}
