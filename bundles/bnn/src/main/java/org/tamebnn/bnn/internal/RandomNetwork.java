package org.tamebnn.bnn.internal;

import java.util.List;
import java.util.SplittableRandom;

import org.tamebnn.bnn.BnnSpec;
import org.tamebnn.bnn.DiscreteActivation;
import org.tamebnn.bnn.TrainedBnn;
import org.tamebnn.bnn.TrainingPoint;
import org.tamebnn.bnn.WeightDomain;

/**
 * A random network to restart the local search from: weights and thresholds drawn uniformly from
 * the box (9) of the formulation, [−1, 1] (±1 for binary weights, λ = 0 for BDNN0), within a
 * sparsity budget by zeroing all but a random choice of weights.
 *
 * <p>A network is drawn again while some preactivation on a training point falls into a gap
 * (t − ε, t) the MILP leaves empty: its forward pass would not be a point of the MILP, and the
 * first restricted problem, which fixes the first layer's activations to it, would be infeasible.
 * The chance of that is about ε per neuron and point, so redrawing ends quickly.
 */
public final class RandomNetwork {
    /** Draws before giving up: only an ε near 1 makes clean networks rare. */
    static final int MAX_DRAWS = 1000;

    private RandomNetwork() {
    }

    /** A random network for {@code spec} that keeps every preactivation on {@code points} out of the gaps. */
    public static TrainedBnn draw(BnnSpec spec, List<TrainingPoint> points, SplittableRandom random) {
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            TrainedBnn net = once(spec, random);
            if (clearOfGaps(net, points)) {
                return net;
            }
        }
        throw new IllegalStateException("no random " + spec.describe() + " in " + MAX_DRAWS
                + " draws keeps its preactivations out of the gap ε = " + spec.epsilon());
    }

    private static TrainedBnn once(BnnSpec spec, SplittableRandom random) {
        boolean binary = spec.weights() == WeightDomain.BINARY;
        boolean thresholds = spec.variant().trainsThresholds();
        double[][][] w = new double[spec.layerCount()][][];
        double[][] lambda = new double[spec.layerCount()][];
        for (int l = 0; l < spec.layerCount(); l++) {
            w[l] = new double[spec.width(l)][spec.fanIn(l)];
            lambda[l] = new double[spec.width(l)];
            for (int k = 0; k < spec.width(l); k++) {
                for (int j = 0; j < spec.fanIn(l); j++) {
                    w[l][k][j] = binary ? (random.nextBoolean() ? 1 : -1) : spec.quantize(random.nextDouble(-1, 1));
                }
                lambda[l][k] = thresholds ? random.nextDouble(-1, 1) : 0;
            }
        }
        if (spec.hasSparsityBudget()) {
            keepRandomWeights(w, spec.maxNonZeroWeights(), random);
        }
        return TrainedBnn.of(spec, w, lambda);
    }

    /** Zeroes all but {@code budget} weights, chosen uniformly (a partial Fisher–Yates shuffle of the positions). */
    private static void keepRandomWeights(double[][][] w, int budget, SplittableRandom random) {
        int total = 0;
        for (double[][] layer : w) {
            for (double[] row : layer) {
                total += row.length;
            }
        }
        int[] order = new int[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        for (int i = 0; i < Math.min(budget, total); i++) {
            int pick = i + random.nextInt(total - i);
            int tmp = order[i];
            order[i] = order[pick];
            order[pick] = tmp;
        }
        boolean[] keep = new boolean[total];
        for (int i = 0; i < Math.min(budget, total); i++) {
            keep[order[i]] = true;
        }
        int position = 0;
        for (double[][] layer : w) {
            for (double[] row : layer) {
                for (int j = 0; j < row.length; j++) {
                    if (!keep[position++]) {
                        row[j] = 0;
                    }
                }
            }
        }
    }

    /** No preactivation a with t − ε &lt; a &lt; t for a breakpoint t of its neuron's activation. */
    static boolean clearOfGaps(TrainedBnn net, List<TrainingPoint> points) {
        BnnSpec spec = net.spec();
        double eps = spec.epsilon();
        for (TrainingPoint point : points) {
            double[][] pre = net.forward(point.features()).preactivations();
            for (int l = 0; l < pre.length; l++) {
                DiscreteActivation sigma = spec.activation(l);
                for (double a : pre[l]) {
                    for (int i = 1; i < sigma.levelCount(); i++) {
                        double t = sigma.breakpoint(i);
                        // a safety margin of ε/100 keeps solvers' tolerances from reopening the gap
                        if (a > t - eps - eps / 100 && a < t + eps / 100) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }
}
