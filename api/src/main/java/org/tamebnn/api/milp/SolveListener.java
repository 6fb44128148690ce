package org.tamebnn.api.milp;

/** Receives progress from a running solve; called from the solver's thread, so keep it quick. */
@FunctionalInterface
public interface SolveListener {
    SolveListener NONE = progress -> { };

    void onProgress(SolveProgress progress);

    /**
     * Called once when the solve has begun: the solver accepted the model and the solve is running,
     * so a cancel from now on reaches it and ends it as stopped by {@link Limit#INTERRUPTED}
     * (never as "cancelled before the solve started"). Not called for a solve refused or cancelled
     * before it began. {@link AbstractMilpSolver} calls it for every solver built on it, before any
     * progress report. Does nothing by default.
     *
     * @since 1.3
     */
    default void onStart() {
    }
}
