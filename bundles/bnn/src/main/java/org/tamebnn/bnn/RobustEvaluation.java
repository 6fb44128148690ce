package org.tamebnn.bnn;

import java.util.Locale;

/**
 * A network's accuracy on a data set, plainly and on whole balls: a point is robustly correct when
 * every x' with ‖x' − x‖ ≤ r is classified correctly, proven by {@link AdversarialSearch#certify}.
 *
 * @param size      points evaluated
 * @param correct   points classified correctly
 * @param robust    points proven correct on their whole ball
 * @param undecided correct points neither proven robust nor shown to flip (a solver limit, or a flip
 *                  only within ε of a threshold); they do not count as robust
 * @param norm      the ball's norm
 * @param radius    the ball's radius
 */
public record RobustEvaluation(int size, int correct, int robust, int undecided, PerturbationNorm norm,
        double radius) {

    /** correct / size. */
    public double accuracy() {
        return size == 0 ? Double.NaN : (double) correct / size;
    }

    /** robust / size: a lower bound on the true robust accuracy when {@code undecided} &gt; 0. */
    public double robustAccuracy() {
        return size == 0 ? Double.NaN : (double) robust / size;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "accuracy %.1f%% (%d/%d), robust accuracy %.1f%% (%d/%d) at %s r=%s%s",
                100 * accuracy(), correct, size, 100 * robustAccuracy(), robust, size, norm.label(), radius,
                undecided == 0 ? "" : ", " + undecided + " undecided");
    }
}
