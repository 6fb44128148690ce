package org.tamebnn.api.milp;

import java.util.Arrays;

/**
 * One constraint {@code lower ≤ Σ coefficient(k)·x[column(k)] ≤ upper} of a {@link MilpModel}.
 * An equality row has {@code lower == upper}; a one-sided row has an infinite side. Stored sparse,
 * columns in increasing order, each column at most once.
 */
public final class Row {
    private final String name;
    private final double lower;
    private final double upper;
    private final int[] columns;
    private final double[] coefficients;

    Row(String name, double lower, double upper, int[] columns, double[] coefficients) {
        this.name = name;
        this.lower = lower;
        this.upper = upper;
        this.columns = columns;
        this.coefficients = coefficients;
    }

    public String name() {
        return name;
    }

    public double lower() {
        return lower;
    }

    public double upper() {
        return upper;
    }

    public boolean isEquality() {
        return lower == upper;
    }

    /** Number of non-zero coefficients. */
    public int size() {
        return columns.length;
    }

    public int column(int k) {
        return columns[k];
    }

    public double coefficient(int k) {
        return coefficients[k];
    }

    /** A copy of the column indices, increasing. */
    public int[] columns() {
        return columns.clone();
    }

    /** A copy of the coefficients, aligned with {@link #columns()}. */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** The row's activity {@code a·x}. */
    public double activity(double[] x) {
        double sum = 0;
        for (int k = 0; k < columns.length; k++) {
            sum += coefficients[k] * x[columns[k]];
        }
        return sum;
    }

    @Override
    public String toString() {
        return name + ": " + lower + " <= " + Arrays.toString(coefficients) + "·x" + Arrays.toString(columns)
                + " <= " + upper;
    }
}
