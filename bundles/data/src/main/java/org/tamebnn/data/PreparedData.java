package org.tamebnn.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A data set ready for training: the training and test parts, complete and scaled, with everything
 * that was fitted on the training points so that new data can be treated the same way
 * ({@link #transform(RawDataset)}).
 *
 * @param train the points to train on (the first K of the shuffled training part when a
 *        {@link SplitSpec#trainSize} was given), imputed and scaled into [0, 1]
 * @param test the test part, imputed and scaled with the training points' statistics
 * @param scaler the min–max scaler fitted on {@code train}'s points before scaling
 * @param imputer the medians of {@code train}'s points before scaling
 * @param imputations what was filled in, per feature that had missing cells (empty under DROP)
 * @param trainRows for each training row, its row index in the data given to {@link DataPipeline#prepare}
 * @param testRows for each test row, its row index in the data given to {@link DataPipeline#prepare}
 * @param droppedRows how many rows the {@link MissingValuePolicy#DROP} policy removed
 * @param split how the data was split
 * @param policy how missing cells were resolved
 * @param outOfRange how test values outside the training range were scaled
 * @param targetScaler for regression, the min–max scaler of the targets fitted on {@code train}'s
 *        rows (both parts' targets are scaled with it; {@link MinMaxScaler#unscale} and
 *        {@link MinMaxScaler#range} bring predictions and errors back to the original units);
 *        null for classification
 */
public record PreparedData(Dataset train, Dataset test, MinMaxScaler scaler, MedianImputer imputer,
                           List<Imputation> imputations, int[] trainRows, int[] testRows, int droppedRows,
                           SplitSpec split, MissingValuePolicy policy, OutOfRange outOfRange,
                           MinMaxScaler targetScaler) {

    /** Classification data, which has no target scaler. */
    public PreparedData(Dataset train, Dataset test, MinMaxScaler scaler, MedianImputer imputer,
                        List<Imputation> imputations, int[] trainRows, int[] testRows, int droppedRows,
                        SplitSpec split, MissingValuePolicy policy, OutOfRange outOfRange) {
        this(train, test, scaler, imputer, imputations, trainRows, testRows, droppedRows, split, policy, outOfRange,
                null);
    }

    /** Copies the lists and arrays. */
    public PreparedData {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        imputations = List.copyOf(imputations);
        trainRows = trainRows.clone();
        testRows = testRows.clone();
    }

    /** A copy of the training rows' indices in the prepared data. */
    @Override
    public int[] trainRows() {
        return trainRows.clone();
    }

    /** A copy of the test rows' indices in the prepared data. */
    @Override
    public int[] testRows() {
        return testRows.clone();
    }

    /**
     * New data (to classify with a model trained on {@link #train}) treated as the test part was:
     * missing cells filled with the training medians, then scaled with {@link #scaler}.
     *
     * @throws DataException if its features differ in number, or it has missing cells and the
     *         training data was prepared by dropping rows (there is then no agreed value to fill in)
     */
    public Dataset transform(RawDataset newData) {
        if (newData.featureCount() != scaler.featureCount()) {
            throw new DataException(newData.source(), newData.featureCount() + " features, but the training data had "
                    + scaler.featureCount() + " (" + String.join(", ", train.featureNames()) + ")");
        }
        if (policy == MissingValuePolicy.DROP && newData.hasMissing()) {
            MissingCell first = newData.missingCells().getFirst();
            throw new DataException(newData.source(), first.line(), "feature '" + first.featureName()
                    + "': missing, and the training data was prepared by dropping such rows, "
                    + "so there is no value to fill in");
        }
        Dataset scaled = scaler.transform(imputer.apply(newData), outOfRange);
        return targetScaler != null && scaled.isRegression() ? targetScaler.transformTargets(scaled) : scaled;
    }

    /** A few lines for people: sizes, split, class counts, missing values, scaling. */
    public String describe() {
        var lines = new ArrayList<String>();
        lines.add(train.size() + " training / " + test.size() + " test rows (" + split.describe() + ")");
        if (targetScaler == null) {
            lines.add("train classes " + counts(train) + "; test classes " + counts(test));
        } else {
            for (int k = 0; k < train.targetCount(); k++) {
                lines.add("target '" + train.targetNames().get(k) + "' min–max scaled to [0, 1] on the training rows"
                        + " (" + targetScaler.mins()[k] + " → 0, " + targetScaler.maxs()[k] + " → 1)");
            }
        }
        if (policy == MissingValuePolicy.DROP) {
            lines.add(droppedRows + " rows with missing values dropped before splitting");
        }
        imputations.forEach(i -> lines.add(i.describe()));
        lines.add("features min–max scaled to [0, 1] on the " + train.size() + " training rows"
                + (outOfRange == OutOfRange.CLIP ? "; test values clipped to [0, 1]" : ""));
        return String.join("\n", lines);
    }

    private static String counts(Dataset d) {
        int[] counts = d.classCounts();
        var parts = new ArrayList<String>();
        for (int k = 0; k < counts.length; k++) {
            parts.add(d.labelMapping().label(k).display() + ": " + counts[k]);
        }
        return String.join(", ", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreparedData p && train.equals(p.train) && test.equals(p.test) && scaler.equals(p.scaler)
                && imputer.equals(p.imputer) && imputations.equals(p.imputations)
                && Arrays.equals(trainRows, p.trainRows) && Arrays.equals(testRows, p.testRows)
                && droppedRows == p.droppedRows && split.equals(p.split) && policy == p.policy
                && outOfRange == p.outOfRange && java.util.Objects.equals(targetScaler, p.targetScaler);
    }

    @Override
    public int hashCode() {
        return Objects.hash(train, test, scaler, Arrays.hashCode(trainRows), Arrays.hashCode(testRows), split, policy);
    }

    @Override
    public String toString() {
        return "PreparedData[" + describe().replace("\n", "; ") + "]";
    }
}
