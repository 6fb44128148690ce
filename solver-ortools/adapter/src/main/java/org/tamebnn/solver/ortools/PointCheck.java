package org.tamebnn.solver.ortools;

import org.tamebnn.api.milp.MilpModel;

/**
 * Checks a point a backend returned without proving anything about it (at a time limit or a
 * cancellation): CLP, for one, reports a primal-infeasible simplex iterate as "feasible" there.
 */
final class PointCheck {
    /** Largest accepted violation, relative to max(1, |bound|); integrality is absolute. */
    static final double TOLERANCE = 1e-5;

    private PointCheck() {
    }

    static boolean satisfies(MilpModel model, double[] x) {
        return model.maxRelativeViolation(x) <= TOLERANCE;
    }
}
