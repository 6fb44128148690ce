package org.tamebnn.solver.lpsolve;

import org.tamebnn.api.milp.MilpModel;

/**
 * Checks a point lp_solve returned against the model, independently of lp_solve: its statuses
 * are not taken on trust (see {@link LpSolveSettings#defaults()} for a wrong "optimal" seen on
 * BNN training models).
 */
final class PointCheck {
    /**
     * Largest accepted violation of a bound or row, relative to max(1, |bound|), and of
     * integrality, absolute. lp_solve's own tolerances are far tighter (primal 1e-10, integrality
     * 1e-7 by default), so a point beyond this is wrong, not merely imprecise.
     */
    static final double TOLERANCE = 1e-6;

    private PointCheck() {
    }

    /** Null when {@code x} satisfies the model within {@link #TOLERANCE}, else where and by how much it does not. */
    static String violation(MilpModel model, double[] x) {
        MilpModel.Violation worst = model.worstRelativeViolation(x);
        return worst.amount() <= TOLERANCE ? null : "violates " + worst.where() + " by " + worst.amount();
    }
}
