package org.tamebnn.bnn.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tamebnn.bnn.TrainingPoint;
import org.tamebnn.data.Dataset;

/**
 * The points a training MILP is built on: one per row, or one per distinct feature vector.
 *
 * <p>Merging is exact: the network's activations are a function of the features alone, so rows
 * with equal features have equal u-variables in every feasible solution, and their loss terms
 * (linear in u for each fixed label) can be added into one term per label with the rows' count as
 * its weight. Rows with equal features but different labels are merged too (one point, a weight
 * per label), which is the same argument and saves the duplicated activation variables as well.
 */
public final class PointMerger {

    private PointMerger() {
    }

    /** The rows of {@code data} as training points, merged by feature vector when {@code merge}. */
    public static List<TrainingPoint> points(Dataset data, boolean merge) {
        if (data.isRegression()) {
            return regressionPoints(data, merge);
        }
        int classes = data.classCount();
        if (!merge) {
            List<TrainingPoint> points = new ArrayList<>(data.size());
            for (int i = 0; i < data.size(); i++) {
                double[] weights = new double[classes];
                weights[data.label(i)] = 1;
                points.add(new TrainingPoint(data.row(i), weights, new int[] {i}));
            }
            return points;
        }
        Map<Key, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            groups.computeIfAbsent(new Key(normalised(data.row(i))), k -> new ArrayList<>()).add(i);
        }
        List<TrainingPoint> points = new ArrayList<>(groups.size());
        for (Map.Entry<Key, List<Integer>> group : groups.entrySet()) {
            double[] weights = new double[classes];
            int[] rows = group.getValue().stream().mapToInt(Integer::intValue).toArray();
            for (int row : rows) {
                weights[data.label(row)] += 1;
            }
            points.add(new TrainingPoint(group.getKey().features, weights, rows));
        }
        return points;
    }

    /**
     * Regression rows merge only with rows of equal features and equal targets: the loss is then the
     * same function of the (shared) output, counted as often as the rows. Rows whose targets differ
     * stay apart, each with its own target.
     */
    private static List<TrainingPoint> regressionPoints(Dataset data, boolean merge) {
        Map<Key, List<Integer>> groups = new LinkedHashMap<>();
        int n = data.featureCount();
        for (int i = 0; i < data.size(); i++) {
            double[] x = data.row(i);
            double[] key = Arrays.copyOf(x, n + data.targetCount());
            System.arraycopy(data.targets(i), 0, key, n, data.targetCount());
            groups.computeIfAbsent(merge ? new Key(normalised(key)) : new Key(new double[] {i}),
                    k -> new ArrayList<>()).add(i);
        }
        List<TrainingPoint> points = new ArrayList<>(groups.size());
        for (List<Integer> group : groups.values()) {
            int first = group.getFirst();
            points.add(new TrainingPoint(data.row(first), new double[] {group.size()},
                    group.stream().mapToInt(Integer::intValue).toArray(), data.targets(first)));
        }
        return points;
    }

    /** −0.0 and 0.0 are the same input to a network, but not to {@link Arrays#equals(double[], double[])}. */
    private static double[] normalised(double[] x) {
        for (int j = 0; j < x.length; j++) {
            x[j] += 0.0;
        }
        return x;
    }

    private record Key(double[] features) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(features, k.features);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(features);
        }
    }
}
