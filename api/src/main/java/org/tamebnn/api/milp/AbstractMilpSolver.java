package org.tamebnn.api.milp;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The parts of {@link MilpSolver#solve} every adapter needs, written once: availability and
 * capability checks, timing, and turning any exception or native failure into an
 * {@link SolveStatus#ERROR} result with a message, so that no backend can crash its caller.
 * Adapters implement {@link #solveChecked}.
 *
 * <p>Time limits are also enforced here, for backends that overrun their own (CBC by over a second
 * was measured): when the solver declares {@link Capability#CANCELLATION}, a watchdog cancels the
 * solve {@link #watchdogGrace(Duration) a grace period} after the limit, and the result is then
 * reported as stopped by {@link Limit#TIME} with whatever incumbent the backend returned.
 *
 * <p>No status overstates: a MILP result the adapter calls {@link SolveStatus#OPTIMAL} without a
 * bound that confirms it becomes {@link SolveStatus#OPTIMAL_UNCONFIRMED} here, and options are
 * refused by a backend without {@link Capability#RAW_OPTIONS}.
 *
 * <p>Once the checks pass and the solve is registered for cancellation, the caller's listener
 * hears {@link SolveListener#onStart()}: from then on a cancel reaches the running solve.
 *
 * <p>When the solver's bundle stops, Declarative Services calls {@link #deactivate()} (found by
 * its default name on this superclass): every running solve is cancelled and ends as
 * {@link SolveStatus#ERROR} "solver bundle stopped", and later calls on this instance get the same
 * answer at once. Deactivation does not wait: a backend that cannot be interrupted runs to its own
 * end on its caller's thread, and its answer is then discarded with the same ERROR, since the
 * bundle that made it is gone.
 */
public abstract class AbstractMilpSolver implements MilpSolver {

    /** One daemon thread for every solver's watchdog: it only flips cancellation tokens. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tamebnn-time-limit-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** The {@link SolveResult#message()} of a solve ended by its bundle stopping. */
    public static final String BUNDLE_STOPPED = "solver bundle stopped";

    /** The tokens of the solves running now, so that {@link #deactivate()} can cancel them. */
    private final java.util.Set<CancellationToken> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    /**
     * Cancels every running solve and refuses new ones. Declarative Services calls it when the
     * component is deactivated (its bundle stops or is updated); plain-Java users may call it too.
     */
    protected void deactivate() {
        stopped = true;
        running.forEach(CancellationToken::cancel);
    }

    /** How long after its time limit a solve is cancelled: 5% of the limit, at least 0.25 s, at most 2 s. */
    public static Duration watchdogGrace(Duration limit) {
        long nanos = Math.clamp(limit.toNanos() / 20, 250_000_000L, 2_000_000_000L);
        return Duration.ofNanos(nanos);
    }

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
            return SolveResult.stopped(name, Limit.INTERRUPTED, "", "cancelled before the solve started", Double.NaN,
                    Double.NaN, null, 0).as(name, elapsed(start));
        }
        if (!params.options().isEmpty() && !info().supports(Capability.RAW_OPTIONS)) {
            return SolveResult.error(name, name + " takes no solver options; got " + String.join(", ",
                    params.options().keySet()), elapsed(start));
        }
        if (stopped) {
            return SolveResult.error(name, name + ": " + BUNDLE_STOPPED, elapsed(start));
        }
        boolean guarded = params.timeLimit().isPresent() && info().supports(Capability.CANCELLATION);
        // the solve's own token: the caller's cancel, the watchdog and deactivate() all reach it
        CancellationToken token = new CancellationToken();
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> watchdog = null;
        running.add(token);
        try (CancellationToken.Registration link = cancellation.onCancel(token::cancel)) {
            if (guarded) {
                Duration limit = params.timeLimit().get();
                long delay = limit.plus(watchdogGrace(limit)).toNanos() - (System.nanoTime() - start);
                watchdog = WATCHDOG.schedule(() -> {
                    fired.set(true);
                    token.cancel();
                }, Math.max(0, delay), TimeUnit.NANOSECONDS);
            }
            listener.onStart();
            SolveResult r = solveChecked(model, params, listener, token, start);
            if (stopped) {
                return SolveResult.error(name, name + ": " + BUNDLE_STOPPED + " during the solve", elapsed(start));
            }
            if (fired.get() && r.isCancelled() && !cancellation.isCancelled()) {
                r = r.withTermination(r.status(), Limit.TIME, "time limit of " + params.timeLimit().get().toMillis()
                        / 1000.0 + " s reached; " + name + " overran it and was stopped by the watchdog");
            }
            if (r.status() == SolveStatus.OPTIMAL && model.hasIntegers() && !confirmed(r, params)) {
                r = r.withTermination(SolveStatus.OPTIMAL_UNCONFIRMED, Limit.NONE, (r.message().isEmpty() ? ""
                        : r.message() + "; ") + name + " called it optimal " + (Double.isNaN(r.dualBound())
                                ? "without a bound to confirm it" : "with a bound " + r.dualBound() + " that does not"));
            }
            return r.as(name, elapsed(start));
        } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return SolveResult.error(name, name + " failed on model '" + model.name() + "': " + why, elapsed(start));
        } finally {
            running.remove(token);
            if (watchdog != null) {
                watchdog.cancel(false);
            }
        }
    }

    /** The smallest relative gap any shipped backend calls optimal by default (HiGHS's {@code mip_rel_gap}). */
    private static final double DEFAULT_GAP = 1e-4;
    /** Absolute gaps up to this are rounding, not a gap (SCIP's and HiGHS's feasibility tolerance). */
    private static final double ABSOLUTE_GAP = 1e-6;

    /**
     * True when the result's bound confirms its objective: within the requested relative gap (or the
     * backends' default 1e-4), or within an absolute 1e-6.
     */
    private static boolean confirmed(SolveResult r, SolveParams params) {
        if (!Double.isFinite(r.dualBound()) || !Double.isFinite(r.objective())) {
            return false;
        }
        double gap = Math.max(params.relativeGap().orElse(DEFAULT_GAP), DEFAULT_GAP);
        return Math.abs(r.objective() - r.dualBound()) <= ABSOLUTE_GAP || r.gap() <= gap * (1 + 1e-9);
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
