package org.tamebnn.solver.lpsolve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.Deadline;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.tck.KnownModels;

/**
 * How lp_solve's answers become results, on outcomes written down here (what lp_solve returns for
 * them is covered by the tests that run it): no claim passes unchecked, and nothing stopped early
 * is called a proof. Runs without lp_solve.
 */
class OutcomeMapperTest {
    /** max 5a + 4b + 3c over binaries with k1: 2a + 3b + c ≤ 5, k2, k3; optimum a = b = 1, c = 0. */
    private final MilpModel knapsack = KnownModels.binaryKnapsack();
    private static final Supplier<Outcome> NO_CHECK = () -> fail("no feasibility solve expected");

    private static Outcome outcome(SolveCode code, double[] x, boolean limit, boolean cancelled) {
        return new Outcome(code.code(), x, null, 7, limit, cancelled, Duration.ofMillis(3));
    }

    private SolveResult map(Outcome o) {
        return new OutcomeMapper(knapsack, Optional.of(new Deadline(System.nanoTime() + 1_000_000_000L,
                Duration.ofSeconds(1))), NO_CHECK).map(o);
    }

    @Test
    void aCheckedMilpOptimumIsAnUnconfirmedClaim() {
        SolveResult r = map(outcome(SolveCode.OPTIMAL, new double[] {1, 1, 0}, false, false));
        assertEquals(SolveStatus.OPTIMAL_UNCONFIRMED, r.status());
        assertEquals(SolveCode.describe(SolveCode.OPTIMAL.code()), r.rawStatus());
        assertEquals(9, r.objective());
        assertTrue(Double.isNaN(r.dualBound()), "lp_solve gives no MILP bound; none may be invented");
        assertEquals("lp_solve's claim: it reports no bound to confirm it", r.message());
        assertEquals(7, r.nodes());
        assertEquals(Duration.ofMillis(3), r.modelTime(), "the translation time is passed on");
    }

    @Test
    void anOptimumViolatingARowIsAnErrorNamingTheRow() {
        // a = b = c = 1: k1 is 2 + 3 + 1 = 6 > 5
        SolveResult r = map(outcome(SolveCode.OPTIMAL, new double[] {1, 1, 1}, false, false));
        assertEquals(SolveStatus.ERROR, r.status());
        assertFalse(r.hasSolution());
        assertTrue(r.message().startsWith("lp_solve reported OPTIMAL on model 'binary_knapsack', but its point "
                + "violates row 'k1' (activity 6.0, bounds [-Infinity, 5.0]) by 0.2"), r.message());
    }

    @Test
    void anOptimumWithAFractionalIntegerIsAnErrorNamingTheVariable() {
        SolveResult r = map(outcome(SolveCode.OPTIMAL, new double[] {1, 0.5, 0}, false, false));
        assertEquals(SolveStatus.ERROR, r.status());
        assertTrue(r.message().contains("violates the integrality of variable 'b' (value 0.5) by 0.5"), r.message());
    }

    @Test
    void suboptimalWithoutALimitIsFeasibleNotOptimal() {
        SolveResult r = map(outcome(SolveCode.SUBOPTIMAL, new double[] {1, 0, 0}, false, false));
        assertEquals(SolveStatus.FEASIBLE, r.status());
        assertEquals(5, r.objective());
        assertTrue(r.message().contains("SUBOPTIMAL (1: "), r.message());
    }

    @Test
    void atTheTimeLimitTheIncumbentIsKeptOnlyIfItIsFeasible() {
        SolveResult kept = map(outcome(SolveCode.SUBOPTIMAL, new double[] {1, 0, 0}, true, false));
        assertEquals(Limit.TIME, kept.limit());
        assertArrayEquals(new double[] {1, 0, 0}, kept.values());
        // at a timeout before any incumbent, lp_solve's values are a relaxation's: not a solution
        SolveResult dropped = map(outcome(SolveCode.TIMEOUT, new double[] {1, 0.5, 0.5}, true, false));
        assertEquals(Limit.TIME, dropped.limit());
        assertNull(dropped.values());
        assertTrue(dropped.message().endsWith("; no solution found"), dropped.message());
    }

    @Test
    void aProofClaimedAfterTheLimitOrACancelIsNotBelieved() {
        assertEquals(Limit.TIME, map(outcome(SolveCode.INFEASIBLE, null, true, false)).limit());
        assertEquals(SolveStatus.NO_SOLUTION_FOUND, map(outcome(SolveCode.INFEASIBLE, null, true, false)).status());
        assertEquals(Limit.INTERRUPTED, map(outcome(SolveCode.INFEASIBLE, null, false, true)).limit());
        assertEquals(Limit.INTERRUPTED, map(outcome(SolveCode.USERABORT, null, false, true)).limit());
    }

    @Test
    void failuresNameTheCode() {
        SolveResult r = map(outcome(SolveCode.NUMFAILURE, null, false, false));
        assertEquals(SolveStatus.ERROR, r.status());
        assertEquals("lp_solve ended with NUMFAILURE (5: numerical failure) on model 'binary_knapsack'", r.message());
        SolveResult unknown = map(new Outcome(42, null, null, -1, false, false, null));
        assertEquals("lp_solve ended with unknown code 42 on model 'binary_knapsack'", unknown.message());
    }

    @Test
    void unboundedIsConfirmedOrCorrectedByAFeasibilitySolve() {
        MilpModel model = KnownModels.integerUnbounded(); // max x + y, x − y ≤ 0.5, x, y ≥ 0 integer
        Outcome unbounded = new Outcome(SolveCode.UNBOUNDED.code(), null, null, 0, false, false, null);
        Outcome feasible = new Outcome(SolveCode.OPTIMAL.code(), new double[] {0, 0}, null, 0, false, false, null);
        Outcome infeasible = new Outcome(SolveCode.INFEASIBLE.code(), null, null, 0, false, false, null);
        Outcome stopped = new Outcome(SolveCode.TIMEOUT.code(), null, null, 0, true, false, null);
        assertEquals(SolveStatus.UNBOUNDED, new OutcomeMapper(model, Optional.empty(), () -> feasible).map(unbounded)
                .status());
        assertEquals(SolveStatus.INFEASIBLE, new OutcomeMapper(model, Optional.empty(), () -> infeasible)
                .map(unbounded).status());
        SolveResult unsure = new OutcomeMapper(model, Optional.empty(), () -> stopped).map(unbounded);
        assertEquals(SolveStatus.INFEASIBLE_OR_UNBOUNDED, unsure.status());
        assertTrue(unsure.message().contains("TIMEOUT"), unsure.message());
    }

    @Test
    void lpDualsComeWithAnOptimumOnly() {
        MilpModel lp = KnownModels.lpWithKnownDuals();
        Outcome o = new Outcome(SolveCode.OPTIMAL.code(), new double[] {3, 1}, new double[] {3, -1}, -1, false, false,
                null);
        SolveResult r = new OutcomeMapper(lp, Optional.empty(), NO_CHECK).map(o);
        assertEquals(SolveStatus.OPTIMAL, r.status());
        assertEquals("", r.message());
        assertEquals(9, r.dualBound(), "an LP optimum is its own bound");
        assertArrayEquals(new double[] {3, -1}, r.rowDuals());
    }
}
