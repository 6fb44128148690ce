package org.tamebnn.api.milp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cancels a running solve from another thread. A backend registers what interrupts it with
 * {@link #onCancel}; a backend without the {@link Capability#CANCELLATION} capability may only
 * notice cancellation between phases.
 */
public final class CancellationToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Action> actions = new CopyOnWriteArrayList<>();

    /** A token that is never cancelled. */
    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            for (Action action : actions) {
                action.runOnce();
            }
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Runs {@code action} on cancellation (at once if already cancelled). Close the returned
     * registration when the solve ends, so that a late cancel does not touch a freed solver.
     */
    public Registration onCancel(Runnable action) {
        Action a = new Action(action);
        actions.add(a);
        if (cancelled.get()) {
            a.runOnce();
        }
        return () -> {
            a.done.set(true);
            actions.remove(a);
        };
    }

    /** An action that runs at most once, and never after its registration is closed. */
    private record Action(Runnable body, AtomicBoolean done) {
        Action(Runnable body) {
            this(body, new AtomicBoolean());
        }

        void runOnce() {
            if (done.compareAndSet(false, true)) {
                body.run();
            }
        }
    }

    /** A cancellation callback registration; closing it never throws. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
