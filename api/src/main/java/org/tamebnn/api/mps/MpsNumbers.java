package org.tamebnn.api.mps;

/** Parsing and printing MPS numbers. */
final class MpsNumbers {
    private MpsNumbers() {
    }

    /**
     * Parses a number field. Accepts what {@code strtod} accepts in decimal, Fortran's
     * {@code 1.5D+02}, and {@code inf}/{@code infinity} with an optional sign (any case). Rejects
     * NaN, hexadecimal and Java's {@code 1f}/{@code 1d} suffixes, which are never meant in MPS.
     *
     * @throws NumberFormatException with a message fit to follow "RHS value: "
     */
    static double parse(String token) {
        double inf = infinity(token);
        if (inf != 0) {
            return inf;
        }
        String t = token;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-' || c == 'e' || c == 'E';
            if (!ok) {
                if ((c == 'd' || c == 'D') && i > 0 && i < t.length() - 1) {
                    t = t.replace(c, 'E'); // Fortran double-precision exponent
                } else {
                    throw new NumberFormatException("'" + token + "' is not a number");
                }
            }
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("'" + token + "' is not a number");
        }
    }

    /** True when {@link #parse} would accept the token. */
    static boolean isNumber(String token) {
        if (token == null) {
            return false;
        }
        try {
            parse(token);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double infinity(String t) {
        int start = t.startsWith("+") || t.startsWith("-") ? 1 : 0;
        String body = t.substring(start);
        if (body.equalsIgnoreCase("inf") || body.equalsIgnoreCase("infinity")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return 0;
    }

    /**
     * A short text that parses back to exactly {@code v}: {@link Double#toString} (the shortest
     * round-tripping digits) without its {@code .0} in {@code 1.0E-9}, or an integer's digits when
     * those are no longer, so that most numbers fit the 12 characters of a fixed-format field.
     */
    static String format(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("MPS numbers are finite here, got " + v);
        }
        String s = Double.toString(v).replace(".0E", "E");
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            String digits = Long.toString((long) v);
            return digits.length() <= s.length() || s.endsWith(".0") ? digits : s;
        }
        return s;
    }
}
