package org.tamebnn.dual;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.dual.DualFunction;
import org.tamebnn.dual.internal.PiecewiseLinearDual;
import org.tamebnn.dual.internal.PiecewiseLinearDual.Line;
import org.tamebnn.dual.internal.SmallDualSimplex;

/**
 * The best k-piece piecewise-linear fit of a function z of one variable on [lo, hi], with the
 * breakpoints AND the slopes free: the truncation Aspman et al. propose after their (14) ("introduce
 * more and more segments … and optimize over the slopes and break points"), k = 1, 2, ….
 *
 * <h2>What is fitted</h2>
 * A fit is a CONTINUOUS piecewise-linear F with knots lo = τ₀ &lt; τ₁ &lt; … &lt; τ_k = hi (k pieces), given by
 * its values at the knots; continuity is what makes k segments a function described by "slopes and
 * breakpoints" (the paper's (14) for k = 2 is the case τ₁ = p with both pieces through the origin;
 * {@code throughOrigin} imposes F(0) = 0, which a subadditive dual function needs). The error is the
 * maximum (L∞) error, natural for "errors" of a bound: either
 * <ul>
 * <li>{@link Kind#UNCONSTRAINED}: max |F − z| on the domain of z in [lo, hi], or</li>
 * <li>{@link Kind#BELOW}: F ≤ z everywhere on [lo, hi] and the error is max (z − F). Such an F is a
 * lower approximation of z, hence itself a candidate dual function on [lo, hi]; it is a bound there
 * when z is the exact value function, but whether it is subadditive (feasible for (7)) must still be
 * checked ({@link SubadditiveDualCheck}).</li>
 * </ul>
 * z is given by its breakpoints ({@link Target}); where z jumps, both one-sided limits and the value
 * count; where z = +∞ there is nothing to fit (and nothing to stay below).
 *
 * <h2>Algorithm</h2>
 * <ol>
 * <li><b>Fixed knots: exact.</b> With the knots fixed, F − z is linear between consecutive points of
 * (breakpoints of z) ∪ (knots), so the error is a maximum over those finitely many points, and the best
 * knot values are an LP: min ε s.t. −ε ≤ F(u) − z(u) ≤ ε (or F(u) ≤ z(u), z(u) − F(u) ≤ ε) at each
 * point u, F(u) linear in the knot values. Solved by the simplex method on its dual
 * ({@code SmallDualSimplex}), then the error is re-measured exactly and, for {@code BELOW}, F is
 * shifted down by any rounding excess so that F ≤ z holds in floating point at every such point.</li>
 * <li><b>Knots: search.</b> k = 1 is the best line. For k + 1, every grid position (a 200-point grid
 * plus z's breakpoints) is tried as an extra knot of the best k-piece fit (so the error never
 * increases with k), and the three best, the three best whose interior knots are k of z's own breakpoints (all such subsets, when
 * there are at most 3000), and z's own breakpoints when k is at least z's number of pieces (an exact
 * fit), are improved by coordinate descent: each knot in turn moves to the best
 * position between its neighbours, by a scan of the grid and a golden-section refinement, until a
 * sweep improves nothing.</li>
 * </ol>
 * Finally, as the L∞ optimum for given knots is rarely unique, a second LP with the error held at its
 * optimum chooses among them: the largest integral for {@code BELOW} (the highest lower
 * approximation), the smallest weighted |F − z| for {@code UNCONSTRAINED}.
 * The fixed-knot step is exact; the knot search is a heuristic for a non-convex problem. The
 * reported error is always the exact error of the reported F (not an estimate), and errors are
 * non-increasing in k by construction, but a better k-piece fit may exist.
 */
public final class PiecewiseLinearFit {

    /** Whether the fit may cross z. */
    public enum Kind {
        /** min max |F − z|. */
        UNCONSTRAINED,
        /** F ≤ z, min max (z − F): a lower approximation. */
        BELOW
    }

    private static final int GRID = 200;
    private static final int SUBSETS = 3000;

    private PiecewiseLinearFit() {
    }

    /**
     * A function of one variable on [lo, hi] given by its breakpoints t₀ = lo &lt; … &lt; t_n = hi: the value
     * at each, and the one-sided limits (equal to the value where z is continuous); z is linear
     * between consecutive breakpoints (from the right limit at one to the left limit at the next), or
     * +∞ there where both limits are +∞.
     *
     * @param t the breakpoints, increasing, lo first and hi last
     * @param value z at each breakpoint (+∞ where infeasible)
     * @param leftLimit the limit of z from the left at each (the value itself at lo; NaN: no data)
     * @param rightLimit the limit of z from the right at each (the value itself at hi; NaN: no data)
     * @param row the model row whose right-hand side the variable is (for the fits' dual functions)
     * @param boundTolerance NaN unless the function is an exact value function (then: its tolerance),
     *     in which case a {@link Kind#BELOW} fit is certified as a bound
     * @param what the function in words, for descriptions and certificates
     */
    public record Target(double[] t, double[] value, double[] leftLimit, double[] rightLimit, int row,
            double boundTolerance, String what) {
        public Target {
            int n = t.length;
            if (n < 2 || value.length != n || leftLimit.length != n || rightLimit.length != n) {
                throw new IllegalArgumentException("a target needs at least 2 breakpoints with a value and limits each");
            }
            for (int i = 1; i < n; i++) {
                if (!(t[i] > t[i - 1])) {
                    throw new IllegalArgumentException("breakpoints must increase: " + Arrays.toString(t));
                }
            }
            t = t.clone();
            value = value.clone();
            leftLimit = leftLimit.clone();
            rightLimit = rightLimit.clone();
        }

        /** An exact value function, with its jumps and infinite stretches. */
        public static Target of(ValueFunction1D z) {
            int n = z.breakpointCount();
            double[] left = new double[n];
            double[] right = new double[n];
            double[] v = z.values();
            for (int k = 0; k < n; k++) {
                // an uncertified interval gives no data (NaN limits), so nothing is fitted there
                left[k] = k == 0 ? v[k] : limitOrNaN(z, k - 1, z.leftLimit(k));
                right[k] = k == n - 1 ? v[k] : limitOrNaN(z, k, z.rightLimit(k));
            }
            return new Target(z.breakpoints(), v, left, right, z.row(), z.tolerance(),
                    "the value function of '" + z.modelName() + "' on [" + ValueFunction1D.fmt(z.lo()) + ", "
                            + ValueFunction1D.fmt(z.hi()) + "]");
        }

        private static double limitOrNaN(ValueFunction1D z, int interval, double limit) {
            if (z.piece(interval).isPresent() || z.infeasibleOn(interval)) {
                return limit;
            }
            return Double.NaN;
        }

        /**
         * A continuous function through the points (t_k, v_k); {@code exactValueFunction} says the
         * points are those of an exact value function (with tolerance {@code tolerance}).
         */
        public static Target continuous(double[] t, double[] v, int row, boolean exactValueFunction, double tolerance,
                String what) {
            return new Target(t, v, v, v, row, exactValueFunction ? tolerance : Double.NaN, what);
        }

        public double lo() {
            return t[0];
        }

        public double hi() {
            return t[t.length - 1];
        }

        /** The number of intervals between breakpoints on which z is finite. */
        public int finitePieces() {
            int n = 0;
            for (int k = 0; k + 1 < t.length; k++) {
                if (Double.isFinite(rightLimit[k]) && Double.isFinite(leftLimit[k + 1])) {
                    n++;
                }
            }
            return n;
        }

        /** True when z is finite and continuous on [lo, hi]. */
        public boolean isContinuous() {
            for (int k = 0; k < t.length; k++) {
                double tol = 1e-9 * Math.max(1, Math.abs(value[k]));
                if (!Double.isFinite(value[k]) || Math.abs(leftLimit[k] - value[k]) > tol
                        || Math.abs(rightLimit[k] - value[k]) > tol) {
                    return false;
                }
            }
            return true;
        }

        /** z at b inside an interval (between breakpoints): the interpolation of its limits. */
        double inside(int k, double b) {
            double a = rightLimit[k];
            double c = leftLimit[k + 1];
            if (!Double.isFinite(a) || !Double.isFinite(c)) {
                return Double.NaN;
            }
            double w = (b - t[k]) / (t[k + 1] - t[k]);
            return a + w * (c - a);
        }

        /** z(b) for b in [lo, hi]; NaN where there is no data, +∞ where infinite. */
        public double at(double b) {
            int i = Arrays.binarySearch(t, b);
            if (i >= 0) {
                return value[i];
            }
            int k = -i - 2;
            if (k < 0 || k >= t.length - 1) {
                return Double.NaN;
            }
            if (rightLimit[k] == Double.POSITIVE_INFINITY && leftLimit[k + 1] == Double.POSITIVE_INFINITY) {
                return Double.POSITIVE_INFINITY;
            }
            return inside(k, b);
        }
    }

    /**
     * One fit: the knots (lo and hi included), F at each, and its exact error.
     *
     * @param kind whether F may cross z
     * @param pieces k, the number of linear pieces
     * @param knots lo = τ₀ &lt; … &lt; τ_k = hi
     * @param knotValues F(τ_j); F is linear in between
     * @param error the exact maximum error (|F − z|, or z − F for {@link Kind#BELOW})
     * @param throughOrigin whether F(0) = 0 was imposed
     * @param target the function fitted
     */
    public record Fit(Kind kind, int pieces, double[] knots, double[] knotValues, double error, boolean throughOrigin,
            Target target) {
        public Fit {
            knots = knots.clone();
            knotValues = knotValues.clone();
        }

        @Override
        public double[] knots() {
            return knots.clone();
        }

        @Override
        public double[] knotValues() {
            return knotValues.clone();
        }

        /** The slope of each piece. */
        public double[] slopes() {
            double[] s = new double[pieces];
            for (int j = 0; j < pieces; j++) {
                s[j] = (knotValues[j + 1] - knotValues[j]) / (knots[j + 1] - knots[j]);
            }
            return s;
        }

        /** F(b) on [lo, hi]; NaN outside. */
        public double value(double b) {
            if (b < knots[0] || b > knots[pieces] || Double.isNaN(b)) {
                return Double.NaN;
            }
            int j = Arrays.binarySearch(knots, b);
            if (j >= 0) {
                return knotValues[j];
            }
            j = -j - 2;
            double w = (b - knots[j]) / (knots[j + 1] - knots[j]);
            return knotValues[j] + w * (knotValues[j + 1] - knotValues[j]);
        }

        /**
         * F as a dual function of the target's row: F on [lo, hi], −∞ outside. A {@link Kind#BELOW}
         * fit of an exact value function is a bound by construction (F ≤ z at every breakpoint of
         * either, so everywhere on [lo, hi]), though not checked for subadditivity; an unconstrained
         * fit, or one below a function not known to be z, is not a bound.
         */
        public DualFunction asDualFunction() {
            Line[] lines = new Line[pieces + 2];
            lines[0] = Line.MINUS_INFINITY;
            lines[pieces + 1] = Line.MINUS_INFINITY;
            double[] s = slopes();
            for (int j = 0; j < pieces; j++) {
                lines[j + 1] = new Line(s[j], knotValues[j] - s[j] * knots[j]);
            }
            Certificate c;
            String err = String.format(Locale.ROOT, "%.6g", error);
            if (kind == Kind.BELOW && !Double.isNaN(target.boundTolerance())) {
                c = new Certificate(Certificate.Kind.VALID_BY_CONSTRUCTION, target.boundTolerance() + 1e-12,
                        "below " + target.what() + " at every breakpoint of either (so on all of [" + knots[0] + ", "
                                + knots[pieces] + "]), max gap " + err + "; −∞ outside; not checked for"
                                + " subadditivity (feasibility for (7)): run SubadditiveDualCheck before using it"
                                + " as a subadditive dual");
            } else if (kind == Kind.BELOW) {
                c = Certificate.notABound("below " + target.what() + ", which is not known to be an exact value"
                        + " function (max gap " + err + ")");
            } else {
                c = Certificate.notABound("the best-found " + pieces + "-piece approximation of " + target.what()
                        + " in max error " + err + ": it exceeds z by up to that much");
            }
            String d = String.format(Locale.ROOT, "%d-piece %s fit (14) of %s, max error %s%s", pieces,
                    kind == Kind.BELOW ? "lower" : "L∞", target.what(), err, throughOrigin ? ", F(0) = 0" : "");
            return new PiecewiseLinearDual(target.row(), knots, knotValues, lines, c, d, 1e-9);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d pieces (%s%s): error %.6g, knots %s, values %s", pieces, kind,
                    throughOrigin ? ", F(0)=0" : "", error, Arrays.toString(knots), Arrays.toString(knotValues));
        }
    }

    /** The best-found fits with k = 1 … kMax pieces, each built on the previous (errors non-increasing). */
    public static List<Fit> bestUpTo(Target z, int kMax, Kind kind, boolean throughOrigin) {
        if (kMax < 1) {
            throw new IllegalArgumentException("need at least 1 piece, got " + kMax);
        }
        if (throughOrigin && !(z.lo() <= 0 && z.hi() >= 0)) {
            throw new IllegalArgumentException("F(0) = 0 needs 0 in [" + z.lo() + ", " + z.hi() + "]");
        }
        Search s = new Search(z, kind, throughOrigin);
        List<Fit> out = new ArrayList<>();
        Fit previous = s.fixed(new double[] {z.lo(), z.hi()});
        if (previous == null) {
            throw new IllegalArgumentException("no " + kind + " fit exists" + (throughOrigin ? " through the origin" : "")
                    + " for " + z.what());
        }
        out.add(s.tighten(previous));
        for (int k = 2; k <= kMax; k++) {
            previous = s.next(previous, k);
            out.add(s.tighten(previous));
        }
        return out;
    }

    /** {@link #bestUpTo} without the origin condition. */
    public static List<Fit> bestUpTo(Target z, int kMax, Kind kind) {
        return bestUpTo(z, kMax, kind, false);
    }

    /** The best-found k-piece fit. */
    public static Fit best(Target z, int k, Kind kind) {
        return bestUpTo(z, k, kind, false).get(k - 1);
    }

    /** The best-found k-piece fit, with F(0) = 0 when {@code throughOrigin}. */
    public static Fit best(Target z, int k, Kind kind, boolean throughOrigin) {
        return bestUpTo(z, k, kind, throughOrigin).get(k - 1);
    }

    /**
     * The best fit with the given knots (lo and hi included): the exact LP step, then the tie-break
     * below; null when none exists.
     */
    public static Fit withKnots(Target z, double[] knots, Kind kind, boolean throughOrigin) {
        Search s = new Search(z, kind, throughOrigin);
        Fit f = s.fixed(knots.clone());
        return f == null ? null : s.tighten(f);
    }

    // ---------------------------------------------------------------- the search

    private static final class Search {
        private final Target z;
        private final Kind kind;
        private final boolean anchor;
        private final double[] grid;
        private final double gap;

        Search(Target z, Kind kind, boolean anchor) {
            this.z = z;
            this.kind = kind;
            this.anchor = anchor;
            TreeSet<Double> g = new TreeSet<>();
            for (int i = 0; i <= GRID; i++) {
                g.add(z.lo() + (z.hi() - z.lo()) * i / GRID);
            }
            for (double b : z.t()) {
                g.add(b);
            }
            if (anchor) {
                g.add(0.0);
            }
            this.grid = g.stream().mapToDouble(Double::doubleValue).toArray();
            this.gap = 1e-9 * Math.max(1, z.hi() - z.lo());
        }

        Fit next(Fit previous, int k) {
            List<Fit> insertions = new ArrayList<>();
            for (double c : grid) {
                double[] knots = insert(previous.knots(), c);
                if (knots != null) {
                    Fit f = fixed(knots);
                    if (f != null) {
                        insertions.add(f);
                    }
                }
            }
            insertions.sort(Comparator.comparingDouble(Fit::error));
            // on ties the first start wins: knots at z's own breakpoints read better than grid points
            List<Fit> starts = new ArrayList<>(breakpointSubsets(k));
            starts.addAll(insertions.subList(0, Math.min(3, insertions.size())));
            if (z.finitePieces() <= k && z.isContinuous()) {
                Fit exact = fixed(padded(z.t(), k + 1));
                if (exact != null) {
                    starts.add(exact);
                }
            }
            Fit best = previous;
            for (Fit s : starts) {
                Fit r = refine(s);
                if (best.pieces() < k || r.error() < best.error()) {
                    best = r;
                }
            }
            if (best.pieces() < k) {
                // no (k)-piece fit was found at all (a degenerate target): keep the previous function with a knot added
                double[] knots = padded(previous.knots(), k + 1);
                Fit f = fixed(knots);
                best = f != null ? f : previous;
            }
            return best;
        }

        /**
         * The three best fits whose interior knots are k − 1 of z's own interior breakpoints, over all
         * such subsets when there are at most {@value #SUBSETS}: optimal knots of a fit to a
         * piecewise-linear z are often at or near its breakpoints, and this start does not depend on the
         * (k − 1)-piece fit, so it escapes where greedy insertion got stuck.
         */
        private List<Fit> breakpointSubsets(int k) {
            double[] inner = Arrays.copyOfRange(z.t(), 1, z.t().length - 1);
            int r = k - 1;
            if (r > inner.length || binomial(inner.length, r) > SUBSETS) {
                return List.of();
            }
            List<Fit> fits = new ArrayList<>();
            int[] pick = new int[r];
            for (int i = 0; i < r; i++) {
                pick[i] = i;
            }
            while (true) {
                double[] knots = new double[k + 1];
                knots[0] = z.lo();
                knots[k] = z.hi();
                for (int i = 0; i < r; i++) {
                    knots[i + 1] = inner[pick[i]];
                }
                Fit f = fixed(knots);
                if (f != null) {
                    fits.add(f);
                }
                int i = r - 1;
                while (i >= 0 && pick[i] == inner.length - r + i) {
                    i--;
                }
                if (i < 0) {
                    break;
                }
                pick[i]++;
                for (int j = i + 1; j < r; j++) {
                    pick[j] = pick[j - 1] + 1;
                }
            }
            fits.sort(Comparator.comparingDouble(Fit::error));
            return fits.subList(0, Math.min(3, fits.size()));
        }

        private static long binomial(int n, int r) {
            long b = 1;
            for (int i = 1; i <= r; i++) {
                b = b * (n - r + i) / i;
            }
            return b;
        }

        /** knots with c added, or null if c is (nearly) a knot already. */
        private double[] insert(double[] knots, double c) {
            int i = Arrays.binarySearch(knots, c);
            if (i >= 0) {
                return null;
            }
            int at = -i - 1;
            if (at == 0 || at == knots.length || c - knots[at - 1] < gap || knots[at] - c < gap) {
                return null;
            }
            double[] out = new double[knots.length + 1];
            System.arraycopy(knots, 0, out, 0, at);
            out[at] = c;
            System.arraycopy(knots, at, out, at + 1, knots.length - at);
            return out;
        }

        /** {@code points} with midpoints of the longest intervals added until there are n. */
        private double[] padded(double[] points, int n) {
            double[] p = points.clone();
            while (p.length < n) {
                int widest = 0;
                for (int i = 1; i + 1 < p.length; i++) {
                    if (p[i + 1] - p[i] > p[widest + 1] - p[widest]) {
                        widest = i;
                    }
                }
                p = insert(p, 0.5 * (p[widest] + p[widest + 1]));
            }
            return p;
        }

        /** Coordinate descent on the interior knots. */
        Fit refine(Fit start) {
            Fit best = start;
            for (int sweep = 0; sweep < 4; sweep++) {
                boolean improved = false;
                for (int j = 1; j < best.pieces(); j++) {
                    Fit moved = moveKnot(best, j);
                    if (moved != null && moved.error() < best.error() - 1e-12 * Math.max(1, best.error())) {
                        best = moved;
                        improved = true;
                    }
                }
                if (!improved) {
                    break;
                }
            }
            return best;
        }

        private Fit moveKnot(Fit f, int j) {
            double[] knots = f.knots();
            double left = knots[j - 1] + gap;
            double right = knots[j + 1] - gap;
            if (!(left < right)) {
                return null;
            }
            // scan: grid points between the neighbours (thinned to at most 24) and 8 even positions
            List<Double> xs = new ArrayList<>();
            int from = Math.max(0, -Arrays.binarySearch(grid, left) - 1);
            int to = -Arrays.binarySearch(grid, right) - 1;
            if (to < 0) {
                to = grid.length;
            }
            int count = Math.max(0, Math.min(grid.length, to) - from);
            int step = Math.max(1, count / 24);
            for (int i = from; i < Math.min(grid.length, to); i += step) {
                if (grid[i] >= left && grid[i] <= right) {
                    xs.add(grid[i]);
                }
            }
            for (int i = 1; i <= 8; i++) {
                xs.add(left + (right - left) * i / 9.0);
            }
            xs.sort(Double::compare);
            Fit best = null;
            int bestIndex = -1;
            for (int i = 0; i < xs.size(); i++) {
                Fit g = at(knots, j, xs.get(i));
                if (g != null && (best == null || g.error() < best.error())) {
                    best = g;
                    bestIndex = i;
                }
            }
            if (best == null) {
                return null;
            }
            // golden section in the bracket around the best scanned position
            double a = bestIndex > 0 ? xs.get(bestIndex - 1) : left;
            double b = bestIndex + 1 < xs.size() ? xs.get(bestIndex + 1) : right;
            double phi = (Math.sqrt(5) - 1) / 2;
            double c = b - phi * (b - a);
            double d = a + phi * (b - a);
            Fit fc = at(knots, j, c);
            Fit fd = at(knots, j, d);
            for (int it = 0; it < 20; it++) {
                double ec = fc == null ? Double.POSITIVE_INFINITY : fc.error();
                double ed = fd == null ? Double.POSITIVE_INFINITY : fd.error();
                if (ec <= ed) {
                    b = d;
                    d = c;
                    fd = fc;
                    c = b - phi * (b - a);
                    fc = at(knots, j, c);
                } else {
                    a = c;
                    c = d;
                    fc = fd;
                    d = a + phi * (b - a);
                    fd = at(knots, j, d);
                }
            }
            for (Fit g : new Fit[] {fc, fd}) {
                if (g != null && g.error() < best.error()) {
                    best = g;
                }
            }
            return best;
        }

        private Fit at(double[] knots, int j, double x) {
            double[] k = knots.clone();
            if (!(x > k[j - 1] + gap && x < k[j + 1] - gap)) {
                return null;
            }
            k[j] = x;
            return fixed(k);
        }

        /** The data points for given knots: z's breakpoints and the knots, each with its values of z. */
        private List<double[]> points(double[] knots) {
            TreeSet<Double> us = new TreeSet<>();
            for (double b : z.t()) {
                us.add(b);
            }
            for (double b : knots) {
                us.add(b);
            }
            if (anchor) {
                us.add(0.0);
            }
            List<double[]> out = new ArrayList<>();
            double[] t = z.t();
            for (double u : us) {
                int i = Arrays.binarySearch(t, u);
                double[] ys;
                if (i >= 0) {
                    ys = new double[] {z.value()[i], z.leftLimit()[i], z.rightLimit()[i]};
                } else {
                    int k = -i - 2;
                    ys = new double[] {k >= 0 && k < t.length - 1 ? z.inside(k, u) : Double.NaN};
                }
                double[] finite = Arrays.stream(ys).filter(Double::isFinite).distinct().toArray();
                if (finite.length > 0) {
                    double[] row = new double[finite.length + 1];
                    row[0] = u;
                    System.arraycopy(finite, 0, row, 1, finite.length);
                    out.add(row);
                }
            }
            return out;
        }

        /** F(u) as weights on the knot values (the hat functions at u): {index, weight of index, weight of index+1}. */
        private static double[] hat(double[] knots, double u) {
            int i = Arrays.binarySearch(knots, u);
            if (i >= 0) {
                return i == knots.length - 1 ? new double[] {i - 1, 0, 1} : new double[] {i, 1, 0};
            }
            int j = -i - 2;
            double w = (u - knots[j]) / (knots[j + 1] - knots[j]);
            return new double[] {j, 1 - w, w};
        }

        /** The exact fixed-knot step (see the class comment); null when no fit exists. */
        Fit fixed(double[] knots) {
            int n = knots.length;
            List<double[]> pts = points(knots);
            List<double[]> g = new ArrayList<>();
            List<Double> h = new ArrayList<>();
            for (double[] p : pts) {
                double[] w = hat(knots, p[0]);
                int j = (int) w[0];
                double lowest = Double.POSITIVE_INFINITY;
                double highest = Double.NEGATIVE_INFINITY;
                for (int k = 1; k < p.length; k++) {
                    lowest = Math.min(lowest, p[k]);
                    highest = Math.max(highest, p[k]);
                }
                // ε + F(u) ≥ highest value of z at u (both kinds)
                double[] up = new double[n + 1];
                up[j] += w[1];
                up[j + 1] += w[2];
                up[n] = 1;
                g.add(up);
                h.add(highest);
                double[] down = new double[n + 1];
                down[j] -= w[1];
                down[j + 1] -= w[2];
                if (kind == Kind.UNCONSTRAINED) {
                    // ε − F(u) ≥ −(lowest value of z at u)
                    down[n] = 1;
                }
                // BELOW: −F(u) ≥ −lowest, i.e. F(u) ≤ z(u) for every value z takes at u
                g.add(down);
                h.add(-lowest);
            }
            if (g.isEmpty()) {
                return null;
            }
            double[][] e = new double[anchor ? 1 : 0][];
            if (anchor) {
                double[] w = hat(knots, 0.0);
                e[0] = new double[n + 1];
                e[0][(int) w[0]] += w[1];
                e[0][(int) w[0] + 1] += w[2];
            }
            double[] c = new double[n + 1];
            c[n] = 1;
            double[] x = SmallDualSimplex.minimize(c, g.toArray(new double[0][]),
                    h.stream().mapToDouble(Double::doubleValue).toArray(), e, new double[e.length]);
            if (x == null) {
                return null;
            }
            double[] values = Arrays.copyOf(x, n);
            if (anchor) {
                // the origin's value is 0 exactly, not to the simplex's rounding
                double[] w = hat(knots, 0.0);
                int j = (int) w[0];
                if (w[1] == 1) {
                    values[j] = 0;
                } else if (w[2] == 1) {
                    values[j + 1] = 0;
                }
            }
            return measured(knots, values, pts);
        }

        /**
         * The tie-break among the fits with these knots and this error. The L∞ optimum leaves F free
         * wherever the error is not attained (on [−4, 4] the best lower 4-piece fit may follow z up
         * to 1 at −4 and drop at once); a second LP with the error held at its optimum picks, for
         * BELOW, the F with the largest integral (the highest lower approximation; exact, F being
         * linear between the data points), and for UNCONSTRAINED the smallest sum of |F − z| at the
         * data points weighted by the trapezoid rule. Kept only if its error is not worse.
         */
        Fit tighten(Fit f) {
            double[] knots = f.knots();
            int n = knots.length;
            List<double[]> pts = points(knots);
            int m = pts.size();
            double[] weight = new double[m];
            for (int i = 0; i < m; i++) {
                double left = pts.get(Math.max(0, i - 1))[0];
                double right = pts.get(Math.min(m - 1, i + 1))[0];
                weight[i] = (right - left) / 2;
            }
            double cap = f.error();
            int deviations = 0;
            if (kind == Kind.UNCONSTRAINED) {
                for (double[] p : pts) {
                    deviations += p.length - 1;
                }
            }
            int vars = n + deviations;
            double[] c = new double[vars];
            List<double[]> g = new ArrayList<>();
            List<Double> h = new ArrayList<>();
            int d = n;
            for (int i = 0; i < m; i++) {
                double[] p = pts.get(i);
                double[] w = hat(knots, p[0]);
                int j = (int) w[0];
                double lowest = Double.POSITIVE_INFINITY;
                double highest = Double.NEGATIVE_INFINITY;
                for (int k = 1; k < p.length; k++) {
                    lowest = Math.min(lowest, p[k]);
                    highest = Math.max(highest, p[k]);
                }
                // F(u) ≥ highest − cap and −F(u) ≥ −(lowest + cap), or −F(u) ≥ −lowest for BELOW
                double[] up = new double[vars];
                up[j] += w[1];
                up[j + 1] += w[2];
                g.add(up);
                h.add(highest - cap);
                double[] down = new double[vars];
                down[j] -= w[1];
                down[j + 1] -= w[2];
                g.add(down);
                h.add(kind == Kind.BELOW ? -lowest : -(lowest + cap));
                if (kind == Kind.BELOW) {
                    c[j] -= weight[i] * w[1];
                    c[j + 1] -= weight[i] * w[2];
                    continue;
                }
                for (int k = 1; k < p.length; k++) {
                    // s ≥ F(u) − y and s ≥ y − F(u)
                    double[] a = new double[vars];
                    a[d] = 1;
                    a[j] -= w[1];
                    a[j + 1] -= w[2];
                    g.add(a);
                    h.add(-p[k]);
                    double[] b = new double[vars];
                    b[d] = 1;
                    b[j] += w[1];
                    b[j + 1] += w[2];
                    g.add(b);
                    h.add(p[k]);
                    c[d] = weight[i] / (p.length - 1);
                    d++;
                }
            }
            double[][] e = new double[anchor ? 1 : 0][];
            if (anchor) {
                double[] w = hat(knots, 0.0);
                e[0] = new double[vars];
                e[0][(int) w[0]] += w[1];
                e[0][(int) w[0] + 1] += w[2];
            }
            double[] x = SmallDualSimplex.minimize(c, g.toArray(new double[0][]),
                    h.stream().mapToDouble(Double::doubleValue).toArray(), e, new double[e.length]);
            if (x == null) {
                return f;
            }
            double[] values = Arrays.copyOf(x, n);
            if (anchor) {
                double[] w = hat(knots, 0.0);
                int j = (int) w[0];
                if (w[1] == 1) {
                    values[j] = 0;
                } else if (w[2] == 1) {
                    values[j + 1] = 0;
                }
            }
            Fit t = measured(knots, values, pts);
            return t != null && t.error() <= f.error() * (1 + 1e-9) + 1e-12 ? t : f;
        }

        /** The exact error of F; for BELOW, F first shifted down by any excess over z from rounding. */
        private Fit measured(double[] knots, double[] values, List<double[]> pts) {
            if (kind == Kind.BELOW) {
                double excess = 0;
                for (double[] p : pts) {
                    double f = evaluate(knots, values, p[0]);
                    for (int k = 1; k < p.length; k++) {
                        excess = Math.max(excess, f - p[k]);
                    }
                }
                if (excess > 0) {
                    if (anchor) {
                        // a shift would move F(0) off 0; an excess beyond rounding means the LP answer is unusable
                        if (excess > 1e-9 * Math.max(1, maxAbs(values))) {
                            return null;
                        }
                    }
                    for (int i = 0; i < values.length; i++) {
                        values[i] -= excess;
                    }
                }
            }
            double error = 0;
            for (double[] p : pts) {
                double f = evaluate(knots, values, p[0]);
                for (int k = 1; k < p.length; k++) {
                    error = Math.max(error, kind == Kind.BELOW ? p[k] - f : Math.abs(p[k] - f));
                }
            }
            return new Fit(kind, knots.length - 1, knots, values, error, anchor, z);
        }

        private static double maxAbs(double[] v) {
            double m = 0;
            for (double x : v) {
                m = Math.max(m, Math.abs(x));
            }
            return m;
        }

        private static double evaluate(double[] knots, double[] values, double u) {
            double[] w = hat(knots, u);
            int j = (int) w[0];
            return w[1] * values[j] + w[2] * values[j + 1];
        }
    }
}
