package org.tamebnn.data;

import java.util.Arrays;

/**
 * Fills missing cells with per-feature medians of the training points, the
 * {@link MissingValuePolicy#TRAIN_MEDIAN} policy. A plain record, so a saved model can fill new
 * data's gaps the same way.
 *
 * <p>The median of an even number of values is the mean of the middle two (as NumPy's), so on
 * integer-valued features such as Breast Cancer Wisconsin's it may be a half-integer.
 *
 * @param medians per feature, the median of the training points' present values; {@code NaN}
 *        where the training points had no value for the feature at all
 */
public record MedianImputer(double[] medians) {

    /** Copies the array. */
    public MedianImputer {
        medians = medians.clone();
    }

    /** The medians of the present values of each feature, over all rows of {@code train}. */
    public static MedianImputer fit(RawDataset train) {
        int d = train.featureCount();
        double[] medians = new double[d];
        double[] present = new double[train.size()];
        for (int j = 0; j < d; j++) {
            int count = 0;
            for (int i = 0; i < train.size(); i++) {
                double v = train.rowUnsafe(i)[j];
                if (!Double.isNaN(v)) {
                    present[count++] = v;
                }
            }
            medians[j] = median(present, count);
        }
        return new MedianImputer(medians);
    }

    /** The median of the first {@code count} values (reordering them), or NaN when there are none. */
    static double median(double[] values, int count) {
        if (count == 0) {
            return Double.NaN;
        }
        Arrays.sort(values, 0, count);
        int mid = count / 2;
        return count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    /** A copy of the medians, per feature. */
    @Override
    public double[] medians() {
        return medians.clone();
    }

    /**
     * The data with every missing cell filled with its feature's median.
     *
     * @throws DataException naming the file, line and column of a missing cell whose feature had no
     *         training value, or if the feature counts differ
     */
    public Dataset apply(RawDataset data) {
        if (data.featureCount() != medians.length) {
            throw new DataException(data.source(), data.featureCount() + " features, but the imputer was fitted on "
                    + medians.length);
        }
        double[][] filled = new double[data.size()][];
        for (int i = 0; i < data.size(); i++) {
            filled[i] = data.rowUnsafe(i).clone();
            for (int j = 0; j < medians.length; j++) {
                if (Double.isNaN(filled[i][j])) {
                    if (Double.isNaN(medians[j])) {
                        throw new DataException(data.source(), data.sourceLine(i).orElse(0), "feature '"
                                + data.featureNames().get(j) + "': missing, and no training point has a value "
                                + "for it to take a median of; train on more points or drop rows with missing values");
                    }
                    filled[i][j] = medians[j];
                }
            }
        }
        return data.complete(filled);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MedianImputer m && Arrays.equals(medians, m.medians);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(medians);
    }

    @Override
    public String toString() {
        return "MedianImputer[medians=" + Arrays.toString(medians) + "]";
    }
}
