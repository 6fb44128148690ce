package org.tamebnn.api.milp;

import java.time.Duration;
import java.util.Optional;

/**
 * The end of a solve's time budget, counted from when the solve began ({@code startNanos} of
 * {@link AbstractMilpSolver#solveChecked}): translating the model and any re-check solve spend the
 * same budget as the backend, so the user's limit bounds the whole call. Backends take their limit
 * in different units, and some read 0 as "no limit", hence the rounded-up accessors.
 *
 * @param endNanos the {@link System#nanoTime()} at which the budget is spent
 * @param limit the whole budget, for messages
 */
public record Deadline(long endNanos, Duration limit) {

    /** The deadline of a solve that began at {@code startNanos}, if it has a limit. */
    public static Optional<Deadline> of(Optional<Duration> limit, long startNanos) {
        return limit.map(l -> new Deadline(startNanos + l.toNanos(), l));
    }

    /** Milliseconds left, rounded up and at least 1. */
    public long remainingMillis() {
        return Math.max(1, ceilDiv(endNanos - System.nanoTime(), 1_000_000L));
    }

    /** Whole seconds left, rounded up (stopping early would cut the solve short) and at least 1. */
    public long remainingSeconds() {
        return Math.max(1, ceilDiv(endNanos - System.nanoTime(), 1_000_000_000L));
    }

    /** Whether the budget is spent. */
    public boolean expired() {
        return System.nanoTime() - endNanos >= 0;
    }

    /**
     * Whether a solve that stopped now was stopped by the limit. A backend's clock starts after
     * ours (model translation), so at its limit ours has passed too; the slack of 1% (at least
     * 10 ms) only absorbs backends that round their clock.
     */
    public boolean reached() {
        long slack = Math.max(10_000_000L, limit.toNanos() / 100);
        return System.nanoTime() - (endNanos - slack) >= 0;
    }

    /** The limit as a user reads it, such as "1.5 s". */
    public String describe() {
        return limit.toMillis() / 1000.0 + " s";
    }

    private static long ceilDiv(long nanos, long unit) {
        return nanos <= 0 ? 0 : (nanos + unit - 1) / unit;
    }
}
