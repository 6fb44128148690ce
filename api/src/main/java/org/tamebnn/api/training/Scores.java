package org.tamebnn.api.training;

/** A network's scores on a set of rows: classification or regression metrics. */
public sealed interface Scores permits Scores.Classification, Scores.Regression {

    /** The number of rows scored. */
    int size();

    /**
     * Accuracy and the support-weighted averages of the classes' precision, recall and F1 (as
     * Bah &amp; Kurtz's Table 2 reports them), each in [0, 1].
     *
     * @param confusion {@code confusion[actual][predicted]} counts
     */
    record Classification(int size, double accuracy, double precision, double recall, double f1, int[][] confusion)
            implements Scores {
    }

    /**
     * Errors in the target's own units (the scaling undone).
     *
     * @param mae  mean absolute error
     * @param rmse root mean squared error
     * @param r2   coefficient of determination (NaN when the targets do not vary)
     */
    record Regression(int size, double mae, double rmse, double r2) implements Scores {
    }
}
