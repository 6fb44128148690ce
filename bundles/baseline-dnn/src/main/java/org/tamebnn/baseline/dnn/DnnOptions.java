package org.tamebnn.baseline.dnn;

/**
 * How the DNN baseline is trained.
 *
 * @param hidden       ReLU neurons in the one hidden layer, ≥ 1
 * @param epochs       passes over the training set, ≥ 1
 * @param batchSize    points per gradient step, ≥ 1
 * @param learningRate the gradient step, &gt; 0
 * @param seed         Smile's initial weights and every epoch's order come from it
 */
public record DnnOptions(int hidden, int epochs, int batchSize, double learningRate, long seed) {

    /** Checks every component and names what is wrong. */
    public DnnOptions {
        if (hidden < 1) {
            throw new IllegalArgumentException("the DNN needs at least 1 hidden neuron, not " + hidden);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("the DNN needs at least 1 epoch, not " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("the DNN batch size must be at least 1, not " + batchSize);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("the DNN learning rate must be a positive number, not " + learningRate);
        }
    }

    /** {@code hidden} ReLU neurons, 200 epochs, batches of 8, learning rate 0.05, seed 0. */
    public static DnnOptions of(int hidden) {
        return new DnnOptions(hidden, 200, 8, 0.05, 0);
    }

    /** The same with {@code n} epochs. */
    public DnnOptions withEpochs(int n) {
        return new DnnOptions(hidden, n, batchSize, learningRate, seed);
    }

    /** The same with batches of {@code n}. */
    public DnnOptions withBatchSize(int n) {
        return new DnnOptions(hidden, epochs, n, learningRate, seed);
    }

    /** The same with learning rate {@code r}. */
    public DnnOptions withLearningRate(double r) {
        return new DnnOptions(hidden, epochs, batchSize, r, seed);
    }

    /** The same with seed {@code s}. */
    public DnnOptions withSeed(long s) {
        return new DnnOptions(hidden, epochs, batchSize, learningRate, s);
    }

    /** E.g. {@code "5 ReLU, 200 epochs, batch 8, rate 0.05, seed 0"}. */
    public String describe() {
        return hidden + " ReLU, " + epochs + " epochs, batch " + batchSize + ", rate " + learningRate + ", seed " + seed;
    }
}
