package org.tamebnn.bnn;

import java.time.Duration;
import java.util.SplittableRandom;

import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.loss.OutputKind;
import org.tamebnn.api.training.TrainingListener;
import org.tamebnn.bnn.internal.SteNetwork;
import org.tamebnn.data.Dataset;

/**
 * The straight-through-estimator baseline: the same network as the exact trainer ({@link BnnSpec}:
 * weights and thresholds in [−1, 1], real or binary weights, step activations, BDNN or BDNN0),
 * trained by mini-batch gradient descent instead of a MILP.
 *
 * <p>The forward pass is the network's own (steps, −ε/2 firing rule, binary weights as ±1). The
 * backward pass replaces each hidden step by a clipped identity (hardtanh's derivative) and sign(w)
 * by the identity on the latent weight, which is kept in [−1, 1] after every step. The loss is the
 * given {@link LossFunction}'s {@code value}/{@code subgradient} at a relaxed output: the step's
 * 0/1 would give the 0-1 loss a derivative of 0 almost everywhere, so the output neuron's value is
 * the ramp clip(½ + (a − t)/2w, 0, 1) with its slope passed straight through; for the 0-1 loss this
 * descends the hinge loss on the output preactivation. The result says so in its description.
 *
 * <p>Each epoch is scored by the forward pass (0-1 training loss, as the MILP trainers report it);
 * the network returned is the best epoch's. One thread, one {@link SplittableRandom} from the seed:
 * the same inputs and seed give the same network.
 */
public final class SteTrainer {

    /**
     * Trains {@code spec} on {@code data}.
     *
     * @throws IllegalArgumentException when the data does not fit the spec, the spec asks for a
     *         sparsity budget (gradient descent cannot enforce ‖W‖₀ ≤ k), or the loss does not take
     *         binary outputs
     */
    public SteResult train(Dataset data, BnnSpec spec, LossFunction loss, SteOptions options) {
        return train(data, spec, loss, options, TrainingListener.NONE);
    }

    /**
     * As {@link #train(Dataset, BnnSpec, LossFunction, SteOptions)}, telling {@code listener} each
     * epoch's training loss and each better network's.
     */
    public SteResult train(Dataset data, BnnSpec spec, LossFunction loss, SteOptions options,
            TrainingListener listener) {
        spec.requireClassifier("the STE trainer");
        check(data, spec, loss);
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(options.seed());
        SteNetwork net = new SteNetwork(spec, options.window(), random);
        double[][] targets = targets(data, spec);
        int n = data.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] errors = new int[options.epochs() + 1];
        double[] surrogate = new double[options.epochs() + 1];
        TrainedBnn best = score(net, data, targets, loss, errors, surrogate, 0);
        int bestEpoch = 0;
        int batch = Math.min(options.batchSize(), n);
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            shuffle(order, random);
            for (int from = 0; from < n; from += batch) {
                int to = Math.min(n, from + batch);
                net.zeroGradient();
                for (int b = from; b < to; b++) {
                    net.pass(data.row(order[b]), targets[order[b]], loss, true);
                }
                net.step(options.learningRate(), to - from);
            }
            TrainedBnn current = score(net, data, targets, loss, errors, surrogate, epoch);
            listener.iterationDone(epoch, errors[epoch]);
            if (errors[epoch] < errors[bestEpoch]) {
                best = current;
                bestEpoch = epoch;
                listener.incumbentImproved(errors[epoch]);
            }
        }
        long nanos = System.nanoTime() - start;
        return new SteResult(best, errors, surrogate, bestEpoch, description(spec, loss, options), options,
                Duration.ofNanos(nanos));
    }

    private static void check(Dataset data, BnnSpec spec, LossFunction loss) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("STE: data set '" + data.name() + "' has no rows to train on");
        }
        if (data.featureCount() != spec.inputWidth()) {
            throw new IllegalArgumentException("STE: data set '" + data.name() + "' has " + data.featureCount()
                    + " features; the network " + spec.describe() + " expects " + spec.inputWidth());
        }
        if (data.classCount() != spec.classCount()) {
            throw new IllegalArgumentException("STE: data set '" + data.name() + "' has " + data.classCount()
                    + " classes; the network " + spec.describe() + " has " + spec.classCount());
        }
        if (spec.hasSparsityBudget()) {
            throw new IllegalArgumentException("STE cannot enforce the sparsity budget ‖W‖₀ ≤ " + spec.maxNonZeroWeights()
                    + " of " + spec.describe() + "; train it with the exact trainer or drop the budget");
        }
        if (!loss.supports(OutputKind.BINARY)) {
            throw new IllegalArgumentException("STE: loss '" + loss.name() + "' does not take binary outputs");
        }
    }

    /** Per row, the 0/1 target of each output neuron: the class for one neuron, one-hot for K ≥ 3. */
    private static double[][] targets(Dataset data, BnnSpec spec) {
        double[][] t = new double[data.size()][spec.outputWidth()];
        for (int i = 0; i < data.size(); i++) {
            if (spec.outputWidth() == 1) {
                t[i][0] = data.label(i);
            } else {
                t[i][data.label(i)] = 1;
            }
        }
        return t;
    }

    /** Fills the curves' entry {@code epoch} and returns the network scored. */
    private static TrainedBnn score(SteNetwork net, Dataset data, double[][] targets, LossFunction loss,
            int[] errors, double[] surrogate, int epoch) {
        TrainedBnn snapshot = net.snapshot();
        int wrong = 0;
        double sum = 0;
        for (int i = 0; i < data.size(); i++) {
            wrong += snapshot.predict(data.row(i)) == data.label(i) ? 0 : 1;
            sum += net.pass(data.row(i), targets[i], loss, false);
        }
        errors[epoch] = wrong;
        surrogate[epoch] = sum / data.size();
        return snapshot;
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }

    private static String description(BnnSpec spec, LossFunction loss, SteOptions options) {
        return spec.describe() + " by STE (" + options.describe() + "): hidden steps pass their gradient through a"
                + " clipped identity (window " + options.window() + "), " + (spec.weights() == WeightDomain.BINARY
                        ? "binary weights are sign(latent) with the gradient passed to the latent weight, "
                        : "")
                + "latent weights and thresholds clipped to [-1, 1]; loss '" + loss.name()
                + "' taken at the output's ramp clip(1/2 + (a - t)/2w, 0, 1) with its slope passed straight through"
                + (loss.name().equals("zero-one") ? " (for the 0-1 loss: the hinge loss on the output preactivation,"
                        + " since the 0-1 loss of the step has derivative 0 almost everywhere)" : "")
                + "; training loss is the 0-1 count of the forward pass, the best epoch kept";
    }
}
