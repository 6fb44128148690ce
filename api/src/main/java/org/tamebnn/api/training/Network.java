package org.tamebnn.api.training;

/**
 * A trained model, as the pipeline evaluates it: it reads rows prepared as the training rows were
 * (imputed, scaled to [0, 1]) and gives a class or real outputs.
 */
public interface Network {
    /** The class index (0-based, in the training data's class order) it assigns to {@code row}. */
    int classify(double[] row);

    /**
     * Its real outputs on {@code row}: the targets, on the training data's scale, for a regression
     * network. A classifier may answer its output activations.
     */
    double[] outputs(double[] row);

    /** One line: its architecture. */
    String describe();
}
