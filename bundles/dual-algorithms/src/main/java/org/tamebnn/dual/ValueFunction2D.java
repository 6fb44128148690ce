package org.tamebnn.dual;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.tamebnn.api.dual.AffinePiece;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.dual.DualFunction;
import org.tamebnn.api.dual.RightHandSide;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.dual.internal.RhsOracle;

/**
 * The value function z(d₁, d₂) of a MILP in TWO right-hand-side coordinates (rows r₁, r₂; the others
 * fixed) on a grid of [lo₁, hi₁] × [lo₂, hi₂], by one exact MILP solve per grid node (re-measured by
 * the LP of its optimal integer part, as in {@link ValueFunction1D}). Between nodes nothing is
 * claimed: z is piecewise linear in two dimensions with breakpoint curves this class does not trace;
 * for exact breakpoints along one grid line, {@link #alongFirst} and {@link #alongSecond} compute
 * the 1-D value function there ({@link ValueFunction1D}, notes §2). A maximisation is negated first.
 */
public final class ValueFunction2D {
    private final String modelName;
    private final int row1;
    private final int row2;
    private final double[] axis1;
    private final double[] axis2;
    private final double[][] values;
    private final MilpModel model;
    private final Duration time;
    private final String solverName;
    private final int solves;

    private ValueFunction2D(MilpModel model, int row1, int row2, double[] axis1, double[] axis2, double[][] values,
            Duration time, String solverName, int solves) {
        this.modelName = model.name();
        this.model = model;
        this.row1 = row1;
        this.row2 = row2;
        this.axis1 = axis1;
        this.axis2 = axis2;
        this.values = values;
        this.time = time;
        this.solverName = solverName;
        this.solves = solves;
    }

    /**
     * z on the grid {lo₁ + i(hi₁ − lo₁)/(n₁ − 1)} × {lo₂ + j(hi₂ − lo₂)/(n₂ − 1)}: n₁·n₂ MILP solves.
     *
     * @throws IllegalStateException when a solve ends without a proof or z is unbounded
     */
    public static ValueFunction2D compute(MilpModel model, int row1, int row2, double lo1, double hi1, int n1,
            double lo2, double hi2, int n2, MilpSolver solver, SolveParams params) {
        if (row1 == row2) {
            throw new IllegalArgumentException("two different rows are needed, got row " + row1 + " twice");
        }
        if (n1 < 2 || n2 < 2 || !(lo1 < hi1) || !(lo2 < hi2)) {
            throw new IllegalArgumentException("need lo < hi and at least 2 grid points per axis");
        }
        RightHandSide.varying(model, new int[] {row1, row2});
        long start = System.nanoTime();
        double[] a1 = grid(lo1, hi1, n1);
        double[] a2 = grid(lo2, hi2, n2);
        double[][] v = new double[n1][n2];
        int solves = 0;
        String name = solver.info().name();
        for (int i = 0; i < n1; i++) {
            // the first coordinate fixed, z along the second is a 1-D value function: the same oracle
            MilpModel at = RightHandSide.at(model, new int[] {row1}, new double[] {a1[i]});
            RhsOracle oracle = new RhsOracle(at, row2, solver, params);
            try {
                for (int j = 0; j < n2; j++) {
                    v[i][j] = oracle.solveAt(a2[j]).z();
                }
            } catch (RhsOracle.OracleException e) {
                throw new IllegalStateException("value function of '" + model.name() + "' at d₁ = " + a1[i] + ": "
                        + e.getMessage(), e);
            }
            solves += oracle.milpSolves() + oracle.lpSolves();
        }
        return new ValueFunction2D(model, row1, row2, a1, a2, v, Duration.ofNanos(System.nanoTime() - start), name,
                solves);
    }

    private static double[] grid(double lo, double hi, int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = i == n - 1 ? hi : lo + (hi - lo) * i / (n - 1);
        }
        return g;
    }

    public int[] rows() {
        return new int[] {row1, row2};
    }

    /** The grid values of d₁. */
    public double[] axis1() {
        return axis1.clone();
    }

    /** The grid values of d₂. */
    public double[] axis2() {
        return axis2.clone();
    }

    /** z(axis1[i], axis2[j]); +∞ where infeasible. */
    public double value(int i, int j) {
        return values[i][j];
    }

    /** A copy of the grid of values, [i][j] at (axis1[i], axis2[j]). */
    public double[][] values() {
        double[][] c = new double[values.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = values[i].clone();
        }
        return c;
    }

    /** The exact 1-D value function in d₁ on [lo₁, hi₁] with d₂ = axis2[j]. */
    public ValueFunction1D alongFirst(int j, MilpSolver solver) {
        MilpModel at = RightHandSide.at(model, new int[] {row2}, new double[] {axis2[j]});
        return ValueFunction1D.compute(at, row1, axis1[0], axis1[axis1.length - 1], solver);
    }

    /** The exact 1-D value function in d₂ on [lo₂, hi₂] with d₁ = axis1[i]. */
    public ValueFunction1D alongSecond(int i, MilpSolver solver) {
        MilpModel at = RightHandSide.at(model, new int[] {row1}, new double[] {axis1[i]});
        return ValueFunction1D.compute(at, row2, axis2[0], axis2[axis2.length - 1], solver);
    }

    /** Wall time of the grid solves. */
    public Duration time() {
        return time;
    }

    /** MILP plus LP solves. */
    public int solves() {
        return solves;
    }

    /**
     * The grid as a dual function of (d₁, d₂): z at a grid node, −∞ anywhere else (no bound is known
     * between nodes). Valid by construction (z bounds itself); not subadditive, and no conservative
     * field is known (empty).
     */
    public DualFunction asDualFunction() {
        return new GridFunction();
    }

    private final class GridFunction implements DualFunction {
        @Override
        public int[] rows() {
            return new int[] {row1, row2};
        }

        @Override
        public double value(double[] d) {
            int i = Arrays.binarySearch(axis1, d[0]);
            int j = Arrays.binarySearch(axis2, d[1]);
            return i >= 0 && j >= 0 ? values[i][j] : Double.NEGATIVE_INFINITY;
        }

        @Override
        public List<double[]> conservativeField(double[] d) {
            return List.of();
        }

        @Override
        public List<AffinePiece> pieces() {
            return List.of();
        }

        @Override
        public Certificate certificate() {
            return new Certificate(Certificate.Kind.VALID_BY_CONSTRUCTION, 1e-6,
                    "the value function itself at the " + axis1.length + "×" + axis2.length + " grid nodes (one exact"
                            + " MILP solve each on " + solverName + "), −∞ elsewhere");
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "value function of '%s' in rows %d, %d on a %d×%d grid of [%s, %s]×[%s, %s]",
                    modelName, row1, row2, axis1.length, axis2.length, ValueFunction1D.fmt(axis1[0]),
                    ValueFunction1D.fmt(axis1[axis1.length - 1]), ValueFunction1D.fmt(axis2[0]),
                    ValueFunction1D.fmt(axis2[axis2.length - 1]));
        }
    }

    @Override
    public String toString() {
        return "ValueFunction2D[" + modelName + ", rows " + row1 + ", " + row2 + ", " + axis1.length + "×"
                + axis2.length + " grid, " + solves + " solves on " + solverName + ", " + time.toMillis() + " ms]";
    }
}
