package org.tamebnn.dual;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.tamebnn.api.dual.RightHandSide;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.VariableType;
import org.tamebnn.dual.internal.StandardFormComputation;

/**
 * A MILP in the form every dual construction is stated for (notes §1):
 *
 * <pre>
 *   z_std(d') = min { c'x' : A'x' = d', x'_j ∈ Z₊ (j ∈ I), x'_j ∈ R₊ (j ∈ C) }
 * </pre>
 *
 * with the map that turns a function F_std of the standard right-hand side d' into a function of
 * the right-hand side d of the model's varying rows ({@link RightHandSide}: the value of an
 * equality row, the finite side of a one-sided row).
 *
 * <h2>The transformation</h2>
 *
 * Each original variable x_j with bounds [l_j, u_j] becomes, with a shift s_j:
 * <ul>
 * <li>l_j finite: x_j = l_j + x'_j, s_j = l_j ({@link ColumnKind#VARIABLE}); if u_j is finite too, an
 * extra row x'_j + t_j = u_j − l_j with a bound slack t_j ≥ 0 ({@link RowKind#UPPER_BOUND},
 * {@link ColumnKind#BOUND_SLACK}), integer when x_j is;</li>
 * <li>l_j = −∞, u_j finite: x_j = u_j − x'_j, s_j = u_j ({@link ColumnKind#NEGATED_VARIABLE});</li>
 * <li>free: x_j = x⁺_j − x⁻_j, s_j = 0 ({@link ColumnKind#POSITIVE_PART}, {@link ColumnKind#NEGATIVE_PART});</li>
 * <li>fixed (l_j = u_j): no column, x_j = s_j = l_j.</li>
 * </ul>
 * Integer variables first have their bounds rounded inwards (⌈l⌉, ⌊u⌋), so that every shift of an
 * integer variable is an integer and x'_j stays integer.
 *
 * <p>Each model row a^i x ∈ [lo_i, hi_i] becomes, after the substitution (whose constant a^i·s moves
 * to the right-hand side):
 * <ul>
 * <li>equality: a'^i x' = b_i − a^i·s;</li>
 * <li>≥ b_i: a'^i x' − σ_i = b_i − a^i·s with a surplus column −e_i ({@link ColumnKind#SURPLUS});</li>
 * <li>≤ b_i: a'^i x' + σ_i = b_i − a^i·s with a slack column +e_i ({@link ColumnKind#SLACK});</li>
 * <li>ranged (only rows that do not vary can be ranged): two standard rows, one of each kind;</li>
 * <li>free (no finite side): dropped, it constrains nothing.</li>
 * </ul>
 * A slack or surplus is integer (notes §1) when the row does <em>not</em> vary, all its columns are
 * integer, its coefficients are integers and its standard right-hand side is an integer: then the
 * slack takes integer values only, and the dual class is stronger. On a varying row the slack stays
 * continuous, because its right-hand side d may be fractional: an integer slack would make the
 * standard form infeasible at such d where the model is not (x ≥ ½ with x integer is x ≥ 1, but
 * x − σ = ½ has no integer σ), so z_std would no longer be the model's value function there.
 *
 * <p>The objective is c'_j = ρ·c_j·(±1) with ρ = +1 for a minimisation and −1 for a maximisation,
 * so that z is always a minimum (the convention of {@link org.tamebnn.api.dual.DualFunction}), and
 * the constant κ = ρ·(c·s + offset) is what the shift and the model's offset add to every value.
 *
 * <h2>The map of right-hand sides and values</h2>
 *
 * Write v_k for the standard row of the k-th varying model row and A_v for those rows of the
 * original matrix. Then for every d,
 *
 * <pre>
 *   z(d) = z_std(D(d)) + κ,   D(d)_{v_k} = d_k − a^{v_k}·s,   D(d)_i = b'_i for every other standard row i
 * </pre>
 *
 * so a dual function F_std of the standard form (F_std ≤ z_std) gives the dual function
 *
 * <pre>
 *   F(d) = F_std(d − A_v s, b'_fixed) + κ
 * </pre>
 *
 * of the model ({@link #standardRhs}, {@link #originalValue}). F_std is a function of
 * <em>all</em> standard rows, the subadditive dual's (notes §3.1) conditions are conditions on
 * F_std with the standard columns, and only the varying coordinates of its argument move: the
 * rows that do not vary, the ranged rows' halves and the upper-bound rows keep their standard
 * right-hand side b'. The gradient of F in d is the gradient of F_std restricted to the varying
 * coordinates ({@link #varyingGradient}). When the map is the identity ({@link #isDirect}: every
 * standard row is a varying model row, in order, with no shift and κ = 0), F = F_std and F itself
 * is the object the subadditive dual speaks about.
 *
 * <p>Numbers are computed exactly in rationals (each double of the model read as the simplest
 * rational it rounds from) and kept as doubles; consumers needing exact values read them back the
 * same way.
 */
public final class StandardForm {

    /** Where a standard column comes from. */
    public enum ColumnKind {
        /** x'_j = x_j − l_j for an original variable with a finite lower bound. */
        VARIABLE,
        /** x'_j = u_j − x_j for an original variable with only an upper bound. */
        NEGATED_VARIABLE,
        /** x⁺_j of a free variable x_j = x⁺_j − x⁻_j. */
        POSITIVE_PART,
        /** x⁻_j of a free variable. */
        NEGATIVE_PART,
        /** The slack +e_i of a ≤ row (or of a ranged row's upper half). */
        SLACK,
        /** The surplus −e_i of a ≥ row (or of a ranged row's lower half). */
        SURPLUS,
        /** The slack t_j of an upper-bound row x'_j + t_j = u_j − l_j. */
        BOUND_SLACK
    }

    /** Where a standard row comes from. */
    public enum RowKind {
        EQUALITY,
        AT_LEAST,
        AT_MOST,
        /** The lower half (≥ lo) of a ranged row. */
        RANGE_LOWER,
        /** The upper half (≤ hi) of a ranged row. */
        RANGE_UPPER,
        /** x'_j + t_j = u_j − l_j of a variable with both bounds finite. */
        UPPER_BOUND
    }

    private final MilpModel model;
    private final int[] varyingRows;
    private final int objectiveSign;
    private final int m;
    private final int n;
    private final int[][] columnRows; // the rows of each column's non-zeros, increasing
    private final double[][] columnValues;
    private final int[][] rowColumns; // the columns of each row's non-zeros, increasing
    private final double[][] rowValues;
    private final double[] cost;
    private final boolean[] integer;
    private final ColumnKind[] columnKind;
    private final int[] columnOrigin;
    private final RowKind[] rowKind;
    private final int[] rowOrigin;
    private final double[] rhs;
    private final int[] varyingStandardRows;
    private final double[] shift;
    private final double constant;
    private final double[] variableShift;
    private final int[] positiveColumn;
    private final int[] negativeColumn;

    private StandardForm(MilpModel model, int[] varyingRows, StandardFormComputation c) {
        this.model = model;
        this.varyingRows = varyingRows;
        this.objectiveSign = c.rho;
        this.m = c.rowKind.length;
        this.n = c.columnKind.length;
        this.columnRows = c.columnRows;
        this.columnValues = c.columnValues;
        int[] perRow = new int[m];
        for (int j = 0; j < n; j++) {
            for (int i : columnRows[j]) {
                perRow[i]++;
            }
        }
        this.rowColumns = new int[m][];
        this.rowValues = new double[m][];
        for (int i = 0; i < m; i++) {
            rowColumns[i] = new int[perRow[i]];
            rowValues[i] = new double[perRow[i]];
            perRow[i] = 0;
        }
        for (int j = 0; j < n; j++) {
            for (int q = 0; q < columnRows[j].length; q++) {
                int i = columnRows[j][q];
                rowColumns[i][perRow[i]] = j;
                rowValues[i][perRow[i]] = columnValues[j][q];
                perRow[i]++;
            }
        }
        this.cost = c.cost;
        this.integer = c.integer;
        this.columnKind = c.columnKind;
        this.columnOrigin = c.columnOrigin;
        this.rowKind = c.rowKind;
        this.rowOrigin = c.rowOrigin;
        this.rhs = c.rhs;
        this.varyingStandardRows = c.varyingStandard;
        this.shift = c.shift;
        this.constant = c.kappa;
        this.variableShift = c.variableShift;
        this.positiveColumn = c.positiveColumn;
        this.negativeColumn = c.negativeColumn;
    }

    /**
     * The standard form of {@code model} with the rows {@code rows} varying (empty: every row), as
     * {@link RightHandSide#varying} chooses them.
     *
     * @throws IllegalArgumentException when a row cannot vary (ranged or free, see
     *     {@link RightHandSide}) or an integer variable has no integer value within its bounds (the
     *     model is then infeasible at every d and there is nothing to transform)
     */
    public static StandardForm of(MilpModel model, int... rows) {
        int[] varying = RightHandSide.varying(model, rows);
        return new StandardForm(model, varying, StandardFormComputation.of(model, varying));
    }

    public MilpModel model() {
        return model;
    }

    /** The model rows whose right-hand side is d, in d's order. */
    public int[] varyingRows() {
        return varyingRows.clone();
    }

    /** The number of varying rows, d's length. */
    public int dimension() {
        return varyingRows.length;
    }

    /** +1 when the model minimises, −1 when it maximises (its objective is negated here). */
    public int objectiveSign() {
        return objectiveSign;
    }

    /** The number of standard rows m'. */
    public int rowCount() {
        return m;
    }

    /** The number of standard columns n'. */
    public int columnCount() {
        return n;
    }

    public double coefficient(int i, int j) {
        int q = Arrays.binarySearch(columnRows[j], i);
        return q >= 0 ? columnValues[j][q] : 0.0;
    }

    /** The standard column a'_j over all standard rows (dense). */
    public double[] column(int j) {
        double[] a = new double[m];
        for (int q = 0; q < columnRows[j].length; q++) {
            a[columnRows[j][q]] = columnValues[j][q];
        }
        return a;
    }

    /** The rows of the non-zeros of column j, increasing (sparse form of {@link #column}). */
    public int[] columnRows(int j) {
        return columnRows[j].clone();
    }

    /** The non-zeros of column j, aligned with {@link #columnRows}. */
    public double[] columnValues(int j) {
        return columnValues[j].clone();
    }

    /** The standard column a'_j restricted to the varying rows, in d's order. */
    public double[] varyingColumn(int j) {
        double[] a = new double[varyingStandardRows.length];
        for (int k = 0; k < a.length; k++) {
            a[k] = coefficient(varyingStandardRows[k], j);
        }
        return a;
    }

    /** The standard cost c'_j (negated for a maximisation). */
    public double cost(int j) {
        return cost[j];
    }

    public double[] costs() {
        return cost.clone();
    }

    /** Whether x'_j must be integer (j ∈ I). */
    public boolean isInteger(int j) {
        return integer[j];
    }

    /** Whether every standard column is integer. */
    public boolean isPureInteger() {
        for (boolean b : integer) {
            if (!b) {
                return false;
            }
        }
        return true;
    }

    public ColumnKind columnKind(int j) {
        return columnKind[j];
    }

    /** The original variable of a variable column or bound slack, the model row of a slack or surplus. */
    public int columnOrigin(int j) {
        return columnOrigin[j];
    }

    public RowKind rowKind(int i) {
        return rowKind[i];
    }

    /** The model row of a standard row, or the variable of an upper-bound row. */
    public int rowOrigin(int i) {
        return rowOrigin[i];
    }

    /** The standard right-hand side b' at the model's own right-hand side. */
    public double[] rhs() {
        return rhs.clone();
    }

    /** The standard row v_k of each varying model row, in d's order. */
    public int[] varyingStandardRows() {
        return varyingStandardRows.clone();
    }

    /** A_v s: what the shift of the variables moves each varying coordinate by (d' = d − A_v s there). */
    public double[] shift() {
        return shift.clone();
    }

    /** κ = ρ·(c·s + offset), added to every value: z(d) = z_std(D(d)) + κ. */
    public double constant() {
        return constant;
    }

    /** D(d): the standard right-hand side at the model's varying right-hand side d (the other rows at b'). */
    public double[] standardRhs(double[] d) {
        checkDimension(d);
        double[] out = rhs.clone();
        for (int k = 0; k < d.length; k++) {
            out[varyingStandardRows[k]] = d[k] - shift[k];
        }
        return out;
    }

    /** A direction h of the varying coordinates as a standard direction: h on the varying rows, 0 elsewhere. */
    public double[] standardDirection(double[] h) {
        checkDimension(h);
        double[] out = new double[m];
        for (int k = 0; k < h.length; k++) {
            out[varyingStandardRows[k]] = h[k];
        }
        return out;
    }

    /** F(d) from F_std(D(d)): adds κ (and keeps ±∞). */
    public double originalValue(double standardValue) {
        return Double.isInfinite(standardValue) ? standardValue : standardValue + constant;
    }

    /** The gradient of F in d from a gradient of F_std: its varying coordinates. */
    public double[] varyingGradient(double[] standardGradient) {
        double[] g = new double[varyingStandardRows.length];
        for (int k = 0; k < g.length; k++) {
            g[k] = standardGradient[varyingStandardRows[k]];
        }
        return g;
    }

    /**
     * Whether F = F_std as functions of the same d: every standard row is a varying model row in
     * d's order, the shift vanishes and κ = 0. Then the subadditive-dual conditions on F_std are
     * conditions on F itself.
     */
    public boolean isDirect() {
        if (m != varyingStandardRows.length || constant != 0) {
            return false;
        }
        for (int k = 0; k < m; k++) {
            if (varyingStandardRows[k] != k || shift[k] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The model's point x from a standard point x' (slacks dropped). */
    public double[] originalPoint(double[] standardPoint) {
        if (standardPoint.length != n) {
            throw new IllegalArgumentException("a standard point has " + n + " values, not " + standardPoint.length);
        }
        double[] x = variableShift.clone();
        for (int j = 0; j < x.length; j++) {
            if (positiveColumn[j] >= 0) {
                x[j] += columnKind[positiveColumn[j]] == ColumnKind.NEGATED_VARIABLE ? -standardPoint[positiveColumn[j]]
                        : standardPoint[positiveColumn[j]];
            }
            if (negativeColumn[j] >= 0) {
                x[j] -= standardPoint[negativeColumn[j]];
            }
        }
        return x;
    }

    /**
     * The standard point x' of a model point x at the varying right-hand side d: variables
     * shifted, negated or split, slacks and surpluses as the rows leave them. Feasible for the
     * standard form at {@link #standardRhs D(d)} exactly when x is feasible for the model at d.
     */
    public double[] standardPoint(double[] x, double[] d) {
        if (x.length != model.variableCount()) {
            throw new IllegalArgumentException("a model point has " + model.variableCount() + " values, not " + x.length);
        }
        double[] at = standardRhs(d);
        double[] out = new double[n];
        for (int j = 0; j < x.length; j++) {
            double moved = x[j] - variableShift[j];
            if (positiveColumn[j] >= 0) {
                ColumnKind k = columnKind[positiveColumn[j]];
                out[positiveColumn[j]] = k == ColumnKind.NEGATED_VARIABLE ? -moved
                        : k == ColumnKind.POSITIVE_PART ? Math.max(moved, 0) : moved;
            }
            if (negativeColumn[j] >= 0) {
                out[negativeColumn[j]] = Math.max(-moved, 0);
            }
        }
        // each slack, surplus or bound slack closes its own row
        for (int j = 0; j < n; j++) {
            ColumnKind k = columnKind[j];
            if (k == ColumnKind.SLACK || k == ColumnKind.SURPLUS || k == ColumnKind.BOUND_SLACK) {
                int i = columnRows[j][0]; // a slack has one non-zero, in its own row
                double activity = 0;
                for (int q = 0; q < rowColumns[i].length; q++) {
                    if (rowColumns[i][q] != j) {
                        activity += rowValues[i][q] * out[rowColumns[i][q]];
                    }
                }
                out[j] = (at[i] - activity) / columnValues[j][0];
            }
        }
        return out;
    }

    /** The standard form as a model at its own right-hand side b': equality rows, every variable in [0, ∞). */
    public MilpModel toModel(String name) {
        return toModel(name, rhs);
    }

    /** The standard form as a model at the standard right-hand side {@code standardRhs}. */
    public MilpModel toModel(String name, double[] standardRhs) {
        if (standardRhs.length != m) {
            throw new IllegalArgumentException("a standard right-hand side has " + m + " values, not "
                    + standardRhs.length);
        }
        MilpModel.Builder b = MilpModel.builder(name);
        Set<String> used = new HashSet<>();
        for (int j = 0; j < n; j++) {
            b.addVariable(unique(columnName(j), used), 0, Double.POSITIVE_INFINITY,
                    integer[j] ? VariableType.INTEGER : VariableType.CONTINUOUS);
            b.objective(j, cost[j]);
        }
        for (int i = 0; i < m; i++) {
            b.addRow(unique(rowName(i), used), standardRhs[i], standardRhs[i], rowColumns[i], rowValues[i]);
        }
        return b.build();
    }

    /** One line: sizes and what the transformation did. */
    public String describe() {
        long slacks = Arrays.stream(columnKind).filter(k -> k == ColumnKind.SLACK || k == ColumnKind.SURPLUS).count();
        long bounds = Arrays.stream(rowKind).filter(k -> k == RowKind.UPPER_BOUND).count();
        long integerSlacks = 0;
        for (int j = 0; j < n; j++) {
            if (integer[j] && (columnKind[j] == ColumnKind.SLACK || columnKind[j] == ColumnKind.SURPLUS)) {
                integerSlacks++;
            }
        }
        return String.format(Locale.ROOT,
                "standard form of %s: %d rows (%d varying, %d upper-bound rows), %d columns (%d integer; %d slacks,"
                        + " %d of them integer), κ = %s%s",
                model.name(), m, varyingStandardRows.length, bounds, n, countIntegers(), slacks, integerSlacks,
                constant, isDirect() ? ", the identity map" : "");
    }

    @Override
    public String toString() {
        return describe();
    }

    private int countIntegers() {
        int c = 0;
        for (boolean b : integer) {
            if (b) {
                c++;
            }
        }
        return c;
    }

    private String columnName(int j) {
        int o = columnOrigin[j];
        return switch (columnKind[j]) {
            case VARIABLE -> model.variable(o).name();
            case NEGATED_VARIABLE -> model.variable(o).name() + "_neg";
            case POSITIVE_PART -> model.variable(o).name() + "_plus";
            case NEGATIVE_PART -> model.variable(o).name() + "_minus";
            case SLACK -> model.row(o).name() + "_slack";
            case SURPLUS -> model.row(o).name() + "_surplus";
            case BOUND_SLACK -> model.variable(o).name() + "_ubslack";
        };
    }

    private String rowName(int i) {
        int o = rowOrigin[i];
        return switch (rowKind[i]) {
            case EQUALITY, AT_LEAST, AT_MOST -> model.row(o).name();
            case RANGE_LOWER -> model.row(o).name() + "_lo";
            case RANGE_UPPER -> model.row(o).name() + "_hi";
            case UPPER_BOUND -> model.variable(o).name() + "_ub";
        };
    }

    private static String unique(String name, Set<String> used) {
        String s = name;
        for (int k = 2; !used.add(s); k++) {
            s = name + "#" + k;
        }
        return s;
    }

    private void checkDimension(double[] d) {
        if (d.length != varyingStandardRows.length) {
            throw new IllegalArgumentException(varyingStandardRows.length + " varying rows but a vector of "
                    + d.length);
        }
    }
}
