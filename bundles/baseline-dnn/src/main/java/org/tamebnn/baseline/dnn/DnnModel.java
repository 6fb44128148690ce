package org.tamebnn.baseline.dnn;

import org.tamebnn.data.Dataset;

import smile.classification.MLP;

/**
 * A trained DNN. Smile's MLP keeps per-thread work buffers, so one model may be used from several
 * threads; its weights do not change after training.
 */
public final class DnnModel {
    private final MLP mlp;
    private final int inputWidth;
    private final int classCount;

    DnnModel(MLP mlp, int inputWidth, int classCount) {
        this.mlp = mlp;
        this.inputWidth = inputWidth;
        this.classCount = classCount;
    }

    /** The number of features a point must have. */
    public int inputWidth() {
        return inputWidth;
    }

    /** K. */
    public int classCount() {
        return classCount;
    }

    /** The class with the highest softmax output. */
    public int predict(double[] x) {
        check(x);
        return mlp.predict(x);
    }

    /** The softmax outputs, one per class. */
    public double[] probabilities(double[] x) {
        check(x);
        double[] p = new double[classCount];
        mlp.predict(x, p);
        return p;
    }

    /** The predicted class of every row of {@code data}. */
    public int[] predict(Dataset data) {
        int[] out = new int[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = predict(data.row(i));
        }
        return out;
    }

    private void check(double[] x) {
        if (x.length != inputWidth) {
            throw new IllegalArgumentException("input has " + x.length + " features; the DNN expects " + inputWidth);
        }
    }
}
