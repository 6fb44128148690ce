package org.tamebnn.data;

import java.util.ArrayList;
import java.util.stream.IntStream;

/**
 * Turns loaded data into training and test sets in one call:
 *
 * <pre>{@code
 * PreparedData p = DataPipeline.prepare(raw, SplitSpec.of(seed, 0.2).trainSize(25), MissingValuePolicy.TRAIN_MEDIAN);
 * }</pre>
 *
 * <p>The steps, in order: (1) under {@link MissingValuePolicy#DROP}, remove rows with a missing
 * cell; (2) split with the seed ({@link SplitSpec}), taking the first K shuffled training rows when
 * a training size is given; (3) fit the median imputer on the training points and fill the
 * missing cells of both parts; (4) fit the min–max scaler on the training points and scale both;
 * (5) for regression data, likewise min–max scale the targets with a scaler fitted on the training
 * points ({@link PreparedData#targetScaler()}).
 *
 * <p>Everything is fitted on the points actually used for training, i.e. on the K-subset when one
 * is taken, not on the whole training part: the rest of the training part is data the learner is
 * supposed not to have, and the test part is never looked at. So training features span exactly
 * [0, 1] (0 for a feature constant on them), while test values may fall outside unless
 * {@link OutOfRange#CLIP} is asked for.
 */
public final class DataPipeline {

    private DataPipeline() {
    }

    /** As {@link #prepare(RawDataset, SplitSpec, MissingValuePolicy, OutOfRange)}, keeping test values unclipped. */
    public static PreparedData prepare(RawDataset data, SplitSpec split, MissingValuePolicy policy) {
        return prepare(data, split, policy, OutOfRange.KEEP);
    }

    /** Prepares complete data (e.g. generated), which needs no missing-value policy. */
    public static PreparedData prepare(Dataset data, SplitSpec split) {
        return prepare(RawDataset.from(data), split, MissingValuePolicy.TRAIN_MEDIAN, OutOfRange.KEEP);
    }

    /**
     * Splits, resolves missing values and scales.
     *
     * @param data the loaded data, possibly with missing cells
     * @param split how to split
     * @param policy how to resolve missing cells
     * @param outOfRange how to scale test values outside the training range
     * @throws DataException if the split leaves a part empty, K exceeds the training part,
     *         dropping leaves no rows, or a missing cell cannot be filled
     */
    public static PreparedData prepare(RawDataset data, SplitSpec split, MissingValuePolicy policy,
                                       OutOfRange outOfRange) {
        int[] kept = IntStream.range(0, data.size()).toArray();
        RawDataset work = data;
        if (policy == MissingValuePolicy.DROP) {
            kept = IntStream.range(0, data.size()).filter(i -> isComplete(data, i)).toArray();
            if (kept.length == 0) {
                throw new DataException(data.source(), "every one of the " + data.size()
                        + " rows has a missing value, so dropping them leaves no data;"
                        + " fill them with the training median instead");
            }
            work = data.subset(kept);
        }
        ShuffleSplit.Parts parts = ShuffleSplit.split(work.labelsUnsafe(), work.labelMapping().classCount(), split,
                data.source());
        RawDataset trainRaw = work.subset(parts.train());
        RawDataset testRaw = work.subset(parts.test());

        MedianImputer imputer = MedianImputer.fit(trainRaw);
        Dataset trainFull = imputer.apply(trainRaw).withName(data.name() + "/train");
        Dataset testFull = imputer.apply(testRaw).withName(data.name() + "/test");

        MinMaxScaler scaler = MinMaxScaler.fit(trainFull);
        Dataset train = scaler.transform(trainFull, OutOfRange.KEEP);
        Dataset test = scaler.transform(testFull, outOfRange);
        MinMaxScaler targetScaler = null;
        if (train.isRegression()) {
            // (5) regression: the targets too, fitted on the training rows only
            targetScaler = MinMaxScaler.fitTargets(trainFull);
            train = targetScaler.transformTargets(train);
            test = targetScaler.transformTargets(test);
        }
        return new PreparedData(train, test, scaler, imputer, imputations(trainRaw, testRaw, imputer),
                mapRows(parts.train(), kept), mapRows(parts.test(), kept), data.size() - work.size(), split, policy,
                outOfRange, targetScaler);
    }

    private static boolean isComplete(RawDataset data, int i) {
        for (double v : data.rowUnsafe(i)) {
            if (Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }

    private static ArrayList<Imputation> imputations(RawDataset train, RawDataset test, MedianImputer imputer) {
        int[] inTrain = train.missingCountByFeature();
        int[] inTest = test.missingCountByFeature();
        double[] medians = imputer.medians();
        var list = new ArrayList<Imputation>();
        for (int j = 0; j < inTrain.length; j++) {
            if (inTrain[j] + inTest[j] > 0) {
                list.add(new Imputation(j, train.featureNames().get(j), medians[j], inTrain[j], inTest[j]));
            }
        }
        return list;
    }

    private static int[] mapRows(int[] rows, int[] kept) {
        return IntStream.of(rows).map(r -> kept[r]).toArray();
    }
}
