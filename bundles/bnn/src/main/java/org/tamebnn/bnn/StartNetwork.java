package org.tamebnn.bnn;

import java.util.List;
import java.util.Optional;

import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.data.Dataset;

/**
 * Where the exact trainer's MIP start comes from when it is not the pocket perceptron: another
 * trainer's network. The pocket start is one linear unit and gives nothing for three or more
 * classes; a straight-through-estimator network trained in seconds is a start for any classifier,
 * and local search's for any the MILP can take.
 *
 * @since 2.4
 */
public interface StartNetwork {

    /** The name messages give the start (e.g. {@code ste}). */
    String name();

    /** The network to start from, or empty when this source has none for the spec (the solve then starts from nothing). */
    Optional<TrainedBnn> find(Dataset train, BnnSpec spec, FormulationOptions options, LossFunction loss,
            MilpSolver solver, SolveParams params, CancellationToken cancel);

    /** The STE trainer's network with its default options, seeded by the solve's seed. */
    static StartNetwork ste() {
        return new Named("ste", (train, spec, options, loss, solver, params, cancel) -> {
            if (spec.isRegression() || spec.hasSparsityBudget()) {
                return Optional.empty();
            }
            SteOptions ste = SteOptions.defaults().withSeed(params.seed().orElse(0));
            return Optional.of(new SteTrainer().train(train, spec, loss, ste).network());
        });
    }

    /** Local search's network (Bah &amp; Kurtz, Algorithm 1; one restart), its MILPs at the solve's limits. */
    static StartNetwork localSearch() {
        return new Named("local-search", (train, spec, options, loss, solver, params, cancel) ->
                new LocalSearchTrainer().train(train, spec, options.withObjectives(List.of(Objective.LOSS)), loss,
                        solver, params, SolveListener.NONE, cancel).result().network());
    }

    /**
     * A given network, e.g. a saved model's, refused with a one-line reason when it is not a network
     * of the run's shape.
     */
    static StartNetwork of(String name, TrainedBnn network) {
        return new Named(name, (train, spec, options, loss, solver, params, cancel) -> {
            if (!network.spec().equals(spec)) {
                throw new IllegalArgumentException("the start " + name + " is a " + network.spec().describe()
                        + " network; this run trains " + spec.describe());
            }
            return Optional.of(network);
        });
    }

    /** How a named start finds its network: {@link #find}'s signature. */
    @FunctionalInterface
    interface Finder {
        Optional<TrainedBnn> find(Dataset train, BnnSpec spec, FormulationOptions options, LossFunction loss,
                MilpSolver solver, SolveParams params, CancellationToken cancel);
    }

    /** A start called {@code name} whose network {@code finder} finds. */
    record Named(String name, Finder finder) implements StartNetwork {
        @Override
        public Optional<TrainedBnn> find(Dataset train, BnnSpec spec, FormulationOptions options, LossFunction loss,
                MilpSolver solver, SolveParams params, CancellationToken cancel) {
            return finder.find(train, spec, options, loss, solver, params, cancel);
        }
    }
}
