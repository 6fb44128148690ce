package org.tamebnn.example.glpk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.Deadline;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.tck.KnownModels;

/** Real glpsol output mapped onto the models it came from (see the resources' PROVENANCE.md). */
class ResultMapperTest {
    private static final GlpsolLog QUIET = GlpsolLog.parse(List.of());
    /** The limit of the captured time-limit run; the other runs had none, and ignore it. */
    private static final Optional<Deadline> LIMIT = Deadline.of(Optional.of(Duration.ofSeconds(1)),
            System.nanoTime());

    private static SolveResult map(MilpModel model, String solution, String log) throws IOException {
        return new ResultMapper(model, LIMIT).map(false, 0, GlpsolOutputTest.solution(solution),
                null, log == null ? QUIET : GlpsolLog.parse(GlpsolOutputTest.lines(log)));
    }

    @Test
    void lpOptimumKeepsTheKitsDualSigns() throws IOException {
        SolveResult r = map(KnownModels.lpWithKnownDuals(), "lp-optimal.sol", null);
        assertEquals(SolveStatus.OPTIMAL, r.status());
        assertEquals(9, r.objective());
        assertEquals(9, r.dualBound());
        assertArrayEquals(new double[] {3, -1}, r.rowDuals());
    }

    @Test
    void timeLimitReturnsTheCheckedIncumbentAndTheBound() throws IOException {
        MilpModel model = KnownModels.marketSplit(5, 40, 2, false);
        SolveResult r = map(model, "mip-time-limit.sol", "mip-time-limit.log");
        assertEquals(Limit.TIME, r.limit(), r::toString);
        assertEquals("time limit of 1.0 s reached; best solution found returned", r.message());
        assertEquals(15, r.objective());
        assertEquals(0, model.maxViolation(r.values()));
        assertEquals(0, r.dualBound());
    }

    @Test
    void aMaximisationKeepsItsObjectiveFromThePoint() throws IOException {
        SolveResult r = map(KnownModels.binaryKnapsack(), "mip-optimal.sol", "mip-optimal.log");
        assertEquals(SolveStatus.OPTIMAL, r.status());
        assertEquals(9, r.objective());
        assertNull(r.rowDuals());
    }

    @Test
    void unprovenOutcomesAreNotOverstated() throws IOException {
        assertEquals(SolveStatus.INFEASIBLE_OR_UNBOUNDED, map(KnownModels.integerUnbounded(),
                "mip-unbounded-relaxation.sol", "mip-unbounded-relaxation.log").status());
        assertEquals(SolveStatus.UNBOUNDED, map(KnownModels.unboundedLp(), "lp-unbounded.sol", null).status());
        assertEquals(SolveStatus.INFEASIBLE, map(KnownModels.infeasibleLp(), "lp-infeasible.sol", null).status());
        assertEquals(SolveStatus.INFEASIBLE, map(KnownModels.integerInfeasible(), "mip-infeasible.sol", null).status());
    }

    @Test
    void anOptimumWhosePointFailsTheCheckIsAnError() throws IOException {
        List<String> lines = new ArrayList<>(GlpsolOutputTest.lines("mip-optimal.sol"));
        lines.replaceAll(l -> l.equals("j 3 0") ? "j 3 1" : l); // c = 1 overfills the knapsack rows
        SolveResult r = new ResultMapper(KnownModels.binaryKnapsack(), LIMIT)
                .map(false, 0, GlpkSolution.parse(lines), null, QUIET);
        assertEquals(SolveStatus.ERROR, r.status());
        assertTrue(r.message().contains("violates row 'k"), r.message());
        assertFalse(r.hasSolution());
    }

    @Test
    void aSolutionForAnotherModelIsAnError() throws IOException {
        SolveResult r = map(KnownModels.fractionalLp(), "mip-optimal.sol", null);
        assertEquals(SolveStatus.ERROR, r.status());
        assertTrue(r.message().contains("3 rows and 3 columns"), r.message());
    }

    @Test
    void aCancelledRunWithoutAFileIsCancelled() {
        SolveResult r = new ResultMapper(KnownModels.binaryKnapsack(), LIMIT).map(true, 137, null, null, QUIET);
        assertEquals(Limit.INTERRUPTED, r.limit());
        assertFalse(r.hasSolution());
    }
}
