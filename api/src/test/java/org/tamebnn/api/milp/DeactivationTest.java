package org.tamebnn.api.milp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** A solver whose bundle stops: running solves end as ERROR "solver bundle stopped", later ones at once. */
class DeactivationTest {

    /** Runs until cancelled (or 10 s), telling the test when it has started. */
    private static final class Searching extends AbstractMilpSolver {
        final CountDownLatch started = new CountDownLatch(1);

        @Override
        public SolverInfo info() {
            return new SolverInfo("searching", "a loop", "1", EnumSet.of(Capability.CANCELLATION), "");
        }

        @Override
        public Availability availability() {
            return Availability.yes();
        }

        @Override
        protected SolveResult solveChecked(MilpModel model, SolveParams params, SolveListener listener,
                CancellationToken cancellation, long startNanos) {
            started.countDown();
            long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!cancellation.isCancelled() && System.nanoTime() < stop) {
                Thread.onSpinWait();
            }
            return new SolveResult("searching", SolveStatus.CANCELLED, "cancelled", Double.NaN, Double.NaN, null,
                    null, elapsed(startNanos), 0);
        }
    }

    private static MilpModel model() {
        MilpModel.Builder b = MilpModel.builder("one");
        b.objective(b.continuous("x", 0, 1), 1);
        return b.build();
    }

    @Test
    void deactivationEndsARunningSolveAndRefusesNewOnes() throws Exception {
        Searching solver = new Searching();
        CompletableFuture<SolveResult> running = CompletableFuture.supplyAsync(() -> solver.solve(model()));
        assertTrue(solver.started.await(10, TimeUnit.SECONDS));
        solver.deactivate();
        SolveResult r = running.get(10, TimeUnit.SECONDS);
        assertEquals(SolveStatus.ERROR, r.status());
        assertEquals("searching: solver bundle stopped during the solve", r.message());

        SolveResult later = solver.solve(model());
        assertEquals(SolveStatus.ERROR, later.status());
        assertEquals("searching: " + AbstractMilpSolver.BUNDLE_STOPPED, later.message());
    }
}
