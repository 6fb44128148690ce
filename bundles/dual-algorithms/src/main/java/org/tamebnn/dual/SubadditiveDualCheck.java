package org.tamebnn.dual;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

import org.tamebnn.api.dual.AffinePiece;
import org.tamebnn.api.dual.DualFunction;
import org.tamebnn.api.dual.RightHandSide;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Row;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.Variable;

/**
 * Checks a function against the subadditive dual (Aspman et al. (7); notes §3.1): F(0) = 0,
 * F(aⱼ) ≤ cⱼ on integer columns, the upper directional derivative F̄(aⱼ) ≤ cⱼ on continuous
 * columns, monotonicity in the coordinates of inequality rows only (as the conditions on their
 * slack columns ±eᵢ, notes §1: never on equality rows, which the paper's (11) gets wrong), and
 * subadditivity. A function passing every condition is a lower bound on z(d) at every d (weak
 * duality, notes §3.2).
 *
 * <p>Subadditivity is checked exactly where the function's form allows it: a function of one
 * coordinate with stored affine pieces is piecewise linear, so F(x + y) − F(x) − F(y) is extreme at
 * the vertices of the arrangement of the lines x = p, y = p, x + y = p over its breakpoints p
 * (approached from both sides, for functions with jumps); otherwise on sampled pairs, which can
 * refute but not prove it, and the report says which.
 *
 * <p>The model must be in the form the dual (7) is stated for: every row varies, and every
 * variable is x ≥ 0 with no upper bound (shift, split or add rows first; {@code StandardForm} does
 * it).
 */
public final class SubadditiveDualCheck {
    /** Pairs sampled where subadditivity cannot be checked exactly. */
    static final int SAMPLED_PAIRS = 4000;
    private static final double DIRECTION_STEP = 1e-7;

    private SubadditiveDualCheck() {
    }

    /** One condition of (7) that does not hold, and by how much. */
    public record Violation(String condition, double amount) {
    }

    /**
     * What was checked and what failed.
     *
     * @param subadditivityExact whether subadditivity was checked exactly (else on sampled pairs)
     */
    public record Report(List<String> checked, List<Violation> violations, double tolerance,
            boolean subadditivityExact) {

        public boolean feasible() {
            return violations.isEmpty();
        }

        public String describe() {
            if (feasible()) {
                return "feasible for the subadditive dual (7) within " + tolerance + ": " + String.join("; ", checked)
                        + (subadditivityExact ? "" : " (subadditivity on sampled pairs only)");
            }
            StringBuilder sb = new StringBuilder("not feasible for the subadditive dual (7):");
            for (Violation v : violations) {
                sb.append(System.lineSeparator()).append("  ").append(v.condition());
            }
            return sb.toString();
        }
    }

    /** Checks {@code f} against (7) for {@code model}, with absolute tolerance {@code tolerance}. */
    public static Report check(MilpModel model, DualFunction f, double tolerance) {
        int[] rows = f.rows();
        requireStandardForm(model, rows);
        List<String> checked = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        int m = rows.length;
        double sign = model.sense() == Sense.MAXIMIZE ? -1 : 1;

        double f0 = f.value(new double[m]);
        checked.add("F(0) = " + fmt(f0));
        if (!(Math.abs(f0) <= tolerance)) {
            violations.add(new Violation("F(0) = " + fmt(f0) + ", not 0", Math.abs(f0)));
        }
        for (int j = 0; j < model.variableCount(); j++) {
            Variable v = model.variable(j);
            double[] a = column(model, rows, j);
            double c = sign * model.objectiveCoefficient(j);
            column(f, a, c, v.isInteger(), "column " + v.name(), tolerance, violations);
        }
        checked.add("F(aⱼ) ≤ cⱼ on " + model.integerCount() + " integer columns, F̄(aⱼ) ≤ cⱼ on "
                + (model.variableCount() - model.integerCount()) + " continuous ones");
        int monotone = 0;
        for (int k = 0; k < m; k++) {
            int direction = RightHandSide.monotonicity(model, rows[k]);
            if (direction != 0) {
                // a ≥ row's surplus column −eₖ (or a ≤ row's slack +eₖ), cost 0, continuous: F̄(∓eₖ) ≤ 0
                double[] e = new double[m];
                e[k] = -direction;
                column(f, e, 0, false, "monotonicity in row " + model.row(rows[k]).name() + " ("
                        + (direction > 0 ? "≥" : "≤") + " row: F must be " + (direction > 0 ? "nondecreasing" : "nonincreasing")
                        + ")", tolerance, violations);
                monotone++;
            }
        }
        checked.add("monotonicity in the " + monotone + " inequality rows (none asked of the " + (m - monotone)
                + " equality rows)");
        boolean exact = m == 1 && !f.pieces().isEmpty();
        double[][] box = box(model, rows, f);
        Violation worst = exact ? subadditivityExact1D(f, box[0][0], box[1][0], tolerance)
                : subadditivitySampled(f, box, tolerance);
        if (worst != null) {
            violations.add(worst);
        }
        checked.add(exact ? "subadditivity exact on [" + fmt(box[0][0]) + ", " + fmt(box[1][0]) + "] (piecewise linear)"
                : "subadditivity on " + SAMPLED_PAIRS + " sampled pairs");
        return new Report(List.copyOf(checked), List.copyOf(violations), tolerance, exact);
    }

    private static void column(DualFunction f, double[] a, double c, boolean integer, String name, double tolerance,
            List<Violation> violations) {
        double value = integer ? f.value(a) : upperDerivative(f, a);
        if (!(value <= c + tolerance)) {
            String what = integer ? "F(aⱼ)" : "F̄(aⱼ)";
            violations.add(new Violation(name + ": " + what + " = " + fmt(value) + " > cⱼ = " + fmt(c) + " at aⱼ = "
                    + Arrays.toString(a), value - c));
        }
    }

    /**
     * F̄(a) = limsup F(δa)/δ as δ → 0+. For a piecewise-linear F the quotient is constant once δ
     * is below the distance to the nearest breakpoint, so the smallest of a few steps is taken;
     * with stored pieces, the largest slope among the pieces active at 0 bounds it from above.
     */
    static double upperDerivative(DualFunction f, double[] a) {
        double[] d = new double[a.length];
        double best = Double.NEGATIVE_INFINITY;
        for (double delta : new double[] { DIRECTION_STEP, DIRECTION_STEP / 8 }) {
            for (int i = 0; i < a.length; i++) {
                d[i] = delta * a[i];
            }
            best = Math.max(best, (f.value(d) - f.value(new double[a.length])) / delta);
        }
        return best;
    }

    private static Violation subadditivityExact1D(DualFunction f, double lo, double hi, double tolerance) {
        TreeSet<Double> p = new TreeSet<>(List.of(lo, hi, 0.0));
        List<AffinePiece> pieces = f.pieces();
        for (int s = 0; s < pieces.size(); s++) {
            for (int t = s + 1; t < pieces.size(); t++) {
                double ds = pieces.get(s).gradient()[0] - pieces.get(t).gradient()[0];
                if (Math.abs(ds) > 1e-12) {
                    double x = (pieces.get(t).intercept() - pieces.get(s).intercept()) / ds;
                    if (x >= lo && x <= hi) {
                        p.add(x);
                    }
                }
            }
        }
        List<Double> candidates = new ArrayList<>();
        double eps = 1e-9 * Math.max(1, hi - lo);
        for (double x : p) {
            candidates.add(x);
            candidates.add(x - eps);
            candidates.add(x + eps);
        }
        Violation worst = null;
        for (double x : candidates) {
            for (double q : p) {
                for (double y : new double[] { q, q - eps, q + eps, q - x, q - x - eps, q - x + eps }) {
                    worst = worse(worst, f, x, y, tolerance);
                }
            }
        }
        return worst;
    }

    private static Violation subadditivitySampled(DualFunction f, double[][] box, double tolerance) {
        Random random = new Random(7);
        int m = box[0].length;
        Violation worst = null;
        for (int s = 0; s < SAMPLED_PAIRS; s++) {
            double[] x = new double[m];
            double[] y = new double[m];
            for (int i = 0; i < m; i++) {
                x[i] = box[0][i] + random.nextDouble() * (box[1][i] - box[0][i]);
                y[i] = box[0][i] + random.nextDouble() * (box[1][i] - box[0][i]);
            }
            worst = worse(worst, f, x, y, tolerance);
        }
        return worst;
    }

    private static Violation worse(Violation worst, DualFunction f, double x, double y, double tolerance) {
        return worse(worst, f, new double[] { x }, new double[] { y }, tolerance);
    }

    private static Violation worse(Violation worst, DualFunction f, double[] x, double[] y, double tolerance) {
        double[] sum = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            sum[i] = x[i] + y[i];
        }
        double fx = f.value(x);
        double fy = f.value(y);
        double fs = f.value(sum);
        if (fx == Double.NEGATIVE_INFINITY || fy == Double.NEGATIVE_INFINITY) {
            return worst; // −∞ on the right: the inequality holds
        }
        double excess = fs - fx - fy;
        if (excess > tolerance && (worst == null || excess > worst.amount())) {
            return new Violation(String.format(Locale.ROOT, "subadditivity: F(%s) = %s > F(%s) + F(%s) = %s + %s",
                    show(sum), fmt(fs), show(x), show(y), fmt(fx), fmt(fy)), excess);
        }
        return worst;
    }

    /** The region pairs are drawn from: around the right-hand side and the columns, at least [−4, 4]. */
    private static double[][] box(MilpModel model, int[] rows, DualFunction f) {
        int m = rows.length;
        double[] lo = new double[m];
        double[] hi = new double[m];
        double[] b = RightHandSide.of(model, rows);
        for (int k = 0; k < m; k++) {
            double reach = Math.max(4, 2 * Math.abs(b[k]));
            for (int j = 0; j < model.variableCount(); j++) {
                reach = Math.max(reach, 2 * Math.abs(column(model, rows, j)[k]));
            }
            lo[k] = -reach;
            hi[k] = reach;
        }
        return new double[][] { lo, hi };
    }

    /** Column j of the model restricted to {@code rows}: aⱼ as the dual (7) sees it. */
    public static double[] columnOf(MilpModel model, int[] rows, int j) {
        return column(model, rows, j);
    }

    /** F̄(a), the upper directional derivative at 0 that (7) bounds on continuous columns. */
    public static double upperDerivativeOf(DualFunction f, double[] a) {
        return upperDerivative(f, a);
    }

    static double[] column(MilpModel model, int[] rows, int j) {
        double[] a = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            Row r = model.row(rows[k]);
            int[] cols = r.columns();
            double[] coefs = r.coefficients();
            for (int q = 0; q < cols.length; q++) {
                if (cols[q] == j) {
                    a[k] = coefs[q];
                }
            }
        }
        return a;
    }

    private static void requireStandardForm(MilpModel model, int[] rows) {
        if (rows.length != model.rowCount()) {
            throw new IllegalArgumentException("the subadditive dual (7) is over the whole right-hand side: every row must"
                    + " vary, but the function varies " + rows.length + " of " + model.rowCount() + " rows");
        }
        for (Variable v : model.variables()) {
            if (v.lower() != 0 || v.upper() != Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("variable '" + v.name() + "' has bounds [" + fmt(v.lower()) + ", "
                        + fmt(v.upper()) + "]: the subadditive dual (7) is stated for x ≥ 0 without upper bounds"
                        + " (shift, split or add rows first, as StandardForm does)");
            }
        }
    }

    private static String show(double[] d) {
        return d.length == 1 ? fmt(d[0]) : Arrays.toString(d);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
