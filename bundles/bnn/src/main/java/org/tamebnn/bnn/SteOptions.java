package org.tamebnn.bnn;

/**
 * How {@link SteTrainer} runs: mini-batch gradient descent over shuffled epochs.
 *
 * @param epochs       passes over the training set, ≥ 1
 * @param batchSize    points per gradient step, ≥ 1 (a batch larger than the data is the whole data)
 * @param learningRate the step length on the latent weights, &gt; 0
 * @param window       w: a hidden neuron passes its gradient through only while its preactivation is
 *                     within w of a breakpoint range (the clipped identity, hardtanh's derivative);
 *                     the output's relaxed value ramps over [t − w, t + w]; &gt; 0
 * @param seed         the initial weights and every epoch's order come from this seed only, so the
 *                     same seed gives the same network
 */
public record SteOptions(int epochs, int batchSize, double learningRate, double window, long seed) {

    /** Checks every component and names what is wrong. */
    public SteOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("STE needs at least 1 epoch, not " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("STE batch size must be at least 1, not " + batchSize);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("STE learning rate must be a positive number, not " + learningRate);
        }
        if (!(window > 0) || !Double.isFinite(window)) {
            throw new IllegalArgumentException("STE window must be a positive number, not " + window);
        }
    }

    /** 200 epochs, batches of 8, learning rate 0.05, window 1, seed 0. */
    public static SteOptions defaults() {
        return new SteOptions(200, 8, 0.05, 1, 0);
    }

    /** The same with {@code n} epochs. */
    public SteOptions withEpochs(int n) {
        return new SteOptions(n, batchSize, learningRate, window, seed);
    }

    /** The same with batches of {@code n}. */
    public SteOptions withBatchSize(int n) {
        return new SteOptions(epochs, n, learningRate, window, seed);
    }

    /** The same with learning rate {@code r}. */
    public SteOptions withLearningRate(double r) {
        return new SteOptions(epochs, batchSize, r, window, seed);
    }

    /** The same with window {@code w}. */
    public SteOptions withWindow(double w) {
        return new SteOptions(epochs, batchSize, learningRate, w, seed);
    }

    /** The same with seed {@code s}. */
    public SteOptions withSeed(long s) {
        return new SteOptions(epochs, batchSize, learningRate, window, s);
    }

    /** E.g. {@code "200 epochs, batch 8, rate 0.05, window 1, seed 0"}. */
    public String describe() {
        return epochs + " epochs, batch " + batchSize + ", rate " + learningRate + ", window " + window + ", seed "
                + seed;
    }
}
