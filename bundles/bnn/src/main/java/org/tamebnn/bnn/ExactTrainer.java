package org.tamebnn.bnn;

import java.util.Optional;

import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.data.Dataset;

/**
 * Trains a BNN to global optimality (or as far as the solver's limits allow) by solving the MILP of
 * Theorem 2: builds it, solves it, reads the network back — also from an incumbent at a time limit
 * — and runs the consistency guard. Stateless; one instance may serve several threads.
 */
public final class ExactTrainer {

    /** The service name of the default loss, the 0-1 (misclassification) loss of the paper. */
    public static final String DEFAULT_LOSS_NAME = "zero-one";

    /**
     * Trains {@code spec} on {@code train}.
     *
     * @param train    training points (features in [0, 1], as {@code DataPipeline} scales them)
     * @param spec     the network
     * @param options  formulation options
     * @param loss     the loss (normally the {@value #DEFAULT_LOSS_NAME} service)
     * @param solver   any MILP solver
     * @param params   time limit and the like
     * @param listener progress while solving
     * @param cancel   cancels the solve
     * @throws IllegalArgumentException when data, spec, options and loss do not fit (see {@link BnnFormulation#build})
     */
    public TrainingResult train(Dataset train, BnnSpec spec, FormulationOptions options,
            LossFunction loss, MilpSolver solver, SolveParams params, SolveListener listener,
            CancellationToken cancel) {
        BnnMilp milp = BnnFormulation.build(train, spec, options, loss);
        SolveResult r = solver.solve(milp.model(), params, listener, cancel);
        if (!r.hasSolution()) {
            String why = r.message().isEmpty() ? "the solver returned no solution" : r.message();
            return new TrainingResult(r.solver(), r.status(), why, Optional.empty(), Optional.empty(), Double.NaN,
                    r.bestBound(), Double.NaN, milp.lossBound(r.bestBound()), Double.NaN, Double.NaN,
                    milp.buildTime(), r.wallTime(), r.nodes(), milp);
        }
        double[] x = r.values();
        double objective = Double.isFinite(r.objective()) ? r.objective() : milp.model().objectiveValue(x);
        TrainedBnn network = milp.extract(x);
        ConsistencyReport report = ConsistencyCheck.check(milp, x, objective, network, loss);
        return new TrainingResult(r.solver(), r.status(), r.message(), Optional.of(network), Optional.of(report),
                objective, r.bestBound(), milp.lossPart(objective, x), milp.lossBound(r.bestBound()),
                milp.margin(x), milp.model().maxViolation(x), milp.buildTime(), r.wallTime(), r.nodes(), milp);
    }

    /** As {@link #train(Dataset, BnnSpec, FormulationOptions, LossFunction, MilpSolver, SolveParams, SolveListener, CancellationToken)} without progress or cancellation. */
    public TrainingResult train(Dataset train, BnnSpec spec, FormulationOptions options,
            LossFunction loss, MilpSolver solver, SolveParams params) {
        return train(train, spec, options, loss, solver, params, SolveListener.NONE, CancellationToken.none());
    }
}
