package org.tamebnn.solver.ortools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveProgress;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;

/** Time limits, cancellation and solver parameters: statuses must say what stopped the solve. */
class LimitsTest {
    /** A safety net so that a broken cancellation fails the test instead of hanging it. */
    private static final SolveParams SAFETY = SolveParams.defaults().withTimeLimitSeconds(60);

    /** A model each backend needs well over a second for. */
    static MilpModel hard(Backend backend) {
        return backend.solvesIntegers() ? TestModels.knapsack(250, 1) : TestModels.bigLp(10_000, 6_000, 1);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void timeLimitIsReportedAsSuch(Backend backend) {
        MilpModel model = hard(backend);
        SolveResult r = KnownAnswerTest.solver(backend).solve(model,
                SolveParams.defaults().withTimeLimitSeconds(0.2));
        assertEquals(Limit.TIME, r.limit(), r::toString);
        assertTrue(r.message().contains("time limit"), r.message());
        r.solution().ifPresent(x -> {
            assertTrue(PointCheck.satisfies(model, x), "an incumbent at the limit satisfies the model");
            assertEquals(model.objectiveValue(x), r.objective(), 1e-6 * Math.abs(r.objective()));
        });
        if (backend.boundsBeforeOptimality() && r.hasSolution()) {
            assertTrue(r.dualBound() >= r.objective() - 1e-6, "a maximisation's bound is above its incumbent");
        }
    }

    /**
     * Cancelled once the solve has begun (the solver's {@link SolveListener#onStart()}), while it
     * translates the model or searches: the backend is interrupted and the solve ends as CANCELLED
     * by the adapter ("cancelled"), not as a solve refused before it began.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void cancellationFromAnotherThreadStopsTheSolve(Backend backend) throws Exception {
        assumeTrue(backend.supports(Capability.CANCELLATION), backend + " cannot be interrupted");
        MilpModel model = hard(backend);
        CancellationToken token = new CancellationToken();
        CompletableFuture<Void> started = new CompletableFuture<>();
        SolveListener listener = new SolveListener() {
            @Override
            public void onProgress(SolveProgress progress) {
            }

            @Override
            public void onStart() {
                started.complete(null);
            }
        };
        MilpSolver solver = KnownAnswerTest.solver(backend);
        CompletableFuture<SolveResult> running = CompletableFuture.supplyAsync(
                () -> solver.solve(model, SAFETY, listener, token));
        CompletableFuture.anyOf(started, running).get(120, TimeUnit.SECONDS);
        assertTrue(started.isDone(), () -> "the solve ended without beginning: " + running.join());
        token.cancel();
        SolveResult r = running.get(120, TimeUnit.SECONDS);
        assertEquals(Limit.INTERRUPTED, r.limit(), r::toString);
        assertTrue(r.message().startsWith("cancelled"), r.message());
        assertFalse(r.message().contains("before the solve started"), r.message());
        r.solution().ifPresent(x -> assertTrue(PointCheck.satisfies(model, x)));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void cancellationBeforeTheSolveIsHonoured(Backend backend) {
        CancellationToken token = new CancellationToken();
        token.cancel();
        SolveResult r = KnownAnswerTest.solver(backend).solve(TestModels.maxLp(), SAFETY, SolveListener.NONE, token);
        assertEquals(Limit.INTERRUPTED, r.limit(), r::toString);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void everyOfferedParameterIsAcceptedByTheBackend(Backend backend) {
        MilpModel model = backend.solvesIntegers() ? TestModels.smallMilp() : TestModels.maxLp();
        SolveParams params = SolveParams.defaults().withTimeLimitSeconds(30).withThreads(2).withSeed(-42)
                .withRelativeGap(1e-6);
        SolveResult r = KnownAnswerTest.solver(backend).solve(model, params);
        assertEquals(SolveStatus.OPTIMAL, r.status(), r::toString);
        assertEquals(backend.solvesIntegers() ? 21.5 : 12, r.objective(), 1e-4);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void relativeGapStopsEarlyAndSaysSo(Backend backend) {
        assumeTrue(backend.supports(Capability.RELATIVE_GAP));
        MilpModel model = TestModels.knapsack(250, 1);
        SolveResult r = KnownAnswerTest.solver(backend).solve(model, SAFETY.withRelativeGap(0.05));
        assertTrue(PointCheck.satisfies(model, r.solution().orElseThrow()));
        // optimal within the gap asked for, its bound confirming it; without a bound, a claim
        if (r.status() == SolveStatus.OPTIMAL) {
            assertTrue(r.gap() <= 0.05 + 1e-9, r::toString);
        } else {
            assertEquals(SolveStatus.OPTIMAL_UNCONFIRMED, r.status(), r::toString);
            assertTrue(Double.isNaN(r.dualBound()), r::toString);
            assertTrue(r.message().contains("gap"), r.message());
        }
    }
}
