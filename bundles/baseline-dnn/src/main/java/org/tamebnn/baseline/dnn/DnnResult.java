package org.tamebnn.baseline.dnn;

import java.time.Duration;
import java.util.Locale;

/**
 * The outcome of one DNN training run.
 *
 * @param model          the network after the last epoch
 * @param crossEntropy   the mean cross-entropy on the training set after each epoch (what was
 *                       descended); index 0 is the initial network, so {@code epochs + 1} entries
 * @param trainingErrors misclassified training points after each epoch, same indexing
 * @param options        the run's options
 * @param time           wall time, scoring included
 */
public record DnnResult(DnnModel model, double[] crossEntropy, int[] trainingErrors, DnnOptions options,
        Duration time) {

    /** Copies the curves. */
    public DnnResult {
        crossEntropy = crossEntropy.clone();
        trainingErrors = trainingErrors.clone();
    }

    @Override
    public double[] crossEntropy() {
        return crossEntropy.clone();
    }

    @Override
    public int[] trainingErrors() {
        return trainingErrors.clone();
    }

    /** Misclassified training points of {@link #model()}. */
    public int trainingLoss() {
        return trainingErrors[trainingErrors.length - 1];
    }

    /** One line for logs and the console. */
    public String describe() {
        return String.format(Locale.ROOT, "dnn (Smile MLP, %s, softmax, cross-entropy): training errors %d,"
                + " cross-entropy %.4f, %d ms", options.describe(), trainingLoss(),
                crossEntropy[crossEntropy.length - 1], time.toMillis());
    }
}
