package org.tamebnn.api.milp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, solver-neutral mixed-integer linear program:
 * optimise {@code c·x + offset} subject to {@code lo_i ≤ a_i·x ≤ hi_i} for every row and
 * {@code l_j ≤ x_j ≤ u_j} for every variable, with some variables integer.
 *
 * <p>Built with {@link #builder(String)}, which validates as it goes, so every model that exists
 * is well formed: finite coefficients, consistent bounds, unique names.
 */
public final class MilpModel {
    private final String name;
    private final List<Variable> variables;
    private final List<Row> rows;
    private final double[] objective;
    private final double objectiveOffset;
    private final Sense sense;
    private final String objectiveName;
    private final Map<String, Integer> variableIndex;
    private final Map<String, Integer> rowIndex;

    private MilpModel(Builder b) {
        this.name = b.name;
        this.variables = List.copyOf(b.variables);
        this.rows = List.copyOf(b.rows);
        this.objective = new double[b.variables.size()];
        for (int j = 0; j < objective.length; j++) {
            objective[j] = j < b.objective.size() ? b.objective.get(j) : 0.0;
        }
        this.objectiveOffset = b.objectiveOffset;
        this.sense = b.sense;
        this.objectiveName = b.objectiveName;
        this.variableIndex = Map.copyOf(b.variableIndex);
        this.rowIndex = Map.copyOf(b.rowIndex);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public int variableCount() {
        return variables.size();
    }

    public int rowCount() {
        return rows.size();
    }

    public Variable variable(int j) {
        return variables.get(j);
    }

    public List<Variable> variables() {
        return variables;
    }

    public Row row(int i) {
        return rows.get(i);
    }

    public List<Row> rows() {
        return rows;
    }

    public double objectiveCoefficient(int j) {
        return objective[j];
    }

    /** A copy of the dense objective vector. */
    public double[] objective() {
        return objective.clone();
    }

    public double objectiveOffset() {
        return objectiveOffset;
    }

    public Sense sense() {
        return sense;
    }

    /** The objective row's name (as read from or written to an MPS file). */
    public String objectiveName() {
        return objectiveName;
    }

    public Optional<Integer> variableIndex(String variableName) {
        return Optional.ofNullable(variableIndex.get(variableName));
    }

    public Optional<Integer> rowIndex(String rowName) {
        return Optional.ofNullable(rowIndex.get(rowName));
    }

    public boolean hasIntegers() {
        for (Variable v : variables) {
            if (v.isInteger()) {
                return true;
            }
        }
        return false;
    }

    public int integerCount() {
        int n = 0;
        for (Variable v : variables) {
            if (v.isInteger()) {
                n++;
            }
        }
        return n;
    }

    public long nonZeroCount() {
        long n = 0;
        for (Row r : rows) {
            n += r.size();
        }
        return n;
    }

    /**
     * The constraint matrix column by column, computed on each call (the model is row-wise).
     *
     * @since 1.4
     */
    public ColumnMatrix columnMatrix() {
        return ColumnMatrix.of(this);
    }

    /** {@code c·x + offset}. */
    public double objectiveValue(double[] x) {
        double sum = objectiveOffset;
        for (int j = 0; j < objective.length; j++) {
            sum += objective[j] * x[j];
        }
        return sum;
    }

    /**
     * The largest violation of any bound, row or integrality requirement by {@code x}, absolute;
     * 0 for a feasible point, +∞ when a value is not finite. Used to check solvers' answers
     * independently of the solver.
     */
    public double maxViolation(double[] x) {
        return worstViolation(x, false).amount();
    }

    /**
     * As {@link #maxViolation}, but each bound or row violation divided by max(1, |bound|), the way
     * solvers state their feasibility tolerances; integrality stays absolute.
     */
    public double maxRelativeViolation(double[] x) {
        return worstViolation(x, true).amount();
    }

    /**
     * The largest violation by {@code x}, as {@link #maxRelativeViolation}, with where it is: so that
     * a plugin rejecting a backend's point can name the bound, integrality or row it breaks.
     */
    public Violation worstRelativeViolation(double[] x) {
        return worstViolation(x, true);
    }

    /**
     * How much a point violates a model, and where: a variable's bounds or integrality, or a row.
     *
     * @param amount 0 for a feasible point, +∞ when a value is not finite
     * @param where the place of the largest violation, such as "row 'c2' (activity 3.5, bounds [-Infinity, 3.0])"
     */
    public record Violation(double amount, String where) {
    }

    private Violation worstViolation(double[] x, boolean relative) {
        if (x.length != variables.size()) {
            throw new IllegalArgumentException("point has " + x.length + " values, model has "
                    + variables.size() + " variables");
        }
        double worst = 0;
        String where = "nowhere";
        for (int j = 0; j < x.length; j++) {
            Variable v = variables.get(j);
            if (!Double.isFinite(x[j])) {
                // a NaN or infinite value satisfies nothing
                return new Violation(Double.POSITIVE_INFINITY, "variable '" + v.name() + "' (value " + x[j] + ")");
            }
            double bounds = Math.max(excess(v.lower() - x[j], v.lower(), relative),
                    excess(x[j] - v.upper(), v.upper(), relative));
            double fraction = v.isInteger() ? Math.abs(x[j] - Math.rint(x[j])) : 0;
            if (Math.max(bounds, fraction) > worst) {
                worst = Math.max(bounds, fraction);
                where = (fraction > bounds ? "the integrality of " : "the bounds of ") + "variable '" + v.name()
                        + "' (value " + x[j] + ")";
            }
        }
        for (Row r : rows) {
            double a = r.activity(x);
            double here = Math.max(excess(r.lower() - a, r.lower(), relative), excess(a - r.upper(), r.upper(), relative));
            if (here > worst) {
                worst = here;
                where = "row '" + r.name() + "' (activity " + a + ", bounds [" + r.lower() + ", " + r.upper() + "])";
            }
        }
        return new Violation(worst, where);
    }

    /** How far past {@code bound} a value is (0 when within it; an infinite bound is never passed). */
    private static double excess(double amount, double bound, boolean relative) {
        if (!(amount > 0)) {
            return 0;
        }
        return relative ? amount / Math.max(1, Math.abs(bound)) : amount;
    }

    /** This model with every integer variable made continuous: its LP relaxation. */
    public MilpModel relaxation() {
        Builder b = toBuilder(name + "_relaxation");
        for (int j = 0; j < b.variables.size(); j++) {
            Variable v = b.variables.get(j);
            b.variables.set(j, new Variable(v.name(), v.lower(), v.upper(), VariableType.CONTINUOUS));
        }
        return b.build();
    }

    /** A builder holding a copy of this model, to derive variants. */
    public Builder toBuilder(String newName) {
        Builder b = new Builder(newName);
        b.variables.addAll(variables);
        b.rows.addAll(rows);
        for (double c : objective) {
            b.objective.add(c);
        }
        b.objectiveOffset = objectiveOffset;
        b.sense = sense;
        b.objectiveName = objectiveName;
        b.variableIndex.putAll(variableIndex);
        b.rowIndex.putAll(rowIndex);
        return b;
    }

    @Override
    public String toString() {
        return "MilpModel[" + name + ": " + rows.size() + " rows, " + variables.size() + " variables ("
                + integerCount() + " integer), " + nonZeroCount() + " non-zeros, " + sense + "]";
    }

    /** Builds a {@link MilpModel}; every method validates its input and names what is wrong. */
    public static final class Builder {
        private final String name;
        private final List<Variable> variables = new ArrayList<>();
        private final List<Row> rows = new ArrayList<>();
        private final List<Double> objective = new ArrayList<>();
        private final Map<String, Integer> variableIndex = new HashMap<>();
        private final Map<String, Integer> rowIndex = new HashMap<>();
        private double objectiveOffset;
        private Sense sense = Sense.MINIMIZE;
        private String objectiveName = "obj";

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new ModelException("model name is empty");
            }
            this.name = name;
        }

        /** Adds a variable and returns its column index. */
        public int addVariable(String varName, double lower, double upper, VariableType type) {
            requireName(varName, "variable");
            if (variableIndex.containsKey(varName)) {
                throw new ModelException(where() + "duplicate variable name '" + varName + "'");
            }
            if (Double.isNaN(lower) || Double.isNaN(upper)) {
                throw new ModelException(where() + "variable '" + varName + "': bound is NaN");
            }
            if (lower == Double.POSITIVE_INFINITY || upper == Double.NEGATIVE_INFINITY) {
                throw new ModelException(where() + "variable '" + varName + "': lower bound " + lower
                        + " / upper bound " + upper + " leave no value");
            }
            if (lower > upper) {
                throw new ModelException(where() + "variable '" + varName + "': lower bound " + lower
                        + " > upper bound " + upper);
            }
            if (type == null) {
                throw new ModelException(where() + "variable '" + varName + "': type is missing");
            }
            variableIndex.put(varName, variables.size());
            variables.add(new Variable(varName, lower, upper, type));
            objective.add(0.0);
            return variables.size() - 1;
        }

        public int continuous(String varName, double lower, double upper) {
            return addVariable(varName, lower, upper, VariableType.CONTINUOUS);
        }

        public int integer(String varName, double lower, double upper) {
            return addVariable(varName, lower, upper, VariableType.INTEGER);
        }

        public int binary(String varName) {
            return addVariable(varName, 0, 1, VariableType.INTEGER);
        }

        public int variableCount() {
            return variables.size();
        }

        /** Index of a variable added earlier, or a {@link ModelException} naming it. */
        public int variable(String varName) {
            Integer j = variableIndex.get(varName);
            if (j == null) {
                throw new ModelException(where() + "unknown variable '" + varName + "'");
            }
            return j;
        }

        public boolean hasVariable(String varName) {
            return variableIndex.containsKey(varName);
        }

        /** Sets the objective coefficient of column {@code j}. */
        public Builder objective(int j, double coefficient) {
            checkColumn(j, "objective");
            if (!Double.isFinite(coefficient)) {
                throw new ModelException(where() + "objective coefficient of variable '"
                        + variables.get(j).name() + "' is " + coefficient);
            }
            objective.set(j, coefficient);
            return this;
        }

        /** Adds {@code coefficient} to the objective coefficient of column {@code j} (terms accumulate). */
        public Builder addToObjective(int j, double coefficient) {
            checkColumn(j, "objective");
            return objective(j, objective.get(j) + coefficient);
        }

        /** Adds {@code constant} to the objective offset. */
        public Builder addToObjectiveOffset(double constant) {
            return objectiveOffset(objectiveOffset + constant);
        }

        public Builder objectiveOffset(double offset) {
            if (!Double.isFinite(offset)) {
                throw new ModelException(where() + "objective offset is " + offset);
            }
            this.objectiveOffset = offset;
            return this;
        }

        public Builder sense(Sense newSense) {
            this.sense = java.util.Objects.requireNonNull(newSense, "sense");
            return this;
        }

        public Builder objectiveName(String newName) {
            requireName(newName, "objective");
            this.objectiveName = newName;
            return this;
        }

        /** Starts a row; finish it with {@link RowBuilder#between}, {@code atMost}, {@code atLeast} or {@code equalTo}. */
        public RowBuilder row(String rowName) {
            return new RowBuilder(this, rowName);
        }

        /**
         * Adds {@code lower ≤ Σ coefficients[k]·x[columns[k]] ≤ upper}. Repeated columns are summed;
         * zero coefficients are dropped. Returns the row index.
         */
        public int addRow(String rowName, double lower, double upper, int[] columns, double[] coefficients) {
            requireName(rowName, "row");
            if (rowIndex.containsKey(rowName)) {
                throw new ModelException(where() + "duplicate row name '" + rowName + "'");
            }
            if (columns.length != coefficients.length) {
                throw new ModelException(where() + "row '" + rowName + "': " + columns.length + " columns but "
                        + coefficients.length + " coefficients");
            }
            if (Double.isNaN(lower) || Double.isNaN(upper)) {
                throw new ModelException(where() + "row '" + rowName + "': bound is NaN");
            }
            if (lower == Double.POSITIVE_INFINITY || upper == Double.NEGATIVE_INFINITY) {
                throw new ModelException(where() + "row '" + rowName + "': bounds [" + lower + ", " + upper
                        + "] leave no value");
            }
            if (lower > upper) {
                throw new ModelException(where() + "row '" + rowName + "': lower bound " + lower
                        + " > upper bound " + upper);
            }
            for (int k = 0; k < columns.length; k++) {
                checkColumn(columns[k], "row '" + rowName + "'");
                if (!Double.isFinite(coefficients[k])) {
                    throw new ModelException(where() + "row '" + rowName + "': coefficient of variable '"
                            + variables.get(columns[k]).name() + "' is " + coefficients[k]);
                }
            }
            // Sort by column and sum repeats, in O(k log k) so that wide models build fast.
            Integer[] order = new Integer[columns.length];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            java.util.Arrays.sort(order, (p, q) -> Integer.compare(columns[p], columns[q]));
            int[] cols = new int[columns.length];
            double[] vals = new double[columns.length];
            int n = 0;
            for (int k = 0; k < order.length; k++) {
                int j = columns[order[k]];
                if (n > 0 && cols[n - 1] == j) {
                    vals[n - 1] += coefficients[order[k]];
                } else {
                    cols[n] = j;
                    vals[n] = coefficients[order[k]];
                    n++;
                }
            }
            int kept = 0;
            for (int k = 0; k < n; k++) {
                if (vals[k] != 0.0) {
                    cols[kept] = cols[k];
                    vals[kept] = vals[k];
                    kept++;
                }
            }
            n = kept;
            rowIndex.put(rowName, rows.size());
            rows.add(new Row(rowName, lower, upper, java.util.Arrays.copyOf(cols, n),
                    java.util.Arrays.copyOf(vals, n)));
            return rows.size() - 1;
        }

        public int rowCount() {
            return rows.size();
        }

        /**
         * Replaces the bounds of variable {@code j}, keeping its name and type: a branch-and-bound
         * node, or a variable fixed, derived from a model through {@link MilpModel#toBuilder}.
         */
        public Builder variableBounds(int j, double lower, double upper) {
            checkColumn(j, "variableBounds");
            Variable v = variables.get(j);
            if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper || lower == Double.POSITIVE_INFINITY
                    || upper == Double.NEGATIVE_INFINITY) {
                throw new ModelException(where() + "variable '" + v.name() + "': bounds [" + lower + ", " + upper
                        + "] leave no value");
            }
            variables.set(j, new Variable(v.name(), lower, upper, v.type()));
            return this;
        }

        /** Replaces the bounds of row {@code i}, keeping its terms: the same model at another right-hand side. */
        public Builder rowBounds(int i, double lower, double upper) {
            if (i < 0 || i >= rows.size()) {
                throw new ModelException(where() + "no row " + i + " (there are " + rows.size() + ")");
            }
            Row r = rows.get(i);
            if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper || lower == Double.POSITIVE_INFINITY
                    || upper == Double.NEGATIVE_INFINITY) {
                throw new ModelException(where() + "row '" + r.name() + "': bounds [" + lower + ", " + upper
                        + "] leave no value");
            }
            rows.set(i, new Row(r.name(), lower, upper, r.columns(), r.coefficients()));
            return this;
        }

        public MilpModel build() {
            return new MilpModel(this);
        }

        private void checkColumn(int j, String context) {
            if (j < 0 || j >= variables.size()) {
                throw new ModelException(where() + context + ": unknown variable index " + j + " (model has "
                        + variables.size() + " variables)");
            }
        }

        private String where() {
            return "model '" + name + "': ";
        }

        private void requireName(String n, String what) {
            if (n == null || n.isBlank()) {
                throw new ModelException(where() + what + " name is empty");
            }
        }
    }

    /** Collects the terms of one row fluently: {@code b.row("cap").term(x, 2).term(y, 3).atMost(10)}. */
    public static final class RowBuilder {
        private final Builder owner;
        private final String rowName;
        private int[] columns = new int[4];
        private double[] coefficients = new double[4];
        private int size;

        private RowBuilder(Builder owner, String rowName) {
            this.owner = owner;
            this.rowName = rowName;
        }

        public RowBuilder term(int column, double coefficient) {
            if (size == columns.length) {
                columns = java.util.Arrays.copyOf(columns, size * 2);
                coefficients = java.util.Arrays.copyOf(coefficients, size * 2);
            }
            columns[size] = column;
            coefficients[size] = coefficient;
            size++;
            return this;
        }

        public int between(double lower, double upper) {
            return owner.addRow(rowName, lower, upper, java.util.Arrays.copyOf(columns, size),
                    java.util.Arrays.copyOf(coefficients, size));
        }

        public int atMost(double upper) {
            return between(Double.NEGATIVE_INFINITY, upper);
        }

        public int atLeast(double lower) {
            return between(lower, Double.POSITIVE_INFINITY);
        }

        public int equalTo(double value) {
            return between(value, value);
        }
    }

    /** Unmodifiable view helper for callers that want a list of names. */
    public List<String> variableNames() {
        List<String> names = new ArrayList<>(variables.size());
        for (Variable v : variables) {
            names.add(v.name());
        }
        return Collections.unmodifiableList(names);
    }
}
