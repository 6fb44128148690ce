package org.tamebnn.api.milp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The time-limit watchdog of {@link AbstractMilpSolver}, on a backend that ignores its limit. */
class WatchdogTest {

    /** Searches until cancelled (or for 2 s), ignoring the time limit, with an incumbent x = 1 from the start. */
    private static final class Overrunning extends AbstractMilpSolver {
        private final EnumSet<Capability> capabilities;

        Overrunning(EnumSet<Capability> capabilities) {
            this.capabilities = capabilities;
        }

        @Override
        public SolverInfo info() {
            return new SolverInfo("overrunning", "a loop", "1", capabilities, "");
        }

        @Override
        public Availability availability() {
            return Availability.yes();
        }

        @Override
        protected SolveResult solveChecked(MilpModel model, SolveParams params, SolveListener listener,
                CancellationToken cancellation, long startNanos) {
            long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (!cancellation.isCancelled() && System.nanoTime() < stop) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            SolveStatus status = cancellation.isCancelled() ? SolveStatus.CANCELLED : SolveStatus.OPTIMAL;
            return new SolveResult("overrunning", status, "", 1, Double.NaN, new double[] {1}, null,
                    elapsed(startNanos), 0);
        }
    }

    private static MilpModel model() {
        MilpModel.Builder b = MilpModel.builder("one");
        b.objective(b.continuous("x", 0, 1), 1);
        return b.build();
    }

    @Test
    void aCancellableBackendThatOverrunsItsLimitIsStoppedAndReportsTimeLimit() {
        var solver = new Overrunning(EnumSet.of(Capability.TIME_LIMIT, Capability.CANCELLATION));
        SolveResult r = solver.solve(model(), SolveParams.defaults().withTimeLimitSeconds(0.3));
        assertEquals(SolveStatus.TIME_LIMIT, r.status(), r::toString);
        assertTrue(r.message().contains("overran it and was stopped by the watchdog"), r.message());
        assertEquals(1, r.values()[0], "the incumbent is kept");
    }

    @Test
    void aUsersCancelStaysACancel() throws Exception {
        var solver = new Overrunning(EnumSet.of(Capability.TIME_LIMIT, Capability.CANCELLATION));
        CancellationToken token = new CancellationToken();
        CompletableFuture<SolveResult> running = CompletableFuture.supplyAsync(
                () -> solver.solve(model(), SolveParams.defaults().withTimeLimitSeconds(30), SolveListener.NONE, token));
        Thread.sleep(100);
        token.cancel();
        assertEquals(SolveStatus.CANCELLED, running.get(10, TimeUnit.SECONDS).status());
    }

    @Test
    void withoutCancellationTheBackendRunsItsCourse() {
        var solver = new Overrunning(EnumSet.of(Capability.TIME_LIMIT));
        SolveResult r = solver.solve(model(), SolveParams.defaults().withTimeLimitSeconds(0.1));
        assertEquals(SolveStatus.OPTIMAL, r.status(), "nothing can stop it; it reports what it did");
    }

    @Test
    void graceIsFivePercentBetweenAQuarterSecondAndTwoSeconds() {
        assertEquals(Duration.ofMillis(250), AbstractMilpSolver.watchdogGrace(Duration.ofSeconds(1)));
        assertEquals(Duration.ofSeconds(1), AbstractMilpSolver.watchdogGrace(Duration.ofSeconds(20)));
        assertEquals(Duration.ofSeconds(2), AbstractMilpSolver.watchdogGrace(Duration.ofHours(1)));
    }
}
