package org.tamebnn.bnn;

import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.bnn.internal.FormulationBuilder;
import org.tamebnn.data.Dataset;

/**
 * Builds the training MILP of Bah &amp; Kurtz, Theorem 2: minimise the loss (4) over weights and
 * thresholds in [−1, 1] (9) and binary activations (10), each neuron's activation tied to its
 * preactivation by two big-M rows ((5)/(6) in the first layer, (7)/(8) after, the strict
 * inequality replaced by the gap ε), and the products w·u of later layers linearised with
 * s-variables.
 */
public final class BnnFormulation {

    private BnnFormulation() {
    }

    /**
     * The MILP that trains {@code spec} on {@code train}.
     *
     * @param train   the training points, features expected in [0, 1] (others are allowed: the
     *                big-M grows with the largest |x|)
     * @param spec    the network
     * @param options the formulation's options ({@link FormulationOptions#paper()} for the plain model)
     * @param loss    the loss on each output neuron, e.g. the 0-1 loss (service name "zero-one"); it
     *                scores the output activations u when it supports {@code OutputKind.BINARY},
     *                else their preactivations a ({@code PREACTIVATION}, e.g. the hinge), and its
     *                class weights multiply the points' weights
     * @throws IllegalArgumentException if the data does not fit the spec (feature or class count),
     *         the loss can score neither binary outputs nor their preactivations, or max-margin
     *         cannot be made lexicographic (it needs a loss on binary outputs with integer values)
     */
    public static BnnMilp build(Dataset train, BnnSpec spec, FormulationOptions options, LossFunction loss) {
        return FormulationBuilder.build(train, spec, options, loss);
    }
}
