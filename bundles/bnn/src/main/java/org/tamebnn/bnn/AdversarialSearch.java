package org.tamebnn.bnn;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.bnn.internal.AdversaryModel;
import org.tamebnn.data.Dataset;

/**
 * The adversarial problem of Bah &amp; Kurtz, Section 4, for a trained binary classifier: is there a
 * disturbance δ with ‖δ‖ ≤ r (the uncertainty set U) under which the network misclassifies x + δ?
 * Solved as a MILP with the weights fixed (see {@code AdversaryModel}); every x' reported is
 * checked by the forward pass. Immutable.
 *
 * <p>Two readings of a preactivation a against the forward pass's firing threshold f = −ε/2 (the
 * middle of the gap (−ε, 0) that the formulation's rows (5)–(8) leave empty):
 * <ul>
 * <li>{@link #attack}: on at a ≥ f + τ, off at a ≤ f − τ with τ = ε/10, a margin well above
 *     solvers' feasibility tolerance (a vertex solution sits exactly on a row, and 1e-9 below f is
 *     off), so that every x' found flips the forward pass. "No flip" means none outside the band
 *     (f − τ, f + τ).
 * <li>{@link #certify}: first the attack; if it finds nothing, the band closed (both bits allowed
 *     at a = f), a relaxation of the forward pass whose infeasibility proves that every x' in the
 *     ball is classified correctly. What neither settles (a flip possible only within τ of a
 *     threshold) is {@link Verdict#UNDECIDED}, with the relaxation's x' as a candidate.
 * </ul>
 * Why not the formulation's own reading (off at a ≤ −ε): a network can then hide a whole ball in
 * the gap — weights of size ε/r keep every preactivation over the ball within (−ε, ε) — and no
 * adversary reading it that way would ever see the flips the forward pass makes there.
 * The ball is the paper's U: not intersected with the features' range [0, 1].
 */
public final class AdversarialSearch {
    /** Slack for the solver's feasibility tolerance when checking that x' lies in the ball. */
    private static final double BALL_TOLERANCE = 1e-7;
    /** τ as a fraction of ε: 1e-4 for the default ε = 1e-3, a hundred times solvers' usual 1e-6 tolerance. */
    private static final double MARGIN = 0.1;

    private final PerturbationNorm norm;
    private final double radius;

    /** A search over the ball of {@code radius} in {@code norm}. */
    public AdversarialSearch(PerturbationNorm norm, double radius) {
        if (!(radius >= 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("the radius must be a number ≥ 0, not " + radius);
        }
        this.norm = java.util.Objects.requireNonNull(norm, "norm");
        this.radius = radius;
    }

    public PerturbationNorm norm() {
        return norm;
    }

    public double radius() {
        return radius;
    }

    /** What a search found. */
    public enum Verdict {
        /** x itself is misclassified (no solve needed). */
        ALREADY_WRONG,
        /** An x' in the ball that the forward pass misclassifies. */
        FLIPPED,
        /** No x' found: by {@link #attack} none outside the gap; by {@link #certify} none at all. */
        ROBUST,
        /** The solver stopped without an answer (time limit, error), or the two readings disagree. */
        UNDECIDED
    }

    /**
     * One search's outcome.
     *
     * @param verdict   what was found
     * @param perturbed the misclassified x' (x itself for {@link Verdict#ALREADY_WRONG}); for
     *                  {@link Verdict#UNDECIDED} the relaxation's x', a point of the ball the forward
     *                  pass does not misclassify but within τ of doing so, when there is one; else null
     * @param message   why, for {@link Verdict#UNDECIDED}; empty otherwise
     * @param time      the solver's wall time (zero when bounds or the forward pass decided)
     */
    public record Outcome(Verdict verdict, double[] perturbed, String message, Duration time) {
        /** Copies x'. */
        public Outcome {
            perturbed = perturbed == null ? null : perturbed.clone();
        }

        @Override
        public double[] perturbed() {
            return perturbed == null ? null : perturbed.clone();
        }

        /** x' when the point is misclassified somewhere in the ball. */
        public Optional<double[]> adversarialPoint() {
            return Optional.ofNullable(perturbed());
        }

        /** True when the ball holds a misclassified point. */
        public boolean misclassified() {
            return verdict == Verdict.ALREADY_WRONG || verdict == Verdict.FLIPPED;
        }
    }

    /**
     * Looks for an x' in the ball around {@code x} that {@code net} does not assign to {@code label},
     * reading each neuron as on only at a ≥ f + τ and off only at a ≤ f − τ (see the class comment): every x' it reports is
     * misclassified by the forward pass.
     */
    public Outcome attack(TrainedBnn net, double[] x, int label, MilpSolver solver, SolveParams params,
            CancellationToken cancel) {
        return attack(net, x, label, false, solver, params, cancel);
    }

    /**
     * As {@link #attack(TrainedBnn, double[], int, MilpSolver, SolveParams, CancellationToken)}; with
     * {@code deepest}, the x' whose open preactivations lie farthest beyond their thresholds (an
     * optimisation rather than a feasibility problem), the scenario generation's tie-break.
     */
    Outcome attack(TrainedBnn net, double[] x, int label, boolean deepest, MilpSolver solver, SolveParams params,
            CancellationToken cancel) {
        checkLabel(net, label);
        if (net.predict(x) != label) {
            return new Outcome(Verdict.ALREADY_WRONG, x, "", Duration.ZERO);
        }
        double f = net.firingThreshold();
        double tau = MARGIN * net.spec().epsilon();
        return search(net, x, label, f - tau, f + tau, deepest, solver, params, cancel);
    }

    /**
     * Decides whether every x' in the ball around {@code x} is assigned to {@code label}: the attack,
     * then, if it found nothing, the relaxed search whose infeasibility proves it.
     */
    public Outcome certify(TrainedBnn net, double[] x, int label, MilpSolver solver, SolveParams params,
            CancellationToken cancel) {
        return certify(net, x, label, false, solver, params, cancel);
    }

    /** As {@link #certify(TrainedBnn, double[], int, MilpSolver, SolveParams, CancellationToken)}, the attack with {@code deepest}. */
    Outcome certify(TrainedBnn net, double[] x, int label, boolean deepest, MilpSolver solver, SolveParams params,
            CancellationToken cancel) {
        Outcome attack = attack(net, x, label, deepest, solver, params, cancel);
        if (attack.verdict() != Verdict.ROBUST) {
            return attack;
        }
        double f = net.firingThreshold();
        Outcome relaxed = search(net, x, label, f, f, false, solver, params, cancel);
        Duration time = attack.time().plus(relaxed.time());
        return switch (relaxed.verdict()) {
            case ROBUST -> new Outcome(Verdict.ROBUST, null, "", time);
            case FLIPPED -> new Outcome(Verdict.FLIPPED, relaxed.perturbed(), "", time);
            default -> new Outcome(Verdict.UNDECIDED, relaxed.perturbed(), relaxed.message(), time);
        };
    }

    /**
     * Accuracy and robust accuracy of {@code net} on {@code data}: how many points are classified
     * correctly, and how many are certified correct on their whole ball.
     */
    public RobustEvaluation evaluate(TrainedBnn net, Dataset data, MilpSolver solver, SolveParams params,
            CancellationToken cancel) {
        int correct = 0;
        int robust = 0;
        int undecided = 0;
        for (int i = 0; i < data.size(); i++) {
            double[] x = data.row(i);
            if (net.predict(x) != data.label(i)) {
                continue;
            }
            correct++;
            Verdict v = certify(net, x, data.label(i), solver, params, cancel).verdict();
            robust += v == Verdict.ROBUST ? 1 : 0;
            undecided += v == Verdict.UNDECIDED ? 1 : 0;
        }
        return new RobustEvaluation(data.size(), correct, robust, undecided, norm, radius);
    }

    private Outcome search(TrainedBnn net, double[] x, int label, double offShift, double onShift, boolean deepest,
            MilpSolver solver, SolveParams params, CancellationToken cancel) {
        int wrong = 1 - label;
        Optional<AdversaryModel.Built> built = AdversaryModel.build(net, x, wrong, norm, radius, offShift, onShift,
                deepest);
        if (built.isEmpty()) {
            return new Outcome(Verdict.ROBUST, null, "", Duration.ZERO);
        }
        // a caller's MIP start belongs to another model
        SolveResult r = solver.solve(built.get().model(), params.withMipStart(null), SolveListener.NONE, cancel);
        if (r.status() == SolveStatus.INFEASIBLE) {
            return new Outcome(Verdict.ROBUST, null, "", r.wallTime());
        }
        if (!r.hasSolution()) {
            return new Outcome(Verdict.UNDECIDED, null, r.solver() + " ended " + r.status()
                    + (r.message().isEmpty() ? "" : ": " + r.message()), r.wallTime());
        }
        double[] xPrime = intoBall(x, built.get().inputs(), r.values());
        if (norm.distance(xPrime, x) > radius + BALL_TOLERANCE) {
            return new Outcome(Verdict.UNDECIDED, null, String.format(Locale.ROOT,
                    "%s's x' lies at distance %.6g, outside the ball of radius %.6g", r.solver(),
                    norm.distance(xPrime, x), radius), r.wallTime());
        }
        if (net.predict(xPrime) == label) {
            return new Outcome(Verdict.UNDECIDED, xPrime, r.solver() + "'s x' is classified correctly by the forward"
                    + " pass: a flip, if any, lies within τ of a firing threshold", r.wallTime());
        }
        return new Outcome(Verdict.FLIPPED, xPrime, "", r.wallTime());
    }

    /**
     * x' read from the solution and pulled back into the ball, which solvers may overstep by their
     * feasibility tolerance: clamped to the box (ℓ∞), or its shift scaled to the budget (ℓ1).
     */
    private double[] intoBall(double[] x, int[] columns, double[] values) {
        double[] xPrime = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            xPrime[j] = Math.min(x[j] + radius, Math.max(x[j] - radius, values[columns[j]]));
        }
        double d = norm.distance(xPrime, x);
        if (norm == PerturbationNorm.L1 && d > radius) {
            for (int j = 0; j < x.length; j++) {
                xPrime[j] = x[j] + (xPrime[j] - x[j]) * radius / d;
            }
        }
        return xPrime;
    }

    private static void checkLabel(TrainedBnn net, int label) {
        if (net.spec().classCount() != 2) {
            throw new IllegalArgumentException("adversarial search is implemented for two classes; the network "
                    + net.spec().describe() + " has " + net.spec().classCount());
        }
        if (label != 0 && label != 1) {
            throw new IllegalArgumentException("label " + label + " is not a class of a binary classifier");
        }
    }
}
