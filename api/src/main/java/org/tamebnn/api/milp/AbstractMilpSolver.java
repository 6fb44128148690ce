package org.tamebnn.api.milp;

import java.time.Duration;

/**
 * The parts of {@link MilpSolver#solve} every adapter needs, written once: availability and
 * capability checks, timing, and turning any exception or native failure into an
 * {@link SolveStatus#ERROR} result with a message, so that no backend can crash its caller.
 * Adapters implement {@link #solveChecked}.
 */
public abstract class AbstractMilpSolver implements MilpSolver {

    @Override
    public final SolveResult solve(MilpModel model, SolveParams params, SolveListener listener,
            CancellationToken cancellation) {
        long start = System.nanoTime();
        String name = info().name();
        Availability availability = availability();
        if (!availability.isAvailable()) {
            return SolveResult.error(name, name + " is not available: " + availability.reason(), elapsed(start));
        }
        if (model.hasIntegers() && !info().supports(Capability.INTEGER_VARIABLES)) {
            return SolveResult.error(name, name + " solves LPs only; model '" + model.name() + "' has "
                    + model.integerCount() + " integer variables (solve its relaxation, or pick a MILP solver)",
                    elapsed(start));
        }
        if (cancellation.isCancelled()) {
            return new SolveResult(name, SolveStatus.CANCELLED, "cancelled before the solve started", Double.NaN,
                    Double.NaN, null, null, elapsed(start), 0);
        }
        try {
            SolveResult r = solveChecked(model, params, listener, cancellation, start);
            return new SolveResult(name, r.status(), r.message(), r.objective(), r.bestBound(), r.values(),
                    r.rowDuals(), elapsed(start), r.nodes());
        } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return SolveResult.error(name, name + " failed on model '" + model.name() + "': " + why, elapsed(start));
        }
    }

    /**
     * Solves a model this solver is available for and can handle. The returned result's wall time
     * is replaced by the measured one. May throw; the exception becomes an ERROR result.
     *
     * @param startNanos {@link System#nanoTime()} when the solve began, for progress reports
     */
    protected abstract SolveResult solveChecked(MilpModel model, SolveParams params, SolveListener listener,
            CancellationToken cancellation, long startNanos);

    protected static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
