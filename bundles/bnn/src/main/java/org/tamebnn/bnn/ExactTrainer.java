package org.tamebnn.bnn;

import java.time.Duration;
import java.util.Optional;

import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.bnn.internal.LexicographicStages;
import org.tamebnn.data.Dataset;

/**
 * Trains a BNN to global optimality (or as far as the solver's limits allow) by solving the MILP of
 * Theorem 2: builds it, solves it, reads the network back — also from an incumbent at a time limit
 * — and runs the consistency guard. With a {@link HeuristicStart} (the default) the solve starts
 * from a pocket-perceptron network where the backend takes a MIP start, and when a time limit (or
 * cancellation) leaves the solver with nothing better, that network is the result, said so.
 * With several {@linkplain FormulationOptions#objectives() objectives} the loss's solve is followed
 * by one solve per later objective ({@link LexicographicStages}), each with the time limit of
 * {@code params}; the result's status is the loss's solve's, its message lists every stage.
 * Immutable; one instance may serve several threads.
 */
public final class ExactTrainer {

    /** The service name of the default loss, the 0-1 (misclassification) loss of the paper. */
    public static final String DEFAULT_LOSS_NAME = "zero-one";

    private final boolean heuristicStart;
    /** Another trainer's network as the start instead of the pocket's; null for the pocket's. */
    private final StartNetwork startNetwork;

    /** A trainer with the heuristic start on. */
    public ExactTrainer() {
        this(true, null);
    }

    private ExactTrainer(boolean heuristicStart, StartNetwork startNetwork) {
        this.heuristicStart = heuristicStart;
        this.startNetwork = startNetwork;
    }

    /** This trainer with the heuristic start on or off (off: the solver starts from nothing, as in the paper). */
    public ExactTrainer withHeuristicStart(boolean on) {
        return new ExactTrainer(on, startNetwork);
    }

    /**
     * This trainer starting from {@code source}'s network (MIP start, and fallback when a limit
     * leaves the solver with nothing better) instead of the pocket perceptron's.
     *
     * @since 2.4
     */
    public ExactTrainer withStart(StartNetwork source) {
        return new ExactTrainer(true, source);
    }

    public boolean heuristicStart() {
        return heuristicStart;
    }

    /**
     * Trains {@code spec} on {@code train}.
     *
     * @param train    training points (features in [0, 1], as {@code DataPipeline} scales them)
     * @param spec     the network
     * @param options  formulation options
     * @param loss     the loss (normally the {@value #DEFAULT_LOSS_NAME} service)
     * @param solver   any MILP solver
     * @param params   time limit and the like (its seed also seeds the heuristic start)
     * @param listener progress while solving
     * @param cancel   cancels the solve
     * @throws IllegalArgumentException when data, spec, options and loss do not fit (see {@link BnnFormulation#build})
     */
    public TrainingResult train(Dataset train, BnnSpec spec, FormulationOptions options,
            LossFunction loss, MilpSolver solver, SolveParams params, SolveListener listener,
            CancellationToken cancel) {
        long startNanos = System.nanoTime();
        BnnMilp milp = BnnFormulation.build(train, spec, options, loss);
        Optional<HeuristicStart> start = start(milp, train, options, loss, solver, params, cancel);
        Duration prepared = Duration.ofNanos(System.nanoTime() - startNanos);
        SolveParams solveParams = start.filter(st -> solver.info().supports(Capability.MIP_START))
                .map(st -> params.withMipStart(st.solution())).orElse(params);
        SolveResult r = solver.solve(milp.model(), solveParams, listener, cancel);
        Optional<HeuristicStart> fallback = start.filter(st -> betterThanSolver(st, r));
        if (!r.hasSolution() && fallback.isEmpty()) {
            String why = r.message().isEmpty() ? "the solver returned no solution" : r.message();
            return new TrainingResult(r.solver(), r.status(), r.limit(), why, Optional.empty(), Optional.empty(), Double.NaN,
                    r.dualBound(), Double.NaN, milp.lossBound(r.dualBound()), Double.NaN, Double.NaN,
                    prepared, r.wallTime(), r.nodes(), milp, start, false);
        }
        double[] x = fallback.map(HeuristicStart::solution).orElseGet(r::values);
        double objective = fallback.map(HeuristicStart::objective)
                .orElse(Double.isFinite(r.objective()) ? r.objective() : milp.model().objectiveValue(x));
        String message = fallback.isEmpty() ? r.message()
                : join(r.message(), "the network is the heuristic start: the solver found " + (r.hasSolution()
                        ? "only a worse one (objective " + TrainingResult.format(r.objective()) + ")" : "none"));
        Duration solveTime = r.wallTime();
        long nodes = r.nodes();
        if (milp.options().objectives().size() > 1) {
            LexicographicStages.Outcome later = LexicographicStages.run(milp, loss, x, solver, params, listener, cancel);
            x = later.solution();
            objective = milp.model().objectiveValue(x);
            for (LexicographicStages.Stage stage : later.stages()) {
                message = join(message, stage.describe());
                solveTime = solveTime.plus(stage.time());
                nodes = nodes < 0 || stage.nodes() < 0 ? -1 : nodes + stage.nodes();
            }
        }
        TrainedBnn network = milp.extract(x);
        ConsistencyReport report = ConsistencyCheck.check(milp, x, objective, network, loss);
        // a start that stands in for a stopped solver's missing or worse answer is a feasible network
        SolveStatus status = fallback.isPresent() ? SolveStatus.FEASIBLE : r.status();
        return new TrainingResult(r.solver(), status, r.limit(), message, Optional.of(network), Optional.of(report),
                objective, r.dualBound(), milp.lossPart(objective, x), milp.lossBound(r.dualBound()),
                milp.margin(x), milp.model().maxViolation(x), prepared, solveTime, nodes, milp, start,
                fallback.isPresent());
    }

    /** The MIP start: none, the other trainer's network, or the pocket perceptron's where the spec has one. */
    private Optional<HeuristicStart> start(BnnMilp milp, Dataset train, FormulationOptions options, LossFunction loss,
            MilpSolver solver, SolveParams params, CancellationToken cancel) {
        if (!heuristicStart) {
            return Optional.empty();
        }
        if (startNetwork != null) {
            return startNetwork.find(train, milp.spec(), options, loss, solver, params, cancel)
                    .map(net -> HeuristicStart.of(milp, net, startNetwork.name()));
        }
        return HeuristicStart.unsupported(milp.spec()).isEmpty()
                ? Optional.of(HeuristicStart.of(milp, params.seed().orElse(0))) : Optional.empty();
    }

    /**
     * The start replaces the solver's answer only when the solver was stopped (time limit,
     * cancellation) and has no solution or a worse one, and the start is feasible. A solver that
     * failed or claimed infeasibility keeps its answer, so that the claim is seen, not covered up.
     */
    private static boolean betterThanSolver(HeuristicStart start, SolveResult r) {
        if (!start.feasible() || !r.stoppedBy(Limit.TIME) && !r.isCancelled()) {
            return false;
        }
        return !r.hasSolution() || start.objective() < r.objective() - 1e-9;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "; " + b;
    }

    /** As {@link #train(Dataset, BnnSpec, FormulationOptions, LossFunction, MilpSolver, SolveParams, SolveListener, CancellationToken)} without progress or cancellation. */
    public TrainingResult train(Dataset train, BnnSpec spec, FormulationOptions options,
            LossFunction loss, MilpSolver solver, SolveParams params) {
        return train(train, spec, options, loss, solver, params, SolveListener.NONE, CancellationToken.none());
    }
}
