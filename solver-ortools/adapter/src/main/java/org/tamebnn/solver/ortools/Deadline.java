package org.tamebnn.solver.ortools;

import java.time.Duration;
import java.util.Optional;

/**
 * The end of a solve's time budget, counted from when the solve began: translating the model and
 * any re-check solve spend the same budget, so the user's limit bounds the whole call.
 */
record Deadline(long endNanos, Duration limit) {

    static Optional<Deadline> of(Optional<Duration> limit, long startNanos) {
        return limit.map(l -> new Deadline(startNanos + l.toNanos(), l));
    }

    /** Milliseconds left for the backend, at least 1 (OR-Tools reads 0 as "no limit"). */
    long remainingMillis() {
        long left = endNanos - System.nanoTime();
        return Math.max(1, (left + 999_999) / 1_000_000);
    }

    boolean expired() {
        return System.nanoTime() >= endNanos;
    }

    /**
     * Whether a solve that stopped now was stopped by the limit. The backend's clock starts after
     * ours (model translation), so at its limit ours has passed too; the slack of 1% (at least
     * 10 ms) only absorbs backends that round their clock.
     */
    boolean reached() {
        long slack = Math.max(10_000_000L, limit.toNanos() / 100);
        return System.nanoTime() >= endNanos - slack;
    }

    String describe() {
        return limit.toMillis() / 1000.0 + " s";
    }
}
