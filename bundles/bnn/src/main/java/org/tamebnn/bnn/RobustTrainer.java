package org.tamebnn.bnn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.loss.OutputKind;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.bnn.internal.FormulationBuilder;
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
 * <li>Each x' the master did not yet count becomes a scenario (the deepest such x', see
 *     {@link #withDeepestScenarios}); repeat until upper − lower ≤ the gap,
 *     or the time or iteration limit. A round with no new scenario closes the gap up to the
 *     master's own optimality tolerance, since its network's robust loss is then its master value.
 * </ol>
 * The master reads its scenarios as the exact trainer reads its points, with the gap ε for the
 * strict inequality of (5)–(8): a network whose preactivation at a scenario falls inside (−ε, 0)
 * is not in the master, so its bound is a lower bound among networks that keep that gap on the
 * points and scenarios (the standing assumption of the ε-formulation). The adversary reads the
 * forward pass itself (see {@link AdversarialSearch}), so the upper bound is the network's true
 * robust loss, and a network cannot hide a ball inside the gap. A candidate x' that the
 * adversary could neither confirm nor rule out also becomes a scenario: any point of the ball is
 * a valid one. The ball is the paper's, not intersected with [0, 1].
 *
 * <p>Limits: two classes (one output neuron) and a loss on binary outputs that prefers the right
 * answer; no max-margin. The paper's own implementation did not finish in 24 hours on its random
 * instances, hence the bounds after every round. Immutable.
 */
public final class RobustTrainer {
    /** Tolerance on "upper − lower ≤ gap", for bounds that are sums of floating-point weights. */
    private static final double TOLERANCE = 1e-6;

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

    /** Balls of {@code radius} in {@code norm}; run to a zero gap, at most 1000 rounds. */
    public static RobustTrainer of(PerturbationNorm norm, double radius) {
        return new RobustTrainer(norm, radius, 0, 1000, true);
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
     * The same, taking as each new scenario the deepest misclassified x' (on, the default) or the
     * first the solver finds. Under the 0-1 loss every misclassified x' is a worst case, so this is
     * a tie-break; the deepest stays misclassified under small changes of the weights, and so cuts
     * off more of the master's networks per round.
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
        checkSupported(spec, options, loss);
        return new Run(train, spec, options, loss, solver, params, listener, cancel).run();
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

    /** The state of one run. */
    private final class Run {
        private final Dataset train;
        private final BnnSpec spec;
        private final FormulationOptions options;
        private final LossFunction loss;
        private final MilpSolver solver;
        private final SolveParams params;
        private final SolveListener listener;
        private final CancellationToken cancel;
        private final long startNanos = System.nanoTime();
        private final Optional<Long> deadlineNanos;
        private final AdversarialSearch adversary = adversary();
        private final List<RobustIteration> log = new ArrayList<>();
        private List<TrainingPoint> points;
        private List<List<double[]>> scenarios;
        private boolean integerLoss;
        private double lower = Double.NEGATIVE_INFINITY;
        private double upper = Double.POSITIVE_INFINITY;
        private TrainedBnn best;
        private TrainedBnn previous;
        private final List<String> notes = new ArrayList<>();

        Run(Dataset train, BnnSpec spec, FormulationOptions options, LossFunction loss, MilpSolver solver,
                SolveParams params, SolveListener listener, CancellationToken cancel) {
            this.train = train;
            this.spec = spec;
            this.options = options;
            this.loss = loss;
            this.solver = solver;
            this.params = params.withMipStart(null);
            this.listener = listener;
            this.cancel = cancel;
            this.deadlineNanos = params.timeLimit().map(l -> startNanos + l.toNanos());
        }

        RobustResult run() {
            BnnMilp master = BnnFormulation.build(train, spec, options, loss);
            points = master.points();
            scenarios = new ArrayList<>();
            points.forEach(p -> scenarios.add(new ArrayList<>()));
            integerLoss = integerValued();
            for (int it = 1; it <= maxIterations; it++) {
                Optional<RobustResult.Stop> limit = limitReached();
                if (limit.isPresent()) {
                    return result(limit.get(), "");
                }
                if (it > 1) {
                    master = FormulationBuilder.build(train, spec, options, loss, scenarios);
                }
                RobustResult.Stop stop = round(it, master);
                if (stop != null) {
                    return result(stop, "");
                }
            }
            return result(RobustResult.Stop.ITERATION_LIMIT, "");
        }

        /** One round; the reason to stop, or null to go on. */
        private RobustResult.Stop round(int it, BnnMilp master) {
            int scenarioCount = scenarios.stream().mapToInt(List::size).sum();
            SolveResult r = solver.solve(master.model(), masterParams(master), listener, cancel);
            double bound = masterBound(r);
            if (bound > lower) {
                lower = bound;
            }
            if (!r.hasSolution()) {
                log.add(new RobustIteration(it, scenarioCount, r.status(), Double.NaN, Double.NaN, bound, Double.NaN,
                        lower, upper, 0, 0, r.wallTime(), Duration.ZERO, elapsed()));
                if (r.status() == SolveStatus.TIME_LIMIT || r.status() == SolveStatus.CANCELLED) {
                    return r.status() == SolveStatus.CANCELLED ? RobustResult.Stop.CANCELLED
                            : RobustResult.Stop.TIME_LIMIT;
                }
                notes.add("master " + it + ": " + r.solver() + " ended " + r.status()
                        + (r.message().isEmpty() ? "" : " (" + r.message() + ")"));
                return RobustResult.Stop.FAILED;
            }
            TrainedBnn net = master.extract(r.values());
            previous = net;
            double recomputed = masterLoss(net);
            double objective = Double.isFinite(r.objective()) ? r.objective() : master.model().objectiveValue(r.values());
            if (Math.abs(recomputed - objective) > 1e-6 * Math.max(1, Math.abs(objective))) {
                notes.add("master " + it + ": solver objective " + objective + " but the forward pass gives "
                        + recomputed);
            }
            long advStart = System.nanoTime();
            double robustLoss = 0;
            int added = 0;
            int undecided = 0;
            for (int g = 0; g < points.size(); g++) {
                TrainingPoint point = points.get(g);
                boolean scenarioAdded = false;
                for (int c = 0; c < point.classCount(); c++) {
                    double weight = point.classWeight(c);
                    if (weight == 0) {
                        continue;
                    }
                    double right = weight * loss.value(c, c);
                    double wrong = weight * loss.value(1 - c, c);
                    if (countedWrong(net, g, c)) {
                        robustLoss += wrong;
                        continue;
                    }
                    if (limitReached().isPresent()) {
                        robustLoss += wrong;
                        undecided++;
                        continue;
                    }
                    AdversarialSearch.Outcome o = adversary.certify(net, point.features(), c, deepestScenarios,
                            solver, remaining(params), cancel);
                    if (o.verdict() == AdversarialSearch.Verdict.ROBUST) {
                        robustLoss += right;
                        continue;
                    }
                    // misclassified, or not proven either way: the upper bound must assume the worst
                    robustLoss += wrong;
                    undecided += o.verdict() == AdversarialSearch.Verdict.UNDECIDED ? 1 : 0;
                    if (!scenarioAdded && o.perturbed() != null) {
                        scenarios.get(g).add(o.perturbed());
                        scenarioAdded = true;
                        added++;
                    }
                }
            }
            if (robustLoss < upper) {
                upper = robustLoss;
                best = net;
            }
            log.add(new RobustIteration(it, scenarioCount, r.status(), objective, recomputed, bound, robustLoss,
                    lower, upper, added, undecided, r.wallTime(), Duration.ofNanos(System.nanoTime() - advStart),
                    elapsed()));
            if (upper - lower <= gap + TOLERANCE) {
                return RobustResult.Stop.CONVERGED;
            }
            if (added == 0 && undecided == 0) {
                // the network's robust loss is its master value: only the master's tolerance is left
                notes.add("no violated scenario in round " + it + "; the gap left is the master's ("
                        + r.status() + ")");
                return r.status() == SolveStatus.TIME_LIMIT ? RobustResult.Stop.TIME_LIMIT
                        : RobustResult.Stop.CONVERGED;
            }
            if (added == 0) {
                return limitReached().orElse(RobustResult.Stop.TIME_LIMIT);
            }
            return null;
        }

        /** The master's time share (all that is left) and, where the backend takes one, the last network as a start. */
        private SolveParams masterParams(BnnMilp master) {
            SolveParams p = remaining(params);
            if (previous == null || !solver.info().supports(Capability.MIP_START)) {
                return p;
            }
            // the last network, a suggestion only: a new scenario may put one of its preactivations in the gap
            return p.withMipStart(master.solutionOf(previous));
        }

        private SolveParams remaining(SolveParams p) {
            if (deadlineNanos.isEmpty()) {
                return p;
            }
            long left = deadlineNanos.get() - System.nanoTime();
            return p.withTimeLimit(Duration.ofNanos(Math.max(left, 1_000_000L)));
        }

        private Optional<RobustResult.Stop> limitReached() {
            if (cancel.isCancelled()) {
                return Optional.of(RobustResult.Stop.CANCELLED);
            }
            if (deadlineNanos.isPresent() && System.nanoTime() - deadlineNanos.get() >= 0) {
                return Optional.of(RobustResult.Stop.TIME_LIMIT);
            }
            return Optional.empty();
        }

        /**
         * The master's proven bound; for a loss whose values are integers on integer weights (the
         * 0-1 loss), rounded up to the next integer, as the optimum is one.
         */
        private double masterBound(SolveResult r) {
            double b = r.bestBound();
            if (Double.isNaN(b) && r.status() == SolveStatus.OPTIMAL) {
                b = r.objective();
            }
            if (Double.isNaN(b)) {
                return Double.NEGATIVE_INFINITY;
            }
            return integerLoss ? Math.ceil(b - 1e-6) : b;
        }

        private boolean integerValued() {
            for (int u = 0; u <= 1; u++) {
                for (int t = 0; t <= 1; t++) {
                    if (loss.value(u, t) != Math.rint(loss.value(u, t))) {
                        return false;
                    }
                }
            }
            return points.stream().allMatch(p -> {
                for (int c = 0; c < p.classCount(); c++) {
                    if (p.classWeight(c) != Math.rint(p.classWeight(c))) {
                        return false;
                    }
                }
                return true;
            });
        }

        /** Whether the master already counts point g, class c as lost: misclassified at x or a scenario. */
        private boolean countedWrong(TrainedBnn net, int g, int c) {
            if (net.predict(points.get(g).features()) != c) {
                return true;
            }
            for (double[] x : scenarios.get(g)) {
                if (net.predict(x) != c) {
                    return true;
                }
            }
            return false;
        }

        /** The master's objective recomputed by the forward pass: each point's worst loss over itself and its scenarios. */
        private double masterLoss(TrainedBnn net) {
            double total = 0;
            for (int g = 0; g < points.size(); g++) {
                TrainingPoint point = points.get(g);
                for (int c = 0; c < point.classCount(); c++) {
                    if (point.classWeight(c) != 0) {
                        int output = countedWrong(net, g, c) ? 1 - c : c;
                        total += point.classWeight(c) * loss.value(output, c);
                    }
                }
            }
            return total;
        }

        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startNanos);
        }

        private RobustResult result(RobustResult.Stop stop, String extra) {
            List<String> all = new ArrayList<>(notes);
            if (!extra.isEmpty()) {
                all.add(extra);
            }
            return new RobustResult(solver.info().name(), stop, String.join("; ", all), Optional.ofNullable(best),
                    lower, upper, log, scenarios, elapsed());
        }
    }
}
