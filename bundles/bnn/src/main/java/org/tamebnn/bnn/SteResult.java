package org.tamebnn.bnn;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The outcome of one {@link SteTrainer} run.
 *
 * @param network        the network of the epoch with the fewest training errors (the earliest among
 *                       ties), with binary weights already rounded to ±1: its forward pass is the
 *                       one that was scored
 * @param trainingErrors the 0-1 training loss (misclassified training points, as the exact trainer
 *                       reports it) of the network after each epoch; index 0 is the initial network
 *                       before any step, so there are {@code epochs + 1} entries
 * @param surrogateLoss  the mean loss on the relaxed output (what the gradient descended) after each
 *                       epoch, same indexing
 * @param bestEpoch      the index in the curves of {@link #network()}
 * @param description    what was trained and how its gradient was made, in words
 * @param options        the run's options
 * @param time           wall time of the whole run, scoring included
 */
public record SteResult(TrainedBnn network, int[] trainingErrors, double[] surrogateLoss, int bestEpoch,
        String description, SteOptions options, Duration time) {

    /** Checks that the curves line up and copies them. */
    public SteResult {
        Objects.requireNonNull(network, "network");
        if (trainingErrors.length != surrogateLoss.length || trainingErrors.length == 0) {
            throw new IllegalArgumentException("loss curves of " + trainingErrors.length + " and "
                    + surrogateLoss.length + " epochs; they must be equal and non-empty");
        }
        if (bestEpoch < 0 || bestEpoch >= trainingErrors.length) {
            throw new IllegalArgumentException("best epoch " + bestEpoch + " outside the curve of "
                    + trainingErrors.length);
        }
        trainingErrors = trainingErrors.clone();
        surrogateLoss = surrogateLoss.clone();
    }

    @Override
    public int[] trainingErrors() {
        return trainingErrors.clone();
    }

    @Override
    public double[] surrogateLoss() {
        return surrogateLoss.clone();
    }

    /** The 0-1 training loss of {@link #network()}. */
    public int trainingLoss() {
        return trainingErrors[bestEpoch];
    }

    /** One line for logs and the console. */
    public String describe() {
        return String.format(Locale.ROOT, "ste: training loss %d (epoch %d of %d), %d ms; %s", trainingLoss(),
                bestEpoch, trainingErrors.length - 1, time.toMillis(), description);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SteResult r && network.equals(r.network) && Arrays.equals(trainingErrors, r.trainingErrors)
                && Arrays.equals(surrogateLoss, r.surrogateLoss) && bestEpoch == r.bestEpoch
                && description.equals(r.description) && options.equals(r.options) && time.equals(r.time);
    }

    @Override
    public int hashCode() {
        return Objects.hash(network, Arrays.hashCode(trainingErrors), Arrays.hashCode(surrogateLoss), bestEpoch,
                description, options, time);
    }

    @Override
    public String toString() {
        return describe();
    }
}
