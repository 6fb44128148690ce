package org.tamebnn.baseline.dnn;

import java.time.Duration;
import java.util.SplittableRandom;

import org.tamebnn.data.Dataset;

import smile.classification.MLP;
import smile.math.MathEx;
import smile.model.mlp.Layer;
import smile.model.mlp.OutputFunction;
import smile.util.function.TimeFunction;

/**
 * Trains the paper's DNN baseline with Smile: input → ReLU hidden layer → softmax over the K classes,
 * cross-entropy (Smile's maximum-likelihood output layer), plain mini-batch gradient descent.
 *
 * <p>Reproducible: Smile draws its initial weights from its per-thread generator, which is seeded
 * here just before the network is built on the calling thread, and the epochs' orders come from the
 * same seed; Smile's mini-batch update runs on the calling thread only.
 */
public final class DnnBaseline {

    private DnnBaseline() {
    }

    /** {@link #train(Dataset, DnnOptions)} with the default batch and learning rate. */
    public static DnnResult train(Dataset train, int hidden, long seed, int epochs) {
        return train(train, DnnOptions.of(hidden).withSeed(seed).withEpochs(epochs));
    }

    /**
     * Trains on {@code train}.
     *
     * @throws DnnUnavailableException when the native BLAS Smile needs is missing (the message says
     *         what to install)
     * @throws IllegalArgumentException for an empty data set
     */
    public static DnnResult train(Dataset train, DnnOptions options) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("dnn: data set '" + train.name() + "' has no rows to train on");
        }
        OpenBlas.require();
        try {
            return run(train, options);
        } catch (ExceptionInInitializerError | NoClassDefFoundError | UnsatisfiedLinkError e) {
            // Smile's BLAS binding failed after all (a library without a routine it needs, say)
            throw new DnnUnavailableException(OpenBlas.INSTALL_HINT + "; Smile's BLAS binding failed: " + e, e);
        }
    }

    private static DnnResult run(Dataset train, DnnOptions options) {
        long start = System.nanoTime();
        int n = train.size();
        int k = train.classCount();
        double[][] x = train.features();
        int[] y = train.labels();
        MathEx.setSeed(options.seed());
        MLP mlp = new MLP(Layer.input(train.featureCount()), Layer.rectifier(options.hidden()),
                Layer.mle(k, OutputFunction.SOFTMAX));
        mlp.setLearningRate(TimeFunction.constant(options.learningRate()));
        DnnModel model = new DnnModel(mlp, train.featureCount(), k);

        double[] crossEntropy = new double[options.epochs() + 1];
        int[] errors = new int[options.epochs() + 1];
        score(model, x, y, crossEntropy, errors, 0);
        SplittableRandom random = new SplittableRandom(options.seed());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int batch = Math.min(options.batchSize(), n);
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            shuffle(order, random);
            for (int from = 0; from < n; from += batch) {
                int size = Math.min(batch, n - from);
                double[][] bx = new double[size][];
                int[] by = new int[size];
                for (int b = 0; b < size; b++) {
                    bx[b] = x[order[from + b]];
                    by[b] = y[order[from + b]];
                }
                mlp.update(bx, by);
            }
            score(model, x, y, crossEntropy, errors, epoch);
        }
        return new DnnResult(model, crossEntropy, errors, options, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void score(DnnModel model, double[][] x, int[] y, double[] crossEntropy, int[] errors, int epoch) {
        double sum = 0;
        int wrong = 0;
        for (int i = 0; i < x.length; i++) {
            double[] p = model.probabilities(x[i]);
            // the class with the highest probability, as Smile predicts it
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            wrong += best == y[i] ? 0 : 1;
            sum -= Math.log(Math.max(p[y[i]], Double.MIN_NORMAL));
        }
        crossEntropy[epoch] = sum / x.length;
        errors[epoch] = wrong;
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }
}
