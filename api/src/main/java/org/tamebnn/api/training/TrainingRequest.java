package org.tamebnn.api.training;

import java.util.Objects;
import java.util.Optional;

import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveParams;

/**
 * Everything one run of a {@link Trainer} gets from the service.
 *
 * @param spec     the whole run specification (network, formulation, seed, time limit)
 * @param train    the training rows, prepared
 * @param test     the held-out rows, prepared: for a trainer's own extra report (robust test accuracy)
 *                 only, never for choosing the network
 * @param options  the trainer's options, checked
 * @param loss     the loss
 * @param solver   the MILP solver, for a trainer that {@linkplain Trainer#needsSolver() needs one}
 * @param params   the solve parameters: time limit, seed, threads, gap
 * @param listener where to report progress
 * @param cancel   cancelled when the caller stops the run
 * @param start    the network of the spec's saved-model start, as the caller loaded it ({@link RunControl#start()}; since 1.1)
 */
public record TrainingRequest(RunSpec spec, TrainingData train, TrainingData test, TrainerOptions options,
        LossFunction loss, Optional<MilpSolver> solver, SolveParams params, TrainingListener listener,
        CancellationToken cancel, Optional<Network> start) {

    /** A request without a start network. */
    public TrainingRequest(RunSpec spec, TrainingData train, TrainingData test, TrainerOptions options,
            LossFunction loss, Optional<MilpSolver> solver, SolveParams params, TrainingListener listener,
            CancellationToken cancel) {
        this(spec, train, test, options, loss, solver, params, listener, cancel, Optional.empty());
    }

    public TrainingRequest {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(solver, "solver");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(cancel, "cancel");
    }

    /** The solver, or a failure saying the trainer was asked to run without one. */
    public MilpSolver requireSolver() {
        return solver.orElseThrow(() -> new TrainingException("trainer " + options.trainer()
                + " needs a MILP solver and was given none"));
    }

    /** The run's seed (the split's, which also seeds the trainer). */
    public long seed() {
        return spec.split().seed();
    }
}
