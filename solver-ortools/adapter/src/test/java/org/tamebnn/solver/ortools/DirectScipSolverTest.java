package org.tamebnn.solver.ortools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveProgress;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.tck.KnownModels;

/**
 * What the kit does not ask of {@code scip}: a cancel that keeps the incumbent, a partial start,
 * two solves at once, an LP's bound, the status map.
 */
class DirectScipSolverTest {
    private final DirectScipSolver solver = new DirectScipSolver();

    @BeforeEach
    void available() {
        Assumptions.assumeTrue(solver.availability().isAvailable(), () -> solver.availability().reason());
    }

    /**
     * Cancelled from another thread once progress has shown an incumbent, a long solve ends as
     * stopped by {@link Limit#INTERRUPTED} and returns that incumbent (or a better one), feasible, with its bound.
     */
    @Test
    void aCancelAfterAnIncumbentEndsTheSolveWithIt() throws Exception {
        MilpModel model = KnownModels.marketSplit(5, 40, 3, false);
        CancellationToken token = new CancellationToken();
        CompletableFuture<SolveProgress> incumbent = new CompletableFuture<>();
        CompletableFuture<SolveResult> running = CompletableFuture.supplyAsync(() -> solver.solve(model,
                SolveParams.defaults().withTimeLimitSeconds(120), p -> {
                    if (!Double.isNaN(p.incumbent())) {
                        incumbent.complete(p);
                    }
                }, token));
        CompletableFuture.anyOf(incumbent, running).get(150, TimeUnit.SECONDS);
        assertTrue(incumbent.isDone(), () -> "no incumbent reported before the solve ended: " + running.join());
        long cancelled = System.nanoTime();
        token.cancel();
        SolveResult r = running.get(150, TimeUnit.SECONDS);
        System.out.printf("[scip] cancel: returned %.1f ms after the cancel, %s%n",
                (System.nanoTime() - cancelled) / 1e6, r);
        assertEquals(Limit.INTERRUPTED, r.limit(), r::toString);
        assertEquals(SolveStatus.FEASIBLE, r.status(), r::toString);
        assertTrue(r.hasSolution(), r::toString);
        assertTrue(model.maxViolation(r.values()) <= 1e-6, r::toString);
        assertTrue(r.objective() <= incumbent.get().incumbent() + 1e-6, r::toString);
        assertTrue(r.dualBound() <= r.objective() + 1e-6, r::toString);
    }

    /**
     * A start with values left open (NaN) is completed by SCIP: the planted optimum of a market
     * split instance with a quarter of its columns and every slack open comes back as an optimum of
     * value 0 that keeps the given values.
     */
    @Test
    void aPartialStartIsCompleted() {
        MilpModel model = KnownModels.marketSplit(5, 40, 4, true);
        double[] start = KnownModels.plantedSolution(5, 40, 4);
        for (int j = 30; j < start.length; j++) {
            start[j] = Double.NaN;
        }
        List<SolveProgress> seen = new CopyOnWriteArrayList<>();
        SolveResult r = solver.solve(model, SolveParams.defaults().withTimeLimitSeconds(20).withMipStart(start),
                seen::add, new CancellationToken());
        assertEquals(SolveStatus.OPTIMAL, r.status(), r::toString);
        assertEquals(0, r.objective(), 1e-9, r::toString);
        for (int j = 0; j < 30; j++) {
            assertEquals(start[j], r.values()[j], 1e-9, "x" + j + " was given");
        }
    }

    /**
     * Two solves at once, on two threads, each hear of their own incumbents only (the event handler
     * finds its solve by the id SCIP hands back): a new incumbent is reported at once, so each
     * solve's last report is the incumbent it returns.
     */
    @Test
    void twoSolvesAtOnceReportTheirOwnProgress() {
        List<CompletableFuture<Double>> gaps = new ArrayList<>();
        for (long seed : new long[] {6, 7}) {
            MilpModel model = KnownModels.marketSplit(5, 40, seed, false);
            gaps.add(CompletableFuture.supplyAsync(() -> {
                List<SolveProgress> seen = new CopyOnWriteArrayList<>();
                SolveResult r = solver.solve(model, SolveParams.defaults().withTimeLimitSeconds(2), seen::add,
                        new CancellationToken());
                assertTrue(r.hasSolution() && !seen.isEmpty(), r::toString);
                return Math.abs(seen.getLast().incumbent() - r.objective());
            }));
        }
        for (CompletableFuture<Double> gap : gaps) {
            assertEquals(0, gap.join(), 1e-6);
        }
    }

    /** An LP through SCIP: its optimum is its bound. */
    @Test
    void anLpOptimumIsItsOwnBound() {
        SolveResult r = solver.solve(KnownModels.fractionalLp());
        assertEquals(SolveStatus.OPTIMAL, r.status(), r::toString);
        assertEquals(r.objective(), r.dualBound(), r::toString);
    }

    /** Each SCIP status names its limit; a gap limit reached is an optimum within the gap asked for. */
    @Test
    void statusMap() {
        assertEquals(Limit.NONE, DirectScipSolver.limit(ScipLibrary.STATUS_OPTIMAL));
        assertEquals(Limit.NONE, DirectScipSolver.limit(ScipLibrary.STATUS_INFORUNBD));
        assertEquals(Limit.NONE, DirectScipSolver.limit(ScipLibrary.STATUS_GAPLIMIT));
        assertEquals(Limit.TIME, DirectScipSolver.limit(ScipLibrary.STATUS_TIMELIMIT));
        assertEquals(Limit.INTERRUPTED, DirectScipSolver.limit(ScipLibrary.STATUS_USERINTERRUPT));
        assertEquals(Limit.NODES, DirectScipSolver.limit(ScipLibrary.STATUS_NODELIMIT));
        assertEquals(Limit.SOLUTIONS, DirectScipSolver.limit(ScipLibrary.STATUS_SOLLIMIT));
        assertEquals(Limit.OTHER, DirectScipSolver.limit(ScipLibrary.STATUS_STALLNODELIMIT));
        assertEquals("node limit (SCIP_STATUS_NODELIMIT)", ScipLibrary.describe(ScipLibrary.STATUS_NODELIMIT));
    }

    /** SCIP's own parameters by name and type; a value of the wrong type is refused, naming it. */
    @Test
    void rawParametersAreParsedByTheirType() {
        SolveResult r = solver.solve(KnownModels.binaryKnapsack(), SolveParams.defaults().withOption("limits/stallnodes",
                "1000").withOption("presolving/maxrounds", "0").withOption("lp/initalgorithm", "d")
                .withOption("misc/allowstrongdualreds", "false").withOption("limits/gap", "0"));
        assertEquals(SolveStatus.OPTIMAL, r.status(), r::toString);
        SolveResult bad = solver.solve(KnownModels.binaryKnapsack(), SolveParams.defaults().withOption(
                "presolving/maxrounds", "many"));
        assertEquals(SolveStatus.ERROR, bad.status(), bad::toString);
        assertTrue(bad.message().contains("presolving/maxrounds=many"), bad::message);
    }
}
