package org.tamebnn.bnn;

import org.tamebnn.api.loss.OutputKind;

/**
 * Where each quantity of the network lives in a {@link BnnMilp}'s model, so that a solution can be
 * read back. Indices are 0-based: layer 0 is the paper's ℓ = 1; "point" is the index into
 * {@link BnnMilp#points()}. A column of −1 means the quantity is not a variable of this model.
 *
 * <p>Weights are columns of w ∈ [−1, 1] for {@link WeightDomain#REAL}, of b ∈ {0, 1} with
 * w = 2b − 1 for {@link WeightDomain#BINARY}, or of c ∈ {−P..P} with w = c/P for
 * {@link WeightDomain#INTEGER}; {@link #weightValue} applies that map.
 */
public final class BnnVariables {
    private final WeightDomain domain;
    private final int maxWeight;
    private final int[][][] weight;
    private final int[][] threshold;
    private final int[][][][] activation;
    private final int[][][][][] product;
    private final int[][][] indicator;
    private final int margin;
    private final OutputKind outputKind;
    private final int[][] outputPreactivation;

    /**
     * For the formulation builder; the arrays are kept, not copied.
     *
     * @param weight     [layer][neuron][input] column of w (or b)
     * @param threshold  [layer][neuron] column of λ, or null for BDNN0
     * @param activation [point][layer][neuron][bit] column of u; one bit for the 0/1 step, the
     *                   thermometer bits yᵢ = [a ≥ tᵢ] for a multi-level {@link DiscreteActivation}
     * @param product    [point][layer][neuron][input][bit] column of s = w·u, null entries for layer 0
     * @param indicator  [layer][neuron][input] column of z (w ≠ 0 ⇒ z = 1), or null without a sparsity budget
     * @param margin     column of δ, or −1 without max-margin
     */
    public BnnVariables(WeightDomain domain, int[][][] weight, int[][] threshold, int[][][][] activation,
            int[][][][][] product, int[][][] indicator, int margin) {
        this(domain, weight, threshold, activation, product, indicator, margin, OutputKind.BINARY, null);
    }

    /**
     * As {@link #BnnVariables(WeightDomain, int[][][], int[][], int[][][][], int[][][][][], int[][][], int)},
     * with what the loss scores.
     *
     * @param outputKind          what the loss scores: the output neurons' activations
     *                            ({@link OutputKind#BINARY}) or their preactivations
     *                            ({@link OutputKind#PREACTIVATION})
     * @param outputPreactivation [point][neuron] column of the output layer's preactivation a, or
     *                            null when the loss scores activations
     * @since 2.1
     */
    public BnnVariables(WeightDomain domain, int[][][] weight, int[][] threshold, int[][][][] activation,
            int[][][][][] product, int[][][] indicator, int margin, OutputKind outputKind,
            int[][] outputPreactivation) {
        this(domain, 1, weight, threshold, activation, product, indicator, margin, outputKind, outputPreactivation);
    }

    /**
     * As the constructor above, for any weight domain.
     *
     * @param maxWeight P of {@link WeightDomain#INTEGER} weights, whose columns hold c ∈ {−P..P}
     *                  for the weight c/P; 1 for the other domains
     * @since 2.4
     */
    public BnnVariables(WeightDomain domain, int maxWeight, int[][][] weight, int[][] threshold,
            int[][][][] activation, int[][][][][] product, int[][][] indicator, int margin, OutputKind outputKind,
            int[][] outputPreactivation) {
        this.maxWeight = maxWeight;
        if ((outputKind == OutputKind.BINARY) != (outputPreactivation == null)) {
            throw new IllegalArgumentException("output kind " + outputKind + " with"
                    + (outputPreactivation == null ? "out" : "") + " preactivation columns");
        }
        this.outputKind = outputKind;
        this.outputPreactivation = outputPreactivation;
        this.domain = domain;
        this.weight = weight;
        this.threshold = threshold;
        this.activation = activation;
        this.product = product;
        this.indicator = indicator;
        this.margin = margin;
    }

    public WeightDomain weightDomain() {
        return domain;
    }

    public int pointCount() {
        return activation.length;
    }

    /** The column of weight w_{k,j} of {@code layer} (or of its b when weights are binary). */
    public int weightColumn(int layer, int neuron, int input) {
        return weight[layer][neuron][input];
    }

    /** The column of λ_k of {@code layer}, −1 when thresholds are fixed to 0 (BDNN0). */
    public int thresholdColumn(int layer, int neuron) {
        return threshold == null ? -1 : threshold[layer][neuron];
    }

    /** The column of u for {@code point}, {@code layer}, {@code neuron} (its first bit y₁ for a multi-level activation). */
    public int activationColumn(int point, int layer, int neuron) {
        return activationColumn(point, layer, neuron, 0);
    }

    /** The column of bit y_{bit+1} = [a ≥ t_{bit+1}] of the neuron's activation. */
    public int activationColumn(int point, int layer, int neuron, int bit) {
        return activation[point][layer][neuron][bit];
    }

    /** The number of bits of the neuron's activation: its level count − 1. */
    public int activationBits(int layer) {
        return activation.length == 0 ? 0 : activation[0][layer][0].length;
    }

    /** The column of s = w_{k,j}·u_j of the layer below (Theorem 2), −1 for layer 0, whose inputs are data. */
    public int productColumn(int point, int layer, int neuron, int input) {
        return productColumn(point, layer, neuron, input, 0);
    }

    /** The column of s = w_{k,j}·y_{j,bit+1}, −1 for layer 0. */
    public int productColumn(int point, int layer, int neuron, int input, int bit) {
        return layer == 0 ? -1 : product[point][layer][neuron][input][bit];
    }

    /** The column of the indicator z of weight w_{k,j}, −1 without a sparsity budget. */
    public int indicatorColumn(int layer, int neuron, int input) {
        return indicator == null ? -1 : indicator[layer][neuron][input];
    }

    /**
     * What the loss scores on each output neuron: its activation u ({@link OutputKind#BINARY}, the
     * paper's (4)) or its preactivation a ({@link OutputKind#PREACTIVATION}, e.g. for the hinge).
     *
     * @since 2.1
     */
    public OutputKind outputKind() {
        return outputKind;
    }

    /**
     * The column of the output layer's preactivation a = W·v − λ for {@code point} and
     * {@code neuron}, −1 when the model has none (the loss scores activations, which need no such
     * column: the big-M rows hold a as an expression).
     *
     * @since 2.1
     */
    public int outputPreactivationColumn(int point, int neuron) {
        return outputPreactivation == null ? -1 : outputPreactivation[point][neuron];
    }

    /** The column of the margin δ, −1 without max-margin. */
    public int marginColumn() {
        return margin;
    }

    /**
     * The weight's value in {@code solution}: w, 2b − 1 with b rounded for binary weights, or c/P
     * with c rounded for integer weights.
     */
    public double weightValue(double[] solution, int layer, int neuron, int input) {
        double v = solution[weight[layer][neuron][input]];
        return switch (domain) {
            case REAL -> Math.clamp(v, -1.0, 1.0);
            case BINARY -> 2 * Math.rint(v) - 1;
            case INTEGER -> Math.clamp(Math.rint(v), -maxWeight, maxWeight) / maxWeight;
        };
    }

    /**
     * The inverse of {@link #weightValue}: the column's value for weight {@code w}.
     *
     * @since 2.4
     */
    public double weightColumnValue(double w) {
        return switch (domain) {
            case REAL -> w;
            case BINARY -> (w + 1) / 2;
            case INTEGER -> Math.rint(w * maxWeight);
        };
    }

    /** λ's value in {@code solution} (clamped to its bounds [−1, 1]); 0 for BDNN0. */
    public double thresholdValue(double[] solution, int layer, int neuron) {
        return threshold == null ? 0.0 : Math.clamp(solution[threshold[layer][neuron]], -1.0, 1.0);
    }

    /** The neuron's level in {@code solution}: u rounded to 0 or 1, or Σ yᵢ (each rounded) for a multi-level activation. */
    public int activationValue(double[] solution, int point, int layer, int neuron) {
        int level = 0;
        for (int column : activation[point][layer][neuron]) {
            level += solution[column] >= 0.5 ? 1 : 0;
        }
        return level;
    }
}
