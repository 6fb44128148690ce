package org.tamebnn.solver.gurobi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;

import com.gurobi.gurobi.GRB;

/**
 * Gurobi's status codes as results, on outcomes written down here: what Gurobi returns for real
 * models is the conformance kit's part, which needs a licence. Runs without one, and without
 * loading Gurobi's native library.
 */
class GurobiStatusTest {
    private static final double[] POINT = {1, 0};

    /** Every code of GRB.Status: its raw name, and the reason or the limit it stands for. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        GRB.Status.LOADED + ", LOADED, , OTHER",
        GRB.Status.OPTIMAL + ", OPTIMAL, OPTIMAL, NONE",
        GRB.Status.INFEASIBLE + ", INFEASIBLE, INFEASIBLE, NONE",
        GRB.Status.INF_OR_UNBD + ", INF_OR_UNBD, INFEASIBLE_OR_UNBOUNDED, NONE",
        GRB.Status.UNBOUNDED + ", UNBOUNDED, UNBOUNDED, NONE",
        GRB.Status.CUTOFF + ", CUTOFF, , OTHER",
        GRB.Status.ITERATION_LIMIT + ", ITERATION_LIMIT, , ITERATIONS",
        GRB.Status.NODE_LIMIT + ", NODE_LIMIT, , NODES",
        GRB.Status.TIME_LIMIT + ", TIME_LIMIT, , TIME",
        GRB.Status.SOLUTION_LIMIT + ", SOLUTION_LIMIT, , SOLUTIONS",
        GRB.Status.INTERRUPTED + ", INTERRUPTED, , INTERRUPTED",
        GRB.Status.NUMERIC + ", NUMERIC, , OTHER",
        GRB.Status.SUBOPTIMAL + ", SUBOPTIMAL, , OTHER",
        GRB.Status.INPROGRESS + ", INPROGRESS, , OTHER",
        GRB.Status.USER_OBJ_LIMIT + ", USER_OBJ_LIMIT, , OTHER",
        GRB.Status.WORK_LIMIT + ", WORK_LIMIT, , OTHER",
        GRB.Status.MEM_LIMIT + ", MEM_LIMIT, , OTHER",
        "99, STATUS_99, , OTHER"})
    void everyStatusCodeHasItsMeaning(int code, String raw, SolveStatus reason, Limit limit) {
        GurobiStatus s = GurobiStatus.of(code);
        assertEquals(raw, s.rawStatus());
        assertEquals(reason, s.reason());
        assertEquals(limit, s.limit());
    }

    @Test
    void anOptimumKeepsItsPointBoundDualsAndRawStatus() {
        double[] duals = {3, -1};
        SolveResult r = GurobiStatus.of(GRB.Status.OPTIMAL).result(9, 9, POINT, duals, 4);
        assertEquals(SolveStatus.OPTIMAL, r.status());
        assertEquals(Limit.NONE, r.limit());
        assertEquals("OPTIMAL", r.rawStatus());
        assertEquals("", r.message());
        assertEquals(9, r.objective());
        assertEquals(9, r.dualBound());
        assertArrayEquals(POINT, r.values());
        assertArrayEquals(duals, r.rowDuals());
        assertEquals(4, r.nodes());
        assertEquals("gurobi", r.solver());
    }

    @Test
    void anOptimumWithoutAPointIsAnError() {
        SolveResult r = GurobiStatus.of(GRB.Status.OPTIMAL).result(Double.NaN, Double.NaN, null, null, 0);
        assertEquals(SolveStatus.ERROR, r.status());
        assertEquals("OPTIMAL", r.rawStatus());
        assertTrue(r.message().contains("without a solution"), r.message());
    }

    @Test
    void proofsOfInfeasibilityCarryNoPointOrBound() {
        for (int code : new int[] {GRB.Status.INFEASIBLE, GRB.Status.INF_OR_UNBD, GRB.Status.UNBOUNDED}) {
            SolveResult r = GurobiStatus.of(code).result(Double.NaN, 5, null, null, 12);
            assertTrue(r.status().isProven(), r::toString);
            assertFalse(r.hasSolution());
            assertTrue(Double.isNaN(r.objective()) && Double.isNaN(r.dualBound()), r::toString);
            assertEquals(12, r.nodes());
        }
    }

    @Test
    void aLimitKeepsTheIncumbentAndBoundOrSaysNoneWasFound() {
        SolveResult kept = GurobiStatus.of(GRB.Status.TIME_LIMIT).result(7, 9, POINT, null, 100);
        assertEquals(SolveStatus.FEASIBLE, kept.status());
        assertEquals(Limit.TIME, kept.limit());
        assertEquals("TIME_LIMIT", kept.rawStatus());
        assertEquals(7, kept.objective());
        assertEquals(9, kept.dualBound());
        assertEquals("TIME_LIMIT", kept.label());

        SolveResult none = GurobiStatus.of(GRB.Status.NODE_LIMIT).result(Double.NaN, 9, null, null, 1);
        assertEquals(SolveStatus.NO_SOLUTION_FOUND, none.status());
        assertEquals(Limit.NODES, none.limit());
        assertEquals(9, none.dualBound(), "the bound is known even without a point");
        assertTrue(Double.isNaN(none.objective()));

        SolveResult cancelled = GurobiStatus.of(GRB.Status.INTERRUPTED).result(7, 9, POINT, null, 3);
        assertTrue(cancelled.isCancelled());
        assertEquals("CANCELLED", cancelled.label());
    }

    /** Gurobi's own limits, set through raw options, are stops at {@link Limit#OTHER} either way, named. */
    @Test
    void gurobisOwnLimitsAreStopsNamedInTheMessage() {
        for (int code : new int[] {GRB.Status.USER_OBJ_LIMIT, GRB.Status.WORK_LIMIT, GRB.Status.MEM_LIMIT,
                GRB.Status.CUTOFF}) {
            GurobiStatus s = GurobiStatus.of(code);
            SolveResult with = s.result(7, 9, POINT, null, 3);
            assertEquals(SolveStatus.FEASIBLE, with.status(), with::toString);
            assertEquals(Limit.OTHER, with.limit());
            assertFalse(with.message().isBlank(), with::toString);
            SolveResult without = s.result(Double.NaN, 9, null, null, 3);
            assertEquals(SolveStatus.NO_SOLUTION_FOUND, without.status(), without::toString);
            assertEquals(Limit.OTHER, without.limit());
        }
        assertTrue(GurobiStatus.of(GRB.Status.WORK_LIMIT).message().contains("WorkLimit"));
        assertTrue(GurobiStatus.of(GRB.Status.MEM_LIMIT).message().contains("MemLimit"));
        assertTrue(GurobiStatus.of(GRB.Status.CUTOFF).message().contains("Cutoff"));
        assertTrue(GurobiStatus.of(GRB.Status.USER_OBJ_LIMIT).message().contains("BestObjStop"));
    }

    /** Trouble keeps a point Gurobi found, as a stop; without one it is an ERROR naming the status. */
    @Test
    void troubleIsAStopWithAPointAndAnErrorWithout() {
        for (int code : new int[] {GRB.Status.SUBOPTIMAL, GRB.Status.NUMERIC, GRB.Status.LOADED,
                GRB.Status.INPROGRESS, 42}) {
            GurobiStatus s = GurobiStatus.of(code);
            SolveResult with = s.result(7, Double.NaN, POINT, null, 3);
            assertEquals(SolveStatus.FEASIBLE, with.status(), with::toString);
            assertEquals(Limit.OTHER, with.limit());
            assertTrue(with.message().contains(s.rawStatus()), with::toString);
            SolveResult without = s.result(Double.NaN, Double.NaN, null, null, 3);
            assertEquals(SolveStatus.ERROR, without.status(), without::toString);
            assertEquals(s.rawStatus(), without.rawStatus(), "the raw status is kept on an error too");
            assertTrue(without.message().contains(s.rawStatus()), without::toString);
            assertNull(without.values());
        }
    }
}
