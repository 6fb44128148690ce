package org.tamebnn.bnn;

import java.util.Arrays;
import java.util.Optional;

import org.tamebnn.data.Dataset;

/**
 * How well predictions match labels: accuracy, the confusion matrix, and precision, recall and F1
 * per class and as support-weighted averages (scikit-learn's {@code average='weighted'}, the
 * figures of Bah &amp; Kurtz's Tables 1–2; weighted recall always equals accuracy). A class that is
 * never predicted has precision 0, one that never occurs has recall 0, and F1 is 0 where
 * precision + recall is 0 — scikit-learn's {@code zero_division=0}.
 *
 * @param confusion [actual][predicted] counts
 */
public record Evaluation(int[][] confusion) {

    /** Checks that the matrix is square and copies it. */
    public Evaluation {
        int k = confusion.length;
        int[][] copy = new int[k][];
        for (int a = 0; a < k; a++) {
            if (confusion[a].length != k) {
                throw new IllegalArgumentException("confusion matrix must be square; row " + a + " has "
                        + confusion[a].length + " entries for " + k + " classes");
            }
            copy[a] = confusion[a].clone();
        }
        confusion = copy;
    }

    /** Scores {@code network}'s predictions on {@code data}. */
    public static Evaluation of(TrainedBnn network, Dataset data) {
        return of(data.labels(), network.predict(data), data.classCount());
    }

    /** Scores predictions against labels, classes 0..classCount−1. */
    public static Evaluation of(int[] actual, int[] predicted, int classCount) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(actual.length + " labels but " + predicted.length + " predictions");
        }
        int[][] m = new int[classCount][classCount];
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] < 0 || actual[i] >= classCount || predicted[i] < 0 || predicted[i] >= classCount) {
                throw new IllegalArgumentException("point " + i + ": label " + actual[i] + ", prediction "
                        + predicted[i] + "; classes are 0.." + (classCount - 1));
            }
            m[actual[i]][predicted[i]]++;
        }
        return new Evaluation(m);
    }

    @Override
    public int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int a = 0; a < confusion.length; a++) {
            copy[a] = confusion[a].clone();
        }
        return copy;
    }

    /** K. */
    public int classCount() {
        return confusion.length;
    }

    /** The number of points scored. */
    public int size() {
        return Arrays.stream(confusion).flatMapToInt(Arrays::stream).sum();
    }

    /** Points whose prediction is their label. */
    public int correct() {
        int sum = 0;
        for (int k = 0; k < confusion.length; k++) {
            sum += confusion[k][k];
        }
        return sum;
    }

    /** Correct / all; NaN for no points. */
    public double accuracy() {
        return size() == 0 ? Double.NaN : (double) correct() / size();
    }

    /** How many points of class {@code k} there are. */
    public int support(int k) {
        return Arrays.stream(confusion[k]).sum();
    }

    /** How many points were predicted as class {@code k}. */
    public int predictedCount(int k) {
        int sum = 0;
        for (int[] row : confusion) {
            sum += row[k];
        }
        return sum;
    }

    /** Precision, recall and F1 of class {@code k}. */
    public ClassScores classScores(int k) {
        int tp = confusion[k][k];
        int predicted = predictedCount(k);
        int support = support(k);
        double precision = predicted == 0 ? 0 : (double) tp / predicted;
        double recall = support == 0 ? 0 : (double) tp / support;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassScores(k, precision, recall, f1, support);
    }

    /** Support-weighted averages of the per-class scores (class index −1). */
    public ClassScores weightedAverage() {
        double p = 0;
        double r = 0;
        double f = 0;
        int total = size();
        for (int k = 0; k < confusion.length; k++) {
            ClassScores s = classScores(k);
            p += s.precision() * s.support();
            r += s.recall() * s.support();
            f += s.f1() * s.support();
        }
        return total == 0 ? new ClassScores(-1, Double.NaN, Double.NaN, Double.NaN, 0)
                : new ClassScores(-1, p / total, r / total, f / total, total);
    }

    /** For two classes, the scores of the positive class 1; empty for K ≥ 3. */
    public Optional<ClassScores> positiveClass() {
        return confusion.length == 2 ? Optional.of(classScores(1)) : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Evaluation e && Arrays.deepEquals(confusion, e.confusion);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(confusion);
    }

    /** E.g. {@code "accuracy 95.0% (133/140); weighted P/R/F1 95.1/95.0/95.0%"}. */
    @Override
    public String toString() {
        ClassScores w = weightedAverage();
        return String.format(java.util.Locale.ROOT, "accuracy %.1f%% (%d/%d); weighted P/R/F1 %.1f/%.1f/%.1f%%",
                100 * accuracy(), correct(), size(), 100 * w.precision(), 100 * w.recall(), 100 * w.f1());
    }

    /**
     * Scores of one class (or of the weighted average, class −1).
     *
     * @param classIndex the class, −1 for an average
     * @param support    how many points of the class (all points for an average)
     */
    public record ClassScores(int classIndex, double precision, double recall, double f1, int support) {
    }
}
