package org.tamebnn.dual.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.numbers.fraction.BigFraction;
import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.dual.DualConstructor;
import org.tamebnn.api.dual.DualRequest;
import org.tamebnn.api.dual.DualResult;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.dual.StandardForm;

/**
 * The linear representation of the subadditive dual (notes §4.4) for pure integer programs with
 * A ∈ Z^{m×n}_+, b ∈ Z^m_+ in standard form (see {@link PureIntegerSetting}): the subadditive dual
 * restricted to the box D = {d ∈ Z^m : 0 ≤ d ≤ b} is an LP in the values F(d), d ∈ D,
 *
 * <pre>
 *   F(d₁) + F(d₂) − F(d₁ + d₂) ≥ 0    for d₁ ≤ d₂ (in D's order), d₁, d₂ ≠ 0, d₁ + d₂ ∈ D
 *   F(a_j) ≤ c_j                       for the columns a_j ∈ D \ {0}
 *   F(0) = 0
 * </pre>
 *
 * and every feasible F is a lower bound on z(d) at every d ∈ D (the partial sums of any feasible
 * x lie in D because A ≥ 0, so F(d) ≤ Σ F(a_j) x_j ≤ c·x). It is solved on the backend as an LP.
 *
 * <h2>Objectives</h2>
 *
 * <ul>
 * <li>{@code objective=all} (default): the whole value function on the box. Stage 1 maximises
 * Σ F(d) over the d ∈ D that some integer point reaches (found by a reachability recursion over D,
 * d reachable iff d = 0 or d − a_j is for some column), every F(d) capped at U; the optimum is
 * F = z on those points, because z restricted to them extends to a feasible solution (the value
 * function with artificial unit columns of cost M, notes §4.4) and every feasible F is ≤ z there.
 * Stage 2 fixes those values and minimises Σ F(d) over the unreachable d, where z = +∞ and any value
 * is a bound: the least values subadditivity allows, so that they reflect the reachable ones
 * (F(1) = 2 in the notes' example, forced by F(5) ≤ F(1) + F(4)) rather than the artificial caps ±U.
 * An unreachable point constrained by nothing gets −U.</li>
 * <li>{@code objective=b}: the notes' LP, maximise F(b) (values elsewhere as the backend's vertex
 * leaves them, within [−U, U]).</li>
 * </ul>
 *
 * U = M·(1·b + 1) with M = 2·max|c|·1·b + 1, above every finite z on the box.
 *
 * <h2>Outside the box</h2>
 *
 * F is defined at the integer points of D only and is −∞ ("no bound") everywhere else, fractional
 * points between them included. So F is a lower bound on z at every d, subadditive on D, but not a
 * subadditive function on all of R^m (F(½) + F(½) = −∞ &lt; F(1)); its certificate is therefore
 * {@link Certificate.Kind#VALID_BY_CONSTRUCTION}, with the subadditive-dual conditions on D verified
 * in exact arithmetic as the evidence. It has no gradients (finite only at isolated points), so its
 * conservative field is empty. To cover more right-hand sides, build at a larger b.
 *
 * <h2>Exactness</h2>
 *
 * The LP's values are snapped to nearby rationals (continued fractions, within 1e-9) and every
 * constraint is verified exactly; when that succeeds the function carries no tolerance beyond
 * rounding, otherwise the raw values are kept and the tolerance is the largest violation found
 * times (1·b + 1), the most subadditivity steps a bound through D takes.
 *
 * <p>Size: |D| = Π (b_i + 1) variables and about |D|²/2 rows; option {@code maxPoints} (default
 * {@value #DEFAULT_MAX_POINTS}, at most {@value #MAX_POINTS}) bounds |D|.
 */
@Component(service = DualConstructor.class, property = DualConstructor.NAME_PROPERTY + "="
        + LinearRepresentationDual.NAME)
public final class LinearRepresentationDual implements DualConstructor {
    static final String NAME = "linear-representation";
    static final int DEFAULT_MAX_POINTS = 200;
    static final int MAX_POINTS = 2000;

    public LinearRepresentationDual() {
        // a DS component and a ServiceLoader provider
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "linear representation of the subadditive dual: an LP in the values F(d) on the box 0 ≤ d ≤ b, giving"
                + " the value function there (Guzelsoy-Ralphs 4.4)";
    }

    @Override
    public Set<Capability> needs() {
        // an LP: every backend solves those
        return Set.of();
    }

    @Override
    public Certificate.Kind certifies() {
        return Certificate.Kind.VALID_BY_CONSTRUCTION;
    }

    @Override
    public String appliesTo() {
        return "pure integer programs with equality rows (or ≤ rows that do not vary), A ≥ 0 integral, b ≥ 0 integral,"
                + " with at most " + MAX_POINTS + " integer points in the box 0 ≤ d ≤ b";
    }

    @Override
    public Set<String> options() {
        return Set.of("objective", "maxPoints");
    }

    @Override
    public DualResult construct(MilpModel model, DualRequest request) {
        long start = System.nanoTime();
        Optional<DualResult> refused = Constructions.refused(this, model, request, start);
        if (refused.isPresent()) {
            return refused.get();
        }
        String objective = request.options().getOrDefault("objective", "all").strip();
        if (!objective.equals("all") && !objective.equals("b")) {
            return DualResult.notApplicable(NAME, "option objective must be 'all' or 'b', not '" + objective + "'",
                    Constructions.since(start));
        }
        int maxPoints;
        try {
            maxPoints = Integer.parseInt(request.options().getOrDefault("maxPoints",
                    String.valueOf(DEFAULT_MAX_POINTS)).strip());
            if (maxPoints < 1 || maxPoints > MAX_POINTS) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            return DualResult.notApplicable(NAME, "option maxPoints must be an integer in [1, " + MAX_POINTS + "], not '"
                    + request.options().get("maxPoints") + "'", Constructions.since(start));
        }
        int[] rows = Constructions.rows(model, request);
        double[] b = Constructions.at(model, request, rows);
        PureIntegerSetting.Instance setting;
        try {
            setting = PureIntegerSetting.of(model, rows, b);
        } catch (IllegalArgumentException e) {
            return DualResult.notApplicable(NAME, e.getMessage(), Constructions.since(start));
        }
        StandardForm form = setting.form();
        BigFraction[] bStd = setting.b();
        int m = form.rowCount();
        long[] top = new long[m];
        long size = 1;
        for (int i = 0; i < m; i++) {
            top[i] = bStd[i].longValue();
            size = size * (top[i] + 1);
            if (size > maxPoints) {
                return DualResult.notApplicable(NAME, "the box 0 ≤ d ≤ b of the standard form has more than "
                        + maxPoints + " integer points (b' = " + Arrays.toString(bStd) + "); raise maxPoints (at most "
                        + MAX_POINTS + ") or build at a smaller b", Constructions.since(start));
            }
        }
        Box box = new Box(top);
        Lp lp = new Lp(form, box);
        String failure = lp.solve(request, start, objective.equals("all"));
        if (failure != null) {
            return DualResult.notApplicable(NAME, failure, Constructions.since(start));
        }
        Verified verified = lp.verify();
        String evidence = String.format(Locale.ROOT, "the subadditive dual's conditions on the box D (%d points): F(0) = 0,"
                + " F(a_j) ≤ c_j for the %d columns in D, subadditivity on %d pairs, %s; F = −∞ outside D, so it is a"
                + " bound at every d but subadditive only on D (notes §4.4)", box.size(), lp.columnsInBox,
                lp.pairs.size(), verified.exact ? "verified exactly in rationals"
                        : "largest violation " + verified.violation + " (the LP's values did not snap to rationals)");
        Certificate certificate = new Certificate(Certificate.Kind.VALID_BY_CONSTRUCTION, verified.tolerance, evidence);
        BoxFunction f = new BoxFunction(form, box, verified.values, certificate, objective);
        double valueAtB = f.value(b);
        String message = String.format(Locale.ROOT, "%s on D = {0 ≤ d ≤ b'} (%d points, %d reachable by integer points):"
                + " %s; F(b) = %s; −∞ outside D", objective.equals("all") ? "the value function" : "max F(b)",
                box.size(), lp.reachableCount, objective.equals("all") ? "F = z at every reachable d"
                        : "F(b) = z(b) when b is reachable", CuttingPlaneDual.fmt(valueAtB));
        return DualResult.built(NAME, f, valueAtB, message, Constructions.since(start));
    }

    /** The integer points 0 ≤ d ≤ top in mixed-radix order (the last coordinate fastest). */
    static final class Box {
        final long[] top;
        final int size;
        final int[] radix;

        Box(long[] top) {
            this.top = top.clone();
            long s = 1;
            for (long t : top) {
                s *= t + 1;
            }
            this.size = (int) s;
            this.radix = new int[top.length];
            int r = 1;
            for (int i = top.length - 1; i >= 0; i--) {
                radix[i] = r;
                r *= (int) (top[i] + 1);
            }
        }

        int size() {
            return size;
        }

        long[] point(int index) {
            long[] d = new long[top.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = (index / radix[i]) % (top[i] + 1);
            }
            return d;
        }

        /** The index of d, or −1 when d is outside the box. */
        int index(long[] d) {
            int idx = 0;
            for (int i = 0; i < d.length; i++) {
                if (d[i] < 0 || d[i] > top[i]) {
                    return -1;
                }
                idx += (int) d[i] * radix[i];
            }
            return idx;
        }

        /** The index of an exact d, or −1 when it is not an integer point of the box. */
        int index(BigFraction[] d) {
            long[] p = new long[d.length];
            for (int i = 0; i < d.length; i++) {
                if (!Rationals.isInteger(d[i]) || d[i].signum() < 0 || Rationals.compare(d[i], BigFraction.of(top[i])) > 0) {
                    return -1;
                }
                p[i] = d[i].longValue();
            }
            return index(p);
        }
    }

    private record Verified(BigFraction[] exactValues, double[] values, boolean exact, double violation,
            double tolerance) {
    }

    /** The LP over F(d), d ∈ D, and its solution. */
    private static final class Lp {
        final StandardForm form;
        final Box box;
        final List<int[]> pairs = new ArrayList<>();
        final BigFraction[] cap; // the column bound min(c_j) at each point, null where none
        final boolean[] reachable;
        int reachableCount;
        int columnsInBox;
        double bound;
        double[] values;

        Lp(StandardForm form, Box box) {
            this.form = form;
            this.box = box;
            int size = box.size();
            cap = new BigFraction[size];
            reachable = new boolean[size];
            List<long[]> cols = new ArrayList<>();
            double maxC = 0;
            for (int j = 0; j < form.columnCount(); j++) {
                double[] a = form.column(j);
                long[] aj = new long[a.length];
                boolean zero = true;
                for (int i = 0; i < a.length; i++) {
                    aj[i] = (long) a[i];
                    zero &= aj[i] == 0;
                }
                maxC = Math.max(maxC, Math.abs(form.cost(j)));
                if (zero) {
                    continue; // cost ≥ 0 (checked): never needed, F(0) = 0 ≤ c_j
                }
                cols.add(aj);
                int idx = box.index(aj);
                if (idx >= 0) {
                    columnsInBox++;
                    BigFraction c = Rationals.of(form.cost(j));
                    cap[idx] = cap[idx] == null ? c : Rationals.min(cap[idx], c);
                }
            }
            // reachability: d − a_j has a smaller index than d for every nonzero a_j ≥ 0
            reachable[0] = true;
            for (int idx = 1; idx < size; idx++) {
                long[] d = box.point(idx);
                for (long[] aj : cols) {
                    long[] rest = new long[d.length];
                    for (int i = 0; i < d.length; i++) {
                        rest[i] = d[i] - aj[i];
                    }
                    int r = box.index(rest);
                    if (r >= 0 && reachable[r]) {
                        reachable[idx] = true;
                        break;
                    }
                }
            }
            for (boolean r : reachable) {
                reachableCount += r ? 1 : 0;
            }
            for (int i1 = 1; i1 < size; i1++) {
                long[] d1 = box.point(i1);
                for (int i2 = i1; i2 < size; i2++) {
                    long[] d2 = box.point(i2);
                    long[] s = new long[d1.length];
                    for (int i = 0; i < s.length; i++) {
                        s[i] = d1[i] + d2[i];
                    }
                    int i3 = box.index(s);
                    if (i3 >= 0) {
                        pairs.add(new int[] { i1, i2, i3 });
                    }
                }
            }
            long oneB = Arrays.stream(box.top).sum();
            double mm = 2 * maxC * oneB + 1;
            bound = mm * (oneB + 1);
        }

        /** Solves the LP (two stages for the whole value function); null on success, else why not. */
        String solve(DualRequest request, long start, boolean all) {
            int size = box.size();
            if (size == 1) {
                values = new double[1]; // D = {0}: F(0) = 0 is all there is
                return null;
            }
            double[] lower = new double[size];
            double[] upper = new double[size];
            Arrays.fill(lower, -bound);
            Arrays.fill(upper, bound);
            for (int idx = 0; idx < size; idx++) {
                if (cap[idx] != null) {
                    upper[idx] = Math.min(upper[idx], cap[idx].doubleValue());
                }
            }
            double[] weight = new double[size];
            if (all) {
                for (int idx = 1; idx < size; idx++) {
                    weight[idx] = reachable[idx] ? 1 : 0;
                }
            } else {
                weight[size - 1] = 1; // b is the last point of the box
            }
            SolveResult r = request.backend().solve(model(lower, upper, weight, Sense.MAXIMIZE),
                    Constructions.remaining(request.params(), start));
            if (r.status() != SolveStatus.OPTIMAL || !r.hasSolution()) {
                return "the LP over the box (" + size + " values, " + pairs.size() + " subadditivity rows) ended "
                        + r.status() + (r.message().isEmpty() ? "" : " (" + r.message() + ")") + " on "
                        + request.backend().info().name();
            }
            values = values(r.values());
            if (!all) {
                return null;
            }
            // stage 2: the reachable values fixed (snapped to the rationals they are), the others as low as allowed
            for (int idx = 1; idx < size; idx++) {
                if (reachable[idx]) {
                    double v = snap(values[idx]).doubleValue();
                    lower[idx] = v;
                    upper[idx] = v;
                    weight[idx] = 0;
                } else {
                    weight[idx] = 1;
                }
            }
            if (reachableCount == size) {
                return null;
            }
            SolveResult r2 = request.backend().solve(model(lower, upper, weight, Sense.MINIMIZE),
                    Constructions.remaining(request.params(), start));
            if (r2.status() != SolveStatus.OPTIMAL || !r2.hasSolution()) {
                // the stage-1 solution stands: every value in it is a valid bound
                return null;
            }
            values = values(r2.values());
            return null;
        }

        private double[] values(double[] lpValues) {
            double[] v = new double[box.size()];
            System.arraycopy(lpValues, 0, v, 1, box.size() - 1);
            return v;
        }

        /** Variables F(d) for d ≠ 0 (F(0) = 0 is the constant it is), the subadditivity rows. */
        private MilpModel model(double[] lower, double[] upper, double[] weight, Sense sense) {
            MilpModel.Builder b = MilpModel.builder("linear_representation").sense(sense);
            for (int idx = 1; idx < box.size(); idx++) {
                int j = b.continuous("F" + Arrays.toString(box.point(idx)).replace(" ", ""), lower[idx], upper[idx]);
                b.objective(j, weight[idx]);
            }
            int k = 0;
            for (int[] p : pairs) {
                int[] cols = p[0] == p[1] ? new int[] { p[0] - 1, p[2] - 1 } : new int[] { p[0] - 1, p[1] - 1, p[2] - 1 };
                double[] vals = p[0] == p[1] ? new double[] { 2, -1 } : new double[] { 1, 1, -1 };
                b.addRow("sub" + k++, 0, Double.POSITIVE_INFINITY, cols, vals);
            }
            return b.build();
        }

        /** Snaps the values to rationals and checks every constraint exactly. */
        Verified verify() {
            int size = box.size();
            BigFraction[] exact = new BigFraction[size];
            exact[0] = BigFraction.ZERO;
            for (int idx = 1; idx < size; idx++) {
                exact[idx] = snap(values[idx]);
            }
            BigFraction worst = violation(exact);
            if (worst.signum() <= 0) {
                double[] v = Arrays.stream(exact).mapToDouble(BigFraction::doubleValue).toArray();
                return new Verified(exact, v, true, 0, 1e-9);
            }
            BigFraction[] raw = Rationals.of(values);
            double violation = violation(raw).doubleValue();
            double steps = Arrays.stream(box.top).sum() + 1;
            return new Verified(raw, values.clone(), false, violation, Math.max(1e-9, violation * steps));
        }

        /** The largest violation of the LP's constraints by exact values (≤ 0 when feasible). */
        private BigFraction violation(BigFraction[] f) {
            BigFraction worst = f[0].abs();
            for (int idx = 1; idx < f.length; idx++) {
                if (cap[idx] != null) {
                    worst = Rationals.max(worst, f[idx].subtract(cap[idx]));
                }
            }
            for (int[] p : pairs) {
                worst = Rationals.max(worst, f[p[2]].subtract(f[p[0]]).subtract(f[p[1]]));
            }
            return worst;
        }

        private static BigFraction snap(double x) {
            try {
                BigFraction s = BigFraction.from(x, 1e-9 * Math.max(1, Math.abs(x)), 100);
                if (s.getDenominator().abs().compareTo(BigInteger.valueOf(1_000_000)) <= 0) {
                    return s;
                }
            } catch (ArithmeticException | IllegalArgumentException e) {
                // no convergent close enough: keep the double's own rational
            }
            return Rationals.of(x);
        }
    }

    /** F on the box's integer points, −∞ elsewhere. */
    static final class BoxFunction extends StandardFormFunction {
        private final Box box;
        private final double[] values;
        private final String objective;

        BoxFunction(StandardForm form, Box box, double[] values, Certificate certificate, String objective) {
            super(form, certificate);
            this.box = box;
            this.values = values.clone();
            this.objective = objective;
        }

        /** F at the box's points in its order (the last coordinate fastest). */
        double[] values() {
            return values.clone();
        }

        @Override
        double standardValue(BigFraction[] d) {
            int idx = box.index(d);
            return idx < 0 ? Double.NEGATIVE_INFINITY : values[idx];
        }

        @Override
        double standardUpperDerivative(BigFraction[] h) {
            for (BigFraction x : h) {
                if (!x.isZero()) {
                    return Double.NEGATIVE_INFINITY; // F(δh) = −∞ for small δ > 0
                }
            }
            return 0;
        }

        @Override
        List<double[]> standardField(BigFraction[] d) {
            return List.of();
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "linear representation on the box 0 ≤ d ≤ %s (%d points, objective %s);"
                    + " −∞ outside it", Arrays.toString(box.top), box.size(), objective);
        }
    }
}
