package org.tamebnn.dual.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.dual.StandardForm;

/**
 * Corrected linear dual functions, Klabjan's generator functions (notes §4.2), for pure integer
 * programs with A ∈ Z^{m×n}_+ and b ∈ Z^m_+ in standard form (equality rows, and ≤ rows that do not
 * vary; see {@link PureIntegerSetting}):
 *
 * <pre>
 *   E(α)    = { j : α·a_j &gt; c_j }
 *   F_α(d)  = α·d − max { Σ_{j∈E} (α·a_j − c_j) x_j : Σ_{j∈E} a_j x_j ≤ d, x ∈ Z^E_+ }
 * </pre>
 *
 * F_α is feasible for the subadditive dual for every α (notes §4.2): F_α(0) = 0; F_α(a_j) ≤ c_j
 * (x = e_j in the correction for j ∈ E, α·a_j ≤ c_j otherwise); subadditive because the correction
 * is superadditive (two maximisers fit in d₁ + d₂ together). The correction is an integer program
 * solved on the backend at every evaluation (cached by ⌊d⌋, which is all it depends on, since A
 * and x are integral).
 *
 * <h2>Choosing α</h2>
 *
 * Every α gives a valid function; a good one is strong at b. The search tries, in order: the
 * LP dual u at b (so E is small and the function cheap, but as weak as the LP bound), then α = M·1
 * for M = 2^p, p from the first power of two above max(1, max u) upwards, until F_α(b) reaches
 * z(b) (solved once on the backend). This terminates: for M &gt; 2·max|c|·1·b every column is in E
 * and the correction first maximises 1·Ax subject to Ax ≤ b, which forces Ax = b, and among those
 * points minimises c·x, so F_α(b) = z(b) (notes §4.2). This replaces Klabjan's LP over α, which
 * has published counterexamples (notes §4.2, Moazzez); the first strong M·1 found is kept, the
 * smallest power of two that works, which keeps E and the correction's objective small. Option
 * {@code alpha}: a number M to use α = M·1 directly, skipping the search; option
 * {@code doublings}: the most values of M tried (default {@value #DEFAULT_DOUBLINGS}).
 *
 * <h2>Values outside the nonnegative orthant</h2>
 *
 * For d with a negative coordinate the correction has no feasible point and the formula gives
 * F_α(d) = +∞, which is correct: A ≥ 0 makes every such d infeasible, z(d) = +∞. Between integer
 * points F_α(d) = α·d − correction(⌊d⌋) is finite and a bound (z = +∞ there too). Its conservative
 * field is {α} (restricted to the varying rows): the correction is constant on each cell of the
 * integer lattice, so every piece of F_α has gradient α.
 *
 * <p>A backend answer that is not proven optimal is used through its bound on the correction
 * (which can only lower F), and a solve that gives no bound makes F(d) = −∞ (no bound there).
 */
@Component(service = DualConstructor.class, property = DualConstructor.NAME_PROPERTY + "="
        + CorrectedLinearDual.NAME)
public final class CorrectedLinearDual implements DualConstructor {
    static final String NAME = "corrected-linear";
    static final int DEFAULT_DOUBLINGS = 40;
    /** The backend's optimality tolerance on a correction, relative, which the certificate carries. */
    static final double TOLERANCE = 1e-6;

    public CorrectedLinearDual() {
        // a DS component and a ServiceLoader provider
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "corrected linear dual (Klabjan's generator functions): α·d minus an integer correction on the"
                + " columns with negative reduced cost, α raised until strong at b (Guzelsoy-Ralphs 4.2)";
    }

    @Override
    public Set<Capability> needs() {
        return EnumSet.of(Capability.INTEGER_VARIABLES);
    }

    @Override
    public Certificate.Kind certifies() {
        return Certificate.Kind.SUBADDITIVE_DUAL_FEASIBLE;
    }

    @Override
    public String appliesTo() {
        return "pure integer programs with equality rows (or ≤ rows that do not vary), A ≥ 0 integral, b ≥ 0 integral";
    }

    @Override
    public Set<String> options() {
        return Set.of("alpha", "doublings");
    }

    @Override
    public DualResult construct(MilpModel model, DualRequest request) {
        long start = System.nanoTime();
        Optional<DualResult> refused = Constructions.refused(this, model, request, start);
        if (refused.isPresent()) {
            return refused.get();
        }
        BigFraction fixedM = null;
        int doublings;
        try {
            String a = request.options().get("alpha");
            if (a != null) {
                double x = Double.parseDouble(a.strip());
                if (!Double.isFinite(x)) {
                    throw new NumberFormatException();
                }
                fixedM = Rationals.of(x);
            }
            String dbl = request.options().getOrDefault("doublings", String.valueOf(DEFAULT_DOUBLINGS)).strip();
            doublings = Integer.parseInt(dbl);
            if (doublings < 1 || doublings > 200) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            return DualResult.notApplicable(NAME, "option alpha must be a finite number and doublings an integer in"
                    + " [1, 200], got " + request.options(), Constructions.since(start));
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
        Corrections corrections = new Corrections(form, request.backend(), request.params(), start);
        int m = form.rowCount();
        List<BigFraction[]> candidates = new ArrayList<>();
        String target = "";
        double z = Double.NaN;
        if (fixedM != null) {
            candidates.add(constant(m, fixedM));
        } else {
            BigFraction[] u = lpDual(form, bStd, request, start);
            candidates.add(u);
            SolveResult r = request.backend().solve(form.toModel(model.name() + "_std",
                    Arrays.stream(bStd).mapToDouble(BigFraction::doubleValue).toArray()),
                    Constructions.remaining(request.params(), start));
            if (r.status() == SolveStatus.OPTIMAL) {
                z = r.objective();
                target = "z(b) = " + CuttingPlaneDual.fmt(form.originalValue(z));
            } else if (r.status() == SolveStatus.INFEASIBLE) {
                z = Double.POSITIVE_INFINITY;
                target = "z(b) = +∞ (infeasible at b)";
            } else {
                target = "z(b) unknown (the backend ended " + r.status() + ")";
            }
            double maxU = Arrays.stream(u).mapToDouble(BigFraction::doubleValue).max().orElse(0);
            int p = (int) Math.floor(Math.log(Math.max(1, maxU)) / Math.log(2)) + 1;
            double maxC = 0;
            for (int j = 0; j < form.columnCount(); j++) {
                maxC = Math.max(maxC, Math.abs(form.cost(j)));
            }
            double oneB = Arrays.stream(bStd).mapToDouble(BigFraction::doubleValue).sum();
            double enough = 2 * maxC * oneB + 1;
            for (int q = 0; q < doublings; q++) {
                BigFraction mm = BigFraction.of(BigInteger.ONE.shiftLeft(p + q));
                candidates.add(constant(m, mm));
                if (mm.doubleValue() > enough) {
                    break;
                }
            }
        }
        BigFraction[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        int tried = 0;
        for (BigFraction[] alpha : candidates) {
            if (Constructions.outOfTime(request.params(), start) && best != null) {
                break;
            }
            tried++;
            double v = corrections.value(alpha, bStd);
            if (best == null || v > bestValue) {
                best = alpha;
                bestValue = v;
            }
            if (fixedM == null && !Double.isNaN(z) && v >= z - TOLERANCE * Math.max(1, Math.abs(z))) {
                break;
            }
        }
        String evidence = "F_α(d) = α·d − max{Σ_E (α·a_j − c_j)x_j : Σ_E a_j x_j ≤ d, x ∈ Z₊} with α = "
                + Arrays.toString(best) + ", E = " + corrections.exceptional(best)
                + ": F(0) = 0, F(a_j) ≤ c_j (x = e_j in the correction for j ∈ E, α·a_j ≤ c_j otherwise), subadditive"
                + " because the correction is superadditive (notes §4.2); each correction solved on "
                + request.backend().info().name() + ", its bound used, so values are low by at most its optimality"
                + " tolerance";
        CorrectedLinearFunction f = new CorrectedLinearFunction(form, best, corrections,
                StandardFormFunction.certificate(form, TOLERANCE, evidence));
        double valueAtB = form.originalValue(bestValue);
        boolean strong = !Double.isNaN(z) && bestValue >= z - TOLERANCE * Math.max(1, Math.abs(z));
        String message = fixedM != null ? "α = " + fixedM + "·1 as asked; F(b) = " + CuttingPlaneDual.fmt(valueAtB)
                : (strong ? "strong at b: F(b) = " + target : "F(b) = " + CuttingPlaneDual.fmt(valueAtB) + ", below "
                        + target) + "; α = " + Arrays.toString(best) + " after " + tried + " candidate"
                        + (tried == 1 ? "" : "s") + " (the LP dual, then M·1 for M = 2, 4, ...)";
        return DualResult.built(NAME, f, valueAtB, message, Constructions.since(start));
    }

    private static BigFraction[] constant(int m, BigFraction value) {
        BigFraction[] a = new BigFraction[m];
        Arrays.fill(a, value);
        return a;
    }

    /**
     * An optimal LP dual u at b, exact when the standard form fits the exact simplex, else the
     * backend's duals, else 0; only a starting point for the search.
     */
    private static BigFraction[] lpDual(StandardForm form, BigFraction[] b, DualRequest request, long start) {
        int m = form.rowCount();
        int n = form.columnCount();
        if (m <= ExactSimplex.MAX_ROWS && n <= ExactSimplex.MAX_COLUMNS) {
            BigFraction[][] a = new BigFraction[m][n];
            BigFraction[] c = new BigFraction[n];
            for (int j = 0; j < n; j++) {
                BigFraction[] col = Rationals.of(form.column(j));
                for (int i = 0; i < m; i++) {
                    a[i][j] = col[i];
                }
                c[j] = Rationals.of(form.cost(j));
            }
            try {
                ExactSimplex.Solution s = ExactSimplex.solve(a, b, c,
                        request.params().timeLimit().map(l -> start + l.toNanos()).orElse(Long.MAX_VALUE));
                if (s.optimal()) {
                    return s.duals();
                }
            } catch (ExactSimplex.TimeUp e) {
                // fall through to the backend
            }
        }
        SolveResult r = request.backend().solve(form.toModel("lp", Arrays.stream(b).mapToDouble(BigFraction::doubleValue)
                .toArray()).relaxation(), Constructions.remaining(request.params(), start));
        if (r.status() == SolveStatus.OPTIMAL && r.rowDuals() != null) {
            return Rationals.of(r.rowDuals());
        }
        return Rationals.zeros(m);
    }

    /** The correction IPs on the backend, cached by α and ⌊d⌋. */
    static final class Corrections {
        private static final int CACHE = 4096;
        private final StandardForm form;
        private final MilpSolver backend;
        private final SolveParams params;
        private final long start;
        private final BigFraction[][] columns;
        private final BigFraction[] costs;
        private final Map<String, Double> cache = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Double> eldest) {
                return size() > CACHE;
            }
        };

        Corrections(StandardForm form, MilpSolver backend, SolveParams params, long start) {
            this.form = form;
            this.backend = backend;
            this.params = params;
            this.start = start;
            this.columns = new BigFraction[form.columnCount()][];
            this.costs = new BigFraction[form.columnCount()];
            for (int j = 0; j < columns.length; j++) {
                columns[j] = Rationals.of(form.column(j));
                costs[j] = Rationals.of(form.cost(j));
            }
        }

        /** E(α) = { j : α·a_j &gt; c_j }. */
        List<Integer> exceptional(BigFraction[] alpha) {
            List<Integer> e = new ArrayList<>();
            for (int j = 0; j < columns.length; j++) {
                if (Rationals.compare(Rationals.dot(alpha, columns[j]), costs[j]) > 0) {
                    e.add(j);
                }
            }
            return e;
        }

        /** F_α(d): +∞ for d with a negative coordinate, −∞ when the backend gives no bound on the correction. */
        double value(BigFraction[] alpha, BigFraction[] d) {
            long[] floor = new long[d.length];
            for (int i = 0; i < d.length; i++) {
                if (d[i].signum() < 0) {
                    return Double.POSITIVE_INFINITY;
                }
                floor[i] = Rationals.floor(d[i]).longValueExact();
            }
            double correction = correction(alpha, floor);
            if (Double.isNaN(correction)) {
                return Double.NEGATIVE_INFINITY;
            }
            return Rationals.dot(alpha, d).doubleValue() - correction;
        }

        /** max Σ_E (α·a_j − c_j) x_j s.t. Σ_E a_j x_j ≤ floor, x ∈ Z₊; an upper bound on it; NaN when unknown. */
        synchronized double correction(BigFraction[] alpha, long[] floor) {
            String key = Arrays.toString(alpha) + Arrays.toString(floor);
            Double cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
            List<Integer> e = exceptional(alpha);
            double result;
            if (e.isEmpty()) {
                result = 0;
            } else {
                result = solve(alpha, e, floor);
            }
            if (!Double.isNaN(result)) {
                cache.put(key, result);
            }
            return result;
        }

        private double solve(BigFraction[] alpha, List<Integer> e, long[] floor) {
            int m = floor.length;
            MilpModel.Builder b = MilpModel.builder("klabjan_correction").sense(Sense.MAXIMIZE);
            BigFraction[] gain = new BigFraction[e.size()];
            for (int q = 0; q < e.size(); q++) {
                int j = e.get(q);
                long cap = Long.MAX_VALUE;
                for (int i = 0; i < m; i++) {
                    if (columns[j][i].signum() > 0) {
                        cap = Math.min(cap, floor[i] / columns[j][i].longValue());
                    }
                }
                b.integer("x" + j, 0, cap);
                gain[q] = Rationals.dot(alpha, columns[j]).subtract(costs[j]);
                b.objective(q, gain[q].doubleValue());
            }
            for (int i = 0; i < m; i++) {
                List<Integer> cols = new ArrayList<>();
                List<Double> vals = new ArrayList<>();
                for (int q = 0; q < e.size(); q++) {
                    BigFraction a = columns[e.get(q)][i];
                    if (!a.isZero()) {
                        cols.add(q);
                        vals.add(a.doubleValue());
                    }
                }
                if (!cols.isEmpty()) {
                    b.addRow("r" + i, Double.NEGATIVE_INFINITY, floor[i], cols.stream().mapToInt(Integer::intValue)
                            .toArray(), vals.stream().mapToDouble(Double::doubleValue).toArray());
                }
            }
            SolveParams p = Constructions.remaining(params, start);
            if (backend.info().supports(Capability.RELATIVE_GAP)) {
                p = p.withRelativeGap(0);
            }
            SolveResult r = backend.solve(b.build(), p);
            double bound = r.dualBound();
            if (r.status() == SolveStatus.OPTIMAL && r.hasSolution()) {
                // the exact objective of the returned integer point, when the bound confirms it
                BigFraction exact = BigFraction.ZERO;
                double[] x = r.values();
                for (int q = 0; q < gain.length; q++) {
                    exact = exact.add(gain[q].multiply(Math.round(x[q])));
                }
                double ex = exact.doubleValue();
                double slack = TOLERANCE * Math.max(1, Math.abs(ex));
                if (Double.isNaN(bound) || bound <= ex + slack) {
                    return ex;
                }
                return bound;
            }
            return Double.isFinite(bound) ? bound : Double.NaN;
        }
    }

    /** F_α over the standard rows. */
    static final class CorrectedLinearFunction extends StandardFormFunction {
        private final BigFraction[] alpha;
        private final Corrections corrections;

        CorrectedLinearFunction(StandardForm form, BigFraction[] alpha, Corrections corrections, Certificate certificate) {
            super(form, certificate);
            this.alpha = alpha.clone();
            this.corrections = corrections;
        }

        BigFraction[] alpha() {
            return alpha.clone();
        }

        @Override
        double standardValue(BigFraction[] d) {
            return corrections.value(alpha, d);
        }

        @Override
        double standardUpperDerivative(BigFraction[] h) {
            for (BigFraction x : h) {
                if (x.signum() < 0) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            // for small δ, ⌊δh⌋ = 0 and the correction vanishes (every column is a nonzero integer vector)
            return Rationals.dot(alpha, h).doubleValue();
        }

        @Override
        List<double[]> standardField(BigFraction[] d) {
            return List.of(Arrays.stream(alpha).mapToDouble(BigFraction::doubleValue).toArray());
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "corrected linear dual: α = %s, E = %s (correction IP on the backend per"
                    + " evaluation)", Arrays.toString(alpha), corrections.exceptional(alpha));
        }
    }
}
