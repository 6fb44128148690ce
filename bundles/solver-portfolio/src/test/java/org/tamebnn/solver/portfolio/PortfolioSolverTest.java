package org.tamebnn.solver.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.solver.ojalgo.OjAlgoSolver;
import org.tamebnn.solver.ortools.CpSatSolver;
import org.tamebnn.solver.ortools.ScipSolver;
import org.tamebnn.tck.KnownModels;

class PortfolioSolverTest {

    /**
     * ojAlgo answers this model fast and wrong (OPTIMAL 1, no bound; the optimum is 3): its claim
     * is only a candidate, and the certified optimum of a member with a bound wins.
     */
    @Test
    void aFastUnconfirmedOptimumDoesNotWin() {
        var portfolio = new PortfolioSolver(List.of(new OjAlgoSolver(), new ScipSolver()));
        SolveResult r = portfolio.solve(KnownModels.generalIntegers());
        assertEquals(SolveStatus.OPTIMAL, r.status(), r::toString);
        assertEquals(3, r.objective(), 1e-9);
        assertEquals("portfolio", r.solver());
        assertTrue(r.message().startsWith("won by ortools-scip"), r.message());
    }

    /** A member that refuses the model (CP-SAT: continuous variables) loses; the others decide. */
    @Test
    void aMemberThatFailsDoesNotStopTheRace() {
        var portfolio = new PortfolioSolver(List.of(new CpSatSolver(), new ScipSolver()));
        SolveResult r = portfolio.solve(KnownModels.fractionalLp());
        assertEquals(SolveStatus.OPTIMAL, r.status(), r::toString);
        assertEquals(2.8, r.objective(), 1e-6);
        assertTrue(r.message().contains("won by ortools-scip"), r.message());
    }

    @Test
    void withoutMembersItIsUnavailableAndSaysWhy() {
        var empty = new PortfolioSolver(List.of());
        assertFalse(empty.availability().isAvailable());
        SolveResult r = empty.solve(KnownModels.binaryKnapsack());
        assertEquals(SolveStatus.ERROR, r.status());
        assertTrue(r.message().contains("no available MILP solver to race"), r.message());
    }
}
