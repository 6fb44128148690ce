package org.tamebnn.data;

import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Strict parsing of numeric cells. {@link Double#parseDouble} alone is too lenient for data files:
 * it accepts {@code "NaN"}, {@code "Infinity"}, {@code "1d"}, {@code "0x1p3"}, none of which is a
 * measurement a user meant to give.
 */
final class NumberCells {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE_WORD =
            Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private NumberCells() {
    }

    /** The cell's value if it is a plain, finite decimal number. */
    static OptionalDouble parse(String cell) {
        if (!DECIMAL.matcher(cell).matches()) {
            return OptionalDouble.empty();
        }
        double v = Double.parseDouble(cell);
        return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    /** Why a cell that {@link #parse} rejected is not usable, for an error message. */
    static String whyNotANumber(String cell) {
        if (NON_FINITE_WORD.matcher(cell).matches()) {
            return "'" + cell + "' is not a finite number (write a missing value as '?', 'NA' or an empty cell)";
        }
        if (DECIMAL.matcher(cell).matches()) {
            return "'" + cell + "' is too large to be a finite number";
        }
        return "'" + cell + "' is not a number";
    }
}
