package org.tamebnn.bnn.internal;

/**
 * A weight as an affine function of one column: w = scale·x_column + offset. Real weights are the
 * column itself (1, 0); binary weights w ∈ {−1, 1} are w = 2b − 1 with b ∈ {0, 1} (2, −1), the
 * substitution the paper's binary-weight remark calls for, applied in every row that mentions w.
 */
record WeightRef(int column, double scale, double offset) {

    static WeightRef real(int column) {
        return new WeightRef(column, 1, 0);
    }

    static WeightRef binary(int column) {
        return new WeightRef(column, 2, -1);
    }

    /** An integer weight c ∈ {−P..P} stored as w = c/P (see {@code WeightDomain.INTEGER}). */
    static WeightRef integer(int column, int maxWeight) {
        return new WeightRef(column, 1.0 / maxWeight, 0);
    }
}
