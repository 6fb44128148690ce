package org.tamebnn.bnn.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.bnn.BnnSpec;
import org.tamebnn.bnn.DiscreteActivation;
import org.tamebnn.bnn.TrainedBnn;
import org.tamebnn.bnn.WeightDomain;

/**
 * The latent parameters of a BNN under straight-through-estimator training, with one sample's
 * forward and backward pass.
 *
 * <p>Forward: exactly {@link TrainedBnn}'s pass (the same firing rule at −ε/2), with binary weights
 * as sign(latent). Backward: a hidden neuron's step is replaced by the straight line through its
 * lowest and highest value over [t₁ − w, t_m + w] (for the 0/1 step at 0: slope ½ on [−w, w], the
 * hardtanh surrogate), and zero outside it; sign(latent) passes its gradient through unchanged. The
 * output neuron's value for the loss is the ramp ũ = clip(½ + (a − t)/2w, 0, 1) and its derivative
 * 1/2w is passed through unclipped, so that a point on the wrong side far from the boundary still
 * gets a push: for the 0-1 loss |ũ − y| this is the gradient of a hinge loss with margin w.
 */
public final class SteNetwork {
    private final BnnSpec spec;
    private final double window;
    private final double[][][] weights; // latent, in [−1, 1]
    private final double[][] thresholds; // latent, in [−1, 1]; stay 0 for BDNN0
    private final double[][][] weightGrad;
    private final double[][] thresholdGrad;
    // one sample's pass
    private final double[][] values; // values[0] = x, values[l + 1] = layer l's output
    private final double[][] pre;
    private final double[][] delta;

    /** Latent weights uniform in ±1/√fan-in (so that preactivations start inside the window), thresholds 0. */
    public SteNetwork(BnnSpec spec, double window, SplittableRandom random) {
        this.spec = spec;
        this.window = window;
        int layers = spec.layerCount();
        weights = new double[layers][][];
        thresholds = new double[layers][];
        weightGrad = new double[layers][][];
        thresholdGrad = new double[layers][];
        values = new double[layers + 1][];
        pre = new double[layers][];
        delta = new double[layers][];
        values[0] = new double[spec.inputWidth()];
        for (int l = 0; l < layers; l++) {
            int width = spec.width(l);
            int fanIn = spec.fanIn(l);
            double scale = 1 / Math.sqrt(fanIn);
            weights[l] = new double[width][fanIn];
            weightGrad[l] = new double[width][fanIn];
            for (double[] row : weights[l]) {
                for (int j = 0; j < fanIn; j++) {
                    row[j] = scale * (2 * random.nextDouble() - 1);
                }
            }
            thresholds[l] = new double[width];
            thresholdGrad[l] = new double[width];
            values[l + 1] = new double[width];
            pre[l] = new double[width];
            delta[l] = new double[width];
        }
    }

    /** The weight the forward pass uses: the latent one, its sign for binary weights, the nearest k/P for integer ones. */
    private double effective(double latent) {
        return spec.weights() == WeightDomain.REAL ? latent : spec.quantize(latent);
    }

    /** The network as it stands, as the forward pass sees it. */
    public TrainedBnn snapshot() {
        double[][][] w = new double[weights.length][][];
        for (int l = 0; l < weights.length; l++) {
            w[l] = new double[weights[l].length][];
            for (int k = 0; k < weights[l].length; k++) {
                w[l][k] = new double[weights[l][k].length];
                for (int j = 0; j < w[l][k].length; j++) {
                    w[l][k][j] = effective(weights[l][k][j]);
                }
            }
        }
        return TrainedBnn.of(spec, w, thresholds);
    }

    /** Clears the accumulated gradient. */
    public void zeroGradient() {
        for (int l = 0; l < weights.length; l++) {
            for (double[] row : weightGrad[l]) {
                Arrays.fill(row, 0);
            }
            Arrays.fill(thresholdGrad[l], 0);
        }
    }

    /**
     * Runs one sample forward and, when {@code accumulate}, adds its gradient; returns its loss on
     * the relaxed output, summed over the output neurons.
     */
    public double pass(double[] x, double[] targets, LossFunction loss, boolean accumulate) {
        System.arraycopy(x, 0, values[0], 0, x.length);
        double firing = spec.firingThreshold();
        int last = weights.length - 1;
        for (int l = 0; l <= last; l++) {
            DiscreteActivation sigma = spec.activation(l);
            for (int k = 0; k < weights[l].length; k++) {
                double a = -thresholds[l][k];
                for (int j = 0; j < values[l].length; j++) {
                    a += effective(weights[l][k][j]) * values[l][j];
                }
                pre[l][k] = a;
                values[l + 1][k] = sigma.value(sigma.level(a, firing));
            }
        }
        double total = 0;
        for (int k = 0; k < pre[last].length; k++) {
            double relaxed = Math.clamp(0.5 + (pre[last][k] - firing) / (2 * window), 0.0, 1.0);
            total += loss.value(relaxed, targets[k]);
            delta[last][k] = loss.subgradient(relaxed, targets[k]) / (2 * window);
        }
        if (accumulate) {
            backward();
        }
        return total;
    }

    private void backward() {
        for (int l = weights.length - 1; l >= 0; l--) {
            for (int k = 0; k < weights[l].length; k++) {
                double d = delta[l][k];
                if (d == 0) {
                    continue;
                }
                for (int j = 0; j < values[l].length; j++) {
                    weightGrad[l][k][j] += d * values[l][j];
                }
                thresholdGrad[l][k] -= d;
            }
            if (l > 0) {
                DiscreteActivation sigma = spec.activation(l - 1);
                for (int j = 0; j < delta[l - 1].length; j++) {
                    double slope = surrogateSlope(sigma, pre[l - 1][j]);
                    double g = 0;
                    if (slope != 0) {
                        for (int k = 0; k < weights[l].length; k++) {
                            g += delta[l][k] * effective(weights[l][k][j]);
                        }
                    }
                    delta[l - 1][j] = g * slope;
                }
            }
        }
    }

    /** The derivative of the straight line through (t₁ − w, v₀) and (t_m + w, v_m) inside that range, else 0. */
    private double surrogateSlope(DiscreteActivation sigma, double a) {
        int m = sigma.levelCount() - 1;
        double from = sigma.breakpoint(1) - window;
        double to = sigma.breakpoint(m) + window;
        if (a < from || a > to) {
            return 0;
        }
        return (sigma.value(m) - sigma.value(0)) / (to - from);
    }

    /** One descent step with the mean gradient of {@code batch} samples; latent values stay in [−1, 1]. */
    public void step(double learningRate, int batch) {
        double rate = learningRate / batch;
        boolean trainThresholds = spec.variant().trainsThresholds();
        for (int l = 0; l < weights.length; l++) {
            for (int k = 0; k < weights[l].length; k++) {
                for (int j = 0; j < weights[l][k].length; j++) {
                    weights[l][k][j] = Math.clamp(weights[l][k][j] - rate * weightGrad[l][k][j], -1.0, 1.0);
                }
                if (trainThresholds) {
                    thresholds[l][k] = Math.clamp(thresholds[l][k] - rate * thresholdGrad[l][k], -1.0, 1.0);
                }
            }
        }
    }
}
