package org.tamebnn.bnn;

import java.util.Locale;

import org.tamebnn.data.Dataset;

/**
 * How well a regression network fits a data set: the mean absolute error, the root mean squared
 * error and R² = 1 − SSE/SST, pooled over every row and target. Errors are in the units of the data
 * given (targets min–max scaled to [0, 1] by the data pipeline) unless {@link #of(TrainedBnn, Dataset,
 * double[])} is given each target's range, which turns them back into the original units. R² is
 * unit-free (NaN when the targets do not vary).
 *
 * @param rows the rows scored
 * @param mae  mean |o − y|
 * @param rmse √(mean (o − y)²)
 * @param r2   1 − Σ(o − y)² / Σ(y − ȳ)², ȳ per target
 * @since 2.2
 */
public record RegressionEvaluation(int rows, double mae, double rmse, double r2) {

    /** Scores {@code network} on {@code data}, in the data's units. */
    public static RegressionEvaluation of(TrainedBnn network, Dataset data) {
        double[] ones = new double[data.targetCount()];
        java.util.Arrays.fill(ones, 1.0);
        return of(network, data, ones);
    }

    /**
     * Scores {@code network} on {@code data}, each target's errors multiplied by {@code ranges[k]}:
     * with the target scaler's ranges ({@code MinMaxScaler.range}) the errors are in the original units.
     */
    public static RegressionEvaluation of(TrainedBnn network, Dataset data, double[] ranges) {
        if (!network.spec().isRegression()) {
            throw new IllegalArgumentException("regression metrics need a regression network and data set; "
                    + network.spec().describe() + " on '" + data.name() + "'");
        }
        return of((org.tamebnn.api.training.Network) network, data, ranges);
    }

    /**
     * Scores any network's real outputs ({@link org.tamebnn.api.training.Network#outputs}) on
     * {@code data}, as {@link #of(TrainedBnn, Dataset, double[])} does.
     */
    public static RegressionEvaluation of(org.tamebnn.api.training.Network network, Dataset data, double[] ranges) {
        if (!data.isRegression()) {
            throw new IllegalArgumentException("regression metrics need a regression data set; '" + data.name()
                    + "' has classes");
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("data set '" + data.name() + "' has no rows to score");
        }
        int m = data.targetCount();
        if (ranges.length != m) {
            throw new IllegalArgumentException(ranges.length + " ranges for " + m + " targets");
        }
        double[] mean = new double[m];
        for (int i = 0; i < data.size(); i++) {
            for (int k = 0; k < m; k++) {
                mean[k] += data.target(i, k) / data.size();
            }
        }
        double abs = 0;
        double sse = 0;
        double sst = 0;
        double[][] predicted = new double[data.size()][];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = network.outputs(data.row(i));
        }
        for (int i = 0; i < data.size(); i++) {
            for (int k = 0; k < m; k++) {
                double e = (predicted[i][k] - data.target(i, k)) * ranges[k];
                double d = (data.target(i, k) - mean[k]) * ranges[k];
                abs += Math.abs(e);
                sse += e * e;
                sst += d * d;
            }
        }
        int n = data.size() * m;
        return new RegressionEvaluation(data.size(), abs / n, Math.sqrt(sse / n), sst == 0 ? Double.NaN : 1 - sse / sst);
    }

    /** E.g. {@code "MAE 0.0812, RMSE 0.104, R² 0.71 on 30 rows"}. */
    public String describe() {
        return String.format(Locale.ROOT, "MAE %.4g, RMSE %.4g, R² %.3g on %d rows", mae, rmse, r2, rows);
    }
}
