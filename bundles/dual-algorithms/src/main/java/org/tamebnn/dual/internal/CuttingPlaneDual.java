package org.tamebnn.dual.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
import org.tamebnn.dual.StandardForm;

/**
 * The cutting-plane dual (notes §4.1): Gomory cuts generated from an exact simplex tableau of the
 * standard form (notes §1), each kept with its derivation so that it is a function of the
 * right-hand side, and the final LP's dual combining them.
 *
 * <h2>Cuts as functions</h2>
 *
 * Cut k is the inequality Σ_{j∈I} F_k(a_j) x_j + Σ_{j∈C} F̄_k(a_j) x_j ≥ F_k(d), added to the LP as
 * a row with a surplus column −e_k, where F_k is defined from multipliers λ⁰ on the standard rows
 * and λ_i, μ_i on the earlier cuts:
 *
 * <pre>
 *   t_k(d)  = λ⁰·d + Σ_{i&lt;k} λ_i F_i(d)
 *   F_k(d)  = ⌈t_k(d)⌉                                   (fractional cut, pure integer)
 *   F_k(d)  = G_f(t_k(d)) + Σ_{i&lt;k} μ_i F_i(d)          (GMI cut, f ∈ (0, 1))
 *   G_f(t)  = ⌊t⌋ + min(frac(t)/f, 1),   Ḡ_f(t) = max(t, 0)/f
 * </pre>
 *
 * <ul>
 * <li><b>Fractional (Chvátal–Gomory) cuts</b>, used when every standard column is integer: from the
 * row β of B⁻¹ of a basic integer variable with a fractional value, λ = frac(−β) componentwise, so
 * λ_i ∈ [0, 1) on earlier cuts and F_k is subadditive (notes §4.1). On standard rows whose
 * coefficients are not integers the rounding is taken in the row scaled to integers (multiplier
 * L_i·frac(−β_i/L_i), L_i the row's denominator lcm), which is what makes the cut equal to the
 * textbook tableau cut Σ frac(ā_rj) x_j ≥ frac(b̄_r): the surplus of every such cut is then an
 * integer variable too, and may itself source a later cut.</li>
 * <li><b>Gomory mixed-integer cuts</b>, used otherwise: λ = β, f = frac(b̄_r) (notes §4.1). The
 * tableau's GMI cut also has the coefficient Ḡ_f(−β_i) = max(−β_i, 0)/f on the surplus s_i of each
 * earlier cut; substituting s_i = (cut i's row) − F_i(d) turns it into a cut on x alone with
 * μ_i = max(−β_i, 0)/f. The notes' form requires λ_i ≥ 0 on earlier cuts, which GMI's λ = β need
 * not satisfy; the μ term restores subadditivity: with p = λ⁰·d + Σ λ_i⁺F_i and q = Σ λ_i⁻F_i, F_k
 * = φ(p, q) for φ(p, q) = G_f(p − q) + q/f, which is nondecreasing in both arguments (G_f is
 * nondecreasing with slopes 0 and 1/f) and subadditive (G_f is), and p, q are subadditive, so F_k is
 * subadditive with F_k(0) = 0. Its upper derivative is bounded by φ̄ = max(p̄, q̄)/f, which is
 * exactly the coefficient the tableau cut gives continuous columns, so that is the F̄_k used.</li>
 * </ul>
 *
 * Each cut is checked to be violated by the current LP point before it is kept (notes §4.1); a GMI
 * cut from a tableau row is always violated by 1 − f, the exact fractional cut by frac(b̄_r).
 *
 * <h2>The dual function</h2>
 *
 * With the final LP's exact duals v on the standard rows and w ≥ 0 on the cuts (w_k ≥ 0 is the dual
 * feasibility of the surplus column −e_k),
 *
 * <pre>
 *   F_CP(d) = v·d + Σ_k w_k F_k(d),    F̄_CP(h) = v·h + Σ_k w_k F̄_k(h)
 * </pre>
 *
 * and the final LP's dual feasibility is exactly F_CP(a_j) ≤ c_j (j ∈ I), F̄_CP(a_j) ≤ c_j (j ∈ C):
 * F_CP is feasible for the subadditive dual of the standard form, evaluable at any d by running the
 * recursion (no LP), exact in rationals. It is strong at b when the final LP optimum is integral:
 * F_CP(b) = LP value = z(b).
 *
 * <h2>Conservative field</h2>
 *
 * Away from the roundings' breakpoints F_CP is affine and its gradient is v + Σ w_k ∇F_k with
 * ∇F_k = s_k·(λ⁰ + Σ λ_i ∇F_i) + Σ μ_i ∇F_i, s_k the slope of the rounding at t_k (0 for a ceiling,
 * which is piecewise constant; 1/f or 0 for G_f). At a breakpoint (t_k within 1e-9 of an integer,
 * or of an integer plus f) the one-sided gradients are reported: the piece met moving along +e and
 * −e of each varying coordinate, each found by choosing at every breakpoint the side the move goes.
 *
 * <h2>Limits</h2>
 *
 * The exact simplex is for small problems: at most {@value #MAX_STANDARD_ROWS} standard rows and
 * {@value #MAX_STANDARD_COLUMNS} standard columns before cuts (larger models are not applicable; a
 * dense random 30 × 60 problem takes about 4 s). Cuts are added to the optimal tableau and
 * re-optimised by the dual simplex. Options: {@code rounds} (default {@value #DEFAULT_ROUNDS}) and
 * {@code cuts} (default {@value #DEFAULT_CUTS}, at most {@value #MAX_CUTS}) bound the loop;
 * {@code family} ({@code auto}, {@code fractional} or {@code gmi}; auto picks fractional cuts for
 * pure integer standard forms and GMI otherwise) the kind of cut; {@code maxDenominatorBits}
 * (default {@value #DEFAULT_DENOMINATOR_BITS}) skips cuts whose numbers would slow the exact
 * arithmetic down. The request's time limit bounds the whole construction (the function of the
 * last completed round is returned). The backend is not used.
 */
@Component(service = DualConstructor.class, property = DualConstructor.NAME_PROPERTY + "=" + CuttingPlaneDual.NAME)
public final class CuttingPlaneDual implements DualConstructor {
    static final String NAME = "gomory";
    static final int MAX_STANDARD_ROWS = ExactSimplex.MAX_ROWS;
    static final int MAX_STANDARD_COLUMNS = ExactSimplex.MAX_COLUMNS;
    static final int DEFAULT_ROUNDS = 10;
    static final int DEFAULT_CUTS = 30;
    static final int MAX_CUTS = 100;
    /**
     * By default, cuts whose row or right-hand side needs a denominator longer than this many bits
     * are skipped (option {@code maxDenominatorBits}): they are valid, but each one makes every
     * later pivot of the exact simplex slower, and chains of GMI cuts grow their denominators fast
     * (measured: without a bound, a 10-row problem's fifth round took 11 s per LP).
     */
    static final int DEFAULT_DENOMINATOR_BITS = 64;
    /** How close t_k must be to a breakpoint of its rounding for both sides to count as active. */
    static final double BREAKPOINT_TOLERANCE = 1e-9;

    public CuttingPlaneDual() {
        // a DS component and a ServiceLoader provider
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "cutting-plane dual: Gomory fractional or GMI cuts from an exact simplex, as Chvátal/Gomory functions"
                + " of the right-hand side combined by the final LP dual (Guzelsoy-Ralphs 4.1)";
    }

    @Override
    public Set<Capability> needs() {
        // its LPs are solved by its own exact simplex; the backend is not used
        return Set.of();
    }

    @Override
    public Certificate.Kind certifies() {
        return Certificate.Kind.SUBADDITIVE_DUAL_FEASIBLE;
    }

    @Override
    public String appliesTo() {
        return "small MILPs (standard form of at most " + MAX_STANDARD_ROWS + " rows and " + MAX_STANDARD_COLUMNS
                + " columns) whose LP relaxation at b has an optimum; any row senses and bounds";
    }

    @Override
    public Set<String> options() {
        return Set.of("rounds", "cuts", "family", "maxDenominatorBits");
    }

    enum Family {
        AUTO,
        FRACTIONAL,
        GMI
    }

    @Override
    public DualResult construct(MilpModel model, DualRequest request) {
        long start = System.nanoTime();
        Optional<DualResult> refused = Constructions.refused(this, model, request, start);
        if (refused.isPresent()) {
            return refused.get();
        }
        int[] rows = Constructions.rows(model, request);
        double[] b = Constructions.at(model, request, rows);
        CutRun run = cutRun(model, request, start, rows, b);
        if (run.failure != null) {
            return DualResult.notApplicable(NAME, run.failure, Constructions.since(start));
        }
        StandardForm form = run.form;
        boolean fractional = run.fractional;
        Outcome out = run.outcome;
        String kind = fractional ? "fractional" : "GMI";
        String summary = out.cuts.size() + " " + kind + " cut" + (out.cuts.size() == 1 ? "" : "s") + " in "
                + out.rounds + " round" + (out.rounds == 1 ? "" : "s");
        String evidence = "exact rational LP dual (v, w ≥ 0) of the final LP with " + summary
                + ": c_j − F(a_j) ≥ 0 on every integer standard column and c_j − F̄(a_j) ≥ 0 on every continuous one,"
                + " exactly (they are the final LP's reduced costs); each cut function is a Chvátal/Gomory function"
                + " with F_k(0) = 0, subadditive (notes §4.1), combined with weights w ≥ 0";
        GomoryFunction f = new GomoryFunction(form, out.cuts, out.v, out.w,
                StandardFormFunction.certificate(form, 1e-9, evidence), fractional, summary, out.integral);
        double valueAtB = f.value(b);
        String message = out.integral
                ? String.format(Locale.ROOT, "strong at b: the final LP optimum is integral, so F(b) = z(b) = %s (%s)",
                        fmt(valueAtB), summary)
                : String.format(Locale.ROOT, "F(b) = %s is the final LP bound, not proven equal to z(b): %s (%s)",
                        fmt(valueAtB), out.stop, summary);
        return DualResult.built(NAME, f, valueAtB, message, Constructions.since(start));
    }

    /** The standard form, the kind of cut and the loop's outcome at b; or why there are none. */
    static final class CutRun {
        String failure;
        StandardForm form;
        boolean fractional;
        Outcome outcome;
    }

    /**
     * The cut loop at b under the request's options {@code rounds}, {@code cuts}, {@code family} and
     * {@code maxDenominatorBits}, within its time limit: what this method and the branch-and-cut dual
     * build on.
     */
    static CutRun cutRun(MilpModel model, DualRequest request, long start, int[] rows, double[] b) {
        CutRun run = new CutRun();
        int rounds;
        int cuts;
        int bits;
        Family family;
        try {
            rounds = intOption(request, "rounds", DEFAULT_ROUNDS, 0, 1000);
            cuts = intOption(request, "cuts", DEFAULT_CUTS, 0, MAX_CUTS);
            bits = intOption(request, "maxDenominatorBits", DEFAULT_DENOMINATOR_BITS, 1, 100_000);
            String f = request.options().getOrDefault("family", "auto").strip().toUpperCase(Locale.ROOT);
            family = Family.valueOf(f);
        } catch (IllegalArgumentException e) {
            run.failure = e.getMessage().startsWith("No enum")
                    ? "option family must be auto, fractional or gmi, not '" + request.options().get("family") + "'"
                    : e.getMessage();
            return run;
        }
        try {
            run.form = StandardForm.of(model, rows);
        } catch (IllegalArgumentException e) {
            run.failure = e.getMessage();
            return run;
        }
        StandardForm form = run.form;
        if (form.rowCount() > MAX_STANDARD_ROWS || form.columnCount() > MAX_STANDARD_COLUMNS) {
            run.failure = "its standard form has " + form.rowCount() + " rows and " + form.columnCount()
                    + " columns; the exact simplex this method needs (no solver exposes cut derivations) takes at most "
                    + MAX_STANDARD_ROWS + " rows and " + MAX_STANDARD_COLUMNS + " columns";
            return run;
        }
        boolean pure = form.isPureInteger();
        if (family == Family.FRACTIONAL && !pure) {
            run.failure = "fractional cuts need every standard column integer; this standard form has continuous"
                    + " columns (use family=gmi or auto)";
            return run;
        }
        run.fractional = family == Family.FRACTIONAL || (family == Family.AUTO && pure);
        long deadline = request.params().timeLimit().map(l -> start + l.toNanos()).orElse(Long.MAX_VALUE);
        try {
            run.outcome = new Loop(form, run.fractional, deadline, bits).run(PureIntegerSetting.exactRhs(form, b),
                    rounds, cuts);
        } catch (ExactSimplex.TimeUp e) {
            run.failure = "the time limit passed before the first LP was solved";
            return run;
        }
        run.failure = run.outcome.failure;
        return run;
    }

    private static int intOption(DualRequest request, String name, int fallback, int min, int max) {
        String v = request.options().get(name);
        if (v == null) {
            return fallback;
        }
        int x;
        try {
            x = Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + " must be an integer, got '" + v + "'");
        }
        if (x < min || x > max) {
            throw new IllegalArgumentException("option " + name + " must be in [" + min + ", " + max + "], got " + x);
        }
        return x;
    }

    /** A value for a message: nine significant digits, trailing zeros dropped (1, 0.25, 147.619632). */
    static String fmt(double x) {
        if (!Double.isFinite(x)) {
            return Double.isNaN(x) ? "NaN" : x > 0 ? "+∞" : "−∞";
        }
        return new java.math.BigDecimal(x).round(new java.math.MathContext(9)).stripTrailingZeros().toPlainString();
    }

    /**
     * One cut's derivation: F_k(d) = round(λ⁰·d + Σ λ_i F_i(d)) + Σ μ_i F_i(d), with its LP row.
     *
     * @param gmi whether the rounding is G_f (else the ceiling)
     * @param f GMI's f = frac(b̄_r) (unused for a ceiling)
     * @param lambda0 multipliers on the standard rows
     * @param lambda multipliers on the earlier cuts (length k)
     * @param mu the GMI correction weights on the earlier cuts (zero for a ceiling)
     * @param coefficients the cut's row on the standard columns: F_k(a_j) on integer ones, F̄_k(a_j) on continuous ones
     * @param rhs F_k(b)
     * @param source where it came from, for the description
     */
    record Cut(boolean gmi, BigFraction f, BigFraction[] lambda0, BigFraction[] lambda, BigFraction[] mu,
            BigFraction[] coefficients, BigFraction rhs, String source) {
    }

    /** The cut functions' recursion, for values, upper derivatives and gradients. */
    static final class Chvatal {
        private Chvatal() {
        }

        /** t_k(d) for the new cut given the earlier values. */
        static BigFraction argument(Cut cut, BigFraction[] d, BigFraction[] earlier) {
            BigFraction t = Rationals.dot(cut.lambda0(), d);
            for (int i = 0; i < cut.lambda().length; i++) {
                if (!cut.lambda()[i].isZero()) {
                    t = t.add(cut.lambda()[i].multiply(earlier[i]));
                }
            }
            return t;
        }

        static BigFraction round(Cut cut, BigFraction t) {
            return cut.gmi() ? gomory(cut.f(), t) : BigFraction.of(Rationals.ceil(t));
        }

        /** G_f(t) = ⌊t⌋ + min(frac(t)/f, 1). */
        static BigFraction gomory(BigFraction f, BigFraction t) {
            BigInteger fl = Rationals.floor(t);
            BigFraction r = t.subtract(fl).divide(f);
            return BigFraction.of(fl).add(Rationals.min(r, BigFraction.ONE));
        }

        /** F_1(d), ..., F_K(d). */
        static BigFraction[] values(List<Cut> cuts, BigFraction[] d) {
            BigFraction[] out = new BigFraction[cuts.size()];
            for (int k = 0; k < out.length; k++) {
                out[k] = value(cuts.get(k), d, out);
            }
            return out;
        }

        static BigFraction value(Cut cut, BigFraction[] d, BigFraction[] earlier) {
            BigFraction v = round(cut, argument(cut, d, earlier));
            for (int i = 0; i < cut.mu().length; i++) {
                if (!cut.mu()[i].isZero()) {
                    v = v.add(cut.mu()[i].multiply(earlier[i]));
                }
            }
            return v;
        }

        /** F̄_1(h), ..., F̄_K(h); null stands for +∞. */
        static BigFraction[] upper(List<Cut> cuts, BigFraction[] h) {
            BigFraction[] out = new BigFraction[cuts.size()];
            for (int k = 0; k < out.length; k++) {
                out[k] = upper(cuts.get(k), h, out);
            }
            return out;
        }

        static BigFraction upper(Cut cut, BigFraction[] h, BigFraction[] earlier) {
            // p̄ = λ⁰·h + Σ λ_i⁺ F̄_i(h), q̄ = Σ λ_i⁻ F̄_i(h)
            BigFraction p = Rationals.dot(cut.lambda0(), h);
            BigFraction q = BigFraction.ZERO;
            boolean pInfinite = false;
            boolean qInfinite = false;
            for (int i = 0; i < cut.lambda().length; i++) {
                BigFraction l = cut.lambda()[i];
                if (l.isZero()) {
                    continue;
                }
                if (earlier[i] == null) {
                    if (l.signum() > 0) {
                        pInfinite = true;
                    } else {
                        qInfinite = true;
                    }
                } else if (l.signum() > 0) {
                    p = p.add(l.multiply(earlier[i]));
                } else {
                    q = q.subtract(l.multiply(earlier[i]));
                }
            }
            if (!cut.gmi()) {
                // limsup ⌈δt⌉/δ is +∞ for t > 0 and 0 for t ≤ 0
                return pInfinite || p.signum() > 0 ? null : BigFraction.ZERO;
            }
            if (pInfinite || qInfinite) {
                return null;
            }
            return Rationals.max(p, q).divide(cut.f());
        }

        /** The LP row of a cut on the standard columns. */
        static BigFraction[] coefficients(List<Cut> earlierCuts, Cut cut, BigFraction[][] columns, boolean[] integer) {
            BigFraction[] row = new BigFraction[columns.length];
            for (int j = 0; j < columns.length; j++) {
                if (integer[j]) {
                    row[j] = value(cut, columns[j], values(earlierCuts, columns[j]));
                } else {
                    BigFraction u = upper(cut, columns[j], upper(earlierCuts, columns[j]));
                    if (u == null) {
                        throw new IllegalStateException("a cut with an infinite coefficient on continuous column " + j);
                    }
                    row[j] = u;
                }
            }
            return row;
        }
    }

    /** The loop's result: the cuts, the final LP duals, or why there is no function. */
    static final class Outcome {
        String failure;
        List<Cut> cuts = List.of();
        BigFraction[] v;
        BigFraction[] w;
        boolean integral;
        int rounds;
        String stop = "";
    }

    /** The rounds: solve the LP with the cuts so far, read cuts off its tableau, repeat. */
    private static final class Loop {
        private final boolean fractional;
        private final long deadline;
        private final int m;
        private final int n;
        private final BigFraction[][] a;
        private final BigFraction[][] columns;
        private final BigFraction[] c;
        private final boolean[] integer;
        private final BigInteger[] rowScale;
        private final int maxBits;

        Loop(StandardForm form, boolean fractional, long deadline, int maxBits) {
            this.fractional = fractional;
            this.deadline = deadline;
            this.maxBits = maxBits;
            this.m = form.rowCount();
            this.n = form.columnCount();
            this.a = new BigFraction[m][n];
            this.columns = new BigFraction[n][];
            this.c = new BigFraction[n];
            this.integer = new boolean[n];
            for (int j = 0; j < n; j++) {
                columns[j] = Rationals.of(form.column(j));
                for (int i = 0; i < m; i++) {
                    a[i][j] = columns[j][i];
                }
                c[j] = Rationals.of(form.cost(j));
                integer[j] = form.isInteger(j);
            }
            this.rowScale = new BigInteger[m];
            for (int i = 0; i < m; i++) {
                rowScale[i] = Rationals.denominatorLcm(a[i]);
            }
        }

        Outcome run(BigFraction[] b, int maxRounds, int maxCuts) {
            Outcome out = new Outcome();
            List<Cut> cuts = new ArrayList<>();
            ExactSimplex simplex = ExactSimplex.start(a, b, c, deadline);
            if (simplex.status() == ExactSimplex.Status.INFEASIBLE) {
                out.failure = "the LP relaxation at b is infeasible (z(b) = +∞): there is no LP dual to start the cuts"
                        + " from";
                return out;
            }
            if (simplex.status() == ExactSimplex.Status.UNBOUNDED) {
                out.failure = "the LP relaxation at b is unbounded, so the subadditive dual is infeasible (or the MILP"
                        + " is unbounded): no dual function exists";
                return out;
            }
            ExactSimplex.Solution last = simplex.solution();
            List<Cut> lastCuts = List.copyOf(cuts);
            int round = 0;
            while (true) {
                List<Integer> candidates = fractionalRows(last);
                if (candidates.isEmpty()) {
                    out.integral = true;
                    break;
                }
                if (round >= maxRounds) {
                    out.stop = "the round limit (" + maxRounds + ") was reached";
                    break;
                }
                if (cuts.size() >= maxCuts) {
                    out.stop = "the cut limit (" + maxCuts + ") was reached";
                    break;
                }
                if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
                    out.stop = "the time limit was reached";
                    break;
                }
                int added = 0;
                int tooLarge = 0;
                for (int r : candidates) {
                    if (cuts.size() >= maxCuts) {
                        break;
                    }
                    Cut cut = derive(last, r, cuts, b, round + 1);
                    if (cut == null) {
                        continue;
                    }
                    if (denominatorBits(cut) > maxBits) {
                        tooLarge++;
                        continue;
                    }
                    cuts.add(cut);
                    added++;
                }
                if (added == 0) {
                    out.stop = tooLarge > 0 ? "every violated cut needed denominators above 2^" + maxBits
                            + " (skipped to keep the exact arithmetic fast; option maxDenominatorBits)"
                            : "no violated cut could be derived";
                    break;
                }
                round++;
                ExactSimplex.Status status;
                try {
                    for (int q = cuts.size() - added; q < cuts.size(); q++) {
                        Cut cut = cuts.get(q);
                        BigFraction[] g = Rationals.zeros(simplex.columns());
                        System.arraycopy(cut.coefficients(), 0, g, 0, n);
                        simplex.addRow(g, cut.rhs());
                    }
                    status = simplex.reoptimize();
                } catch (ExactSimplex.TimeUp e) {
                    out.stop = "the time limit was reached during round " + round;
                    round--;
                    break;
                }
                if (status != ExactSimplex.Status.OPTIMAL) {
                    // valid cuts made the LP infeasible: no integer point at b; keep the previous round's function
                    out.stop = "the cuts of round " + round + " made the LP infeasible, which proves z(b) = +∞; F is"
                            + " the previous round's";
                    round--;
                    break;
                }
                last = simplex.solution();
                lastCuts = List.copyOf(cuts);
            }
            out.cuts = lastCuts;
            out.rounds = round;
            out.v = Arrays.copyOf(last.duals(), m);
            out.w = Arrays.copyOfRange(last.duals(), m, m + lastCuts.size());
            return out;
        }

        /** The largest bit length of a denominator in the cut's row and right-hand side. */
        private static int denominatorBits(Cut cut) {
            int bits = cut.rhs().getDenominator().abs().bitLength();
            for (BigFraction x : cut.coefficients()) {
                bits = Math.max(bits, x.getDenominator().abs().bitLength());
            }
            return bits;
        }

        /**
         * The rows whose basic variable must be integer and is not, most fractional first: integer
         * standard columns, and with fractional cuts also the cuts' surpluses (integer then).
         */
        private List<Integer> fractionalRows(ExactSimplex.Solution lp) {
            List<Integer> rows = new ArrayList<>();
            int[] basis = lp.basis();
            for (int r = 0; r < basis.length; r++) {
                int j = basis[r];
                boolean mustBeInteger = j >= 0 && (j < n ? integer[j] : fractional);
                if (mustBeInteger && !Rationals.isInteger(lp.basicValues()[r])) {
                    rows.add(r);
                }
            }
            BigFraction half = BigFraction.of(1, 2);
            rows.sort(Comparator.<Integer, BigFraction>comparing(
                    r -> Rationals.frac(lp.basicValues()[r]).subtract(half).abs(), Rationals::compare)
                    .thenComparing(r -> r));
            return rows;
        }

        /** The cut of tableau row r, or null when it is not violated by the LP point. */
        private Cut derive(ExactSimplex.Solution lp, int r, List<Cut> cuts, BigFraction[] b, int round) {
            BigFraction[] beta = lp.basisInverse()[r];
            int k = cuts.size();
            BigFraction value = lp.basicValues()[r];
            BigFraction[] lambda0 = new BigFraction[m];
            BigFraction[] lambda = new BigFraction[k];
            BigFraction[] mu = Rationals.zeros(k);
            BigFraction f = Rationals.frac(value);
            // the LP's rows may include cuts derived after it was solved: only the first lpCuts count
            int lpCuts = beta.length - m;
            if (fractional) {
                for (int i = 0; i < m; i++) {
                    BigFraction scale = BigFraction.of(rowScale[i]);
                    lambda0[i] = Rationals.frac(beta[i].negate().divide(scale)).multiply(scale);
                }
                for (int i = 0; i < k; i++) {
                    lambda[i] = i < lpCuts ? Rationals.frac(beta[m + i].negate()) : BigFraction.ZERO;
                }
            } else {
                System.arraycopy(beta, 0, lambda0, 0, m);
                for (int i = 0; i < k; i++) {
                    lambda[i] = i < lpCuts ? beta[m + i] : BigFraction.ZERO;
                    if (lambda[i].signum() < 0) {
                        mu[i] = lambda[i].negate().divide(f);
                    }
                }
            }
            int basic = lp.basis()[r];
            String source = "round " + round + ", row of " + (basic < n ? "x'" + basic : "surplus of cut " + (basic - n + 1))
                    + " = " + value;
            Cut provisional = new Cut(!fractional, f, lambda0, lambda, mu, null, null, source);
            BigFraction[] coefficients = Chvatal.coefficients(cuts, provisional, columns, integer);
            BigFraction rhs = Chvatal.value(provisional, b, Chvatal.values(cuts, b));
            // violated at the LP point? Its x part is lp.x()[0..n)
            BigFraction lhs = BigFraction.ZERO;
            for (int j = 0; j < n; j++) {
                if (!lp.x()[j].isZero()) {
                    lhs = lhs.add(coefficients[j].multiply(lp.x()[j]));
                }
            }
            if (Rationals.compare(lhs, rhs) >= 0) {
                return null;
            }
            return new Cut(!fractional, f, lambda0, lambda, mu, coefficients, rhs, source);
        }
    }

    /** F_CP(d) = v·d + Σ w_k F_k(d) over the standard rows. */
    static final class GomoryFunction extends StandardFormFunction {
        private final List<Cut> cuts;
        private final BigFraction[] v;
        private final BigFraction[] w;
        private final boolean fractional;
        private final String summary;
        private final boolean integral;

        GomoryFunction(StandardForm form, List<Cut> cuts, BigFraction[] v, BigFraction[] w, Certificate certificate,
                boolean fractional, String summary, boolean integral) {
            super(form, certificate);
            this.cuts = List.copyOf(cuts);
            this.v = v;
            this.w = w;
            this.fractional = fractional;
            this.summary = summary;
            this.integral = integral;
        }

        List<Cut> cuts() {
            return cuts;
        }

        BigFraction[] v() {
            return v.clone();
        }

        BigFraction[] w() {
            return w.clone();
        }

        /** F_CP at an exact standard right-hand side, exactly. */
        BigFraction exactValue(BigFraction[] d) {
            BigFraction[] fk = Chvatal.values(cuts, d);
            BigFraction s = Rationals.dot(v, d);
            for (int k = 0; k < fk.length; k++) {
                if (!w[k].isZero()) {
                    s = s.add(w[k].multiply(fk[k]));
                }
            }
            return s;
        }

        @Override
        double standardValue(BigFraction[] standardRhs) {
            return exactValue(standardRhs).doubleValue();
        }

        @Override
        double standardUpperDerivative(BigFraction[] h) {
            BigFraction[] fk = Chvatal.upper(cuts, h);
            BigFraction s = Rationals.dot(v, h);
            for (int k = 0; k < fk.length; k++) {
                if (!w[k].isZero()) {
                    if (fk[k] == null) {
                        return Double.POSITIVE_INFINITY;
                    }
                    s = s.add(w[k].multiply(fk[k]));
                }
            }
            return s.doubleValue();
        }

        @Override
        List<double[]> standardField(BigFraction[] d) {
            int m = d.length;
            BigFraction[] t = new BigFraction[cuts.size()];
            BigFraction[] fk = new BigFraction[cuts.size()];
            for (int k = 0; k < t.length; k++) {
                t[k] = Chvatal.argument(cuts.get(k), d, fk);
                fk[k] = Chvatal.value(cuts.get(k), d, fk);
            }
            List<double[]> out = new ArrayList<>();
            for (int row : form.varyingStandardRows()) {
                for (int sign : new int[] { 1, -1 }) {
                    double[] g = gradient(t, row, sign, m);
                    if (out.stream().noneMatch(x -> Arrays.equals(x, g))) {
                        out.add(g);
                    }
                }
            }
            if (out.isEmpty()) {
                out.add(gradient(t, -1, 0, m));
            }
            return out;
        }

        /** The gradient of the piece met moving from d along sign·e_row (row −1: no direction). */
        private double[] gradient(BigFraction[] t, int row, int sign, int m) {
            BigFraction[][] g = new BigFraction[cuts.size()][];
            BigFraction[] total = v.clone();
            for (int k = 0; k < g.length; k++) {
                Cut cut = cuts.get(k);
                BigFraction[] gt = cut.lambda0().clone();
                for (int i = 0; i < k; i++) {
                    if (!cut.lambda()[i].isZero()) {
                        axpy(gt, cut.lambda()[i], g[i]);
                    }
                }
                int direction = row < 0 ? 0 : gt[row].signum() * sign;
                BigFraction slope = cut.gmi() ? gomorySlope(cut.f(), t[k], direction) : BigFraction.ZERO;
                BigFraction[] gk = Rationals.zeros(m);
                if (!slope.isZero()) {
                    axpy(gk, slope, gt);
                }
                for (int i = 0; i < k; i++) {
                    if (!cut.mu()[i].isZero()) {
                        axpy(gk, cut.mu()[i], g[i]);
                    }
                }
                g[k] = gk;
                if (!w[k].isZero()) {
                    axpy(total, w[k], gk);
                }
            }
            double[] out = new double[m];
            for (int i = 0; i < m; i++) {
                out[i] = total[i].doubleValue();
            }
            return out;
        }

        /**
         * G_f's slope at t on the side {@code direction} points to: 1/f on (n, n + f), 0 on
         * (n + f, n + 1); at a breakpoint the side moved into (the right one when not moving).
         */
        private static BigFraction gomorySlope(BigFraction f, BigFraction t, int direction) {
            BigFraction rise = f.reciprocal();
            BigFraction r = Rationals.frac(t);
            double tol = BREAKPOINT_TOLERANCE * Math.max(1, Math.abs(t.doubleValue()));
            double rd = r.doubleValue();
            if (rd <= tol || 1 - rd <= tol) {
                return direction < 0 ? BigFraction.ZERO : rise;
            }
            if (Math.abs(rd - f.doubleValue()) <= tol) {
                return direction < 0 ? rise : BigFraction.ZERO;
            }
            return Rationals.compare(r, f) < 0 ? rise : BigFraction.ZERO;
        }

        private static void axpy(BigFraction[] y, BigFraction alpha, BigFraction[] x) {
            for (int i = 0; i < y.length; i++) {
                if (!x[i].isZero()) {
                    y[i] = y[i].add(alpha.multiply(x[i]));
                }
            }
        }

        @Override
        public String describe() {
            return "cutting-plane dual (" + (fractional ? "fractional" : "GMI") + "): " + summary + ", "
                    + (integral ? "final LP integral" : "final LP fractional") + "; F(d) = v·d + Σ w_k F_k(d) with v = "
                    + Arrays.toString(v) + ", w = " + Arrays.toString(w);
        }
    }
}
