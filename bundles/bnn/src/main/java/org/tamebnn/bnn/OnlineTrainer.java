package org.tamebnn.bnn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.bnn.internal.StartRepair;
import org.tamebnn.data.Dataset;

/**
 * Online training, as Bah &amp; Kurtz suggest after Theorem 2: "to add new data points ... we just
 * have to add the corresponding variables and constraints for the new data points to our already
 * existing model and restart a solver". Trains on the first {@code initialSize} rows of the
 * training set (with {@link ExactTrainer}), then adds the following rows {@code batchSize} at a
 * time and solves again, each time from the previous network: its weights, and on every point —
 * old and new — the activations of its forward pass. That is a point of the grown model whose
 * objective bounds the new optimum from above, unless a new point's preactivation falls into a
 * gap (t − ε, t) the MILP leaves empty; then one solve with every activation fixed finds a network
 * with the same activations that is a point of the model ({@link StartRepair}), and its time
 * counts as the warm solve's. The start goes to the solver as a MIP start where the backend takes
 * one ({@link Capability#MIP_START}), and is the step's network when a time limit leaves the
 * solver with nothing better.
 *
 * <p>To say what the start is worth, every step also solves the same model without a start
 * (cold), in the same run; which of the two runs first alternates from step to step, so that
 * neither always profits from a warm JVM. The comparison can be switched off, and is skipped where
 * the backend takes no MIP start (both solves would be the same). The time limit of the
 * {@link SolveParams} applies to each solve. Immutable; one instance may serve several threads.
 */
public final class OnlineTrainer {
    private final int initialSize;
    private final int batchSize;
    private final boolean coldComparison;

    /**
     * Trains on the first {@code initialSize} rows, then adds {@code batchSize} rows per step, with
     * the cold comparison on.
     */
    public OnlineTrainer(int initialSize, int batchSize) {
        this(initialSize, batchSize, true);
    }

    private OnlineTrainer(int initialSize, int batchSize, boolean coldComparison) {
        if (initialSize < 1) {
            throw new IllegalArgumentException("online training needs at least 1 initial row, not " + initialSize);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("online training needs batches of at least 1 row, not " + batchSize);
        }
        this.initialSize = initialSize;
        this.batchSize = batchSize;
        this.coldComparison = coldComparison;
    }

    /** This trainer with the cold solve of every step on or off. */
    public OnlineTrainer withColdComparison(boolean on) {
        return new OnlineTrainer(initialSize, batchSize, on);
    }

    public int initialSize() {
        return initialSize;
    }

    public int batchSize() {
        return batchSize;
    }

    public boolean coldComparison() {
        return coldComparison;
    }

    /**
     * Trains {@code spec} on {@code train}, its rows arriving in order.
     *
     * @param train    training points (features in [0, 1]); the first {@link #initialSize} rows
     *                 are the initial set, the rest arrive in batches
     * @param spec     the network
     * @param options  formulation options
     * @param loss     the loss (normally the "zero-one" service)
     * @param solver   any MILP solver
     * @param params   the limits of each solve (its seed also seeds the initial heuristic start)
     * @param listener progress while solving
     * @param cancel   stops the run after the solve under way; the last network is the result
     * @throws IllegalArgumentException when data, spec, options and loss do not fit (see {@link BnnFormulation#build})
     */
    public OnlineResult train(Dataset train, BnnSpec spec, FormulationOptions options, LossFunction loss,
            MilpSolver solver, SolveParams params, SolveListener listener, CancellationToken cancel) {
        spec.requireClassifier("the online trainer");
        int first = Math.min(initialSize, train.size());
        TrainingResult initial = new ExactTrainer().train(firstRows(train, first), spec, options, loss, solver, params,
                listener, cancel);
        List<OnlineResult.Step> steps = new ArrayList<>();
        steps.add(new OnlineResult.Step(0, first, first, Optional.empty(), Optional.empty(), Double.NaN, false,
                Duration.ZERO, false, initial, Optional.empty()));
        TrainingResult last = initial;
        boolean mipStart = solver.info().supports(Capability.MIP_START);
        for (int rows = first + batchSize, index = 1; rows - batchSize < train.size(); rows += batchSize, index++) {
            if (!last.hasNetwork() || cancel.isCancelled()) {
                break;
            }
            int size = Math.min(rows, train.size());
            int added = size - (rows - batchSize);
            long buildStart = System.nanoTime();
            BnnMilp milp = BnnFormulation.build(firstRows(train, size), spec, options, loss);
            Duration build = Duration.ofNanos(System.nanoTime() - buildStart);
            TrainedBnn previous = last.networkOrThrow();
            StartRepair start = StartRepair.of(milp, previous, solver, params, cancel);
            double startObjective = start.point().map(milp.model()::objectiveValue).orElse(Double.NaN);
            boolean passed = start.point().isPresent() && mipStart;
            SolveParams warmParams = passed ? params.withMipStart(start.point().get()) : params;
            boolean compare = coldComparison && passed;
            TrainingResult cold = null;
            if (compare && index % 2 == 0) {
                cold = read(milp, solver.solve(milp.model(), params, listener, cancel), Optional.empty(), loss, build);
            }
            TrainingResult warm = read(milp, solver.solve(milp.model(), warmParams, listener, cancel), start.point(),
                    loss, build);
            if (compare && cold == null && !cancel.isCancelled()) {
                cold = read(milp, solver.solve(milp.model(), params, listener, cancel), Optional.empty(), loss, build);
            }
            steps.add(new OnlineResult.Step(index, size, added, Optional.of(previous), start.point(), startObjective,
                    start.repaired(), start.time(), passed, warm, Optional.ofNullable(cold)));
            last = warm;
        }
        return new OnlineResult(last, steps);
    }

    /** As {@link #train(Dataset, BnnSpec, FormulationOptions, LossFunction, MilpSolver, SolveParams, SolveListener, CancellationToken)} without progress or cancellation. */
    public OnlineResult train(Dataset train, BnnSpec spec, FormulationOptions options, LossFunction loss,
            MilpSolver solver, SolveParams params) {
        return train(train, spec, options, loss, solver, params, SolveListener.NONE, CancellationToken.none());
    }

    private static Dataset firstRows(Dataset data, int count) {
        return data.subset(IntStream.range(0, count).toArray());
    }

    /**
     * The solve read back as {@link ExactTrainer} reads its own; the start replaces the solver's
     * answer only when a time limit or cancellation left the solver without a better one (a solver
     * that failed or claimed infeasibility keeps its answer, so that the claim is seen).
     */
    private static TrainingResult read(BnnMilp milp, SolveResult r, Optional<double[]> start, LossFunction loss,
            Duration build) {
        boolean stopped = r.stoppedBy(Limit.TIME) || r.isCancelled();
        Optional<double[]> fallback = start.filter(x -> stopped
                && (!r.hasSolution() || milp.model().objectiveValue(x) < r.objective() - 1e-9));
        if (!r.hasSolution() && fallback.isEmpty()) {
            String why = r.message().isEmpty() ? "the solver returned no solution" : r.message();
            return new TrainingResult(r.solver(), r.status(), r.limit(), why, Optional.empty(), Optional.empty(), Double.NaN,
                    r.dualBound(), Double.NaN, milp.lossBound(r.dualBound()), Double.NaN, Double.NaN, build,
                    r.wallTime(), r.nodes(), milp, Optional.empty(), false);
        }
        double[] x = fallback.orElseGet(r::values);
        double objective = fallback.isPresent() || !Double.isFinite(r.objective()) ? milp.model().objectiveValue(x)
                : r.objective();
        String message = fallback.isEmpty() ? r.message()
                : (r.message().isEmpty() ? "" : r.message() + "; ") + "the network is the previous step's: the solver found "
                        + (r.hasSolution() ? "only a worse one" : "none");
        TrainedBnn network = milp.extract(x);
        ConsistencyReport report = ConsistencyCheck.check(milp, x, objective, network, loss);
        // the previous step's network standing in for a stopped solver's missing or worse answer is a feasible network
        SolveStatus status = fallback.isPresent() ? SolveStatus.FEASIBLE : r.status();
        return new TrainingResult(r.solver(), status, r.limit(), message, Optional.of(network), Optional.of(report), objective,
                r.dualBound(), milp.lossPart(objective, x), milp.lossBound(r.dualBound()), milp.margin(x),
                milp.model().maxViolation(x), build, r.wallTime(), r.nodes(), milp, Optional.empty(),
                fallback.isPresent());
    }
}
