package org.tamebnn.api.training;

import java.util.List;

/**
 * Prepared rows (imputed, scaled to [0, 1] on the training rows) with their classes or targets:
 * what a {@link Trainer} trains on and what the service evaluates on. Read-only.
 */
public interface TrainingData {
    /** Where the rows came from (a data set's name, and which part of it). */
    String name();

    int size();

    int featureCount();

    List<String> featureNames();

    /** Row {@code i}'s features (a copy). */
    double[] row(int i);

    /** The number of classes; 1 for regression data. */
    int classCount();

    /** The classes' names in class-index order. */
    List<String> classNames();

    /** Row {@code i}'s class index (0 for regression data). */
    int label(int i);

    boolean isRegression();

    /** Row {@code i}'s real targets (regression data), on the scale the network is trained on. */
    double[] targets(int i);
}
