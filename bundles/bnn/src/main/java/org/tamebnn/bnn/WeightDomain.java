package org.tamebnn.bnn;

/** The values a weight may take. */
public enum WeightDomain {
    /** w ∈ [−1, 1], continuous (Lemma 1, (9)). */
    REAL,
    /**
     * w ∈ {−1, 1} (the paper's binary-weight BDNN, Remark after Theorem 2): the formulation writes
     * w = 2b − 1 with b ∈ {0, 1} everywhere, the s-linearisation included. Thresholds stay
     * continuous in [−1, 1], as in the paper.
     */
    BINARY,
    /**
     * w ∈ {−P, …, P}, integers (BeMi's and Thorbjarnarson &amp; Yorke-Smith's weights; P = 1 gives
     * ternary weights {−1, 0, 1}), P = {@link BnnSpec#maxWeight()}. Stored and trained divided by P,
     * w ∈ {−1, −(P−1)/P, …, 1}: a step neuron fires on the sign of W·v − λ, which a positive factor
     * does not change, so the network with weights k/P, thresholds λ ∈ [−1, 1] and gap ε is the
     * integer network with weights k, thresholds P·λ and gap P·ε; every bound, big-M and margin of
     * the real formulation then holds unchanged. The MILP writes w = c/P with c an integer column
     * in [−P, P].
     *
     * @since 2.4
     */
    INTEGER
}
