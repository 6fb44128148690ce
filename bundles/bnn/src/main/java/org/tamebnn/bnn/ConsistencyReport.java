package org.tamebnn.bnn;

import java.util.List;

/**
 * Whether a solver's solution and the network read out of it agree: the forward pass's activations
 * on the training points against the solver's u-values, and the training loss the forward pass
 * gives against the one the solver's objective claims. A mismatch is reported, never hidden: it
 * means the solver's tolerances let some preactivation sit on the wrong side of the firing
 * threshold, or that the network read back is not the one the solver found.
 *
 * @param checkedActivations    activations compared (points × neurons)
 * @param mismatchedActivations how many of them differ
 * @param mismatchedPoints      how many training points have at least one that differs
 * @param solverLoss            the training loss the solver claims (its objective without the margin term)
 * @param forwardLoss           the training loss of the forward pass on the training rows
 * @param examples              the first few mismatches, for the message
 * @param lossTolerance         how far the solver's loss may lie below the forward pass's because the
 *                              loss is approximated in the MILP (Σ weight × the loss's
 *                              {@code approximationError}, e.g. the squared error's tangents); 0 for
 *                              an exact loss (since 2.2)
 */
public record ConsistencyReport(int checkedActivations, int mismatchedActivations, int mismatchedPoints,
        double solverLoss, double forwardLoss, List<Mismatch> examples, double lossTolerance) {

    /** A report for an exact loss (no approximation tolerance). */
    public ConsistencyReport(int checkedActivations, int mismatchedActivations, int mismatchedPoints,
            double solverLoss, double forwardLoss, List<Mismatch> examples) {
        this(checkedActivations, mismatchedActivations, mismatchedPoints, solverLoss, forwardLoss, examples, 0.0);
    }

    /** How many mismatches {@link #examples} keeps. */
    public static final int MAX_EXAMPLES = 10;

    /** Copies the examples. */
    public ConsistencyReport {
        examples = List.copyOf(examples);
    }

    /**
     * True when the two losses agree within 1e-6 (relative for large losses), where an approximated
     * loss's solver value may also lie up to {@link #lossTolerance} below the forward pass's (never
     * above: the approximation is from below).
     */
    public boolean lossesAgree() {
        double tol = 1e-6 * Math.max(1, Math.abs(solverLoss));
        return solverLoss <= forwardLoss + tol && solverLoss >= forwardLoss - lossTolerance - tol;
    }

    /** No activation differs and the losses agree. */
    public boolean consistent() {
        return mismatchedActivations == 0 && lossesAgree();
    }

    /** One line, e.g. {@code "consistent: 150 activations agree; loss 3 (solver) = 3 (forward pass)"}. */
    public String describe() {
        String losses = lossTolerance > 0
                ? "loss " + solverLoss + " (solver, piecewise-linear) " + (lossesAgree() ? "≈" : "≉") + " "
                        + forwardLoss + " (forward pass, exact; allowed gap ≤ " + lossTolerance + ")"
                : "loss " + solverLoss + " (solver) " + (lossesAgree() ? "=" : "≠") + " " + forwardLoss
                        + " (forward pass)";
        if (consistent()) {
            return "consistent: " + checkedActivations + " activations agree; " + losses;
        }
        return "INCONSISTENT: " + mismatchedActivations + " of " + checkedActivations + " activations differ on "
                + mismatchedPoints + " points; " + losses + (examples.isEmpty() ? "" : "; e.g. " + examples.getFirst());
    }

    /**
     * One activation on which solver and forward pass disagree.
     *
     * @param point          index into {@link BnnMilp#points()}
     * @param layer          0-based layer
     * @param neuron         neuron in the layer
     * @param solverValue    u in the solver's solution
     * @param preactivation  the forward pass's preactivation (it fires iff ≥ the firing threshold)
     */
    public record Mismatch(int point, int layer, int neuron, int solverValue, double preactivation) {
        @Override
        public String toString() {
            return "point " + point + ", layer " + layer + ", neuron " + neuron + ": solver u=" + solverValue
                    + ", forward a=" + preactivation;
        }
    }
}
