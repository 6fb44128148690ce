package org.tamebnn.solver.lpsolve;

import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Row;
import org.tamebnn.api.milp.Variable;

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
        double worst = model.maxRelativeViolation(x);
        if (worst <= TOLERANCE) {
            return null;
        }
        return "violates " + worstPlace(model, x) + " by " + worst;
    }

    /** Names the bound, integrality or row with the largest violation (the one maxRelativeViolation found). */
    private static String worstPlace(MilpModel model, double[] x) {
        String place = "the model";
        double worst = -1;
        for (int j = 0; j < x.length; j++) {
            Variable v = model.variable(j);
            if (!Double.isFinite(x[j])) {
                return "variable '" + v.name() + "' (value " + x[j] + ")";
            }
            double below = relative(v.lower() - x[j], v.lower());
            double above = relative(x[j] - v.upper(), v.upper());
            double fraction = v.isInteger() ? Math.abs(x[j] - Math.rint(x[j])) : 0;
            double here = Math.max(below, Math.max(above, fraction));
            if (here > worst) {
                worst = here;
                place = (fraction >= Math.max(below, above) ? "the integrality of " : "the bounds of ")
                        + "variable '" + v.name() + "' (value " + x[j] + ")";
            }
        }
        for (Row r : model.rows()) {
            double a = r.activity(x);
            double here = Math.max(relative(r.lower() - a, r.lower()), relative(a - r.upper(), r.upper()));
            if (here > worst) {
                worst = here;
                place = "row '" + r.name() + "' (activity " + a + ", bounds [" + r.lower() + ", " + r.upper() + "])";
            }
        }
        return place;
    }

    private static double relative(double amount, double bound) {
        return amount > 0 ? amount / Math.max(1, Math.abs(bound)) : 0;
    }
}
