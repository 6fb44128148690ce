package org.tamebnn.bnn;

import java.util.Arrays;
import java.util.Objects;

import org.tamebnn.data.Dataset;

/**
 * A trained BNN: its spec, weights and thresholds, and its forward pass. Immutable; arrays are
 * copied in and out, so the record stays a plain structure (for JSON) that no caller can change.
 *
 * <p>Neuron k of layer ℓ computes the preactivation a = W^ℓ_k · v − λ^ℓ_k of its input v (the data
 * point for layer 0, the previous layer's outputs after) and fires (u = 1) iff
 * a ≥ {@code firingThreshold}. With a general {@link DiscreteActivation} in the hidden layers the
 * neuron's level is the number of breakpoints tᵢ with a ≥ tᵢ + {@code firingThreshold}, and its
 * output the value of that level. The MILP leaves the gap (−ε, 0) empty — a neuron that fires has
 * a ≥ 0, one that does not has a ≤ −ε (paper (5)–(8)) — and solvers satisfy those rows only up
 * to a tolerance of about 1e-6, so the forward pass fires at −ε/2, the middle of the gap: firing at
 * a ≥ 0 disagreed with solvers' activations on points whose preactivation came back as −1e-7.
 *
 * <p>Prediction: with two classes the single output neuron's activation is the class. With K ≥ 3
 * classes the class of the one output neuron that fires; when none or several fire (possible off
 * the training set, where no row forces exactly one), the class whose output preactivation is
 * largest, the lowest index among ties.
 *
 * <p>A regression network ({@link BnnSpec#isRegression()}) has an identity output layer: its
 * outputs are the output layer's preactivations, real numbers ({@link #predictValues}); it
 * predicts no class.
 *
 * @param spec            the architecture it was trained for
 * @param weights         [layer][neuron][input]
 * @param thresholds      [layer][neuron] (all 0 for BDNN0)
 * @param firingThreshold a neuron fires iff its preactivation is ≥ this; normally {@link BnnSpec#firingThreshold()}
 */
public record TrainedBnn(BnnSpec spec, double[][][] weights, double[][] thresholds, double firingThreshold)
        implements org.tamebnn.api.training.Network {

    /** Checks the shapes against the spec and copies. */
    public TrainedBnn {
        Objects.requireNonNull(spec, "spec");
        if (weights.length != spec.layerCount() || thresholds.length != spec.layerCount()) {
            throw new IllegalArgumentException("weights/thresholds for " + weights.length + "/" + thresholds.length
                    + " layers, spec " + spec.describe() + " has " + spec.layerCount());
        }
        double[][][] w = new double[weights.length][][];
        double[][] t = new double[thresholds.length][];
        for (int l = 0; l < weights.length; l++) {
            if (weights[l].length != spec.width(l) || thresholds[l].length != spec.width(l)) {
                throw new IllegalArgumentException("layer " + l + " has " + weights[l].length + " weight rows and "
                        + thresholds[l].length + " thresholds; the spec says " + spec.width(l) + " neurons");
            }
            w[l] = new double[weights[l].length][];
            for (int k = 0; k < weights[l].length; k++) {
                if (weights[l][k].length != spec.fanIn(l)) {
                    throw new IllegalArgumentException("layer " + l + ", neuron " + k + " has " + weights[l][k].length
                            + " weights; the spec says " + spec.fanIn(l) + " inputs");
                }
                w[l][k] = weights[l][k].clone();
            }
            t[l] = thresholds[l].clone();
        }
        weights = w;
        thresholds = t;
        if (!Double.isFinite(firingThreshold)) {
            throw new IllegalArgumentException("firing threshold is " + firingThreshold);
        }
    }

    /** A network that fires at the spec's threshold −ε/2. */
    public static TrainedBnn of(BnnSpec spec, double[][][] weights, double[][] thresholds) {
        return new TrainedBnn(spec, weights, thresholds, spec.firingThreshold());
    }

    /** The same weights firing at another threshold (to study the firing rule; 0 is the naive one). */
    public TrainedBnn withFiringThreshold(double threshold) {
        return new TrainedBnn(spec, weights, thresholds, threshold);
    }

    @Override
    public double[][][] weights() {
        double[][][] copy = new double[weights.length][][];
        for (int l = 0; l < weights.length; l++) {
            copy[l] = new double[weights[l].length][];
            for (int k = 0; k < weights[l].length; k++) {
                copy[l][k] = weights[l][k].clone();
            }
        }
        return copy;
    }

    @Override
    public double[][] thresholds() {
        double[][] copy = new double[thresholds.length][];
        for (int l = 0; l < thresholds.length; l++) {
            copy[l] = thresholds[l].clone();
        }
        return copy;
    }

    /** w_{k,j} of {@code layer}, without copying the arrays. */
    public double weight(int layer, int neuron, int input) {
        return weights[layer][neuron][input];
    }

    /** λ_k of {@code layer}. */
    public double threshold(int layer, int neuron) {
        return thresholds[layer][neuron];
    }

    /** ‖W‖₀ over all layers. */
    public int nonZeroWeightCount() {
        int count = 0;
        for (double[][] layer : weights) {
            for (double[] row : layer) {
                for (double w : row) {
                    count += w != 0 ? 1 : 0;
                }
            }
        }
        return count;
    }

    /**
     * The smallest distance of any neuron's preactivation from a firing threshold over {@code rows}:
     * min over rows, neurons with an activation and their breakpoints t of |a − (t + firing
     * threshold)|. This is the margin δ the max-margin objective maximises, measured by the forward
     * pass rather than read off the solver (a regression network's identity outputs have none).
     *
     * @since 2.4
     */
    public double smallestMargin(double[][] rows) {
        double smallest = Double.POSITIVE_INFINITY;
        for (double[] x : rows) {
            double[][] pre = forward(x).preactivations();
            for (int l = 0; l < pre.length; l++) {
                if (spec.isRegression() && l == pre.length - 1) {
                    continue;
                }
                DiscreteActivation sigma = spec.activation(l);
                for (double a : pre[l]) {
                    for (int i = 1; i < sigma.levelCount(); i++) {
                        smallest = Math.min(smallest, Math.abs(a - sigma.breakpoint(i) - firingThreshold));
                    }
                }
            }
        }
        return smallest;
    }

    /** The forward pass of {@code x}: every layer's preactivations and activations, and the predicted class. */
    public ForwardPass forward(double[] x) {
        if (x.length != spec.inputWidth()) {
            throw new IllegalArgumentException("input has " + x.length + " features; the network expects "
                    + spec.inputWidth());
        }
        double[][] pre = new double[weights.length][];
        int[][] act = new int[weights.length][];
        double[] input = x;
        for (int l = 0; l < weights.length; l++) {
            boolean identity = spec.isRegression() && l == weights.length - 1;
            DiscreteActivation sigma = spec.activation(l);
            pre[l] = new double[weights[l].length];
            act[l] = new int[weights[l].length];
            double[] output = new double[weights[l].length];
            for (int k = 0; k < weights[l].length; k++) {
                double a = -thresholds[l][k];
                for (int j = 0; j < input.length; j++) {
                    a += weights[l][k][j] * input[j];
                }
                pre[l][k] = a;
                if (identity) {
                    output[k] = a; // no activation: act stays 0, there is no output bit
                    continue;
                }
                act[l][k] = sigma.level(a, firingThreshold);
                output[k] = sigma.value(act[l][k]);
            }
            input = output;
        }
        int last = pre.length - 1;
        if (spec.isRegression()) {
            return new ForwardPass(pre, act, -1, input);
        }
        return new ForwardPass(pre, act, classOf(pre[last], act[last]),
                java.util.Arrays.stream(act[last]).asDoubleStream().toArray());
    }

    /** A regression network's real outputs for {@code x}: the output layer's preactivations W·v − λ. */
    public double[] predictValues(double[] x) {
        requireRegression();
        return forward(x).outputs();
    }

    /** A regression network's outputs for every row of {@code data}, [row][output]. */
    public double[][] predictValues(Dataset data) {
        requireRegression();
        double[][] out = new double[data.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = predictValues(data.row(i));
        }
        return out;
    }

    private void requireRegression() {
        if (!spec.isRegression()) {
            throw new IllegalStateException("a classifier predicts classes: use predict; " + spec.describe());
        }
    }

    /** Every layer's activations for {@code x}. */
    public int[][] activations(double[] x) {
        return forward(x).activations();
    }

    /** {@link #predict(double[])}, as the training API reads a network. */
    @Override
    public int classify(double[] row) {
        return predict(row);
    }

    /** A regression network's values, a classifier's output activations. */
    @Override
    public double[] outputs(double[] row) {
        return forward(row).outputs();
    }

    @Override
    public String describe() {
        return spec.describe();
    }

    /** The predicted class of {@code x}; for a classifier only (a regression network has {@link #predictValues}). */
    public int predict(double[] x) {
        if (spec.isRegression()) {
            throw new IllegalStateException("a regression network predicts values, not classes: use predictValues; "
                    + spec.describe());
        }
        return forward(x).predictedClass();
    }

    /** The predicted class of every row of {@code data}. */
    public int[] predict(Dataset data) {
        int[] predicted = new int[data.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = predict(data.row(i));
        }
        return predicted;
    }

    private int classOf(double[] outputPre, int[] outputAct) {
        if (spec.classCount() == 2) {
            return outputAct[0];
        }
        int active = -1;
        int activeCount = 0;
        int best = 0;
        for (int k = 0; k < outputAct.length; k++) {
            if (outputAct[k] == 1) {
                active = k;
                activeCount++;
            }
            if (outputPre[k] > outputPre[best]) {
                best = k;
            }
        }
        return activeCount == 1 ? active : best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainedBnn t && spec.equals(t.spec) && Arrays.deepEquals(weights, t.weights)
                && Arrays.deepEquals(thresholds, t.thresholds)
                && Double.compare(firingThreshold, t.firingThreshold) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(spec, Arrays.deepHashCode(weights), Arrays.deepHashCode(thresholds), firingThreshold);
    }

    @Override
    public String toString() {
        return "TrainedBnn[" + spec.describe() + ", weights=" + Arrays.deepToString(weights) + ", thresholds="
                + Arrays.deepToString(thresholds) + ", firing at a ≥ " + firingThreshold + "]";
    }

    /**
     * One forward pass.
     *
     * @param preactivations [layer][neuron] a = W·v − λ
     * @param activations    [layer][neuron] the level of the neuron's activation: for the 0/1 step
     *                       (the output layer, and by default the hidden ones) 1 when a ≥ the firing
     *                       threshold, else 0
     * @param predictedClass the class, by the rule in {@link TrainedBnn}'s description; −1 for a
     *                       regression network
     * @param outputs        the network's outputs: the output layer's activations (0/1) for a
     *                       classifier, its real preactivations for a regression network (since 2.2)
     */
    public record ForwardPass(double[][] preactivations, int[][] activations, int predictedClass, double[] outputs) {

        /** A classifier's pass, its outputs the output layer's activations. */
        public ForwardPass(double[][] preactivations, int[][] activations, int predictedClass) {
            this(preactivations, activations, predictedClass,
                    java.util.Arrays.stream(activations[activations.length - 1]).asDoubleStream().toArray());
        }
    }
}
