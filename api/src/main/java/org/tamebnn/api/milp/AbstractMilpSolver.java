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
 * reported as {@link SolveStatus#TIME_LIMIT} with whatever incumbent the backend returned.
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
            return new SolveResult(name, SolveStatus.CANCELLED, "cancelled before the solve started", Double.NaN,
                    Double.NaN, null, null, elapsed(start), 0);
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
            SolveStatus status = r.status();
            String message = r.message();
            if (fired.get() && status == SolveStatus.CANCELLED && !cancellation.isCancelled()) {
                status = SolveStatus.TIME_LIMIT;
                message = "time limit of " + params.timeLimit().get().toMillis() / 1000.0 + " s reached; " + name
                        + " overran it and was stopped by the watchdog";
            }
            return new SolveResult(name, status, message, r.objective(), r.bestBound(), r.values(), r.rowDuals(),
                    elapsed(start), r.nodes(), r.modelTime());
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
