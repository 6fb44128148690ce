package org.tamebnn.api.milp;

/**
 * A model's constraint matrix column by column (compressed sparse columns), as MPS files and
 * column-oriented solvers such as HiGHS take it: column j's entries are positions
 * {@code start[j]} to {@code start[j + 1] − 1}, their rows in increasing order.
 *
 * @param start column j's first entry; {@code start[n]} is the number of non-zeros
 * @param row   each entry's row
 * @param value each entry's coefficient
 * @since 1.4
 */
public record ColumnMatrix(int[] start, int[] row, double[] value) {

    /** The rows of {@code model} transposed, once. */
    static ColumnMatrix of(MilpModel model) {
        int n = model.variableCount();
        int[] start = new int[n + 1];
        for (Row r : model.rows()) {
            for (int k = 0; k < r.size(); k++) {
                start[r.column(k) + 1]++;
            }
        }
        for (int j = 0; j < n; j++) {
            start[j + 1] += start[j];
        }
        int[] row = new int[start[n]];
        double[] value = new double[start[n]];
        int[] next = java.util.Arrays.copyOf(start, n);
        for (int i = 0; i < model.rowCount(); i++) {
            Row r = model.row(i);
            for (int k = 0; k < r.size(); k++) {
                int p = next[r.column(k)]++;
                row[p] = i;
                value[p] = r.coefficient(k);
            }
        }
        return new ColumnMatrix(start, row, value);
    }
}
