package org.tamebnn.dual.internal;

import org.tamebnn.api.dual.AffinePiece;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Row;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.Variable;

/**
 * The affine lower bound any row multipliers u give over a box of the variables (Wolsey 1981; notes
 * §4.5 with the bound multipliers folded in): for x in the box with its rows satisfied at d,
 *
 * <pre>
 *   c·x = u·(Ax) + r·x ≥ Σ_{varying i} uᵢ dᵢ + Σ_{fixed i} uᵢ·(the bound uᵢ's sign picks) + Σⱼ min(rⱼlⱼ, rⱼgⱼ),
 *   r = c − uᵀA,
 * </pre>
 *
 * with u ≥ 0 on ≥ rows and u ≤ 0 on ≤ rows (in the minimisation sense). It holds for every u with
 * those signs, optimal or not: so the multipliers a floating-point LP returns are used as they
 * are, wrong-signed ones clipped to 0, and the reduced costs r recomputed here, which makes every
 * piece a valid bound by construction whatever the LP's accuracy. A box with an infinite bound
 * where rⱼ has the wrong sign gives −∞ (no bound). A maximisation is bounded as the minimisation of
 * its negated objective.
 */
final class LagrangianPiece {
    private LagrangianPiece() {
    }

    /** The model's objective in the minimisation sense: c, or −c for a maximisation. */
    static double[] minCosts(MilpModel model) {
        double sign = model.sense() == Sense.MAXIMIZE ? -1 : 1;
        double[] c = new double[model.variableCount()];
        for (int j = 0; j < c.length; j++) {
            c[j] = sign * model.objectiveCoefficient(j);
        }
        return c;
    }

    static double minOffset(MilpModel model) {
        return (model.sense() == Sense.MAXIMIZE ? -1 : 1) * model.objectiveOffset();
    }

    /** Row duals as a solver reports them (∂optimum/∂rhs in the model's sense), turned to the minimisation sense. */
    static double[] minDuals(MilpModel model, double[] rowDuals) {
        double sign = model.sense() == Sense.MAXIMIZE ? -1 : 1;
        double[] u = new double[rowDuals.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = sign * rowDuals[i];
        }
        return u;
    }

    /**
     * The piece of multipliers {@code u} (minimisation sense, one per model row) over the model's
     * variable bounds, as a function of the right-hand side of {@code rows}.
     */
    static AffinePiece of(MilpModel model, int[] rows, double[] u) {
        return of(model, rows, u, lowerBounds(model), upperBounds(model));
    }

    /** As {@link #of(MilpModel, int[], double[])}, over the box [lower, upper] (a branch-and-bound node). */
    static AffinePiece of(MilpModel model, int[] rows, double[] u, double[] lower, double[] upper) {
        double[] clipped = clip(model, u);
        double[] r = reducedCosts(model, clipped);
        boolean[] varying = new boolean[model.rowCount()];
        double[] gradient = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            varying[rows[k]] = true;
            gradient[k] = clipped[rows[k]];
        }
        double intercept = minOffset(model);
        for (int i = 0; i < model.rowCount(); i++) {
            if (!varying[i] && clipped[i] != 0) {
                Row row = model.row(i);
                intercept += clipped[i] * (clipped[i] > 0 ? row.lower() : row.upper());
            }
        }
        for (int j = 0; j < r.length; j++) {
            intercept += boxMinimum(r[j], lower[j], upper[j]);
        }
        return new AffinePiece(gradient, intercept);
    }

    /**
     * The reduced costs r = c − uᵀA (minimisation sense) of multipliers {@code u} already
     * {@link #clip clipped}, each {@link #snap snapped} to 0 within tolerance of the terms it is
     * computed from: what a piece's intercept is built of, and what bound tightening reads.
     */
    static double[] reducedCosts(MilpModel model, double[] clipped) {
        double[] c = minCosts(model);
        double[] r = c.clone();
        double[] scale = new double[c.length];
        for (int j = 0; j < c.length; j++) {
            scale[j] = Math.max(1, Math.abs(c[j]));
        }
        for (int i = 0; i < model.rowCount(); i++) {
            if (clipped[i] == 0) {
                continue;
            }
            Row row = model.row(i);
            int[] cols = row.columns();
            double[] a = row.coefficients();
            for (int q = 0; q < cols.length; q++) {
                r[cols[q]] -= clipped[i] * a[q];
                scale[cols[q]] = Math.max(scale[cols[q]], Math.abs(clipped[i] * a[q]));
            }
        }
        for (int j = 0; j < r.length; j++) {
            r[j] = snap(r[j], scale[j]);
        }
        return r;
    }

    /**
     * Reduced costs this close to 0, relative to the largest of 1, |cⱼ| and the terms |uᵢaᵢⱼ| they
     * are computed from, are taken as 0 ({@link #snap}): the dual feasibility tolerance LP solvers
     * work to (GLOP, CLP and HiGHS use 1e-7).
     */
    static final double REDUCED_COST_TOLERANCE = 1e-7;

    /**
     * A reduced cost within {@link #REDUCED_COST_TOLERANCE} of 0 as 0. A floating-point LP's duals
     * satisfy uᵀaⱼ ≤ cⱼ only to its tolerance, and a reduced cost of −1e-12 on a column without an
     * upper bound (or +1e-12 on one without a lower bound) would otherwise turn a correct bound into
     * −∞; the certificates say so.
     */
    static double snap(double r, double scale) {
        return Math.abs(r) <= REDUCED_COST_TOLERANCE * scale ? 0 : r;
    }

    /** min of r·x over x ∈ [l, g]; 0 when r = 0 whatever the bounds. */
    static double boxMinimum(double r, double l, double g) {
        if (r > 0) {
            return r * l;
        }
        if (r < 0) {
            return r * g;
        }
        return 0;
    }

    /**
     * Multipliers with the signs the bound needs: a row bounded below only takes u ≥ 0, above only
     * u ≤ 0; a ranged row takes either sign (its lower or upper side is used); a free row none.
     */
    static double[] clip(MilpModel model, double[] u) {
        double[] out = new double[model.rowCount()];
        for (int i = 0; i < out.length; i++) {
            Row row = model.row(i);
            double v = u[i];
            if (!Double.isFinite(v) || (v > 0 && !Double.isFinite(row.lower())) || (v < 0 && !Double.isFinite(row.upper()))) {
                v = 0;
            }
            out[i] = v;
        }
        return out;
    }

    static double[] lowerBounds(MilpModel model) {
        return model.variables().stream().mapToDouble(Variable::lower).toArray();
    }

    static double[] upperBounds(MilpModel model) {
        return model.variables().stream().mapToDouble(Variable::upper).toArray();
    }
}
