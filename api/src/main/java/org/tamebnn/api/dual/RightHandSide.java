package org.tamebnn.api.dual;

import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Row;

/**
 * What "the right-hand side" of a row is, so that every dual function means the same d: the value
 * of an equality row, the finite side of a one-sided row (≥ b or ≤ b). A ranged or free row has no
 * single right-hand side and cannot vary.
 */
public final class RightHandSide {
    private RightHandSide() {
    }

    /** {@code rows}, or every row when it is empty, checked to be rows that can vary. */
    public static int[] varying(MilpModel model, int[] rows) {
        int[] chosen = rows.length == 0 ? java.util.stream.IntStream.range(0, model.rowCount()).toArray() : rows.clone();
        for (int i : chosen) {
            if (i < 0 || i >= model.rowCount()) {
                throw new IllegalArgumentException("model '" + model.name() + "' has no row " + i + " (it has "
                        + model.rowCount() + ")");
            }
            Row r = model.row(i);
            boolean lower = Double.isFinite(r.lower());
            boolean upper = Double.isFinite(r.upper());
            if (!lower && !upper) {
                throw new IllegalArgumentException("row '" + r.name() + "' is free: it has no right-hand side");
            }
            if (lower && upper && !r.isEquality()) {
                throw new IllegalArgumentException("row '" + r.name() + "' is ranged [" + r.lower() + ", " + r.upper()
                        + "]: it has no single right-hand side (split it into two rows)");
            }
        }
        return chosen;
    }

    /** The right-hand side of each row in {@code rows}. */
    public static double[] of(MilpModel model, int[] rows) {
        double[] b = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            Row r = model.row(rows[k]);
            b[k] = Double.isFinite(r.lower()) ? r.lower() : r.upper();
        }
        return b;
    }

    /** The model with the right-hand side of {@code rows} set to {@code d}. */
    public static MilpModel at(MilpModel model, int[] rows, double[] d) {
        if (d.length != rows.length) {
            throw new IllegalArgumentException(rows.length + " varying rows but a right-hand side of " + d.length);
        }
        MilpModel.Builder b = model.toBuilder(model.name());
        for (int k = 0; k < rows.length; k++) {
            Row r = model.row(rows[k]);
            if (r.isEquality()) {
                b.rowBounds(rows[k], d[k], d[k]);
            } else if (Double.isFinite(r.lower())) {
                b.rowBounds(rows[k], d[k], Double.POSITIVE_INFINITY);
            } else {
                b.rowBounds(rows[k], Double.NEGATIVE_INFINITY, d[k]);
            }
        }
        return b.build();
    }

    /** −1 for a ≤ row (z cannot rise as d grows), +1 for a ≥ row, 0 for an equality: the direction F must be monotone in. */
    public static int monotonicity(MilpModel model, int row) {
        Row r = model.row(row);
        if (r.isEquality()) {
            return 0;
        }
        return Double.isFinite(r.lower()) ? 1 : -1;
    }
}
