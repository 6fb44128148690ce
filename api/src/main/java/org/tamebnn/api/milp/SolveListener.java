package org.tamebnn.api.milp;

/** Receives progress from a running solve; called from the solver's thread, so keep it quick. */
@FunctionalInterface
public interface SolveListener {
    SolveListener NONE = progress -> { };

    void onProgress(SolveProgress progress);
}
