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
    BINARY
}
