package org.tamebnn.dual;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.tamebnn.api.dual.AffinePiece;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.dual.DualFunction;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.dual.internal.PiecewiseLinearDual;
import org.tamebnn.dual.internal.PiecewiseLinearDual.Line;
import org.tamebnn.dual.internal.RhsOracle;
import org.tamebnn.dual.internal.RhsOracle.IntegerPart;
import org.tamebnn.dual.internal.RhsOracle.Minimum;

/**
 * The exact value function z(t) = min{ c·x : a_r·x = t (or ≥, ≤ by the row's sense), the other rows
 * at their own right-hand side, x_I integer } of a MILP in ONE right-hand-side coordinate t, over an
 * interval [lo, hi]: its breakpoints, the value at each, the slopes on either side, and the affine
 * piece on each interval between breakpoints. Computed by parametric solving on any MILP backend.
 *
 * <h2>What z looks like (notes §2)</h2>
 * z is lower semicontinuous and piecewise linear with finitely many pieces on [lo, hi] (rational
 * data, z &gt; −∞). By the decomposition of notes §2 item 4,
 * <pre>
 *   z(t) = min over integer parts x_I of g_x(t),   g_x(t) = c_I·x_I + (LP over the continuous columns at t − a_I·x_I)
 * </pre>
 * and each g_x is convex and piecewise linear on an interval (its domain), +∞ outside. So z is the
 * lower envelope of shifted copies of the continuous value function z_C. It may jump (where the
 * domain of the optimal copy ends) and may be +∞ on whole intervals or finite at isolated points.
 *
 * <h2>Algorithm and why its pieces are exact</h2>
 * Between two solved points p &lt; q, a candidate line ℓ is the chord of g_x for an integer part x
 * optimal at p or at q (the one lower at both ends, or, when the two chords cross, the crossing is
 * solved first: it is where the optimal copy changes). Then ℓ is certified as z on (p, q) by two
 * facts:
 * <ul>
 * <li><b>z ≤ ℓ on [p, q]</b>: z ≤ g_x ≤ (chord of g_x) because g_x is convex, with no solve;</li>
 * <li><b>z ≥ ℓ on [p, q]</b>: ONE MILP in which the right-hand side τ is a variable in [p, q],
 * min c·x − slope(ℓ)·τ, is ≥ intercept(ℓ). This is min over τ of z(τ) − ℓ(τ) because at a minimiser the
 * integer part is optimal for its τ.</li>
 * </ul>
 * When the MILP is below the intercept, its minimiser τ* is a point where z dips below ℓ (a vertex,
 * so a breakpoint of z: a local minimum or the end of a copy's domain, to which τ* is snapped);
 * the interval is split there and both halves are processed again. Where no known copy covers
 * (p, q), the ends of the copies' domains (LPs) are split points, and a MILP over (p, q) proves z = +∞
 * there or finds a feasible τ. Initial points are an even grid of {@link Options#initialSamples()}.
 * Afterwards, adjacent pieces on one line are merged, a piece ending at a point only known to
 * solver precision is re-measured from two interior LP values of its copy, and a continuous
 * breakpoint is moved to the exact crossing of its two pieces.
 *
 * <h2>Guarantees and limits</h2>
 * <ul>
 * <li>Every piece of a {@link #certified()} result is proven, within the backend's tolerances and
 * {@link Options#valueTolerance()}, to BE z on its open interval: z is not sampled, it is bounded
 * above by one feasible copy and below by an optimisation over the whole interval.</li>
 * <li>At a jump the lower-bound MILP leaves out a band of width {@link Options#resolution()} next to
 * the jump (a solver's τ is feasible only to its tolerance, so the isolated low value at the jump
 * would otherwise be found again); a feature of z narrower than that next to a jump is not seen.</li>
 * <li>Points found by the MILPs are located to the backend's feasibility tolerance (about 1e-6)
 * before the polishing step above; jump locations come from LP domain ends and are as exact as the
 * LP.</li>
 * <li>Termination: each split adds a new point inside (p, q), and there are finitely many pieces; a
 * budget ({@link Options#maxSolves()}, the time limit of {@link Options#params()}) stops it, and what
 * was not certified is listed by {@link #unresolved()} and gives −∞ in {@link #asDualFunction()}.</li>
 * <li>Needs z &gt; −∞ (z(0) = 0 when the other rows are homogeneous: a feasible LP dual uA ≤ c, notes
 * §2); an unbounded solve ends with an exception saying so.</li>
 * </ul>
 * A maximisation is turned into a minimisation first (z of the negated objective), as
 * {@link DualFunction} says; the value includes the objective offset.
 */
public final class ValueFunction1D {

    /**
     * Tolerances and budget.
     *
     * @param valueTolerance relative tolerance on values (times max(1, |value|)): two values closer
     *     than this are equal, a line is certified if z stays above it less this
     * @param resolution the narrowest feature resolved next to a jump (NaN: 1e-5·max(1, |lo|, |hi|))
     * @param initialSamples points of the even starting grid, at least 2
     * @param maxSolves budget of MILP plus LP solves
     * @param params limits for each solve, and the time limit of the whole computation
     */
    public record Options(double valueTolerance, double resolution, int initialSamples, int maxSolves,
            SolveParams params) {
        public Options {
            if (!(valueTolerance > 0) || initialSamples < 2 || maxSolves < 1) {
                throw new IllegalArgumentException("need valueTolerance > 0, initialSamples >= 2, maxSolves >= 1");
            }
        }

        public static Options defaults() {
            return new Options(1e-6, Double.NaN, 9, 20_000, SolveParams.defaults());
        }

        public Options withInitialSamples(int n) {
            return new Options(valueTolerance, resolution, n, maxSolves, params);
        }

        public Options withResolution(double r) {
            return new Options(valueTolerance, r, initialSamples, maxSolves, params);
        }

        public Options withValueTolerance(double tol) {
            return new Options(tol, resolution, initialSamples, maxSolves, params);
        }

        public Options withMaxSolves(int n) {
            return new Options(valueTolerance, resolution, initialSamples, n, params);
        }

        public Options withParams(SolveParams p) {
            return new Options(valueTolerance, resolution, initialSamples, maxSolves, p);
        }
    }

    private final String modelName;
    private final int row;
    private final double lo;
    private final double hi;
    private final double[] t;
    private final double[] z;
    private final Line[] lines;
    private final boolean[] certified;
    private final double tolerance;
    private final List<String> unresolved;
    private final int milpSolves;
    private final int lpSolves;
    private final Duration time;
    private final String solverName;

    private ValueFunction1D(String modelName, int row, double lo, double hi, double[] t, double[] z, Line[] lines,
            boolean[] certified, double tolerance, List<String> unresolved, int milpSolves, int lpSolves,
            Duration time, String solverName) {
        this.modelName = modelName;
        this.row = row;
        this.lo = lo;
        this.hi = hi;
        this.t = t;
        this.z = z;
        this.lines = lines;
        this.certified = certified;
        this.tolerance = tolerance;
        this.unresolved = List.copyOf(unresolved);
        this.milpSolves = milpSolves;
        this.lpSolves = lpSolves;
        this.time = time;
        this.solverName = solverName;
    }

    /** {@link #compute(MilpModel, int, double, double, MilpSolver, Options)} with default options. */
    public static ValueFunction1D compute(MilpModel model, int row, double lo, double hi, MilpSolver solver) {
        return compute(model, row, lo, hi, solver, Options.defaults());
    }

    /**
     * The value function of {@code model} in the right-hand side of {@code row} on [lo, hi].
     *
     * @throws IllegalArgumentException for a row that cannot vary, an LP-only solver, or a bad interval
     * @throws IllegalStateException when a solve ends without a proof (time limit, error) or z is unbounded
     */
    public static ValueFunction1D compute(MilpModel model, int row, double lo, double hi, MilpSolver solver,
            Options options) {
        if (!(lo < hi) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
            throw new IllegalArgumentException("need a bounded interval lo < hi, got [" + lo + ", " + hi + "]");
        }
        long start = System.nanoTime();
        RhsOracle oracle = new RhsOracle(model, row, solver, options.params());
        try {
            Search s = new Search(oracle, lo, hi, options, start);
            s.run();
            return s.result(model.name(), row, Duration.ofNanos(System.nanoTime() - start));
        } catch (RhsOracle.OracleException e) {
            throw new IllegalStateException("value function of '" + model.name() + "' on [" + lo + ", " + hi + "]: "
                    + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- the search

    private static final class Pt {
        final double t;
        final double z;
        final IntegerPart part;
        /** known exactly (a grid point, a crossing, an LP domain end), not only to a MILP's feasibility tolerance */
        final boolean exact;

        Pt(RhsOracle.Point p, boolean exact) {
            this.t = p.t();
            this.z = p.z();
            this.part = p.part();
            this.exact = exact;
        }
    }

    private static final class Seg {
        final Pt p;
        final Pt q;
        Line line;
        final boolean certified;
        final IntegerPart part;

        Seg(Pt p, Pt q, Line line, boolean certified, IntegerPart part) {
            this.p = p;
            this.q = q;
            this.line = line;
            this.certified = certified;
            this.part = part;
        }
    }

    private record Chord(IntegerPart part, double atP, double atQ, Line line) {
    }

    private static final class Search {
        private final RhsOracle oracle;
        private final double lo;
        private final double hi;
        private final Options options;
        private final long start;
        private final double eps;
        private final double band;
        private final Deque<Pt[]> work = new ArrayDeque<>();
        private final List<Seg> done = new ArrayList<>();
        private final List<String> unresolved = new ArrayList<>();
        private double largestValue = 1;
        /** the largest deficit of an interval MILP accepted as the backend's tolerance (see certifyOrSplit) */
        private double worstDeficit;
        /** how much larger than the value tolerance such a deficit may be: feasibility tolerance 1e-6 over 1e-6 times slopes */
        private static final double LOOSE = 100;

        Search(RhsOracle oracle, double lo, double hi, Options options, long start) {
            this.oracle = oracle;
            this.lo = lo;
            this.hi = hi;
            this.options = options;
            this.start = start;
            double scale = Math.max(1, Math.max(Math.abs(lo), Math.abs(hi)));
            // exact split points (crossings, LP domain ends) need only be distinct in double precision
            this.eps = 1e-9 * scale;
            this.band = Double.isNaN(options.resolution()) ? 1e-5 * scale : options.resolution();
        }

        private double tol(double a, double b) {
            double m = Math.max(1, Math.max(finiteAbs(a), finiteAbs(b)));
            return options.valueTolerance() * m;
        }

        private static double finiteAbs(double v) {
            return Double.isFinite(v) ? Math.abs(v) : 0;
        }

        private Pt solve(double at, boolean exact) {
            RhsOracle.Point p = oracle.solveAt(at);
            if (p.feasible()) {
                oracle.remember(p.part(), at, p.z());
                largestValue = Math.max(largestValue, Math.abs(p.z()));
            }
            return new Pt(p, exact);
        }

        private boolean overBudget() {
            if (oracle.milpSolves() + oracle.lpSolves() >= options.maxSolves()) {
                return true;
            }
            return options.params().timeLimit().map(l -> System.nanoTime() - start > l.toNanos()).orElse(false);
        }

        void run() {
            int n = options.initialSamples();
            Pt previous = solve(lo, true);
            for (int i = 1; i < n; i++) {
                double at = i == n - 1 ? hi : lo + (hi - lo) * i / (n - 1);
                Pt next = solve(at, true);
                work.addLast(new Pt[] {previous, next});
                previous = next;
            }
            while (!work.isEmpty()) {
                Pt[] s = work.pollFirst();
                if (overBudget()) {
                    leave(s[0], s[1], "the budget of " + options.maxSolves() + " solves or the time limit ran out");
                    continue;
                }
                process(s[0], s[1]);
            }
        }

        private void leave(Pt p, Pt q, String why) {
            done.add(new Seg(p, q, Line.MINUS_INFINITY, false, null));
            unresolved.add(String.format(Locale.ROOT, "(%.9g, %.9g): %s", p.t, q.t, why));
        }

        private void process(Pt p, Pt q) {
            List<Chord> chords = new ArrayList<>();
            for (IntegerPart part : distinctParts(p, q)) {
                double gp = part.equals(p.part) ? p.z : oracle.valueWithPart(part, p.t);
                double gq = part.equals(q.part) ? q.z : oracle.valueWithPart(part, q.t);
                if (Double.isFinite(gp) && Double.isFinite(gq)) {
                    double slope = (gq - gp) / (q.t - p.t);
                    chords.add(new Chord(part, gp, gq, new Line(slope, gp - slope * p.t)));
                }
            }
            if (!chords.isEmpty()) {
                Chord c = chords.get(0);
                if (chords.size() == 2) {
                    Chord a = chords.get(0);
                    Chord b = chords.get(1);
                    boolean aBelow = a.atP <= b.atP + tol(a.atP, b.atP) && a.atQ <= b.atQ + tol(a.atQ, b.atQ);
                    boolean bBelow = b.atP <= a.atP + tol(a.atP, b.atP) && b.atQ <= a.atQ + tol(a.atQ, b.atQ);
                    if (aBelow) {
                        c = a;
                    } else if (bBelow) {
                        c = b;
                    } else {
                        // the two copies cross inside: that is where the optimal copy changes
                        double crossing = (b.line.intercept() - a.line.intercept()) / (a.line.slope() - b.line.slope());
                        if (crossing > p.t + eps && crossing < q.t - eps) {
                            split(p, q, crossing, true);
                            return;
                        }
                        double mid = 0.5 * (p.t + q.t);
                        c = a.line.at(mid) <= b.line.at(mid) ? a : b;
                    }
                }
                certifyOrSplit(p, q, c);
                return;
            }
            // no known copy is finite at both ends: split where a copy's domain ends
            if (p.part != null) {
                double[] dom = oracle.domainOfPart(p.part, p.t, q.t);
                if (dom != null && dom[1] > p.t + eps && dom[1] < q.t - eps) {
                    split(p, q, dom[1], true);
                    return;
                }
            }
            if (q.part != null) {
                double[] dom = oracle.domainOfPart(q.part, p.t, q.t);
                if (dom != null && dom[0] > p.t + eps && dom[0] < q.t - eps) {
                    split(p, q, dom[0], true);
                    return;
                }
            }
            double a = p.t + (p.part != null ? band : eps);
            double b = q.t - (q.part != null ? band : eps);
            if (!(a < b)) {
                leave(p, q, "narrower than the resolution " + band);
                return;
            }
            Minimum m = oracle.minimumMinusLine(a, b, 0);
            if (!m.feasible()) {
                // no x is feasible for any τ in between: z = +∞ there (proven by that MILP)
                done.add(new Seg(p, q, Line.PLUS_INFINITY, true, null));
                return;
            }
            splitAtMinimum(p, q, m);
        }

        private static List<IntegerPart> distinctParts(Pt p, Pt q) {
            List<IntegerPart> parts = new ArrayList<>(2);
            if (p.part != null) {
                parts.add(p.part);
            }
            if (q.part != null && !q.part.equals(p.part)) {
                parts.add(q.part);
            }
            return parts;
        }

        private void certifyOrSplit(Pt p, Pt q, Chord c) {
            Line l = c.line;
            double lp = l.at(p.t);
            double lq = l.at(q.t);
            double tolerance = tol(lp, lq);
            // ℓ ≥ z at both ends (it is a copy's chord); strictly above means z jumps there
            boolean jumpP = lp > p.z + tolerance;
            boolean jumpQ = lq > q.z + tolerance;
            double a = p.t + (jumpP ? band : 0);
            double b = q.t - (jumpQ ? band : 0);
            if (!(b - a > eps)) {
                leave(p, q, "a jump closer than the resolution " + band + " to another point");
                return;
            }
            Minimum m = oracle.minimumMinusLine(a, b, l.slope());
            if (m.feasible() && m.value() >= l.intercept() - tolerance) {
                done.add(new Seg(p, q, l, true, c.part));
                return;
            }
            if (m.feasible() && m.value() >= l.intercept() - LOOSE * tol(lp, lq)) {
                // A small deficit may be the backend bending a row by its feasibility tolerance (1e-6 times
                // the slope). The MILP's own minimiser, re-measured by its copy's exact LP, tells: if it is
                // not below the line there, the deficit is the solver's, and it goes into the certificate's
                // tolerance instead of being hidden.
                double exact = oracle.valueWithPart(m.part(), m.t()) - l.at(m.t());
                if (exact >= -tolerance) {
                    worstDeficit = Math.max(worstDeficit, l.intercept() - m.value());
                    done.add(new Seg(p, q, l, true, c.part));
                    return;
                }
            }
            if (!m.feasible()) {
                leave(p, q, "the copy " + c.part + " is feasible here but the interval MILP says infeasible");
                return;
            }
            splitAtMinimum(p, q, m);
        }

        private void splitAtMinimum(Pt p, Pt q, Minimum m) {
            double at = m.t();
            boolean exact = false;
            // a jump of z sits exactly where a copy's domain ends; the MILP's τ is only feasible to its tolerance
            double[] dom = oracle.domainOfPart(m.part(), p.t, q.t);
            if (dom != null) {
                for (double end : dom) {
                    if (Math.abs(at - end) <= band && inside(p, q, end, eps)) {
                        at = end;
                        exact = true;
                        break;
                    }
                }
            }
            if (inside(p, q, at, band)) {
                split(p, q, at, exact);
                return;
            }
            if (q.t - p.t < 2 * band) {
                leave(p, q, String.format(Locale.ROOT, "z dips below the candidate line at τ = %.9g, within the"
                        + " resolution %.3g of an end", at, band));
                return;
            }
            // τ* hugs an end of the interval. Typically z − ℓ is constant on a stretch there (a copy parallel to
            // ℓ) and the solver returned the stretch's end; its other end is where that copy's domain ends.
            // Failing that, bisect: a split anywhere inside is progress.
            if (dom != null) {
                for (double end : new double[] {dom[1], dom[0]}) {
                    if (inside(p, q, end, band)) {
                        split(p, q, end, true);
                        return;
                    }
                }
            }
            split(p, q, 0.5 * (p.t + q.t), true);
        }

        private static boolean inside(Pt p, Pt q, double at, double margin) {
            return at > p.t + margin && at < q.t - margin;
        }

        private void split(Pt p, Pt q, double at, boolean exact) {
            Pt mid = solve(at, exact);
            work.addFirst(new Pt[] {mid, q});
            work.addFirst(new Pt[] {p, mid});
        }

        ValueFunction1D result(String modelName, int row, Duration time) {
            done.sort(Comparator.comparingDouble(s -> s.p.t));
            refit();
            List<Seg> merged = merge();
            int n = merged.size();
            double[] t = new double[n + 1];
            double[] z = new double[n + 1];
            Line[] lines = new Line[n];
            boolean[] certified = new boolean[n];
            for (int i = 0; i < n; i++) {
                Seg s = merged.get(i);
                t[i] = s.p.t;
                z[i] = s.p.z;
                lines[i] = s.line;
                certified[i] = s.certified;
            }
            t[n] = merged.get(n - 1).q.t;
            z[n] = merged.get(n - 1).q.z;
            polish(t, z, lines, certified);
            double tolerance = Math.max(options.valueTolerance() * largestValue, worstDeficit);
            return new ValueFunction1D(modelName, row, lo, hi, t, z, lines, certified, tolerance, unresolved,
                    oracle.milpSolves(), oracle.lpSolves(), time, oracle.solverName());
        }

        /**
         * A piece ending at a point located only to a MILP's tolerance is the chord across a point
         * slightly off the copy's kink; two LP values of its copy well inside give the exact line.
         */
        private void refit() {
            for (Seg s : done) {
                double len = s.q.t - s.p.t;
                if (!s.certified || !s.line.isFinite() || (s.p.exact && s.q.exact) || len <= 4 * band) {
                    continue;
                }
                double a = s.p.t + 0.25 * len;
                double b = s.p.t + 0.75 * len;
                double ga = oracle.valueWithPart(s.part, a);
                double gb = oracle.valueWithPart(s.part, b);
                if (!Double.isFinite(ga) || !Double.isFinite(gb)) {
                    continue;
                }
                double slope = (gb - ga) / (b - a);
                Line r = new Line(slope, ga - slope * a);
                double allowed = 100 * tol(s.line.at(s.p.t), s.line.at(s.q.t));
                if (Math.abs(r.at(s.p.t) - s.line.at(s.p.t)) <= allowed
                        && Math.abs(r.at(s.q.t) - s.line.at(s.q.t)) <= allowed) {
                    s.line = r;
                }
            }
        }

        /** Joins neighbouring pieces on the same line (a starting grid point is rarely a breakpoint). */
        private List<Seg> merge() {
            List<Seg> out = new ArrayList<>();
            for (Seg s : done) {
                if (!out.isEmpty()) {
                    Seg last = out.get(out.size() - 1);
                    if (sameLine(last, s)) {
                        Seg joined = new Seg(last.p, s.q, last.line, true, last.part);
                        out.set(out.size() - 1, joined);
                        continue;
                    }
                }
                out.add(s);
            }
            return out;
        }

        private boolean sameLine(Seg a, Seg b) {
            if (!a.certified || !b.certified) {
                return false;
            }
            double at = b.p.t;
            if (a.line == Line.PLUS_INFINITY || b.line == Line.PLUS_INFINITY) {
                return a.line == b.line && b.p.z == Double.POSITIVE_INFINITY;
            }
            double va = a.line.at(at);
            double vb = b.line.at(at);
            double tolerance = tol(va, vb);
            double slopeTolerance = tolerance / Math.max(eps, Math.min(a.q.t - a.p.t, b.q.t - b.p.t));
            return Math.abs(va - vb) <= tolerance && Math.abs(b.p.z - va) <= tolerance
                    && Math.abs(a.line.slope() - b.line.slope()) <= Math.max(1e-9, slopeTolerance);
        }

        /** Moves a continuous breakpoint to the exact crossing of its two pieces. */
        private void polish(double[] t, double[] z, Line[] lines, boolean[] certified) {
            for (int k = 1; k < t.length - 1; k++) {
                Line left = lines[k - 1];
                Line right = lines[k];
                if (!certified[k - 1] || !certified[k] || !left.isFinite() || !right.isFinite()
                        || left.slope() == right.slope()) {
                    continue;
                }
                double tolerance = tol(z[k], z[k]);
                if (Math.abs(left.at(t[k]) - z[k]) > tolerance || Math.abs(right.at(t[k]) - z[k]) > tolerance) {
                    continue;
                }
                double crossing = (right.intercept() - left.intercept()) / (left.slope() - right.slope());
                // a point already at the crossing to rounding stays (0 and the grid points are exact as they are)
                if (Math.abs(crossing - t[k]) > eps * 1e-3 && Math.abs(crossing - t[k]) <= 10 * band
                        && crossing > t[k - 1] && crossing < t[k + 1]) {
                    t[k] = crossing;
                    z[k] = 0.5 * (left.at(crossing) + right.at(crossing));
                }
            }
        }
    }

    // ---------------------------------------------------------------- the result

    /** The model's name. */
    public String modelName() {
        return modelName;
    }

    /** The row whose right-hand side varies. */
    public int row() {
        return row;
    }

    public double lo() {
        return lo;
    }

    public double hi() {
        return hi;
    }

    /** The breakpoints, increasing, with lo first and hi last (the ends are listed though z need not bend there). */
    public double[] breakpoints() {
        return t.clone();
    }

    /** z at each breakpoint (the lower semicontinuous value at a jump; +∞ where infeasible). */
    public double[] values() {
        return z.clone();
    }

    /** Number of breakpoints, ends included. */
    public int breakpointCount() {
        return t.length;
    }

    /** The slope just left of each breakpoint; NaN at lo and where z is +∞ or uncertified on the left. */
    public double[] leftSlopes() {
        double[] s = new double[t.length];
        s[0] = Double.NaN;
        for (int k = 1; k < t.length; k++) {
            s[k] = certified[k - 1] && lines[k - 1].isFinite() ? lines[k - 1].slope() : Double.NaN;
        }
        return s;
    }

    /** The slope just right of each breakpoint; NaN at hi and where z is +∞ or uncertified on the right. */
    public double[] rightSlopes() {
        double[] s = new double[t.length];
        for (int k = 0; k < t.length - 1; k++) {
            s[k] = certified[k] && lines[k].isFinite() ? lines[k].slope() : Double.NaN;
        }
        s[t.length - 1] = Double.NaN;
        return s;
    }

    /** lim z(b) as b → t_k from the left (NaN at lo). */
    public double leftLimit(int k) {
        return k == 0 ? Double.NaN : lines[k - 1].at(t[k]);
    }

    /** lim z(b) as b → t_k from the right (NaN at hi). */
    public double rightLimit(int k) {
        return k == t.length - 1 ? Double.NaN : lines[k].at(t[k]);
    }

    /** The number of intervals between breakpoints. */
    public int intervalCount() {
        return lines.length;
    }

    /**
     * The affine piece of z on the open interval (t_k, t_{k+1}); empty where z = +∞ there or the
     * interval was not certified.
     */
    public Optional<AffinePiece> piece(int k) {
        Line l = lines[k];
        if (!certified[k] || !l.isFinite()) {
            return Optional.empty();
        }
        return Optional.of(new AffinePiece(new double[] {l.slope()}, l.intercept()));
    }

    /** The affine pieces, one per interval where z is finite (left to right). */
    public List<AffinePiece> pieces() {
        List<AffinePiece> out = new ArrayList<>();
        for (int k = 0; k < lines.length; k++) {
            piece(k).ifPresent(out::add);
        }
        return out;
    }

    /** True when z = +∞ on the open interval (t_k, t_{k+1}) (proven). */
    public boolean infeasibleOn(int k) {
        return certified[k] && lines[k] == Line.PLUS_INFINITY;
    }

    /** The number of maximal linear pieces of z on [lo, hi] (intervals where z is finite). */
    public int linearPieceCount() {
        int n = 0;
        for (int k = 0; k < lines.length; k++) {
            if (lines[k].isFinite()) {
                n++;
            }
        }
        return n;
    }

    /** True when z is finite and continuous on all of [lo, hi]. */
    public boolean isContinuous() {
        for (int k = 0; k < lines.length; k++) {
            if (!lines[k].isFinite()) {
                return false;
            }
        }
        for (int k = 1; k < t.length - 1; k++) {
            double tol = tolerance * Math.max(1, Math.abs(z[k]));
            if (Math.abs(leftLimit(k) - z[k]) > tol || Math.abs(rightLimit(k) - z[k]) > tol) {
                return false;
            }
        }
        return true;
    }

    /**
     * z(b) for b in [lo, hi]: the breakpoint's value at a breakpoint, else the interval's piece (+∞
     * where infeasible). On an interval that was not certified (see {@link #unresolved()}), −∞:
     * nothing is known there.
     */
    public double value(double b) {
        if (b < lo || b > hi || Double.isNaN(b)) {
            throw new IllegalArgumentException("b = " + b + " is outside [" + lo + ", " + hi + "]");
        }
        int i = Arrays.binarySearch(t, b);
        if (i >= 0) {
            return z[i];
        }
        int k = Math.min(Math.max(-i - 2, 0), lines.length - 1);
        return lines[k].at(b);
    }

    /** True when every interval was certified (see {@link #unresolved()}). */
    public boolean certified() {
        return unresolved.isEmpty();
    }

    /** The intervals that were not certified, with why; empty for a complete result. */
    public List<String> unresolved() {
        return unresolved;
    }

    /** The value tolerance every value carries (absolute). */
    public double tolerance() {
        return tolerance;
    }

    public int milpSolves() {
        return milpSolves;
    }

    public int lpSolves() {
        return lpSolves;
    }

    /** Wall time of the computation. */
    public Duration time() {
        return time;
    }

    public String solverName() {
        return solverName;
    }

    /**
     * z as a {@link DualFunction} of the row's right-hand side: z on [lo, hi], −∞ outside (nothing
     * is computed there) and on any uncertified interval. z itself is the optimal solution of the
     * subadditive dual (notes §3.3: strong duality), but this view, −∞ outside [lo, hi], is not
     * subadditive on all of R (x and y outside with x + y inside break it), so its certificate is
     * {@link Certificate.Kind#VALID_BY_CONSTRUCTION}: exact where computed, a bound everywhere.
     */
    public DualFunction asDualFunction() {
        double[] knots = t.clone();
        Line[] pieces = new Line[lines.length + 2];
        pieces[0] = Line.MINUS_INFINITY;
        pieces[pieces.length - 1] = Line.MINUS_INFINITY;
        for (int k = 0; k < lines.length; k++) {
            pieces[k + 1] = certified[k] ? lines[k] : Line.MINUS_INFINITY;
        }
        String evidence = String.format(Locale.ROOT,
                "the value function itself (exact on [%s, %s] to tolerance %.3g: each of its %d pieces is attained by"
                        + " one integer part and bounded below by a MILP over its interval, on %s); z is optimal for the"
                        + " subadditive dual (notes §3.3); −∞ outside [%s, %s], where nothing was computed%s",
                fmt(lo), fmt(hi), tolerance, linearPieceCount(), solverName, fmt(lo), fmt(hi),
                unresolved.isEmpty() ? "" : "; −∞ also on " + unresolved.size() + " uncertified interval(s)");
        Certificate c = new Certificate(Certificate.Kind.VALID_BY_CONSTRUCTION, tolerance, evidence);
        String description = String.format(Locale.ROOT, "exact value function of '%s' in row %d on [%s, %s]: %d"
                + " breakpoints, %d MILP + %d LP solves on %s in %d ms", modelName, row, fmt(lo), fmt(hi), t.length,
                milpSolves, lpSolves, solverName, time.toMillis());
        return new PiecewiseLinearDual(row, knots, z.clone(), pieces, c, description, Math.max(tolerance, 1e-9));
    }

    /** A table of the breakpoints: b, z(b), slopes left → right, and the kind (as notes §5.1). */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%14s %14s %12s %12s  %s%n", "b", "z(b)", "slope left", "slope right",
                "kind"));
        double[] ls = leftSlopes();
        double[] rs = rightSlopes();
        for (int k = 0; k < t.length; k++) {
            sb.append(String.format(Locale.ROOT, "%14s %14s %12s %12s  %s%n", fmt(t[k]), fmt(z[k]), fmt(ls[k]),
                    fmt(rs[k]), kind(k)));
        }
        if (!unresolved.isEmpty()) {
            sb.append("not certified: ").append(String.join("; ", unresolved)).append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** "end", "local min", "local max", "jump", "kink" or "isolated point": what happens at breakpoint k. */
    public String kind(int k) {
        if (k == 0 || k == t.length - 1) {
            return "end";
        }
        double tol = tolerance * Math.max(1, Math.abs(z[k]));
        double l = leftLimit(k);
        double r = rightLimit(k);
        boolean leftOn = Double.isFinite(l) && Math.abs(l - z[k]) <= tol;
        boolean rightOn = Double.isFinite(r) && Math.abs(r - z[k]) <= tol;
        if (!leftOn && !rightOn) {
            return Double.isFinite(l) || Double.isFinite(r) ? "jump" : "isolated point";
        }
        if (!leftOn || !rightOn) {
            return "jump";
        }
        double sl = lines[k - 1].slope();
        double sr = lines[k].slope();
        if (sl < 0 && sr > 0) {
            return "local min";
        }
        if (sl > 0 && sr < 0) {
            return "local max";
        }
        return "kink";
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+inf" : "-inf";
        }
        double r = Math.rint(v * 1e9) / 1e9;
        return (r == Math.rint(r) && Math.abs(r) < 1e15) ? Long.toString((long) r) : String.format(Locale.ROOT, "%.9g", r)
                .replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    @Override
    public String toString() {
        return "ValueFunction1D[" + modelName + ", row " + row + ", [" + lo + ", " + hi + "], " + t.length
                + " breakpoints, " + milpSolves + " MILP + " + lpSolves + " LP solves, " + time.toMillis() + " ms]";
    }
}
