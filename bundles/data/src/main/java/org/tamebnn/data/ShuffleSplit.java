package org.tamebnn.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** The seeded shuffle split behind {@link SplitSpec}. */
final class ShuffleSplit {

    /** Row indices of the two parts, each in shuffled order. */
    record Parts(int[] train, int[] test) {
    }

    private ShuffleSplit() {
    }

    /**
     * Splits rows {@code 0..labels.length-1}.
     *
     * @param source names the data in error messages
     * @throws DataException if the sizes leave a part empty or K exceeds the training part
     */
    static Parts split(int[] labels, int classCount, SplitSpec spec, String source) {
        if (spec.perClass() > 0) {
            return perClass(labels, classCount, spec.perClass(), new Random(spec.seed()), source);
        }
        int n = labels.length;
        int testCount = spec.testCount(n);
        int trainPart = n - testCount;
        if (trainPart < 1 || testCount < 1) {
            throw new DataException(source, "a test fraction of " + spec.testFraction() + " on " + n
                    + " rows leaves " + trainPart + " for training and " + testCount + " for testing; both need at least one");
        }
        if (spec.trainSize() > trainPart) {
            throw new DataException(source, "--train-size " + spec.trainSize() + " is larger than the training part: "
                    + n + " rows less " + testCount + " test rows leave " + trainPart);
        }
        var random = new Random(spec.seed());
        Parts parts = spec.stratified() ? stratified(labels, classCount, testCount, random, source)
                : plain(n, testCount, random);
        int[] train = spec.trainSize() == SplitSpec.ALL ? parts.train() : Arrays.copyOf(parts.train(), spec.trainSize());
        return new Parts(train, parts.test());
    }

    /**
     * {@code k} rows of each class for training, taken in the order of one seeded permutation of all
     * rows (so a larger k keeps the smaller k's rows), and every other row for testing; both parts
     * in that shuffled order.
     */
    private static Parts perClass(int[] labels, int classCount, int k, Random random, String source) {
        int[] perm = permutation(labels.length, random);
        int[] taken = new int[classCount];
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int row : perm) {
            if (taken[labels[row]] < k) {
                taken[labels[row]]++;
                train.add(row);
            } else {
                test.add(row);
            }
        }
        for (int c = 0; c < classCount; c++) {
            if (taken[c] < k) {
                throw new DataException(source, "--per-class " + k + ": class " + c + " has only " + taken[c] + " rows");
            }
        }
        if (test.isEmpty()) {
            throw new DataException(source, "--per-class " + k + " takes every row for training; none is left to test on");
        }
        return new Parts(train.stream().mapToInt(Integer::intValue).toArray(),
                test.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Like scikit-learn's ShuffleSplit: one permutation, the test rows first. */
    private static Parts plain(int n, int testCount, Random random) {
        int[] perm = permutation(n, random);
        return new Parts(Arrays.copyOfRange(perm, testCount, n), Arrays.copyOf(perm, testCount));
    }

    /**
     * Each class gives the test part its proportional share of {@code testCount}, rounded by
     * largest remainder so that the shares add up exactly; both parts are then shuffled so that the
     * first K training rows are not sorted by class.
     */
    private static Parts stratified(int[] labels, int classCount, int testCount, Random random, String source) {
        int n = labels.length;
        List<List<Integer>> byClass = new ArrayList<>();
        for (int k = 0; k < classCount; k++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            byClass.get(labels[i]).add(i);
        }
        int[] share = new int[classCount];
        double[] remainder = new double[classCount];
        int given = 0;
        for (int k = 0; k < classCount; k++) {
            int size = byClass.get(k).size();
            if (size == 1) {
                throw new DataException(source, "a stratified split needs at least 2 rows of each class; class "
                        + k + " has 1");
            }
            double exact = (double) testCount * size / n;
            share[k] = (int) Math.floor(exact);
            remainder[k] = exact - share[k];
            given += share[k];
        }
        while (given < testCount) {
            int best = -1;
            for (int k = 0; k < classCount; k++) {
                if (share[k] < byClass.get(k).size() && (best < 0 || remainder[k] > remainder[best])) {
                    best = k;
                }
            }
            share[best]++;
            remainder[best] = -1;
            given++;
        }
        var train = new ArrayList<Integer>();
        var test = new ArrayList<Integer>();
        for (int k = 0; k < classCount; k++) {
            List<Integer> rows = byClass.get(k);
            int[] perm = permutation(rows.size(), random);
            for (int r = 0; r < perm.length; r++) {
                (r < share[k] ? test : train).add(rows.get(perm[r]));
            }
        }
        return new Parts(shuffled(train, random), shuffled(test, random));
    }

    private static int[] shuffled(List<Integer> rows, Random random) {
        int[] perm = permutation(rows.size(), random);
        int[] out = new int[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = rows.get(perm[r]);
        }
        return out;
    }

    /** Fisher–Yates from the top, so the result depends only on the seed and n. */
    private static int[] permutation(int n, Random random) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }
}
