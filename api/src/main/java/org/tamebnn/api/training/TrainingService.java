package org.tamebnn.api.training;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The training pipeline as a service: data, split, network, trainer, solver and evaluation from one
 * {@link RunSpec}. It sees the solvers, losses, dual constructions and trainers installed at the time
 * of the call. Thread-safe; each call runs on the caller's thread.
 */
@ProviderType
public interface TrainingService {

    /** The installed trainers, by name. */
    List<Trainer> trainers();

    /**
     * The spec as it would run: the solver named (the service's choice when it names none and the
     * trainer needs one), the trainer, loss, options and data source checked; nothing is trained.
     *
     * @throws TrainingException saying what does not fit
     */
    RunSpec resolve(RunSpec spec, RunControl control);

    /**
     * Trains once, as {@code spec} says, and evaluates the network on the held-out rows. A run that
     * fails after it started (a solver error, a trainer's refusal) is an outcome with an
     * {@code ERROR} termination, not an exception.
     *
     * @throws TrainingException when the run cannot start (unknown trainer, bad data, bad options)
     */
    TrainingOutcome train(RunSpec spec, RunControl control);

    /**
     * Trains {@code spec}'s network with each of {@code trainers} — those that need a solver once on
     * each of {@code solvers} — on the same prepared data, and checks the runs' claims against each
     * other: an optimal loss or a bound above a loss another run's network verifiably reached is
     * refuted ({@link TrainingOutcome#refutation()}). Runs not started when the caller cancels are
     * listed in {@link Comparison#notRun()}; those finished are kept.
     *
     * @param trainers trainer names; empty for the spec's own trainer
     * @param solvers  solver names; empty for every installed MILP solver
     * @throws TrainingException when the comparison cannot start
     */
    Comparison compare(RunSpec spec, List<String> trainers, List<String> solvers, RunControl control);
}
