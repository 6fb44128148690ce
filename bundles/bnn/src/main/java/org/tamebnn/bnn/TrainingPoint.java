package org.tamebnn.bnn;

import java.util.Arrays;

/**
 * One data point of a training MILP: a feature vector, with a loss weight per class. Without
 * merging each training row is its own point with weight 1 on its label; with
 * {@link FormulationOptions#mergeDuplicates()} the rows sharing a feature vector become one point
 * whose weight for class c is how many of them have label c. Either way the MILP's loss is
 * Σ_points Σ_c weight_c · loss(output, c), the loss of the rows.
 *
 * <p>A regression point carries its real targets instead, and one weight (classWeights = {w}): the
 * number of rows with both these features and these targets (rows with equal features but other
 * targets stay separate points, since their loss terms are not the same function of the output).
 *
 * @param features     the point's features
 * @param classWeights the loss weight per class index (most are 0); for regression the one weight
 * @param rows         the training rows this point stands for
 * @param targets      a regression point's real targets, one per output; null for classification
 *                     (since 2.2)
 */
public record TrainingPoint(double[] features, double[] classWeights, int[] rows, double[] targets) {

    /** A classification point. */
    public TrainingPoint(double[] features, double[] classWeights, int[] rows) {
        this(features, classWeights, rows, null);
    }

    /** Copies the arrays. */
    public TrainingPoint {
        features = features.clone();
        classWeights = classWeights.clone();
        rows = rows.clone();
        targets = targets == null ? null : targets.clone();
        if (targets != null && classWeights.length != 1) {
            throw new IllegalArgumentException("a regression point has one weight, not " + classWeights.length);
        }
    }

    /** A copy of the regression targets, null for a classification point. */
    @Override
    public double[] targets() {
        return targets == null ? null : targets.clone();
    }

    /** True for a regression point (real targets). */
    public boolean isRegression() {
        return targets != null;
    }

    @Override
    public double[] features() {
        return features.clone();
    }

    @Override
    public double[] classWeights() {
        return classWeights.clone();
    }

    @Override
    public int[] rows() {
        return rows.clone();
    }

    /** The feature value {@code j}, without copying. */
    public double feature(int j) {
        return features[j];
    }

    /** The weight of class {@code c}, without copying. */
    public double classWeight(int c) {
        return classWeights[c];
    }

    public int featureCount() {
        return features.length;
    }

    public int classCount() {
        return classWeights.length;
    }

    /** ‖x‖₁. */
    public double l1Norm() {
        double sum = 0;
        for (double v : features) {
            sum += Math.abs(v);
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingPoint p && Arrays.equals(features, p.features)
                && Arrays.equals(classWeights, p.classWeights) && Arrays.equals(rows, p.rows)
                && Arrays.equals(targets, p.targets);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Arrays.hashCode(features) + Arrays.hashCode(classWeights)) + Arrays.hashCode(rows))
                + Arrays.hashCode(targets);
    }

    @Override
    public String toString() {
        return "TrainingPoint[x=" + Arrays.toString(features) + ", classWeights=" + Arrays.toString(classWeights)
                + ", rows=" + Arrays.toString(rows) + (targets == null ? "" : ", targets=" + Arrays.toString(targets))
                + "]";
    }

    /** Receives one loss term of a point: output neuron, its target, and the term's weight. */
    @FunctionalInterface
    public interface LossTerm {
        void accept(int output, double target, double weight);
    }

    /**
     * The loss terms of this point for a network with {@code outputWidth} outputs, each class it
     * carries weighted by its multiplicity: two classes have one output whose target is the class;
     * K ≥ 3 classes have one-hot targets. The objective (4) and the consistency check both read the
     * targets from here, so they cannot disagree about them. A regression point has one term per
     * output, its real target, weighted by the point's weight.
     */
    public void forEachLossTerm(int outputWidth, double scale, LossTerm term) {
        if (targets != null) {
            if (outputWidth != targets.length) {
                throw new IllegalArgumentException("a network with " + outputWidth + " outputs for a point with "
                        + targets.length + " targets");
            }
            for (int k = 0; k < outputWidth; k++) {
                term.accept(k, targets[k], classWeights[0] * scale);
            }
            return;
        }
        for (int c = 0; c < classCount(); c++) {
            double weight = classWeight(c);
            if (weight == 0) {
                continue;
            }
            for (int k = 0; k < outputWidth; k++) {
                term.accept(k, outputWidth == 1 ? c : (c == k ? 1 : 0), weight * scale);
            }
        }
    }
}
