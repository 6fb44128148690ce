package org.tamebnn.bnn;

/**
 * The output layer's activation: the 0/1 step of a classifier (Bah &amp; Kurtz's (5)–(8)), or the
 * identity of a regression network, whose outputs are the real preactivations W·v − λ (the paper's
 * remark on a continuous output layer, trained under the squared loss).
 *
 * @since 2.2
 */
public enum OutputActivation {
    /** u = [a ≥ 0]: a binary output per neuron, for classes. */
    STEP,
    /** o = a: a real output per neuron, for regression targets. */
    IDENTITY
}
