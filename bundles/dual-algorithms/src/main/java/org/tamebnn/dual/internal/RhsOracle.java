package org.tamebnn.dual.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.tamebnn.api.dual.RightHandSide;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.Row;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.api.milp.Variable;
import org.tamebnn.api.milp.VariableType;

/**
 * The solves behind an exact value function in one right-hand-side coordinate t (the row
 * {@code row} of a model; every other row keeps its right-hand side), on any MILP backend:
 *
 * <ul>
 * <li>z(t), the MILP at one right-hand side, with its optimal integer part x_I;</li>
 * <li>g_x(t) = c_I x_I + (the LP over the continuous columns with x_I fixed), a convex piecewise-linear
 * function of t whose lower envelope over all integer parts is z (notes §2 item 4);</li>
 * <li>the interval of t on which a fixed integer part is feasible (the domain of g_x, two LPs);</li>
 * <li>min over τ ∈ [p, q] of z(τ) − s·τ, as ONE MILP in which the right-hand side τ is a variable: the
 * certificate that z stays above a line on a whole interval, and where it dips below one if not.</li>
 * </ul>
 *
 * <p>The model is turned into a minimisation first (a maximisation's objective negated), so z is
 * always "min". The value includes the objective offset. Counts of MILP and LP solves are kept for
 * reporting.
 */
public final class RhsOracle {
    /** A solve the value function cannot use: a time limit, an error, an unbounded z. */
    public static final class OracleException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public OracleException(String message) {
            super(message);
        }
    }

    /** The integer columns' values of a solution, rounded: the key of one copy of z_C in the envelope. */
    public record IntegerPart(double[] values) {
        public IntegerPart {
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof IntegerPart p && Arrays.equals(p.values, values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }

    /** z at one right-hand side: +∞ (and no part) where the MILP is infeasible. */
    public record Point(double t, double z, IntegerPart part) {
        public boolean feasible() {
            return part != null;
        }
    }

    /**
     * The outcome of min over τ ∈ [p, q] of (c·x − slope·τ): infeasible on the whole interval, or
     * the minimum with its τ and the optimal integer part there.
     */
    public record Minimum(boolean feasible, double value, double t, IntegerPart part) {
    }

    private final MilpModel base;
    private final int row;
    private final int sense;
    private final MilpSolver solver;
    private final SolveParams params;
    private final int[] integerColumns;
    private final Map<IntegerPart, Map<Double, Double>> fixedValues = new HashMap<>();
    private int milpSolves;
    private int lpSolves;

    /**
     * @param model the MILP (any sense; a maximisation is negated so that z is a minimum)
     * @param row the row whose right-hand side varies (an equality or a one-sided row)
     * @param solver a backend with {@link Capability#INTEGER_VARIABLES}
     * @param params limits for each solve; a relative gap of 1e-9 is asked for where the backend
     *     honours one, because the default gaps (1e-4) would make "optimal" values inexact
     */
    public RhsOracle(MilpModel model, int row, MilpSolver solver, SolveParams params) {
        RightHandSide.varying(model, new int[] {row});
        if (!solver.info().supports(Capability.INTEGER_VARIABLES)) {
            throw new IllegalArgumentException("solver '" + solver.info().name()
                    + "' solves LPs only; an exact value function needs a MILP backend");
        }
        this.base = minimisation(model);
        this.row = row;
        this.sense = RightHandSide.monotonicity(model, row);
        this.solver = solver;
        this.params = solver.info().supports(Capability.RELATIVE_GAP) && params.relativeGap().isEmpty()
                ? params.withRelativeGap(1e-9)
                : params;
        this.integerColumns = java.util.stream.IntStream.range(0, model.variableCount())
                .filter(j -> model.variable(j).isInteger()).toArray();
    }

    private static MilpModel minimisation(MilpModel model) {
        if (model.sense() == Sense.MINIMIZE) {
            return model;
        }
        MilpModel.Builder b = model.toBuilder(model.name());
        for (int j = 0; j < model.variableCount(); j++) {
            b.objective(j, -model.objectiveCoefficient(j));
        }
        return b.objectiveOffset(-model.objectiveOffset()).sense(Sense.MINIMIZE).build();
    }

    public int milpSolves() {
        return milpSolves;
    }

    public int lpSolves() {
        return lpSolves;
    }

    public String solverName() {
        return solver.info().name();
    }

    /** The model's right-hand side of the varying row. */
    public double ownRightHandSide() {
        return RightHandSide.of(base, new int[] {row})[0];
    }

    /**
     * z(t) and an optimal integer part, by one MILP solve, the value then re-measured by the LP of
     * that part: a MILP's objective is only as exact as its feasibility tolerance (HiGHS returned
     * 0.999999 for z(½) = 1 on the running example), the LP's vertex is exact. The LP's value is
     * kept when it is finite and agrees to 1e-4 relative (else the MILP's).
     */
    public Point solveAt(double t) {
        MilpModel at = RightHandSide.at(base, new int[] {row}, new double[] {t});
        SolveResult r = solve(at, true, "z(" + t + ")");
        if (r == null) {
            return new Point(t, Double.POSITIVE_INFINITY, null);
        }
        IntegerPart part = partOf(r.values());
        double milp = r.objective();
        double lp = valueWithPart(part, t);
        double value = Double.isFinite(lp) && Math.abs(lp - milp) <= 1e-4 * Math.max(1, Math.abs(milp)) ? lp : milp;
        remember(part, t, value);
        return new Point(t, value, part);
    }

    /** g_x(t): the part's cost plus the LP over the continuous columns at t; +∞ where infeasible. */
    public double valueWithPart(IntegerPart part, double t) {
        Map<Double, Double> cache = fixedValues.computeIfAbsent(part, p -> new HashMap<>());
        Double known = cache.get(t);
        if (known != null) {
            return known;
        }
        MilpModel at = RightHandSide.at(base, new int[] {row}, new double[] {t});
        SolveResult r = solve(fixed(at, part), false, "g_" + part + "(" + t + ")");
        double v = r == null ? Double.POSITIVE_INFINITY : r.objective();
        cache.put(t, v);
        return v;
    }

    /** Records a value of g_x known without a solve (z at a point where x is optimal). */
    public void remember(IntegerPart part, double t, double value) {
        fixedValues.computeIfAbsent(part, p -> new HashMap<>()).put(t, value);
    }

    /**
     * The τ ∈ [p, q] at which the integer part is feasible, an interval (a projection of a
     * polyhedron), as {min, max}; null when there is none.
     */
    public double[] domainOfPart(IntegerPart part, double p, double q) {
        MilpModel lower = fixed(parametric(p, q, 0, 1), part);
        SolveResult r = solve(lower, false, "left end of the domain of " + part);
        if (r == null) {
            return null;
        }
        double left = r.values()[base.variableCount()];
        MilpModel upper = fixed(parametric(p, q, 0, -1), part);
        SolveResult s = solve(upper, false, "right end of the domain of " + part);
        if (s == null) {
            return null;
        }
        double right = s.values()[base.variableCount()];
        return new double[] {Math.max(p, Math.min(left, q)), Math.max(p, Math.min(right, q))};
    }

    /**
     * min over τ ∈ [p, q] and x feasible at τ of c·x − slope·τ (one MILP with τ a variable): at its
     * minimiser, the integer part is optimal for z(τ) (else another x would do better at the same τ),
     * so the value is min over [p, q] of z(τ) − slope·τ.
     */
    public Minimum minimumMinusLine(double p, double q, double slope) {
        MilpModel m = parametric(p, q, 1, -slope);
        SolveResult r = solve(m, true, "min of z(τ) − " + slope + "·τ on [" + p + ", " + q + "]");
        if (r == null) {
            return new Minimum(false, Double.POSITIVE_INFINITY, Double.NaN, null);
        }
        double[] x = r.values();
        double tau = Math.max(p, Math.min(q, x[base.variableCount()]));
        return new Minimum(true, r.objective(), tau, partOf(x));
    }

    private IntegerPart partOf(double[] x) {
        double[] v = new double[integerColumns.length];
        for (int k = 0; k < v.length; k++) {
            // + 0.0 turns a -0.0 into 0.0, so that equal parts have equal keys
            v[k] = Math.rint(x[integerColumns[k]]) + 0.0;
        }
        return new IntegerPart(v);
    }

    /** The model with the integer columns fixed at {@code part}: an LP. */
    private MilpModel fixed(MilpModel m, IntegerPart part) {
        MilpModel.Builder b = m.toBuilder(m.name() + "_fixed");
        double[] v = part.values();
        for (int k = 0; k < integerColumns.length; k++) {
            b.variableBounds(integerColumns[k], v[k], v[k]);
        }
        return b.build().relaxation();
    }

    /**
     * The model with the varying row's right-hand side turned into a variable τ ∈ [p, q] (the last
     * column): a·x = τ, a·x ≥ τ or a·x ≤ τ by the row's sense, so that a feasible (x, τ) is a feasible
     * x at right-hand side τ. The objective is objectiveWeight·c·x + tauCost·τ.
     */
    private MilpModel parametric(double p, double q, double objectiveWeight, double tauCost) {
        MilpModel.Builder b = MilpModel.builder(base.name() + "_parametric");
        for (int j = 0; j < base.variableCount(); j++) {
            Variable v = base.variable(j);
            b.addVariable(v.name(), v.lower(), v.upper(), v.type());
            b.objective(j, objectiveWeight * base.objectiveCoefficient(j));
        }
        String tauName = "tau";
        while (base.variableIndex(tauName).isPresent()) {
            tauName = tauName + "_";
        }
        int tau = b.addVariable(tauName, p, q, VariableType.CONTINUOUS);
        b.objective(tau, tauCost);
        b.objectiveOffset(objectiveWeight * base.objectiveOffset());
        for (int i = 0; i < base.rowCount(); i++) {
            Row r = base.row(i);
            if (i != row) {
                b.addRow(r.name(), r.lower(), r.upper(), r.columns(), r.coefficients());
                continue;
            }
            int[] cols = Arrays.copyOf(r.columns(), r.size() + 1);
            double[] coef = Arrays.copyOf(r.coefficients(), r.size() + 1);
            cols[r.size()] = tau;
            coef[r.size()] = -1;
            double lo = sense >= 0 ? 0 : Double.NEGATIVE_INFINITY;
            double hi = sense <= 0 ? 0 : Double.POSITIVE_INFINITY;
            b.addRow(r.name(), lo, hi, cols, coef);
        }
        return b.build();
    }

    /** The optimal result, or null for a proven infeasibility; anything else is an {@link OracleException}. */
    private SolveResult solve(MilpModel m, boolean milp, String what) {
        if (milp) {
            milpSolves++;
        } else {
            lpSolves++;
        }
        SolveResult r = solver.solve(m, params);
        SolveStatus s = r.status();
        if (s == SolveStatus.OPTIMAL && r.hasSolution()) {
            return r;
        }
        if (s == SolveStatus.INFEASIBLE) {
            return null;
        }
        if (s == SolveStatus.INFEASIBLE_OR_UNBOUNDED) {
            // tell the two apart with the objective dropped: feasible then means unbounded
            MilpModel.Builder b = m.toBuilder(m.name() + "_feasibility");
            for (int j = 0; j < m.variableCount(); j++) {
                b.objective(j, 0);
            }
            SolveResult f = solver.solve(b.build(), params);
            if (f.status() == SolveStatus.INFEASIBLE || f.status() == SolveStatus.INFEASIBLE_OR_UNBOUNDED) {
                return null;
            }
            s = f.status() == SolveStatus.OPTIMAL ? SolveStatus.UNBOUNDED : f.status();
        }
        if (s == SolveStatus.UNBOUNDED) {
            throw new OracleException(what + " is unbounded (z = −∞): the value function is −∞ everywhere it is"
                    + " finite; it needs z(0) = 0, i.e. a feasible LP dual uA ≤ c (notes §2)");
        }
        throw new OracleException(what + " on " + solver.info().name() + " did not end with a proof: " + r);
    }
}
