package org.tamebnn.solver.ortools;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveProgress;

/**
 * One solve's progress reports, made from a solver's native callbacks, which come far more often
 * than anyone reads a report: at once for a new incumbent and for the first callback (which
 * shows a MIP start the solver took before any event), otherwise at most every half second.
 */
final class ProgressReports {
    private static final long EVERY_NANOS = 500_000_000L;

    private final SolveListener listener;
    private final long startNanos;
    private final AtomicLong lastReport;

    ProgressReports(SolveListener listener, long startNanos) {
        this.listener = listener;
        this.startNanos = startNanos;
        this.lastReport = new AtomicLong(startNanos - EVERY_NANOS);
    }

    /**
     * The {@link System#nanoTime()} of a report due now, claimed so that no other callback makes it
     * too; or -1 when none is due.
     */
    long due(boolean improving) {
        long now = System.nanoTime();
        long last = lastReport.get();
        return (improving || now - last >= EVERY_NANOS) && lastReport.compareAndSet(last, now) ? now : -1;
    }

    /** Reports what the solver said at {@code now}; an infinite incumbent or bound (none known) is NaN. */
    void report(long now, double incumbent, double bound, long nodes) {
        listener.onProgress(new SolveProgress(Duration.ofNanos(now - startNanos), Ffm.finite(incumbent),
                Ffm.finite(bound), nodes));
    }
}
