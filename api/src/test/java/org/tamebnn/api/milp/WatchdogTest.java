package org.tamebnn.api.milp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The time-limit watchdog of {@link AbstractMilpSolver}, on a backend that ignores its limit. */
class WatchdogTest {

    @Test
    void aCancellableBackendThatOverrunsItsLimitIsStoppedAndReportsTimeLimit() {
        var solver = new LoopingSolver(EnumSet.of(Capability.TIME_LIMIT, Capability.CANCELLATION), 2);
        SolveResult r = solver.solve(LoopingSolver.model(), SolveParams.defaults().withTimeLimitSeconds(0.3));
        assertEquals(Limit.TIME, r.limit(), r::toString);
        assertTrue(r.message().contains("overran it and was stopped by the watchdog"), r.message());
        assertEquals(1, r.values()[0], "the incumbent is kept");
    }

    /** Cancelled inside the backend's loop, with the watchdog armed but far off: CANCELLED, not TIME_LIMIT. */
    @Test
    void aUsersCancelStaysACancel() throws Exception {
        var solver = new LoopingSolver(EnumSet.of(Capability.TIME_LIMIT, Capability.CANCELLATION), 2);
        CancellationToken token = new CancellationToken();
        CompletableFuture<SolveResult> running = CompletableFuture.supplyAsync(
                () -> solver.solve(LoopingSolver.model(), SolveParams.defaults().withTimeLimitSeconds(30), SolveListener.NONE, token));
        assertTrue(solver.started.await(10, TimeUnit.SECONDS), "the backend's loop never began");
        token.cancel();
        SolveResult r = running.get(10, TimeUnit.SECONDS);
        assertEquals(Limit.INTERRUPTED, r.limit(), r::toString);
        assertFalse(r.message().contains("watchdog"), r.message());
    }

    @Test
    void withoutCancellationTheBackendRunsItsCourse() {
        var solver = new LoopingSolver(EnumSet.of(Capability.TIME_LIMIT), 2);
        SolveResult r = solver.solve(LoopingSolver.model(), SolveParams.defaults().withTimeLimitSeconds(0.1));
        assertEquals(SolveStatus.OPTIMAL, r.status(), "nothing can stop it; it reports what it did");
    }

    @Test
    void graceIsFivePercentBetweenAQuarterSecondAndTwoSeconds() {
        assertEquals(Duration.ofMillis(250), AbstractMilpSolver.watchdogGrace(Duration.ofSeconds(1)));
        assertEquals(Duration.ofSeconds(1), AbstractMilpSolver.watchdogGrace(Duration.ofSeconds(20)));
        assertEquals(Duration.ofSeconds(2), AbstractMilpSolver.watchdogGrace(Duration.ofHours(1)));
    }
}
