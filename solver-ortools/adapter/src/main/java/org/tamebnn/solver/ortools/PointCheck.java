package org.tamebnn.solver.ortools;

import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Row;
import org.tamebnn.api.milp.Variable;

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
        return relativeViolation(model, x) <= TOLERANCE;
    }

    /** The worst violation of a variable bound, row bound or integrality by {@code x}; infinite for NaNs. */
    static double relativeViolation(MilpModel model, double[] x) {
        double worst = 0;
        for (int j = 0; j < x.length; j++) {
            if (!Double.isFinite(x[j])) {
                return Double.POSITIVE_INFINITY;
            }
            Variable v = model.variable(j);
            worst = Math.max(worst, excess(v.lower() - x[j], v.lower()));
            worst = Math.max(worst, excess(x[j] - v.upper(), v.upper()));
            if (v.isInteger()) {
                worst = Math.max(worst, Math.abs(x[j] - Math.rint(x[j])));
            }
        }
        for (Row r : model.rows()) {
            double activity = r.activity(x);
            worst = Math.max(worst, excess(r.lower() - activity, r.lower()));
            worst = Math.max(worst, excess(activity - r.upper(), r.upper()));
        }
        return worst;
    }

    private static double excess(double amount, double bound) {
        // an infinite bound gives -infinity here, never a violation
        return amount > 0 ? amount / Math.max(1, Math.abs(bound)) : 0;
    }
}
