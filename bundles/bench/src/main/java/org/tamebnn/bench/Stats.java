package org.tamebnn.bench;

import java.util.Arrays;

/** Summary statistics of measurements. */
final class Stats {
    private Stats() {
    }

    /** The median; NaN for no values. */
    static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
