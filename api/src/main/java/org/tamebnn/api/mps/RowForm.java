package org.tamebnn.api.mps;

import org.tamebnn.api.milp.Row;

/**
 * How a row is written: its ROWS type, right-hand side and, for a row with two different finite
 * sides, its RANGES value (NaN otherwise).
 */
record RowForm(char type, double rhs, double range) {

    boolean isRanged() {
        return !Double.isNaN(range);
    }

    static RowForm of(Row row, String source) throws MpsException {
        double lo = row.lower();
        double hi = row.upper();
        if (lo == hi) {
            return new RowForm('E', lo, Double.NaN);
        }
        boolean noLower = lo == Double.NEGATIVE_INFINITY;
        boolean noUpper = hi == Double.POSITIVE_INFINITY;
        if (noLower && noUpper) {
            return new RowForm('N', 0, Double.NaN);
        }
        if (noLower) {
            return new RowForm('L', hi, Double.NaN);
        }
        if (noUpper) {
            return new RowForm('G', lo, Double.NaN);
        }
        return ranged(row.name(), lo, hi, source);
    }

    /**
     * A reader computes an L row's lower side as {@code rhs − |R|} and an E row's (R &gt; 0) upper side
     * as {@code rhs + R}, so one side is always exact and the other is the rounded result of that
     * arithmetic: take whichever layout makes it exact. Sometimes neither does, and no MPS file can
     * do better (neighbouring widths do not help either): when the width's binade is above both
     * sides', as in [−343.9301125685777, 909.8896880852297], both miss by one unit in the last place;
     * the nearer is taken then.
     */
    private static RowForm ranged(String name, double lo, double hi, String source) throws MpsException {
        double width = hi - lo;
        if (!Double.isFinite(width)) {
            throw new MpsException(source, 0, "RANGES", "row '" + name + "': the range " + hi + " - " + lo
                    + " overflows a double");
        }
        double errorL = Math.abs(hi - width - lo);
        double errorE = Math.abs(lo + width - hi);
        return errorL <= errorE ? new RowForm('L', hi, width) : new RowForm('E', lo, width);
    }
}
