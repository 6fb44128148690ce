package org.tamebnn.solver.lpsolve;

import java.time.Duration;
import java.util.Optional;

/**
 * The end of a solve's time budget, counted from when the solve began, so that translating the
 * model and any check solve spend the same budget as lp_solve itself.
 */
record Deadline(long endNanos, Duration limit) {

    static Optional<Deadline> of(Optional<Duration> limit, long startNanos) {
        return limit.map(l -> new Deadline(startNanos + l.toNanos(), l));
    }

    /**
     * What is left, in whole seconds for {@code set_timeout}: rounded up, since lp_solve takes no
     * fractions and stopping early would cut a solve short of the time it was given; at least 1,
     * since 0 means "no limit" to lp_solve.
     */
    long remainingSeconds() {
        long left = endNanos - System.nanoTime();
        return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }

    boolean expired() {
        return System.nanoTime() - endNanos >= 0;
    }

    String describe() {
        return limit.toMillis() / 1000.0 + " s";
    }
}
