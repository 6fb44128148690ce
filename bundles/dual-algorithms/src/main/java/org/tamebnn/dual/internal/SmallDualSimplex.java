package org.tamebnn.dual.internal;

/**
 * min c·x subject to G·x ≥ h and E·x = f with x free, for LPs with few variables and many rows (a
 * Chebyshev fit with fixed knots: a handful of knot values and an error, one row per data point and
 * side). It runs the two-phase simplex method on the DUAL, whose rows are the few primal variables:
 * <pre>
 *   max h·λ + f·μ   s.t.  Gᵀλ + Eᵀμ = c,  λ ≥ 0, μ free
 * </pre>
 * and reads x back as the dual's simplex multipliers (negated: see {@link #minimize}). Double
 * precision, Dantzig pricing with Bland's rule after many iterations (no cycling). Callers re-measure
 * what they need from x; a slightly suboptimal x only costs optimality, never correctness.
 */
public final class SmallDualSimplex {
    private static final double PIVOT = 1e-10;
    private static final double COST = 1e-10;

    private SmallDualSimplex() {
    }

    /**
     * The minimiser, or null when the LP is infeasible or the simplex fails (unbounded LPs, which
     * are not asked here, also give null).
     */
    public static double[] minimize(double[] c, double[][] g, double[] h, double[][] e, double[] f) {
        int n = c.length;
        int mg = g.length;
        int me = e.length;
        int real = mg + 2 * me;
        int width = real + n + 1;
        double[][] t = new double[n][width];
        double[] cost = new double[real + n];
        double[] sign = new double[n];
        for (int j = 0; j < n; j++) {
            sign[j] = c[j] < 0 ? -1 : 1;
        }
        for (int i = 0; i < mg; i++) {
            for (int j = 0; j < n; j++) {
                t[j][i] = sign[j] * g[i][j];
            }
            cost[i] = -h[i];
        }
        for (int k = 0; k < me; k++) {
            for (int j = 0; j < n; j++) {
                t[j][mg + k] = sign[j] * e[k][j];
                t[j][mg + me + k] = -sign[j] * e[k][j];
            }
            cost[mg + k] = -f[k];
            cost[mg + me + k] = f[k];
        }
        int[] basis = new int[n];
        for (int j = 0; j < n; j++) {
            t[j][real + j] = 1;
            t[j][width - 1] = sign[j] * c[j];
            basis[j] = real + j;
        }
        // phase 1: minimise the artificials
        double[] phase1 = new double[real + n];
        for (int j = 0; j < n; j++) {
            phase1[real + j] = 1;
        }
        if (!run(t, basis, phase1, real + n)) {
            return null;
        }
        double infeasibility = 0;
        for (int r = 0; r < n; r++) {
            if (basis[r] >= real) {
                infeasibility += t[r][width - 1];
            }
        }
        double scale = 1;
        for (double v : c) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (infeasibility > 1e-9 * scale) {
            return null;
        }
        // drive the artificials left in the basis (at 0) out where a real column can take their place
        for (int r = 0; r < n; r++) {
            if (basis[r] < real) {
                continue;
            }
            for (int k = 0; k < real; k++) {
                if (Math.abs(t[r][k]) > 1e-9) {
                    pivot(t, basis, r, k);
                    break;
                }
            }
        }
        if (!run(t, basis, cost, real)) {
            return null;
        }
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            double y = 0;
            for (int r = 0; r < n; r++) {
                int b = basis[r];
                double cb = b < real ? cost[b] : 0;
                y += cb * t[r][real + j];
            }
            // the multipliers of the sign-flipped row j, back to the original row, then x = −y
            x[j] = -sign[j] * y;
        }
        return x;
    }

    /** Simplex iterations with columns below {@code enter} allowed to enter; false when unbounded. */
    private static boolean run(double[][] t, int[] basis, double[] cost, int enter) {
        int rows = t.length;
        int width = t[0].length;
        int blandAfter = 50 * (rows + width);
        for (int iteration = 0; iteration < 100 * blandAfter; iteration++) {
            boolean bland = iteration > blandAfter;
            int in = -1;
            double best = -COST;
            for (int k = 0; k < enter; k++) {
                double r = cost[k];
                for (int i = 0; i < rows; i++) {
                    r -= cost[basis[i]] * t[i][k];
                }
                if (r < best) {
                    in = k;
                    best = r;
                    if (bland) {
                        break;
                    }
                }
            }
            if (in < 0) {
                return true;
            }
            int out = -1;
            double ratio = Double.POSITIVE_INFINITY;
            for (int i = 0; i < rows; i++) {
                double a = t[i][in];
                if (a > PIVOT) {
                    double q = t[i][width - 1] / a;
                    if (q < ratio - 1e-12 || (Math.abs(q - ratio) <= 1e-12 && out >= 0 && basis[i] < basis[out])) {
                        ratio = q;
                        out = i;
                    }
                }
            }
            if (out < 0) {
                return false;
            }
            pivot(t, basis, out, in);
        }
        return false;
    }

    private static void pivot(double[][] t, int[] basis, int r, int k) {
        double[] row = t[r];
        double p = row[k];
        for (int c = 0; c < row.length; c++) {
            row[c] /= p;
        }
        for (int i = 0; i < t.length; i++) {
            if (i == r) {
                continue;
            }
            double factor = t[i][k];
            if (factor != 0) {
                double[] other = t[i];
                for (int c = 0; c < other.length; c++) {
                    other[c] -= factor * row[c];
                }
            }
        }
        basis[r] = k;
    }
}
