package org.tamebnn.bnn;

import java.util.Locale;

/**
 * An objective of the lexicographic training MILP (BeMi; Icarte et al.): each stage is a solve of
 * its own that keeps every earlier stage's objective at the value that stage reached.
 *
 * @since 2.4
 */
public enum Objective {
    /** The training loss of (4): the fewest misclassified points under the 0-1 loss. */
    LOSS,
    /**
     * The largest δ such that every neuron's preactivation, hidden and output, on every training
     * point lies at least δ from its firing threshold (Icarte et al.'s max-margin).
     */
    MARGIN,
    /** The fewest non-zero weights, ‖W‖₀ (Icarte et al.'s min-weight). */
    SPARSITY;

    /** The lower-case name specs and the console use: {@code loss}, {@code margin}, {@code sparsity}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The objective named {@code label} (any case); throws naming the choices. */
    public static Objective of(String label) {
        for (Objective o : values()) {
            if (o.label().equalsIgnoreCase(label.strip())) {
                return o;
            }
        }
        throw new IllegalArgumentException("no objective '" + label + "'; choose loss, margin or sparsity");
    }
}
