package org.tamebnn.solver.gurobi;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveProgress;

import com.gurobi.gurobi.GRB;
import com.gurobi.gurobi.GRBCallback;

/**
 * Gurobi's callback for one solve: stops the solve ({@code abort()}) at the first call after its
 * token is cancelled, which also catches a cancel that came before {@code optimize()} began, when
 * {@code GRBModel.terminate()} may not count; reports incumbent, bound and nodes from the MIP
 * callback once per half second at most, and at once when a new incumbent is found (MIPSOL). It
 * runs inside Gurobi's native solve, so it catches every throwable: a listener's failure costs only
 * its progress report.
 */
final class ProgressCallback extends GRBCallback {
    /** The least time between two reports from the MIP callback (a new incumbent is reported at once). */
    static final long PROGRESS_EVERY_NANOS = 500_000_000L;

    private final SolveListener listener;
    private final CancellationToken cancellation;
    private final Sense sense;
    private final long startNanos;
    private final AtomicLong lastReport;

    ProgressCallback(SolveListener listener, CancellationToken cancellation, Sense sense, long startNanos) {
        this.listener = listener;
        this.cancellation = cancellation;
        this.sense = sense;
        this.startNanos = startNanos;
        this.lastReport = new AtomicLong(startNanos);
    }

    @Override
    protected void callback() {
        try {
            if (cancellation.isCancelled()) {
                abort();
                return;
            }
            if (where == GRB.Callback.MIP) {
                long now = System.nanoTime();
                long last = lastReport.get();
                if (now - last >= PROGRESS_EVERY_NANOS && lastReport.compareAndSet(last, now)) {
                    report(now, getDoubleInfo(GRB.Callback.MIP_OBJBST), getDoubleInfo(GRB.Callback.MIP_OBJBND),
                            getDoubleInfo(GRB.Callback.MIP_NODCNT));
                }
            } else if (where == GRB.Callback.MIPSOL) {
                long now = System.nanoTime();
                lastReport.set(now);
                double found = getDoubleInfo(GRB.Callback.MIPSOL_OBJ);
                double best = getDoubleInfo(GRB.Callback.MIPSOL_OBJBST);
                double incumbent = finite(best) && !sense.isBetter(found, best) ? best : found;
                report(now, incumbent, getDoubleInfo(GRB.Callback.MIPSOL_OBJBND),
                        getDoubleInfo(GRB.Callback.MIPSOL_NODCNT));
            }
        } catch (Throwable t) {
            // nothing may leave a callback into the native solve
        }
    }

    private void report(long now, double incumbent, double bound, double nodes) {
        listener.onProgress(new SolveProgress(Duration.ofNanos(now - startNanos), known(incumbent), known(bound),
                (long) nodes));
    }

    /** Gurobi says "none" with ±GRB.INFINITY (1e100); the listener hears NaN. */
    static double known(double v) {
        return finite(v) ? v : Double.NaN;
    }

    private static boolean finite(double v) {
        return Double.isFinite(v) && Math.abs(v) < GRB.INFINITY;
    }
}
