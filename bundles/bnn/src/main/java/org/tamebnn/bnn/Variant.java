package org.tamebnn.bnn;

/** Whether the neurons' thresholds λ are trained (Bah &amp; Kurtz's BDNN) or fixed to 0 (their BDNN0). */
public enum Variant {
    /** Thresholds λ ∈ [−1, 1] are variables of the MILP, trained with the weights. */
    BDNN,
    /** Thresholds fixed to λ = 0: a neuron fires iff W·v ≥ 0 (Section 5, "BDNN0"). */
    BDNN0;

    /** True when thresholds are variables. */
    public boolean trainsThresholds() {
        return this == BDNN;
    }
}
