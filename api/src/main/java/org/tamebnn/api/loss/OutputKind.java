package org.tamebnn.api.loss;

/** What one output neuron of a network produces, as the loss sees it. */
public enum OutputKind {
    /** A binary activation in {0, 1} (a classifier's output neuron); the target is 0 or 1. */
    BINARY,
    /** A real value (identity activation, for regression); the target is a real number. */
    CONTINUOUS,
    /**
     * The real preactivation a = W·v − λ of a classifier's binary output neuron, which fires iff
     * a ≥ 0 (up to the formulation's gap ε): the margin a margin-based loss such as the hinge
     * scores. The target is the neuron's 0/1 target, as for {@link #BINARY}.
     *
     * @since 1.1
     */
    PREACTIVATION
}
