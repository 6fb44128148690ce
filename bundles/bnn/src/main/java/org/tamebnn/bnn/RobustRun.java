package org.tamebnn.bnn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.training.TrainingListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.bnn.internal.FormulationBuilder;
import org.tamebnn.data.Dataset;

/**
 * One run of {@link RobustTrainer}'s column-and-constraint generation: the scenarios, the bounds
 * and the log, round after round (see the trainer for the method).
 */
final class RobustRun {
    /** Tolerance on "upper − lower ≤ gap", for bounds that are sums of floating-point weights. */
    private static final double TOLERANCE = 1e-6;

    private final Dataset train;
    private final BnnSpec spec;
    private final FormulationOptions options;
    private final LossFunction loss;
    private final MilpSolver solver;
    private final SolveParams params;
    private final SolveListener listener;
    private final TrainingListener progress;
    private final CancellationToken cancel;
    private final long startNanos = System.nanoTime();
    private final Optional<Long> deadlineNanos;
    private final RobustTrainer trainer;
    private final AdversarialSearch adversary;
    private final List<RobustIteration> log = new ArrayList<>();
    private List<TrainingPoint> points;
    private List<List<double[]>> scenarios;
    private boolean integerLoss;
    private double lower = Double.NEGATIVE_INFINITY;
    private double upper = Double.POSITIVE_INFINITY;
    private TrainedBnn best;
    private TrainedBnn previous;
    private final List<String> notes = new ArrayList<>();

    RobustRun(RobustTrainer trainer, Dataset train, BnnSpec spec, FormulationOptions options, LossFunction loss,
            MilpSolver solver, SolveParams params, SolveListener listener, TrainingListener progress,
            CancellationToken cancel) {
        this.trainer = trainer;
        this.adversary = trainer.adversary();
        this.train = train;
        this.spec = spec;
        this.options = options;
        this.loss = loss;
        this.solver = solver;
        this.params = params.withMipStart(null);
        this.listener = listener;
        this.progress = progress;
        this.cancel = cancel;
        this.deadlineNanos = params.timeLimit().map(l -> startNanos + l.toNanos());
    }

    RobustResult run() {
        BnnMilp master = BnnFormulation.build(train, spec, options, loss);
        points = master.points();
        scenarios = new ArrayList<>();
        points.forEach(p -> scenarios.add(new ArrayList<>()));
        integerLoss = integerValued();
        for (int it = 1; it <= trainer.maxIterations(); it++) {
            Optional<RobustResult.Stop> limit = limitReached();
            if (limit.isPresent()) {
                return result(limit.get());
            }
            if (it > 1) {
                master = FormulationBuilder.build(train, spec, options, loss, scenarios);
            }
            RobustResult.Stop stop = round(it, master);
            if (stop != null) {
                return result(stop);
            }
        }
        return result(RobustResult.Stop.ITERATION_LIMIT);
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
            if (r.stoppedBy(Limit.TIME) || r.isCancelled()) {
                return r.isCancelled() ? RobustResult.Stop.CANCELLED
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
        // η ≥ each member's loss is tight only at an optimum: an incumbent may pay more than its worst
        // case, never less
        double slack = 1e-6 * Math.max(1, Math.abs(objective));
        if (recomputed > objective + slack || r.status() == SolveStatus.OPTIMAL && recomputed < objective - slack) {
            notes.add("master " + it + ": solver objective " + objective + " but the forward pass gives "
                    + recomputed);
        }
        long advStart = System.nanoTime();
        double robustLoss = 0;
        int added = 0;
        int undecided = 0;
        String undecidedWhy = "";
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
                AdversarialSearch.Outcome o = adversary.certify(net, point.features(), c, trainer.deepestScenarios(),
                        solver, remaining(params), cancel);
                if (o.verdict() == AdversarialSearch.Verdict.ROBUST) {
                    robustLoss += right;
                    continue;
                }
                // misclassified, or not proven either way: the upper bound must assume the worst
                robustLoss += wrong;
                if (o.verdict() == AdversarialSearch.Verdict.UNDECIDED) {
                    undecided++;
                    undecidedWhy = undecidedWhy.isEmpty() ? "point " + g + ": " + o.message() : undecidedWhy;
                }
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
            progress.incumbentImproved(robustLoss);
        }
        log.add(new RobustIteration(it, scenarioCount, r.status(), objective, recomputed, bound, robustLoss,
                lower, upper, added, undecided, r.wallTime(), Duration.ofNanos(System.nanoTime() - advStart),
                elapsed()));
        progress.roundBounds(it, lower, upper);
        if (upper - lower <= trainer.gap() + TOLERANCE) {
            return RobustResult.Stop.CONVERGED;
        }
        if (added == 0 && undecided == 0) {
            // the network's robust loss is its master value: only the master's tolerance is left
            // converged only where the master proved its optimum; otherwise the master's stop is the run's
            notes.add("no violated scenario in round " + it + "; the gap left is the master's (" + r.label() + ")");
            return switch (r.status()) {
                case OPTIMAL -> RobustResult.Stop.CONVERGED;
                case OPTIMAL_UNCONFIRMED -> RobustResult.Stop.UNCONFIRMED;
                default -> r.stoppedBy(Limit.TIME) ? RobustResult.Stop.TIME_LIMIT
                        : r.isCancelled() ? RobustResult.Stop.CANCELLED : RobustResult.Stop.MASTER_STOPPED;
            };
        }
        if (added == 0) {
            Optional<RobustResult.Stop> limit = limitReached();
            if (limit.isEmpty()) {
                notes.add("round " + it + ": " + undecided + " points undecided and no new scenario (" + undecidedWhy
                        + ")");
            }
            return limit.orElse(RobustResult.Stop.FAILED);
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
        double b = r.dualBound();
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

    private RobustResult result(RobustResult.Stop stop) {
        return new RobustResult(solver.info().name(), stop, String.join("; ", notes), Optional.ofNullable(best),
                lower, upper, log, scenarios, elapsed());
    }
}
