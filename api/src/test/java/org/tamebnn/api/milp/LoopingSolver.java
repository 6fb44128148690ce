package org.tamebnn.api.milp;

import java.util.EnumSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A backend for testing {@link AbstractMilpSolver}'s own duties: it ignores any time limit and
 * "searches" until its token is cancelled or {@code maxSeconds} pass, then returns the incumbent
 * x = 1, stopped by {@link Limit#INTERRUPTED} or OPTIMAL.
 */
final class LoopingSolver extends AbstractMilpSolver {
    final CountDownLatch started = new CountDownLatch(1);
    private final EnumSet<Capability> capabilities;
    private final long maxSeconds;

    LoopingSolver(EnumSet<Capability> capabilities, long maxSeconds) {
        this.capabilities = capabilities;
        this.maxSeconds = maxSeconds;
    }

    @Override
    public SolverInfo info() {
        return new SolverInfo("looping", "a loop", "1", capabilities, "");
    }

    @Override
    public Availability availability() {
        return Availability.yes();
    }

    @Override
    protected SolveResult solveChecked(MilpModel model, SolveParams params, SolveListener listener,
            CancellationToken cancellation, long startNanos) {
        started.countDown();
        long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        while (!cancellation.isCancelled() && System.nanoTime() < stop) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (cancellation.isCancelled()) {
            return SolveResult.stopped("looping", Limit.INTERRUPTED, "interrupted", "", 1, Double.NaN, new double[] {1},
                    0);
        }
        return SolveResult.ended("looping", SolveStatus.OPTIMAL, "optimal", "", 1, 1, new double[] {1}, null, 0);
    }

    /** min x over x ∈ [0, 1]: the model the loop pretends to solve. */
    static MilpModel model() {
        MilpModel.Builder b = MilpModel.builder("one");
        b.objective(b.continuous("x", 0, 1), 1);
        return b.build();
    }
}
