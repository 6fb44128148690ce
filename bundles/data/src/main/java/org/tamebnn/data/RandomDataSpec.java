package org.tamebnn.data;

/**
 * The parameters of the random data of Bah &amp; Kurtz, Section 5: {@code points} points in
 * {@code dimension} dimensions, in three groups drawn uniformly per coordinate —
 * <ol>
 * <li>the first third in [{@code classOneLow}, {@code classOneHigh}], labelled 1;</li>
 * <li>the second third in [{@code classZeroLow}, {@code classZeroHigh}], labelled 0;</li>
 * <li>the rest, noise, in [{@code noiseLow}, {@code noiseHigh}], each labelled 0 or 1 at random.</li>
 * </ol>
 * The paper's text as we have it lost the numbers (the intervals, the dimension, the number of
 * points), so the {@link #defaults()} are our choice, not the paper's: class 1 in [0, 1], class 0
 * in [−1, 0], noise over both in [−1, 1], 10 dimensions, 150 points, seed 0. With these the first
 * two thirds are separable by a hyperplane (the coordinate sum) and the noise third is not
 * separable at all.
 *
 * @param dimension the number of features, at least 1
 * @param points the number of points, at least 3 (so that both classes appear)
 * @param classOneLow lower end of the first third's interval
 * @param classOneHigh upper end of the first third's interval
 * @param classZeroLow lower end of the second third's interval
 * @param classZeroHigh upper end of the second third's interval
 * @param noiseLow lower end of the noise interval
 * @param noiseHigh upper end of the noise interval
 * @param seed the seed of the one {@link java.util.Random} all draws come from
 */
public record RandomDataSpec(int dimension, int points, double classOneLow, double classOneHigh,
                             double classZeroLow, double classZeroHigh, double noiseLow, double noiseHigh,
                             long seed) {

    /** Which of the three groups a generated point belongs to. */
    public enum Group {
        /** The first third: label 1. */
        CLASS_ONE,
        /** The second third: label 0. */
        CLASS_ZERO,
        /** The rest: random labels. */
        NOISE
    }

    /** Checks the sizes and that every interval is finite and not reversed. */
    public RandomDataSpec {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, not " + dimension);
        }
        if (points < 3) {
            throw new IllegalArgumentException("need at least 3 points (one per group), not " + points);
        }
        checkInterval("class 1", classOneLow, classOneHigh);
        checkInterval("class 0", classZeroLow, classZeroHigh);
        checkInterval("noise", noiseLow, noiseHigh);
    }

    private static void checkInterval(String what, double low, double high) {
        if (!(Double.isFinite(low) && Double.isFinite(high) && low <= high)) {
            throw new IllegalArgumentException(what + " interval [" + low + ", " + high + "] must be finite with low ≤ high");
        }
    }

    /** Our defaults (see the class comment): 10 dimensions, 150 points, [0,1] / [−1,0] / [−1,1], seed 0. */
    public static RandomDataSpec defaults() {
        return new RandomDataSpec(10, 150, 0, 1, -1, 0, -1, 1, 0);
    }

    /** The same with another dimension. */
    public RandomDataSpec withDimension(int d) {
        return new RandomDataSpec(d, points, classOneLow, classOneHigh, classZeroLow, classZeroHigh,
                noiseLow, noiseHigh, seed);
    }

    /** The same with another number of points. */
    public RandomDataSpec withPoints(int n) {
        return new RandomDataSpec(dimension, n, classOneLow, classOneHigh, classZeroLow, classZeroHigh,
                noiseLow, noiseHigh, seed);
    }

    /** The same with another seed. */
    public RandomDataSpec withSeed(long s) {
        return new RandomDataSpec(dimension, points, classOneLow, classOneHigh, classZeroLow, classZeroHigh,
                noiseLow, noiseHigh, s);
    }

    /** The same with another interval for the first third (label 1). */
    public RandomDataSpec withClassOne(double low, double high) {
        return new RandomDataSpec(dimension, points, low, high, classZeroLow, classZeroHigh,
                noiseLow, noiseHigh, seed);
    }

    /** The same with another interval for the second third (label 0). */
    public RandomDataSpec withClassZero(double low, double high) {
        return new RandomDataSpec(dimension, points, classOneLow, classOneHigh, low, high,
                noiseLow, noiseHigh, seed);
    }

    /** The same with another interval for the noise points. */
    public RandomDataSpec withNoise(double low, double high) {
        return new RandomDataSpec(dimension, points, classOneLow, classOneHigh, classZeroLow, classZeroHigh,
                low, high, seed);
    }

    /** Points in the first group: ⌊points/3⌋. */
    public int classOneCount() {
        return points / 3;
    }

    /** Points in the second group: ⌊points/3⌋. */
    public int classZeroCount() {
        return points / 3;
    }

    /** Noise points: the rest, so 0–2 more than a third. */
    public int noiseCount() {
        return points - 2 * (points / 3);
    }

    /** The group of the generated point at {@code row} (points come out group by group, in this order). */
    public Group groupOf(int row) {
        if (row < 0 || row >= points) {
            throw new IndexOutOfBoundsException("row " + row + " of " + points);
        }
        return row < classOneCount() ? Group.CLASS_ONE : row < 2 * classOneCount() ? Group.CLASS_ZERO : Group.NOISE;
    }
}
