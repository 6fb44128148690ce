package org.tamebnn.api.milp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Cancels a running solve from another thread. A backend registers what interrupts it with
 * {@link #onCancel}; a backend without the {@link Capability#CANCELLATION} capability may only
 * notice cancellation between phases.
 */
public final class CancellationToken {
    private volatile boolean cancelled;
    private final List<Runnable> actions = new CopyOnWriteArrayList<>();

    /** A token that is never cancelled. */
    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable action : actions) {
            action.run();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Runs {@code action} on cancellation (at once if already cancelled). Close the returned
     * registration when the solve ends, so that a late cancel does not touch a freed solver.
     */
    public Registration onCancel(Runnable action) {
        actions.add(action);
        if (cancelled) {
            action.run();
        }
        return () -> actions.remove(action);
    }

    /** A cancellation callback registration; closing it never throws. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
