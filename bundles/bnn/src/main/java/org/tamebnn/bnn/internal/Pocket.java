package org.tamebnn.bnn.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.tamebnn.bnn.TrainingPoint;

/**
 * A linear threshold unit for two classes, found cheaply: Gallant's pocket perceptron (perceptron
 * updates, keeping the weights of the epoch with the least weighted training error), then the best
 * threshold along its direction by a scan over the sorted projections. Deterministic for a seed.
 */
public final class Pocket {
    private static final int EPOCHS = 200;

    private Pocket() {
    }

    /**
     * A unit that fires (class 1) iff w·x − λ ≥ 0, with every |w_j| and |λ| ≤ 1, and no point's
     * w·x − λ in the gap (−ε, 0) where the MILP allows neither activation — unless that costs
     * errors, or λ is fixed to 0.
     *
     * @param points        two-class training points (a point may weigh both classes)
     * @param learnThreshold false for BDNN0, where λ = 0
     * @param binaryWeights  round w to ±1
     * @param epsilon        the MILP's gap ε
     * @param seed           orders the perceptron's passes
     * @return {w₁ … w_n, λ}
     */
    public static double[] unit(List<TrainingPoint> points, boolean learnThreshold, boolean binaryWeights,
            double epsilon, long seed) {
        int n = points.getFirst().featureCount();
        double[] best = perceptron(points, n, learnThreshold, seed);
        double scale = 0;
        for (double v : best) {
            scale = Math.max(scale, Math.abs(v));
        }
        double[] unit = new double[n + 1];
        for (int j = 0; j <= n; j++) {
            unit[j] = scale == 0 ? (j < n ? 1 : 0) : best[j] / scale;
            if (binaryWeights && j < n) {
                unit[j] = unit[j] >= 0 ? 1 : -1;
            }
        }
        if (learnThreshold) {
            unit[n] = bestThreshold(points, unit, epsilon);
        } else {
            unit[n] = 0;
        }
        return unit;
    }

    /** Pocket perceptron on the labelled samples; returns {w, λ} of the best epoch (λ = 0 without a threshold). */
    private static double[] perceptron(List<TrainingPoint> points, int n, boolean learnThreshold, long seed) {
        List<double[]> samples = new ArrayList<>(); // {x…, y ∈ ±1, weight}
        for (TrainingPoint p : points) {
            for (int c = 0; c < 2; c++) {
                if (p.classWeight(c) > 0) {
                    double[] s = Arrays.copyOf(p.features(), n + 2);
                    s[n] = c == 1 ? 1 : -1;
                    s[n + 1] = p.classWeight(c);
                    samples.add(s);
                }
            }
        }
        double[] w = new double[n + 1]; // w…, λ
        double[] pocket = w.clone();
        double pocketError = error(samples, w, n);
        Random random = new Random(seed);
        for (int epoch = 0; epoch < EPOCHS && pocketError > 0; epoch++) {
            java.util.Collections.shuffle(samples, random);
            for (double[] s : samples) {
                double y = s[n];
                if (y * preactivation(s, w, n) <= 0) {
                    for (int j = 0; j < n; j++) {
                        w[j] += y * s[j];
                    }
                    if (learnThreshold) {
                        w[n] -= y;
                    }
                }
            }
            double e = error(samples, w, n);
            if (e < pocketError) {
                pocketError = e;
                pocket = w.clone();
            }
        }
        return pocket;
    }

    private static double preactivation(double[] s, double[] w, int n) {
        double a = -w[n];
        for (int j = 0; j < n; j++) {
            a += w[j] * s[j];
        }
        return a;
    }

    private static double error(List<double[]> samples, double[] w, int n) {
        double e = 0;
        for (double[] s : samples) {
            boolean fires = preactivation(s, w, n) >= 0;
            e += fires == (s[n] > 0) ? 0 : s[n + 1];
        }
        return e;
    }

    /**
     * The λ ∈ [−1, 1] with the least weighted error along w, among the midpoints between
     * consecutive projections at least 2ε apart (so every point clears the gap) and the ends ±1;
     * among equals, the one farthest from its nearest point.
     */
    private static double bestThreshold(List<TrainingPoint> points, double[] unit, double epsilon) {
        int n = unit.length - 1;
        double[] projection = new double[points.size()];
        for (int i = 0; i < projection.length; i++) {
            for (int j = 0; j < n; j++) {
                projection[i] += unit[j] * points.get(i).feature(j);
            }
        }
        double[] sorted = projection.clone();
        Arrays.sort(sorted);
        List<Double> candidates = new ArrayList<>(List.of(-1.0, 1.0, unit[n]));
        for (int i = 0; i + 1 < sorted.length; i++) {
            if (sorted[i + 1] - sorted[i] >= 2 * epsilon) {
                candidates.add(Math.clamp((sorted[i] + sorted[i + 1]) / 2, -1.0, 1.0));
            }
        }
        double bestLambda = unit[n];
        double bestError = Double.POSITIVE_INFINITY;
        double bestRoom = Double.NEGATIVE_INFINITY;
        for (double lambda : candidates) {
            double error = 0;
            double room = Double.POSITIVE_INFINITY;
            for (int i = 0; i < projection.length; i++) {
                double a = projection[i] - lambda;
                room = Math.min(room, a >= 0 ? a + epsilon : -a);
                boolean fires = a >= 0;
                error += points.get(i).classWeight(fires ? 0 : 1);
            }
            if (room < epsilon) {
                continue; // some point in the gap: not a start the MILP accepts
            }
            if (error < bestError || error == bestError && room > bestRoom) {
                bestError = error;
                bestRoom = room;
                bestLambda = lambda;
            }
        }
        return bestLambda;
    }
}
