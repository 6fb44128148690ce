package org.tamebnn.data;

import java.util.Arrays;

/**
 * Min–max scaling to [0, 1] per feature, with the minima and maxima of the training points it
 * was fitted on. A plain record of arrays, so a saved model can store it and scale new data the
 * same way.
 *
 * <p>A feature that is constant on the training points (max = min) maps to 0 everywhere: the
 * training points carry no information about its scale. Values outside the fitted range (test
 * points) fall outside [0, 1] unless {@link OutOfRange#CLIP} is asked for.
 *
 * @param mins the minimum of each feature over the training points
 * @param maxs the maximum of each feature over the training points
 */
public record MinMaxScaler(double[] mins, double[] maxs) {

    /** Checks and copies the arrays. */
    public MinMaxScaler {
        if (mins.length != maxs.length) {
            throw new IllegalArgumentException(mins.length + " minima but " + maxs.length + " maxima");
        }
        for (int j = 0; j < mins.length; j++) {
            if (!(Double.isFinite(mins[j]) && Double.isFinite(maxs[j]) && mins[j] <= maxs[j])) {
                throw new IllegalArgumentException("feature " + j + ": need finite min ≤ max, got ["
                        + mins[j] + ", " + maxs[j] + "]");
            }
        }
        mins = mins.clone();
        maxs = maxs.clone();
    }

    /**
     * The scaler fitted on these (training) points.
     *
     * @throws IllegalArgumentException if the data set has no rows
     */
    public static MinMaxScaler fit(Dataset train) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("cannot fit a scaler on no rows");
        }
        int d = train.featureCount();
        double[] mins = new double[d];
        double[] maxs = new double[d];
        Arrays.fill(mins, Double.POSITIVE_INFINITY);
        Arrays.fill(maxs, Double.NEGATIVE_INFINITY);
        for (double[] row : train.valuesUnsafe()) {
            for (int j = 0; j < d; j++) {
                mins[j] = Math.min(mins[j], row[j]);
                maxs[j] = Math.max(maxs[j], row[j]);
            }
        }
        return new MinMaxScaler(mins, maxs);
    }

    /**
     * The scaler of a regression data set's targets, fitted on these (training) rows: targets go
     * to [0, 1] like the features, because a network's output W·v − λ with |w|, |λ| ≤ 1 and binary
     * v is bounded by the width of the layer below plus 1, so targets in their raw units (a radius
     * of 7 to 28) would be out of its reach.
     */
    public static MinMaxScaler fitTargets(Dataset train) {
        if (!train.isRegression() || train.size() == 0) {
            throw new IllegalArgumentException("fitting a target scaler needs a regression data set with rows; '"
                    + train.name() + "' " + (train.isRegression() ? "is empty" : "has class labels"));
        }
        int m = train.targetCount();
        double[] mins = new double[m];
        double[] maxs = new double[m];
        Arrays.fill(mins, Double.POSITIVE_INFINITY);
        Arrays.fill(maxs, Double.NEGATIVE_INFINITY);
        for (double[] row : train.targetsUnsafe()) {
            for (int k = 0; k < m; k++) {
                mins[k] = Math.min(mins[k], row[k]);
                maxs[k] = Math.max(maxs[k], row[k]);
            }
        }
        return new MinMaxScaler(mins, maxs);
    }

    /** A regression data set's targets scaled by this (target) scaler, never clipped: an error is an error. */
    public Dataset transformTargets(Dataset data) {
        if (data.targetCount() != mins.length) {
            throw new IllegalArgumentException(data.name() + " has " + data.targetCount()
                    + " targets, the target scaler was fitted on " + mins.length);
        }
        double[][] targets = data.targetsUnsafe();
        double[][] scaled = new double[targets.length][];
        for (int i = 0; i < targets.length; i++) {
            scaled[i] = transform(targets[i], OutOfRange.KEEP);
        }
        return data.withTargets(scaled);
    }

    /** The range max − min of column {@code j}: the factor from scaled units back to the original ones. */
    public double range(int j) {
        return maxs[j] - mins[j];
    }

    /** A scaled value of column {@code j} in the original units (the inverse of {@link #scale}, unclipped). */
    public double unscale(int j, double scaled) {
        return mins[j] + scaled * range(j);
    }

    /** A copy of the training minima, per feature. */
    @Override
    public double[] mins() {
        return mins.clone();
    }

    /** A copy of the training maxima, per feature. */
    @Override
    public double[] maxs() {
        return maxs.clone();
    }

    /** The number of features the scaler was fitted on. */
    public int featureCount() {
        return mins.length;
    }

    /** Feature {@code j}'s value {@code v}, scaled. */
    public double scale(int j, double v, OutOfRange outOfRange) {
        double range = maxs[j] - mins[j];
        if (range == 0) {
            return 0;
        }
        double s = (v - mins[j]) / range;
        return outOfRange == OutOfRange.CLIP ? Math.clamp(s, 0.0, 1.0) : s;
    }

    /** One row of raw feature values, scaled. */
    public double[] transform(double[] row, OutOfRange outOfRange) {
        if (row.length != mins.length) {
            throw new IllegalArgumentException("row has " + row.length + " values, the scaler " + mins.length);
        }
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = scale(j, row[j], outOfRange);
        }
        return out;
    }

    /**
     * A whole data set, scaled (labels, names and source lines unchanged).
     *
     * @throws IllegalArgumentException if its feature count is not the scaler's
     */
    public Dataset transform(Dataset data, OutOfRange outOfRange) {
        if (data.featureCount() != mins.length) {
            throw new IllegalArgumentException(data.name() + " has " + data.featureCount()
                    + " features, the scaler was fitted on " + mins.length);
        }
        double[][] rows = data.valuesUnsafe();
        double[][] scaled = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            scaled[i] = transform(rows[i], outOfRange);
        }
        return data.withFeatures(scaled);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinMaxScaler s && Arrays.equals(mins, s.mins) && Arrays.equals(maxs, s.maxs);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mins) + Arrays.hashCode(maxs);
    }

    @Override
    public String toString() {
        return "MinMaxScaler[mins=" + Arrays.toString(mins) + ", maxs=" + Arrays.toString(maxs) + "]";
    }
}
