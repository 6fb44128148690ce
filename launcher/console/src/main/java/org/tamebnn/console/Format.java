package org.tamebnn.console;

import java.time.Duration;
import java.util.Locale;

/** How numbers look in the console's tables: unknown is a dash, never a made-up value. */
final class Format {
    private Format() {
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Math.abs(v) < 1e-9) {
            // round-off of a computed zero (e.g. a loss recovered from an objective with a margin term)
            return "0";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return String.format(Locale.ROOT, "%.10g", v).replaceFirst("\\.?0+(e|$)", "$1");
    }

    static String percent(double gap) {
        return Double.isNaN(gap) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * gap);
    }

    static String seconds(Duration d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }

    static String count(long n) {
        return n < 0 ? "-" : Long.toString(n);
    }

    /** Shortens a message to fit a table cell. */
    static String shorten(String s, int max) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
