package org.tamebnn.losses;

import java.util.Arrays;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.loss.OutputKind;
import org.tamebnn.api.milp.MilpModel;

/**
 * The class-weighted 0-1 loss: the 0-1 loss with each misclassified sample of class c counting
 * w_c instead of 1, so that a rare class is not sacrificed to a common one. As a service (and with
 * the no-argument constructor) the weights are "balanced", inversely proportional to the class's
 * frequency in the training set, w_c = N / (K·n_c) (scikit-learn's {@code class_weight='balanced'}):
 * every class then carries the same total weight N/K, and on balanced data it is the 0-1 loss.
 * {@link #ClassWeightedZeroOneLoss(double...)} takes explicit weights instead.
 *
 * <p>The per-term MILP terms, value and subgradient are the 0-1 loss's; the weight enters through
 * {@link #classWeight}, which the trainer multiplies into every term of a sample.
 */
@Component(service = LossFunction.class, property = LossFunction.NAME_PROPERTY + "=" + ClassWeightedZeroOneLoss.NAME)
public final class ClassWeightedZeroOneLoss implements LossFunction {
    static final String NAME = "weighted-zero-one";

    private final ZeroOneLoss zeroOne = new ZeroOneLoss();
    /** null: balanced weights from the class counts. */
    private final double[] weights;

    /** Balanced weights, N / (K·n_c). */
    public ClassWeightedZeroOneLoss() {
        this.weights = null;
    }

    /**
     * Explicit weights, one per class index.
     *
     * @throws IllegalArgumentException when there are none, or one is negative or not finite
     */
    public ClassWeightedZeroOneLoss(double... weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("class weights: give one per class, not none");
        }
        for (int c = 0; c < weights.length; c++) {
            if (!(weights[c] >= 0) || !Double.isFinite(weights[c])) {
                throw new IllegalArgumentException("class weights: class " + c + " has weight " + weights[c]
                        + "; weights must be finite and ≥ 0");
            }
        }
        this.weights = weights.clone();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return weights == null
                ? "0-1 loss with each class weighted inversely to its frequency, N/(K·n_c) (balanced)"
                : "0-1 loss with class weights " + Arrays.toString(weights);
    }

    @Override
    public boolean supports(OutputKind kind) {
        return zeroOne.supports(kind);
    }

    @Override
    public void addTo(MilpModel.Builder model, String prefix, int outputColumn, OutputKind kind, double target,
            double weight) {
        if (kind != OutputKind.BINARY) {
            throw new IllegalArgumentException("the " + NAME + " loss needs BINARY outputs; " + prefix + " is " + kind);
        }
        zeroOne.addTo(model, prefix, outputColumn, kind, target, weight);
    }

    @Override
    public double value(double output, double target) {
        return zeroOne.value(output, target);
    }

    @Override
    public double subgradient(double output, double target) {
        return zeroOne.subgradient(output, target);
    }

    /**
     * The explicit weight of {@code classIndex}, or N / (K·n_c) from the counts (1 for a class
     * without samples, whose weight multiplies nothing).
     *
     * @throws IllegalArgumentException when the explicit weights do not cover every class
     */
    @Override
    public double classWeight(int classIndex, int[] classCounts) {
        if (classIndex < 0 || classIndex >= classCounts.length) {
            throw new IllegalArgumentException("class " + classIndex + " is not one of the " + classCounts.length
                    + " classes");
        }
        if (weights != null) {
            if (weights.length != classCounts.length) {
                throw new IllegalArgumentException("the " + NAME + " loss has weights for " + weights.length
                        + " classes; the training data has " + classCounts.length);
            }
            return weights[classIndex];
        }
        long total = 0;
        for (int n : classCounts) {
            total += n;
        }
        int n = classCounts[classIndex];
        return n == 0 ? 1.0 : (double) total / ((double) classCounts.length * n);
    }
}
