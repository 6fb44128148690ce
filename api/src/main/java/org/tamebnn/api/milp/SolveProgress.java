package org.tamebnn.api.milp;

import java.time.Duration;

/**
 * A progress report during a solve. Unknown quantities are NaN (or -1 for nodes).
 *
 * @param elapsed   wall time since the solve started
 * @param incumbent objective of the best solution found so far
 * @param bound     best proven bound on the optimum
 * @param nodes     branch-and-bound nodes processed
 */
public record SolveProgress(Duration elapsed, double incumbent, double bound, long nodes) {

    /** Relative gap between incumbent and bound, NaN when either is unknown. */
    public double gap() {
        return SolveResult.relativeGap(incumbent, bound);
    }
}
