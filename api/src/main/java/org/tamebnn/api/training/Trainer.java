package org.tamebnn.api.training;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way to train a network: the fourth extension point, beside {@code MilpSolver},
 * {@code DualConstructor} and {@code LossFunction}. Plugins register it as an OSGi service with
 * {@value #NAME_PROPERTY} set to {@link #name()}; the {@link TrainingService} picks it up while it
 * runs and drops it when its bundle goes. Outside OSGi, list it in
 * {@code META-INF/services/org.tamebnn.api.training.Trainer}.
 *
 * <p>A trainer reads only the training rows to choose its network; the service evaluates what it
 * returns on the held-out rows. It honours the request's cancellation token and time limit, and
 * reports what it can through the request's listener.
 */
@ConsumerType
public interface Trainer {
    /** Service property carrying the trainer's name. */
    String NAME_PROPERTY = "tamebnn.trainer.name";

    /** Short unique name ({@code --trainer NAME}). */
    String name();

    /** One line: what it does, and where it comes from. */
    String description();

    /** The options it takes ({@code --trainer-options key=value}); the service refuses any other. */
    List<TrainerOption> options();

    /** True when it solves MILPs: a comparison runs it once per solver, and a request then carries one. */
    boolean needsSolver();

    /** The tasks it trains for (classification, regression). */
    default Set<Task> tasks() {
        return Set.of(Task.CLASSIFICATION);
    }

    /**
     * Whether it can train under the loss called {@code loss} (every loss, by default: the service
     * has already checked that the loss suits the task).
     */
    default boolean supportsLoss(String loss) {
        return true;
    }

    /**
     * Trains.
     *
     * @throws TrainingException when the request does not suit it (a bad option combination, a spec
     *                           it cannot train); the message is shown to the user as it stands
     */
    TrainerResult train(TrainingRequest request, TrainingContext context);
}
