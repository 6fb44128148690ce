package org.tamebnn.bnn;

import java.util.Objects;

import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.loss.OutputKind;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.training.TrainingListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.data.Dataset;

/**
 * Trains the two-stage robust BNN of Bah &amp; Kurtz, Section 4, Problem (11):
 * min over (W, λ) of Σ_i max over ‖δ_i‖ ≤ r of loss(network(x_i + δ_i), y_i), the activations u
 * being the second stage (decided once δ is known, by the forward pass). The uncertainty set is a
 * product of one ball per point, so the worst case splits into one worst case per point.
 *
 * <p>Column-and-constraint generation (Zeng &amp; Zhao 2013), as Section 4 sketches it:
 * <ol>
 * <li>Master: the Theorem 2 model over the training points and, for each point, the scenarios
 *     x' = x + δ found so far, each with its own copy of u and s; a point pays the worst loss over
 *     itself and its scenarios ({@code FormulationBuilder#build} with scenarios). Fewer scenarios
 *     than the whole ball make it a relaxation: its bound is a lower bound on (11).
 * <li>Adversary: for the master's network, per training point, an x' in the ball it misclassifies,
 *     or a proof that there is none ({@link AdversarialSearch#certify}). The network's robust loss
 *     so found is an upper bound; a point neither proven nor flipped counts as lost.
 * <li>Each x' the master did not yet count becomes a scenario (optionally the deepest such x',
 *     see {@link #withDeepestScenarios}); repeat until upper − lower ≤ the gap,
 *     or the time or iteration limit. A round with no new scenario closes the gap up to the
 *     master's own optimality tolerance, since its network's robust loss is then its master value.
 * </ol>
 * The master reads its scenarios as the exact trainer reads its points, with the gap ε for the
 * strict inequality of (5)–(8): a network whose preactivation at a scenario falls inside (−ε, 0)
 * is not in the master, so its bound is a lower bound among networks that keep that gap on the
 * points and scenarios (the standing assumption of the ε-formulation). The adversary reads the
 * forward pass itself (see {@link AdversarialSearch}), so the upper bound is the network's robust
 * loss under its forward pass (points left undecided counted as lost), and a network cannot hide a
 * ball inside the gap — which it could if the adversary read the rows as the master does: weights
 * of size ε/r keep every preactivation over a ball within (−ε, ε). (Read literally, (11) would make
 * every network whose preactivation enters the gap anywhere in a ball infeasible; the paper's
 * remark that each scenario has exactly one second-stage solution shows the forward pass is meant.) A candidate x' that the
 * adversary could neither confirm nor rule out also becomes a scenario: any point of the ball is
 * a valid one. The ball is the paper's, not intersected with [0, 1].
 *
 * <p>Limits: two classes (one output neuron) and a loss on binary outputs that prefers the right
 * answer; no max-margin. The paper's own implementation did not finish in 24 hours on its random
 * instances, hence the bounds after every round. Immutable.
 */
public final class RobustTrainer {
    private final PerturbationNorm norm;
    private final double radius;
    private final double gap;
    private final int maxIterations;
    private final boolean deepestScenarios;

    private RobustTrainer(PerturbationNorm norm, double radius, double gap, int maxIterations,
            boolean deepestScenarios) {
        if (!(radius >= 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("the radius r must be a number ≥ 0, not " + radius);
        }
        if (!(gap >= 0) || Double.isInfinite(gap)) {
            throw new IllegalArgumentException("the gap must be a number ≥ 0 (in loss units), not " + gap);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("the iteration limit must be ≥ 1, not " + maxIterations);
        }
        this.norm = Objects.requireNonNull(norm, "norm");
        this.radius = radius;
        this.gap = gap;
        this.maxIterations = maxIterations;
        this.deepestScenarios = deepestScenarios;
    }

    /** Balls of {@code radius} in {@code norm}; run to a zero gap, at most 1000 rounds, any misclassified x' as a scenario. */
    public static RobustTrainer of(PerturbationNorm norm, double radius) {
        return new RobustTrainer(norm, radius, 0, 1000, false);
    }

    /** The same, stopping once upper − lower ≤ {@code absoluteGap} (in loss units: 1 = one point). */
    public RobustTrainer withGap(double absoluteGap) {
        return new RobustTrainer(norm, radius, absoluteGap, maxIterations, deepestScenarios);
    }

    /** The same with another limit on rounds. */
    public RobustTrainer withMaxIterations(int limit) {
        return new RobustTrainer(norm, radius, gap, limit, deepestScenarios);
    }

    /**
     * The same, taking as each new scenario the deepest misclassified x' (on) or the first the
     * solver finds (off, the default). Under the 0-1 loss every misclassified x' is a worst case, so
     * this is a tie-break: the deepest stays misclassified under small changes of the weights, and
     * so may cut off more of the master's networks per round. One run each on BCW (25 points, 9-5-1,
     * SCIP, 120 s, ℓ∞) left it undecided: upper bounds 2/2/15 with it against 0 (converged)/6/15
     * without, for r = 0.01/0.05/0.1, the master's solve times varying more than either.
     */
    public RobustTrainer withDeepestScenarios(boolean on) {
        return new RobustTrainer(norm, radius, gap, maxIterations, on);
    }

    public boolean deepestScenarios() {
        return deepestScenarios;
    }

    public PerturbationNorm norm() {
        return norm;
    }

    public double radius() {
        return radius;
    }

    public double gap() {
        return gap;
    }

    public int maxIterations() {
        return maxIterations;
    }

    /** The adversarial search over this trainer's balls, e.g. to evaluate robust accuracy on test data. */
    public AdversarialSearch adversary() {
        return new AdversarialSearch(norm, radius);
    }

    /**
     * Trains {@code spec} on {@code train} robustly.
     *
     * @param params the time limit covers the whole run (masters and adversaries); threads and seed
     *               pass to every solve
     * @throws IllegalArgumentException when data, spec, options and loss do not fit (see
     *         {@link BnnFormulation#build}), or fall outside the limits above
     */
    public RobustResult train(Dataset train, BnnSpec spec, FormulationOptions options, LossFunction loss,
            MilpSolver solver, SolveParams params, SolveListener listener, CancellationToken cancel) {
        return train(train, spec, options, loss, solver, params, listener, TrainingListener.NONE, cancel);
    }

    /**
     * As {@link #train(Dataset, BnnSpec, FormulationOptions, LossFunction, MilpSolver, SolveParams, SolveListener, CancellationToken)},
     * telling {@code progress} each round's bounds and each network with a smaller robust loss.
     */
    public RobustResult train(Dataset train, BnnSpec spec, FormulationOptions options, LossFunction loss,
            MilpSolver solver, SolveParams params, SolveListener listener, TrainingListener progress,
            CancellationToken cancel) {
        checkSupported(spec, options, loss);
        return new RobustRun(this, train, spec, options, loss, solver, params, listener, progress, cancel).run();
    }

    /** As {@link #train(Dataset, BnnSpec, FormulationOptions, LossFunction, MilpSolver, SolveParams, SolveListener, CancellationToken)} without progress or cancellation. */
    public RobustResult train(Dataset train, BnnSpec spec, FormulationOptions options, LossFunction loss,
            MilpSolver solver, SolveParams params) {
        return train(train, spec, options, loss, solver, params, SolveListener.NONE, CancellationToken.none());
    }

    private static void checkSupported(BnnSpec spec, FormulationOptions options, LossFunction loss) {
        if (spec.classCount() != 2) {
            throw new IllegalArgumentException("robust training is implemented for two classes; the network "
                    + spec.describe() + " has " + spec.classCount());
        }
        if (options.maxMargin()) {
            throw new IllegalArgumentException("robust training does not combine with max-margin");
        }
        if (!loss.supports(OutputKind.BINARY)) {
            throw new IllegalArgumentException("robust training needs a loss on binary outputs; loss '" + loss.name()
                    + "' does not score them");
        }
        for (int t = 0; t <= 1; t++) {
            if (loss.value(1 - t, t) < loss.value(t, t)) {
                throw new IllegalArgumentException("loss '" + loss.name() + "' prefers the wrong output for target "
                        + t + "; the adversary maximises the loss by flipping the output, which needs the opposite");
            }
        }
    }
}
