package org.tamebnn.bnn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;

import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.api.training.TrainingListener;
import org.tamebnn.bnn.internal.LayerFixing;
import org.tamebnn.bnn.internal.RandomNetwork;
import org.tamebnn.bnn.internal.StartRepair;
import org.tamebnn.data.Dataset;

/**
 * The local-search heuristic of Bah &amp; Kurtz, Section 3.1 (Algorithm 1, a "mountain-climbing"
 * method): instead of the whole training MILP, solve alternately two MILPs of about half its size,
 * each fixing the variables the other optimises to the values of the preceding optimum, until a
 * full alternation no longer lowers the objective. Which variables each half fixes, and why that
 * choice keeps both problems linear, is explained at {@link LayerFixing}.
 *
 * <p>Each restricted MILP is started from the preceding solution where the backend takes a MIP
 * start ({@link Capability#MIP_START}); that solution is feasible for it, so the objective never
 * rises. It is checked nonetheless: a solve stopped by the time limit without the start can return
 * a worse point, which is not taken.
 *
 * <p>Restarts: the first starts from the pocket-perceptron network of {@link HeuristicStart}
 * (where that exists for the spec), every further one from a random network
 * ({@link RandomNetwork}); restart r is seeded with seed + r, so the same seed gives the same run on
 * a deterministic solver. The best network over all restarts is the result. There is no bound: a
 * local optimum of Algorithm 1 says nothing about the global one.
 *
 * <p>The time limit of the {@link SolveParams} is the budget of the whole run, every restart and
 * MILP included; each solve gets what is left. Immutable; one instance may serve several threads.
 */
public final class LocalSearchTrainer {
    /** The default cap on the MILPs of one restart: a safety net, Algorithm 1 itself terminates. */
    public static final int DEFAULT_MAX_ITERATIONS = 100;

    /** Objectives closer than this (relative, at least absolute 1e-7) count as equal. */
    private static final double TOLERANCE = 1e-7;

    private final int restarts;
    private final OptionalLong seed;
    private final int maxIterations;
    private final TrainingListener progress;

    /** One restart from the pocket start, seeded by the solve parameters' seed (0 without one). */
    public LocalSearchTrainer() {
        this(1, OptionalLong.empty(), DEFAULT_MAX_ITERATIONS, TrainingListener.NONE);
    }

    private LocalSearchTrainer(int restarts, OptionalLong seed, int maxIterations, TrainingListener progress) {
        if (restarts < 1) {
            throw new IllegalArgumentException("local search needs at least 1 restart, not " + restarts);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("local search needs at least 1 MILP per restart, not " + maxIterations);
        }
        this.restarts = restarts;
        this.seed = seed;
        this.maxIterations = maxIterations;
        this.progress = progress;
    }

    /** This trainer with {@code count} restarts (the first from the pocket start, the others random). */
    public LocalSearchTrainer withRestarts(int count) {
        return new LocalSearchTrainer(count, seed, maxIterations, progress);
    }

    /** This trainer with its starts seeded by {@code value} instead of the solve parameters' seed. */
    public LocalSearchTrainer withSeed(long value) {
        return new LocalSearchTrainer(restarts, OptionalLong.of(value), maxIterations, progress);
    }

    /** This trainer with at most {@code count} MILPs per restart. */
    public LocalSearchTrainer withMaxIterations(int count) {
        return new LocalSearchTrainer(restarts, seed, count, progress);
    }

    /** This trainer telling {@code listener} each MILP's objective (as iterations) and each better point's. */
    public LocalSearchTrainer withProgress(TrainingListener listener) {
        return new LocalSearchTrainer(restarts, seed, maxIterations, listener);
    }

    public int restarts() {
        return restarts;
    }

    public OptionalLong seed() {
        return seed;
    }

    public int maxIterations() {
        return maxIterations;
    }

    /**
     * Trains {@code spec} on {@code train} by local search.
     *
     * @param train    training points (features in [0, 1], as {@code DataPipeline} scales them)
     * @param spec     the network
     * @param options  formulation options
     * @param loss     the loss (normally the "zero-one" service)
     * @param solver   any MILP solver
     * @param params   the time limit of the whole run, threads and the like (its seed seeds the
     *                 starts unless {@link #withSeed} set one)
     * @param listener progress of each restricted solve
     * @param cancel   stops the run; the best network so far is the result
     * @throws IllegalArgumentException when data, spec, options and loss do not fit (see {@link BnnFormulation#build})
     */
    public LocalSearchResult train(Dataset train, BnnSpec spec, FormulationOptions options, LossFunction loss,
            MilpSolver solver, SolveParams params, SolveListener listener, CancellationToken cancel) {
        long startNanos = System.nanoTime();
        spec.requireClassifier("local search");
        BnnMilp milp = BnnFormulation.build(train, spec, options, loss);
        long baseSeed = seed.orElse(params.seed().orElse(0));
        Search search = new Search(milp, loss, solver, params, listener, cancel, startNanos);
        List<LocalSearchResult.Restart> runs = new ArrayList<>();
        List<Point> ends = new ArrayList<>();
        Optional<HeuristicStart> pocket = Optional.empty();
        for (int r = 0; r < restarts && !search.stopped(); r++) {
            long restartSeed = baseSeed + r;
            Start start = startFor(milp, r, restartSeed);
            if (start.pocket() != null) {
                pocket = Optional.of(start.pocket());
            }
            Point end = search.run(r, restartSeed, start, runs);
            ends.add(end);
        }
        int best = -1;
        for (int r = 0; r < ends.size(); r++) {
            if (ends.get(r) != null && (best < 0 || ends.get(r).objective() < ends.get(best).objective() - tolerance(
                    ends.get(best).objective()))) {
                best = r;
            }
        }
        Optional<HeuristicStart> bestStart = best >= 0 && runs.get(best).start().equals("pocket") ? pocket
                : Optional.empty();
        TrainingResult result = search.result(best < 0 ? null : ends.get(best), runs, best, bestStart);
        return new LocalSearchResult(result, runs, best, search.milps,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** As {@link #train(Dataset, BnnSpec, FormulationOptions, LossFunction, MilpSolver, SolveParams, SolveListener, CancellationToken)} without progress or cancellation. */
    public LocalSearchResult train(Dataset train, BnnSpec spec, FormulationOptions options, LossFunction loss,
            MilpSolver solver, SolveParams params) {
        return train(train, spec, options, loss, solver, params, SolveListener.NONE, CancellationToken.none());
    }

    /** The start network of restart {@code r}: the pocket start first where the spec has one, random after. */
    private static Start startFor(BnnMilp milp, int r, long restartSeed) {
        if (r == 0 && HeuristicStart.unsupported(milp.spec()).isEmpty()) {
            HeuristicStart pocket = HeuristicStart.of(milp, restartSeed);
            return new Start("pocket", pocket.network(), pocket);
        }
        TrainedBnn net = RandomNetwork.draw(milp.spec(), milp.points(), new SplittableRandom(restartSeed));
        return new Start("random", net, null);
    }

    private record Start(String kind, TrainedBnn network, HeuristicStart pocket) {
    }

    /** A point of the full MILP with its objective; every restricted MILP shares the full model's columns. */
    private record Point(double[] x, double objective, boolean fromStart) {
    }

    private static double tolerance(double objective) {
        return TOLERANCE * Math.max(1, Math.abs(objective));
    }

    /** The state of one run: the budget, counters, and the restarts' loop (Algorithm 1). */
    private final class Search {
        private final BnnMilp milp;
        private final LossFunction loss;
        private final MilpSolver solver;
        private final SolveParams params;
        private final SolveListener listener;
        private final CancellationToken cancel;
        private final long endNanos;
        private final Duration buildTime;
        private final boolean mipStart;
        private int milps;
        private long nodes = -1;
        private Duration solveTime = Duration.ZERO;
        private boolean timedOut;

        Search(BnnMilp milp, LossFunction loss, MilpSolver solver, SolveParams params, SolveListener listener,
                CancellationToken cancel, long startNanos) {
            this.milp = milp;
            this.loss = loss;
            this.solver = solver;
            this.params = params;
            this.listener = listener;
            this.cancel = cancel;
            this.endNanos = params.timeLimit().map(l -> startNanos + l.toNanos()).orElse(Long.MAX_VALUE);
            this.buildTime = milp.buildTime();
            this.mipStart = solver.info().supports(Capability.MIP_START);
        }

        boolean stopped() {
            timedOut |= endNanos != Long.MAX_VALUE && System.nanoTime() - endNanos >= 0;
            return timedOut || cancel.isCancelled();
        }

        /**
         * Algorithm 1 from one start: fix one half to the current point, solve, take the optimum
         * as the new point, switch halves; stop when two MILPs in a row (one of each half) leave
         * the objective where it was, or at the budget, the cancellation, the iteration cap, or a
         * MILP without a solution. Adds the restart's record to {@code runs}; returns its end
         * point, null when it has none (a start outside the MILP and no solution found).
         */
        Point run(int index, long restartSeed, Start start, List<LocalSearchResult.Restart> runs) {
            BnnSpec spec = milp.spec();
            double[] x = milp.solutionOf(start.network());
            boolean complete = Arrays.stream(x).noneMatch(Double::isNaN);
            boolean feasible = complete && milp.model().maxViolation(x) <= HeuristicStart.FEASIBILITY_TOLERANCE;
            if (complete && !feasible && !stopped()) {
                // a preactivation in a gap: the network with the same activations that is a point of the MILP
                StartRepair repair = StartRepair.of(milp, start.network(), solver, solveParams(null), cancel);
                solveTime = solveTime.plus(repair.time());
                if (repair.point().isPresent()) {
                    x = repair.point().get();
                    feasible = true;
                }
            }
            // A start outside the MILP (a loss plugin's own variables, or a multi-class start firing
            // no output) only supplies the fixed values; the first optimum is taken whatever it is.
            Point current = new Point(x, feasible ? milp.model().objectiveValue(x) : Double.POSITIVE_INFINITY, true);
            double startLoss = forwardLoss(start.network());
            List<LocalSearchResult.Iteration> iterations = new ArrayList<>();
            String stop;
            int unchanged = 0;
            int half = 0;
            for (int t = 1; ; t++) {
                if (t > maxIterations) {
                    stop = "the cap of " + maxIterations + " MILPs per restart was reached";
                    break;
                }
                if (stopped()) {
                    stop = cancel.isCancelled() ? "cancelled" : "the time limit was reached";
                    break;
                }
                List<Integer> fixed = LayerFixing.fixedLayers(spec, half);
                MilpModel restricted = LayerFixing.fix(milp, current.x(), fixed);
                SolveResult r = solver.solve(restricted, solveParams(current), listener, cancel);
                milps++;
                solveTime = solveTime.plus(r.wallTime());
                nodes = r.nodes() < 0 ? nodes : Math.max(nodes, 0) + r.nodes();
                double found = !r.hasSolution() ? Double.NaN
                        : Double.isFinite(r.objective()) ? r.objective() : milp.model().objectiveValue(r.values());
                boolean accepted = r.hasSolution() && found <= current.objective() + tolerance(found);
                boolean improved = accepted && found < current.objective() - tolerance(found);
                if (accepted) {
                    current = new Point(r.values(), found, false);
                }
                if (r.hasSolution()) {
                    progress.iterationDone(milps, found);
                }
                if (improved) {
                    progress.incumbentImproved(found);
                }
                iterations.add(new LocalSearchResult.Iteration(t, fixed, r.status(), found,
                        current.fromStart() && !feasible ? Double.NaN : current.objective(), improved,
                        r.wallTime(), r.nodes()));
                if (!r.hasSolution()) {
                    stop = "MILP " + t + " ended " + r.status() + (r.message().isEmpty() ? "" : " (" + r.message() + ")");
                    break;
                }
                if (r.stoppedBy(Limit.TIME) || r.isCancelled()) {
                    timedOut |= r.stoppedBy(Limit.TIME);
                    stop = r.isCancelled() ? "cancelled" : "the time limit was reached";
                    break;
                }
                unchanged = improved ? 0 : unchanged + 1;
                if (unchanged >= 2 || spec.layerCount() == 1 && t >= 2) {
                    stop = "a full alternation did not improve the objective: a local optimum of Algorithm 1";
                    break;
                }
                half = 1 - half;
            }
            boolean hasPoint = !current.fromStart() || feasible;
            runs.add(new LocalSearchResult.Restart(index, restartSeed, start.kind(), startLoss, iterations,
                    hasPoint ? current.objective() : Double.NaN, stop));
            return hasPoint ? current : null;
        }

        /** The remaining budget as the solve's limit, and the current point (if any) as its MIP start when it is one. */
        private SolveParams solveParams(Point current) {
            SolveParams p = params;
            if (endNanos != Long.MAX_VALUE) {
                p = p.withTimeLimit(Duration.ofNanos(Math.max(1_000_000L, endNanos - System.nanoTime())));
            }
            if (mipStart && current != null && Double.isFinite(current.objective())) {
                p = p.withMipStart(current.x());
            }
            return p;
        }

        private double forwardLoss(TrainedBnn net) {
            double sum = 0;
            for (TrainingPoint point : milp.points()) {
                sum += ConsistencyCheck.pointLoss(point, ConsistencyCheck.scoredOutputs(net.forward(point.features()),
                        milp.variables().outputKind()), milp.outputLossScale(), loss);
            }
            return sum;
        }

        /** The best restart's end point as a training result: no bound, the whole run's solve time. */
        TrainingResult result(Point best, List<LocalSearchResult.Restart> runs, int bestIndex,
                Optional<HeuristicStart> start) {
            String name = solver.info().name();
            // a heuristic proves nothing: it ends stopped, by the caller, the clock, or its own schedule
            Limit limit = cancel.isCancelled() ? Limit.INTERRUPTED : timedOut ? Limit.TIME : Limit.OTHER;
            String what = "local search (Bah & Kurtz, Algorithm 1): best of " + runs.size() + " restart(s), "
                    + milps + " MILPs; a heuristic, no bound";
            if (best == null) {
                String why = runs.isEmpty() ? "no restart ran" : runs.getLast().stopReason();
                return new TrainingResult(name, SolveStatus.NO_SOLUTION_FOUND, limit, what + "; no network: " + why, Optional.empty(),
                        Optional.empty(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        buildTime, solveTime, nodes, milp, start, false);
            }
            double[] x = best.x();
            TrainedBnn network = milp.extract(x);
            ConsistencyReport report = ConsistencyCheck.check(milp, x, best.objective(), network, loss);
            String message = what + "; restart " + bestIndex + " " + runs.get(bestIndex).stopReason();
            return new TrainingResult(name, SolveStatus.FEASIBLE, limit, message, Optional.of(network), Optional.of(report),
                    best.objective(), Double.NaN, milp.lossPart(best.objective(), x), Double.NaN, milp.margin(x),
                    milp.model().maxViolation(x), buildTime, solveTime, nodes, milp, start, best.fromStart());
        }
    }

}
