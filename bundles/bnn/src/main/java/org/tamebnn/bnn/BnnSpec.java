package org.tamebnn.bnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.tamebnn.data.Dataset;

/**
 * What network to train: a fully connected BNN with {@code inputWidth} inputs, any number of hidden
 * layers of any width, and an output layer of one neuron for two classes (it fires for class 1)
 * or one neuron per class for three or more (one-hot; exactly one fires) — or, for regression
 * ({@link OutputActivation#IDENTITY}), one real output o = W·v − λ per target.
 *
 * @param inputWidth        n, the number of features (d₀ in the paper)
 * @param hiddenWidths      the hidden layers' widths d₁ … d_{L−1}, possibly none
 * @param classCount        K ≥ 2 for a classifier; 0 for a regression network, which has no classes
 * @param variant           trained thresholds (BDNN) or λ = 0 (BDNN0)
 * @param weights           real weights in [−1, 1], binary weights in {−1, 1}, or integer weights {−P..P}
 * @param maxNonZeroWeights the sparsity budget ‖W‖₀ ≤ k over all layers' weights (Remark after
 *                          Theorem 2); {@link #NO_BUDGET} for none. Real or integer weights.
 * @param epsilon           ε, the gap that replaces the strict inequality of (5)/(7): a neuron that
 *                          does not fire has preactivation ≤ −ε
 * @param hiddenActivation  the hidden layers' activation (Remark after Theorem 2); the output layer
 *                          always uses {@link DiscreteActivation#STEP}. null reads as STEP.
 * @param outputActivation  the output layer's activation: the step of a classifier, or the identity
 *                          of a regression network (since 2.2). null reads as STEP.
 * @param targetCount       m ≥ 1, the number of real outputs of a regression network; 0 for a
 *                          classifier (since 2.2)
 * @param maxWeight         P, the largest integer weight of {@link WeightDomain#INTEGER} weights
 *                          {−P..P}; 1 for the other domains (since 2.4)
 */
public record BnnSpec(int inputWidth, List<Integer> hiddenWidths, int classCount, Variant variant,
        WeightDomain weights, int maxNonZeroWeights, double epsilon, DiscreteActivation hiddenActivation,
        OutputActivation outputActivation, int targetCount, int maxWeight) {

    /** The default gap ε. */
    public static final double DEFAULT_EPSILON = 1e-3;
    /**
     * ε must exceed this. Solvers accept a row violated by about 1e-6 (relative to the row's
     * coefficients, here up to M ≈ n + 1), so a smaller gap would let a "non-firing" neuron sit on
     * the firing side of 0 and the solver's activations would disagree with the network.
     */
    public static final double MIN_EPSILON = 1e-6;
    /** {@link #maxNonZeroWeights} meaning "no sparsity budget". */
    public static final int NO_BUDGET = Integer.MAX_VALUE;

    /** A classifier (the spec as it was before regression networks). */
    public BnnSpec(int inputWidth, List<Integer> hiddenWidths, int classCount, Variant variant,
            WeightDomain weights, int maxNonZeroWeights, double epsilon, DiscreteActivation hiddenActivation) {
        this(inputWidth, hiddenWidths, classCount, variant, weights, maxNonZeroWeights, epsilon, hiddenActivation,
                OutputActivation.STEP, 0);
    }

    /** A network whose weights are real or binary (the spec as it was before integer weights). */
    public BnnSpec(int inputWidth, List<Integer> hiddenWidths, int classCount, Variant variant,
            WeightDomain weights, int maxNonZeroWeights, double epsilon, DiscreteActivation hiddenActivation,
            OutputActivation outputActivation, int targetCount) {
        this(inputWidth, hiddenWidths, classCount, variant, weights, maxNonZeroWeights, epsilon, hiddenActivation,
                outputActivation, targetCount, 1);
    }

    /** Checks every component and names what is wrong. */
    public BnnSpec {
        if (inputWidth < 1) {
            throw new IllegalArgumentException("input width must be at least 1, not " + inputWidth);
        }
        hiddenWidths = List.copyOf(Objects.requireNonNull(hiddenWidths, "hiddenWidths"));
        for (int l = 0; l < hiddenWidths.size(); l++) {
            if (hiddenWidths.get(l) < 1) {
                throw new IllegalArgumentException("hidden layer " + (l + 1) + " has width " + hiddenWidths.get(l)
                        + "; every layer needs at least one neuron");
            }
        }
        outputActivation = outputActivation == null ? OutputActivation.STEP : outputActivation;
        if (outputActivation == OutputActivation.STEP) {
            if (classCount < 2) {
                throw new IllegalArgumentException("a classifier needs at least 2 classes, not " + classCount);
            }
            if (targetCount != 0) {
                throw new IllegalArgumentException("a classifier (step output) has no regression targets, not "
                        + targetCount + "; use the identity output for regression");
            }
        } else {
            if (targetCount < 1) {
                throw new IllegalArgumentException("a regression network needs at least 1 target, not " + targetCount);
            }
            if (classCount != 0) {
                throw new IllegalArgumentException("a regression network (identity output) has no classes, not "
                        + classCount);
            }
        }
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(weights, "weights");
        if (maxNonZeroWeights < 0) {
            throw new IllegalArgumentException("the sparsity budget must be ≥ 0, not " + maxNonZeroWeights);
        }
        maxWeight = maxWeight == 0 ? 1 : maxWeight; // saved models written before 2.4 have no P
        if (maxWeight < 1 || maxWeight != 1 && weights != WeightDomain.INTEGER) {
            throw new IllegalArgumentException("the largest weight P = " + maxWeight + " needs integer weights and"
                    + " P ≥ 1 (real and binary weights lie in [−1, 1])");
        }
        if (maxNonZeroWeights != NO_BUDGET && weights == WeightDomain.BINARY) {
            throw new IllegalArgumentException("a sparsity budget needs real or integer weights: binary weights are ±1, never 0");
        }
        if (!(epsilon > MIN_EPSILON)) {
            throw new IllegalArgumentException("ε = " + epsilon + " is too small: it must be > " + MIN_EPSILON
                    + " and stay well above the solvers' feasibility tolerance (about 1e-6 × M), or the solver's"
                    + " activations may disagree with the network's (default " + DEFAULT_EPSILON + ")");
        }
        hiddenActivation = hiddenActivation == null ? DiscreteActivation.STEP : hiddenActivation;
        for (int i = 1; i + 1 < hiddenActivation.levelCount(); i++) {
            if (!(hiddenActivation.breakpoint(i + 1) - hiddenActivation.breakpoint(i) > epsilon)) {
                throw new IllegalArgumentException("activation " + hiddenActivation + ": breakpoints "
                        + hiddenActivation.breakpoint(i) + " and " + hiddenActivation.breakpoint(i + 1)
                        + " are closer than ε = " + epsilon + ", leaving the level between them no room");
            }
        }
        if (!(epsilon < 1)) {
            throw new IllegalArgumentException("ε = " + epsilon + " is too large: with weights in [−1, 1] and inputs"
                    + " in [0, 1] it must be < 1 (default " + DEFAULT_EPSILON + ")");
        }
    }

    /** A builder for a network with {@code inputWidth} inputs; defaults: no hidden layer, 2 classes, BDNN, real weights. */
    public static Builder builder(int inputWidth) {
        return new Builder(inputWidth);
    }

    /** A builder whose input width and class count are those of {@code data}. */
    public static Builder forData(Dataset data) {
        Builder b = new Builder(data.featureCount());
        return data.isRegression() ? b.regression(data.targetCount()) : b.classes(data.classCount());
    }

    /** Output neurons: 1 for two classes, K for K ≥ 3, m for a regression network with m targets. */
    public int outputWidth() {
        if (isRegression()) {
            return targetCount;
        }
        return classCount == 2 ? 1 : classCount;
    }

    /** True for a regression network: an identity output layer with real outputs. */
    public boolean isRegression() {
        return outputActivation == OutputActivation.IDENTITY;
    }

    /**
     * Throws unless this is a classifier, naming {@code who} needs one (the trainers and tools that
     * read classes off binary outputs).
     */
    public void requireClassifier(String who) {
        if (isRegression()) {
            throw new IllegalArgumentException(who + " trains and reads classifiers (a step output layer); "
                    + describe() + " is a regression network: train it with the exact trainer");
        }
    }

    /** L, the number of layers with neurons (hidden layers plus the output layer). */
    public int layerCount() {
        return hiddenWidths.size() + 1;
    }

    /** The number of neurons of layer {@code layer} (0-based; the last is the output layer). */
    public int width(int layer) {
        checkLayer(layer);
        return layer < hiddenWidths.size() ? hiddenWidths.get(layer) : outputWidth();
    }

    /** The number of inputs of layer {@code layer}: n for layer 0, the previous layer's width after. */
    public int fanIn(int layer) {
        checkLayer(layer);
        return layer == 0 ? inputWidth : width(layer - 1);
    }

    /** True for the hidden layers, whose neurons are interchangeable. */
    public boolean isHidden(int layer) {
        checkLayer(layer);
        return layer < hiddenWidths.size();
    }

    /** The total number of weights, Σ_ℓ d_ℓ·d_{ℓ−1}. */
    public int weightCount() {
        int count = 0;
        for (int l = 0; l < layerCount(); l++) {
            count += width(l) * fanIn(l);
        }
        return count;
    }

    /** True when the sparsity budget can bind (it is below the number of weights). */
    public boolean hasSparsityBudget() {
        return maxNonZeroWeights < weightCount();
    }

    /**
     * The activation of {@code layer}: {@link #hiddenActivation} for hidden layers, the 0/1 step for
     * the output layer of a classifier. (A regression network's output layer is the identity, which
     * is no discrete activation: see {@link #outputActivation()}.)
     */
    public DiscreteActivation activation(int layer) {
        return isHidden(layer) ? hiddenActivation : DiscreteActivation.STEP;
    }

    /**
     * The preactivation at which a trained neuron fires, relative to each breakpoint: −ε/2, the
     * middle of the gap (−ε, 0) the MILP leaves empty.
     */
    public double firingThreshold() {
        return -epsilon / 2;
    }

    /** E.g. {@code "9-5-1 BDNN, real weights, ε=0.001"}. */
    public String describe() {
        var sb = new StringBuilder().append(inputWidth);
        for (int l = 0; l < layerCount(); l++) {
            sb.append('-').append(width(l));
        }
        sb.append(' ').append(variant).append(", ").append(switch (weights) {
            case REAL -> "real weights";
            case BINARY -> "binary weights";
            case INTEGER -> "integer weights {−" + maxWeight + ".." + maxWeight + "}";
        });
        if (!hiddenActivation.isStep() && !hiddenWidths.isEmpty()) {
            sb.append(", ").append(hiddenActivation).append(" activation");
        }
        if (isRegression()) {
            sb.append(", identity output");
        }
        if (maxNonZeroWeights != NO_BUDGET) {
            sb.append(", ‖W‖₀ ≤ ").append(maxNonZeroWeights);
        }
        return sb.append(", ε=").append(epsilon).toString();
    }

    /**
     * The nearest weight of this spec's domain to {@code w}, in the stored scale [−1, 1]: w clamped
     * (real), its sign (binary, 0 counting as +1), or the nearest multiple of 1/P (integer).
     *
     * @since 2.4
     */
    public double quantize(double w) {
        return switch (weights) {
            case REAL -> Math.clamp(w, -1.0, 1.0);
            case BINARY -> w >= 0 ? 1 : -1;
            case INTEGER -> Math.clamp(Math.rint(w * maxWeight), -maxWeight, maxWeight) / maxWeight;
        };
    }

    private void checkLayer(int layer) {
        if (layer < 0 || layer >= layerCount()) {
            throw new IndexOutOfBoundsException("layer " + layer + " of a network with " + layerCount() + " layers");
        }
    }

    /** Builds a {@link BnnSpec}; {@link #build()} validates. */
    public static final class Builder {
        private final int inputWidth;
        private final List<Integer> hidden = new ArrayList<>();
        private int classes = 2;
        private Variant variant = Variant.BDNN;
        private WeightDomain weights = WeightDomain.REAL;
        private int budget = NO_BUDGET;
        private double epsilon = DEFAULT_EPSILON;
        private DiscreteActivation activation = DiscreteActivation.STEP;
        private int targets;
        private int maxWeight = 1;

        private Builder(int inputWidth) {
            this.inputWidth = inputWidth;
        }

        /** Appends hidden layers of these widths. */
        public Builder hidden(int... widths) {
            for (int w : widths) {
                hidden.add(w);
            }
            return this;
        }

        /** The number of classes K ≥ 2 (default 2). */
        public Builder classes(int count) {
            this.classes = count;
            return this;
        }

        /** A regression network: an identity output layer with {@code targetCount} real outputs, no classes. */
        public Builder regression(int targetCount) {
            this.targets = targetCount;
            return this;
        }

        /** BDNN (default) or BDNN0. */
        public Builder variant(Variant v) {
            this.variant = v;
            return this;
        }

        /** Real (default), binary or ternary weights (for integer weights beyond ±1 see {@link #integerWeights}). */
        public Builder weights(WeightDomain domain) {
            this.weights = domain;
            this.maxWeight = 1;
            return this;
        }

        /** Integer weights {−P..P} ({@link WeightDomain#INTEGER}; P = 1 is ternary). */
        public Builder integerWeights(int p) {
            this.weights = WeightDomain.INTEGER;
            this.maxWeight = p;
            return this;
        }

        /** Allows at most {@code k} non-zero weights in the whole network. */
        public Builder sparsityBudget(int k) {
            this.budget = k;
            return this;
        }

        /** The gap ε (default {@value BnnSpec#DEFAULT_EPSILON}). */
        public Builder epsilon(double eps) {
            this.epsilon = eps;
            return this;
        }

        /** The hidden layers' activation (default {@link DiscreteActivation#STEP}). */
        public Builder hiddenActivation(DiscreteActivation a) {
            this.activation = a;
            return this;
        }

        /** The spec; throws {@link IllegalArgumentException} naming what is wrong. */
        public BnnSpec build() {
            if (targets > 0) {
                return new BnnSpec(inputWidth, hidden, 0, variant, weights, budget, epsilon, activation,
                        OutputActivation.IDENTITY, targets, maxWeight);
            }
            return new BnnSpec(inputWidth, hidden, classes, variant, weights, budget, epsilon, activation,
                    OutputActivation.STEP, 0, maxWeight);
        }
    }
}
