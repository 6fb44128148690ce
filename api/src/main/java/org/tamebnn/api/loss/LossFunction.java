package org.tamebnn.api.loss;

import org.tamebnn.api.milp.MilpModel;

/**
 * A loss on one output neuron against its target, as MILP objective terms (plus any auxiliary
 * variables and rows it needs) and as a function for gradient-based trainers. Plugins register it
 * as an OSGi service with {@value #NAME_PROPERTY} set to {@link #name()}.
 *
 * <p>The training objective is the sum of these terms over samples and output neurons, each
 * scaled by a sample weight (merged duplicate samples count several times) and by the weight
 * {@link #classWeight} gives the sample's class.
 */
public interface LossFunction {
    /** Service property carrying the loss's name. */
    String NAME_PROPERTY = "tamebnn.loss.name";

    /** Short unique name, used on the command line ({@code --loss NAME}). */
    String name();

    /** One line saying what it measures. */
    String description();

    boolean supports(OutputKind kind);

    /**
     * Adds {@code weight × loss(output, target)} to {@code model}'s objective, where {@code output}
     * is column {@code outputColumn}.
     *
     * @param prefix a name prefix unique to this sample and neuron, for any auxiliary variable or row
     * @throws IllegalArgumentException when this loss does not support {@code kind} or the target
     */
    void addTo(MilpModel.Builder model, String prefix, int outputColumn, OutputKind kind, double target,
            double weight);

    /**
     * As {@link #addTo(MilpModel.Builder, String, int, OutputKind, double, double)}, knowing that the
     * output column lies in [{@code outputLower}, {@code outputUpper}] in every solution the model
     * allows (the formulation derives the bounds from |w|, |λ| ≤ 1 and the layer below). A loss the
     * MILP cannot state exactly, such as the squared error of a continuous output, needs them to
     * place a piecewise-linear approximation; the default ignores them.
     *
     * @since 1.2
     */
    default void addTo(MilpModel.Builder model, String prefix, int outputColumn, OutputKind kind, double target,
            double weight, double outputLower, double outputUpper) {
        addTo(model, prefix, outputColumn, kind, target, weight);
    }

    /**
     * The most by which this loss's MILP terms for one output, per unit of weight, may fall below
     * {@link #value} at an optimum of the model (where every auxiliary variable is as small as its
     * rows let it be): 0 (the default) for a loss the MILP states exactly; for a piecewise-linear
     * under-approximation, its stated error bound. The consistency check allows Σ weight × this
     * between the solver's objective and the forward pass's loss.
     *
     * @since 1.2
     */
    default double approximationError(OutputKind kind) {
        return 0.0;
    }

    /** The loss of {@code output} against {@code target}. */
    double value(double output, double target);

    /** An element of the subdifferential of the loss in {@code output}. */
    double subgradient(double output, double target);

    /**
     * The factor by which every loss term of a training sample of class {@code classIndex} is
     * multiplied, given how many training samples each class has: 1 (the default) for a loss that
     * weights all samples alike. A class-weighted loss overrides it; the trainer applies it to the
     * objective (through {@code weight} in {@link #addTo}) and to the loss it recomputes, and a
     * gradient trainer multiplies {@link #value} and {@link #subgradient} by it.
     *
     * @param classIndex  the sample's class, in {@code 0..classCounts.length-1}
     * @param classCounts the number of training samples per class
     * @since 1.1
     */
    default double classWeight(int classIndex, int[] classCounts) {
        return 1.0;
    }
}
