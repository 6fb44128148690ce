package org.tamebnn.api.loss;

/** What one output neuron of a network produces. */
public enum OutputKind {
    /** A binary activation in {0, 1} (a classifier's output neuron). */
    BINARY,
    /** A real value (identity activation, for regression). */
    CONTINUOUS
}
