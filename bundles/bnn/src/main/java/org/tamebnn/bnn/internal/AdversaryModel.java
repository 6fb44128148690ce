package org.tamebnn.bnn.internal;

import java.util.Arrays;
import java.util.Optional;

import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.bnn.BnnSpec;
import org.tamebnn.bnn.DiscreteActivation;
import org.tamebnn.bnn.PerturbationNorm;
import org.tamebnn.bnn.TrainedBnn;

/**
 * The adversarial problem of the column-and-constraint generation of Section 4 for one point: with
 * the network's weights and thresholds fixed, is there an x' with ‖x' − x‖ ≤ r whose output neuron
 * takes a given (wrong) value? With W and λ constants the rows of (11)'s second stage are linear in
 * x' and in the activation bits, so this is a small MILP: continuous x', one binary per bit of each
 * hidden neuron, the output bit fixed. Feasibility only (objective 0): any such x' is a worst case of
 * the 0-1 loss.
 *
 * <p>How a preactivation a reads as a bit y = [a ≥ t] is a parameter: y = 0 needs a ≤ t + offShift,
 * y = 1 needs a ≥ t + onShift. The forward pass fires at a ≥ t + f (f = −ε/2): offShift = f − τ,
 * onShift = f + τ reads it with a margin τ either side, so that every x' found flips the forward
 * pass despite the solver's tolerances; offShift = onShift = f relaxes it (at a = t + f both bits
 * are allowed), so that "infeasible" there proves that no x' in the ball flips the output.
 *
 * <p>Big-M values are the exact ranges of each preactivation over the ball, by interval arithmetic:
 * in the first layer W_k·x − λ_k ± r·Σ_j|w_kj| (ℓ∞) or ± r·max_j|w_kj| (ℓ1); after, from the ranges
 * of the inputs' levels. A bit whose value the range decides is fixed, and when the ranges already
 * rule the wrong output out no model is built at all.
 */
public final class AdversaryModel {
    private final TrainedBnn net;
    private final BnnSpec spec;
    private final double[] x;
    private final PerturbationNorm norm;
    private final double radius;
    private final double offShift;
    private final double onShift;
    /** [layer][neuron] range of the preactivation over the ball. */
    private final double[][] low;
    private final double[][] high;
    /** [layer][neuron] the lowest and highest level the neuron can take, under this reading. */
    private final int[][] minLevel;
    private final int[][] maxLevel;
    /** Some neuron's whole range lies between t + offShift and t + onShift: no x' can be read at all. */
    private boolean unreadable;
    /** The largest depth δ the deepest-point objective rewards. */
    private static final double DEPTH_CAP = 1.0;
    private boolean deepest;
    /** Column of δ, −1 unless {@link #deepest}. */
    private int depth = -1;

    /**
     * The model and where x' is in it.
     *
     * @param model  the MILP
     * @param inputs column of x'_j for each feature j
     */
    public record Built(MilpModel model, int[] inputs) {
    }

    private AdversaryModel(TrainedBnn net, double[] x, PerturbationNorm norm, double radius, double offShift,
            double onShift) {
        this.net = net;
        this.spec = net.spec();
        this.x = x.clone();
        this.norm = norm;
        this.radius = radius;
        this.offShift = offShift;
        this.onShift = onShift;
        int layers = spec.layerCount();
        low = new double[layers][];
        high = new double[layers][];
        minLevel = new int[layers][];
        maxLevel = new int[layers][];
        propagateRanges();
    }

    /**
     * The adversarial MILP for {@code x}, its output bit fixed to {@code outputValue}, or empty when
     * the preactivation ranges already show that no x' in the ball gives that output.
     *
     * @throws IllegalArgumentException for a network with more than one output neuron, a negative
     *         radius, shifts with offShift &gt; onShift, or an x of the wrong width
     */
    public static Optional<Built> build(TrainedBnn net, double[] x, int outputValue, PerturbationNorm norm,
            double radius, double offShift, double onShift) {
        return build(net, x, outputValue, norm, radius, offShift, onShift, false);
    }

    /**
     * As {@link #build(TrainedBnn, double[], int, PerturbationNorm, double, double, double)}; with
     * {@code deepest}, instead of any such x' the one whose undecided preactivations lie farthest
     * (by the smallest distance δ ≤ {@value #DEPTH_CAP}) beyond their reading thresholds: maximise δ
     * with a ≤ t + offShift − δ when off and a ≥ t + onShift + δ when on, for each bit the ranges
     * leave open. All x' misclassify alike under the 0-1 loss; the deepest is still misclassified
     * after small changes of the weights, so as a scenario it cuts off more networks.
     */
    public static Optional<Built> build(TrainedBnn net, double[] x, int outputValue, PerturbationNorm norm,
            double radius, double offShift, double onShift, boolean deepest) {
        BnnSpec spec = net.spec();
        if (spec.outputWidth() != 1) {
            throw new IllegalArgumentException("the adversarial problem is built for a binary classifier (one output"
                    + " neuron); the network " + spec.describe() + " has " + spec.outputWidth());
        }
        if (!(radius >= 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("the radius must be a number ≥ 0, not " + radius);
        }
        if (offShift > onShift) {
            throw new IllegalArgumentException("off shift " + offShift + " above on shift " + onShift
                    + " would let a preactivation read as both 0 and 1");
        }
        if (x.length != spec.inputWidth()) {
            throw new IllegalArgumentException("point has " + x.length + " features; the network expects "
                    + spec.inputWidth());
        }
        if (outputValue != 0 && outputValue != 1) {
            throw new IllegalArgumentException("output value " + outputValue + " is not 0 or 1");
        }
        var m = new AdversaryModel(net, x, norm, radius, offShift, onShift);
        m.deepest = deepest;
        int out = spec.layerCount() - 1;
        if (m.unreadable || outputValue < m.minLevel[out][0] || outputValue > m.maxLevel[out][0]) {
            return Optional.empty();
        }
        return Optional.of(m.model(outputValue));
    }

    private void propagateRanges() {
        for (int l = 0; l < spec.layerCount(); l++) {
            int width = spec.width(l);
            low[l] = new double[width];
            high[l] = new double[width];
            minLevel[l] = new int[width];
            maxLevel[l] = new int[width];
            for (int k = 0; k < width; k++) {
                double centre = -net.threshold(l, k);
                double spread = 0;
                for (int j = 0; j < spec.fanIn(l); j++) {
                    double w = net.weight(l, k, j);
                    if (l == 0) {
                        centre += w * x[j];
                        spread = norm == PerturbationNorm.LINF ? spread + Math.abs(w) * radius
                                : Math.max(spread, Math.abs(w) * radius);
                    } else {
                        double lo = inputValueRange(l - 1, j, false);
                        double hi = inputValueRange(l - 1, j, true);
                        centre += w * (lo + hi) / 2;
                        spread += Math.abs(w) * (hi - lo) / 2;
                    }
                }
                low[l][k] = centre - spread;
                high[l][k] = centre + spread;
                DiscreteActivation sigma = spec.activation(l);
                int forcedOn = 0;
                int possiblyOn = 0;
                for (int i = 1; i < sigma.levelCount(); i++) {
                    double t = sigma.breakpoint(i);
                    forcedOn += low[l][k] > t + offShift ? 1 : 0;
                    possiblyOn += high[l][k] >= t + onShift ? 1 : 0;
                }
                minLevel[l][k] = forcedOn;
                maxLevel[l][k] = possiblyOn;
                if (forcedOn > possiblyOn) {
                    unreadable = true;
                    return;
                }
            }
        }
    }

    /** The least (or greatest) output value neuron j of {@code layer} can give, over its reachable levels. */
    private double inputValueRange(int layer, int j, boolean greatest) {
        DiscreteActivation sigma = spec.activation(layer);
        double v = greatest ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (int level = minLevel[layer][j]; level <= maxLevel[layer][j]; level++) {
            v = greatest ? Math.max(v, sigma.value(level)) : Math.min(v, sigma.value(level));
        }
        return v;
    }

    private Built model(int outputValue) {
        MilpModel.Builder b = MilpModel.builder("adversary");
        int n = spec.inputWidth();
        int[] inputs = new int[n];
        for (int j = 0; j < n; j++) {
            // ℓ∞: the box itself; ℓ1: the box is implied, the budget row below does the rest
            inputs[j] = b.continuous("x" + j, x[j] - radius, x[j] + radius);
        }
        if (norm == PerturbationNorm.L1) {
            addL1Budget(b, inputs);
        }
        if (deepest) {
            depth = b.continuous("depth", 0, DEPTH_CAP);
            b.objective(depth, 1.0);
            b.sense(org.tamebnn.api.milp.Sense.MAXIMIZE);
        }
        int[][][] bits = new int[spec.layerCount()][][];
        for (int l = 0; l < spec.layerCount(); l++) {
            bits[l] = new int[spec.width(l)][];
            for (int k = 0; k < spec.width(l); k++) {
                bits[l][k] = addNeuron(b, l, k, inputs, bits);
            }
        }
        int out = bits[spec.layerCount() - 1][0][0];
        b.variableBounds(out, outputValue, outputValue);
        return new Built(b.build(), inputs);
    }

    /** x' = x + p − q with p, q ≥ 0 and Σ (p + q) ≤ r: ‖x' − x‖₁ ≤ r. */
    private void addL1Budget(MilpModel.Builder b, int[] inputs) {
        int n = inputs.length;
        int[] budgetCols = new int[2 * n];
        double[] ones = new double[2 * n];
        Arrays.fill(ones, 1.0);
        for (int j = 0; j < n; j++) {
            int p = b.continuous("up" + j, 0, radius);
            int q = b.continuous("down" + j, 0, radius);
            b.addRow("shift" + j, x[j], x[j], new int[] {inputs[j], p, q}, new double[] {1, -1, 1});
            budgetCols[2 * j] = p;
            budgetCols[2 * j + 1] = q;
        }
        b.addRow("budget", Double.NEGATIVE_INFINITY, radius, budgetCols, ones);
    }

    /**
     * Neuron k of layer l: its bits y_i = [a ≥ t_i] (a thermometer code, y_{i+1} ≤ y_i, as in the
     * formulation), each tied to a by the two rows of (5)/(6) or (7)/(8) with the weights fixed:
     * a − (H − t − off)·y ≤ t + off and a − (t + on − L)·y ≥ L, with [L, H] the range of a.
     */
    private int[] addNeuron(MilpModel.Builder b, int l, int k, int[] inputs, int[][][] bits) {
        DiscreteActivation sigma = spec.activation(l);
        int count = sigma.levelCount() - 1;
        // a = constant + Σ coef·col
        int fanIn = spec.fanIn(l);
        int[] cols = new int[fanIn * Math.max(1, l == 0 ? 1 : spec.activation(l - 1).levelCount() - 1) + 1];
        double[] coefs = new double[cols.length];
        int size = 0;
        double constant = -net.threshold(l, k);
        for (int j = 0; j < fanIn; j++) {
            double w = net.weight(l, k, j);
            if (l == 0) {
                cols[size] = inputs[j];
                coefs[size++] = w;
                continue;
            }
            DiscreteActivation below = spec.activation(l - 1);
            constant += w * below.value(0);
            for (int i = 0; i < bits[l - 1][j].length; i++) {
                cols[size] = bits[l - 1][j][i];
                coefs[size++] = w * (below.value(i + 1) - below.value(i));
            }
        }
        int[] y = new int[count];
        double lo = low[l][k];
        double hi = high[l][k];
        for (int i = 0; i < count; i++) {
            double t = sigma.breakpoint(i + 1);
            String name = (l + 1) + "_" + k + (count == 1 ? "" : "_" + (i + 1));
            y[i] = b.binary("u" + name);
            boolean forcedOn = lo > t + offShift;
            boolean possiblyOn = hi >= t + onShift;
            if (forcedOn || !possiblyOn) {
                double v = forcedOn ? 1 : 0;
                b.variableBounds(y[i], v, v);
            }
            if (i > 0) {
                b.addRow("ord" + name, 0, Double.POSITIVE_INFINITY, new int[] {y[i - 1], y[i]}, new double[] {1, -1});
            }
            boolean open = !forcedOn && possiblyOn && depth >= 0;
            int extra = open ? 2 : 1;
            int[] rowCols = Arrays.copyOf(cols, size + extra);
            double[] rowCoefs = Arrays.copyOf(coefs, size + extra);
            rowCols[size] = y[i];
            double cap = open ? DEPTH_CAP : 0;
            if (open) {
                rowCols[size + 1] = depth;
            }
            // y = 0 ⇒ a ≤ t + off (− δ); y = 1 relaxes it to a ≤ H
            double mOff = Math.max(0, hi - t - offShift) + cap;
            rowCoefs[size] = -mOff;
            if (open) {
                rowCoefs[size + 1] = 1;
            }
            b.addRow("off" + name, Double.NEGATIVE_INFINITY, t + offShift - constant, rowCols, rowCoefs.clone());
            // y = 1 ⇒ a ≥ t + on (+ δ); y = 0 relaxes it to a ≥ L
            double mOn = Math.max(0, t + onShift - lo) + cap;
            rowCoefs[size] = -mOn;
            if (open) {
                rowCoefs[size + 1] = -1;
            }
            b.addRow("on" + name, t + onShift - mOn - constant, Double.POSITIVE_INFINITY, rowCols, rowCoefs);
        }
        return y;
    }
}
