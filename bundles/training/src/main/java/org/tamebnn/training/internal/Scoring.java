package org.tamebnn.training.internal;

import java.util.Optional;

import org.tamebnn.api.training.Network;
import org.tamebnn.api.training.Scores;
import org.tamebnn.bnn.Evaluation;
import org.tamebnn.bnn.RegressionEvaluation;
import org.tamebnn.data.Dataset;
import org.tamebnn.data.PreparedData;

/** A network's scores on prepared rows: classes by accuracy and weighted P/R/F1, targets in their own units. */
final class Scoring {
    private Scoring() {
    }

    static Optional<Scores> of(Network network, Dataset rows, PreparedData prepared) {
        if (rows.size() == 0) {
            return Optional.empty();
        }
        if (rows.isRegression()) {
            double[] ranges = new double[rows.targetCount()];
            for (int k = 0; k < ranges.length; k++) {
                ranges[k] = prepared.targetScaler().range(k);
            }
            RegressionEvaluation e = RegressionEvaluation.of(network, rows, ranges);
            return Optional.of(new Scores.Regression(e.rows(), e.mae(), e.rmse(), e.r2()));
        }
        int[] predicted = new int[rows.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = network.classify(rows.row(i));
        }
        Evaluation e = Evaluation.of(rows.labels(), predicted, rows.classCount());
        Evaluation.ClassScores w = e.weightedAverage();
        return Optional.of(new Scores.Classification(e.size(), e.accuracy(), w.precision(), w.recall(), w.f1(),
                e.confusion()));
    }
}
