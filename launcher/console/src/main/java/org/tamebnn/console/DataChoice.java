package org.tamebnn.console;

import java.nio.file.Path;

import org.apache.felix.service.command.CommandSession;
import org.tamebnn.data.BuiltinDatasets;
import org.tamebnn.data.ColumnRef;
import org.tamebnn.data.CsvDatasetLoader;
import org.tamebnn.data.CsvOptions;
import org.tamebnn.data.DataException;
import org.tamebnn.data.DataPipeline;
import org.tamebnn.data.MissingValuePolicy;
import org.tamebnn.data.PreparedData;
import org.tamebnn.data.RawDataset;
import org.tamebnn.data.SplitSpec;

/**
 * The data options the {@code bnn} commands share: {@code --data bcw|wdbc|FILE.csv}, {@code --label},
 * {@code --drop}, {@code --missing}, {@code --train-size}, {@code --seed} (and an experiment cell's
 * test fraction); turned into a prepared
 * (split, imputed, scaled) data set, with every data error as a one-line command failure.
 */
record DataChoice(String data, String label, String drop, String missing, int trainSize, long seed,
        boolean regression, double testFraction) {

    /** {@code --task classification|regression}, checked. */
    static boolean regression(String task) {
        return switch (task) {
            case "classification" -> false;
            case "regression" -> true;
            default -> throw new CommandFailure("--task must be classification or regression, got '" + task + "'");
        };
    }

    /** The paper's split: 20% of the rows for testing (140 of BCW's 699). */
    static final double TEST_FRACTION = 0.2;

    /** Classification data with the paper's split. */
    DataChoice(String data, String label, String drop, String missing, int trainSize, long seed) {
        this(data, label, drop, missing, trainSize, seed, false, TEST_FRACTION);
    }

    /** Classification or regression data with the paper's split. */
    DataChoice(String data, String label, String drop, String missing, int trainSize, long seed, boolean regression) {
        this(data, label, drop, missing, trainSize, seed, regression, TEST_FRACTION);
    }

    /** Classification data with another test fraction (an experiment cell's). */
    DataChoice(String data, String label, String drop, String missing, int trainSize, long seed, double testFraction) {
        this(data, label, drop, missing, trainSize, seed, false, testFraction);
    }

    /** The data to train on: at least two classes. */
    RawDataset load(CommandSession session) {
        return load(session, 2);
    }

    /** Data a saved network classifies: a file of one class is fine (e.g. new cases all benign). */
    RawDataset loadToClassify(CommandSession session) {
        return load(session, 1);
    }

    private RawDataset load(CommandSession session, int minimumClasses) {
        try {
            if (regression && label.isEmpty()) {
                throw new CommandFailure("--task regression needs --label COLUMN: the column to predict");
            }
            if (BuiltinDatasets.names().contains(data)) {
                // a shipped data set's label is its class; for regression one of its features is the target
                return regression ? BuiltinDatasets.load(data).regressionOn(label) : BuiltinDatasets.load(data);
            }
            if (RandomData.names(data)) {
                return RandomData.load(data, seed);
            }
            Path file = SolverCommands.resolve(session, data);
            CsvOptions options = CsvOptions.defaults().minimumClasses(minimumClasses).regression(regression);
            if (!label.isEmpty()) {
                options = options.label(label);
            }
            if (!drop.isEmpty()) {
                String[] parts = drop.split(",");
                ColumnRef[] refs = new ColumnRef[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    refs[i] = ColumnRef.parse(parts[i].strip());
                }
                options = options.drop(refs);
            }
            return CsvDatasetLoader.load(file, options);
        } catch (DataException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    PreparedData prepare(RawDataset raw) {
        MissingValuePolicy policy;
        try {
            policy = MissingValuePolicy.parse(missing);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("--missing must be median or drop, got '" + missing + "'");
        }
        if (trainSize < 0) {
            throw new CommandFailure("--train-size must be a number of points (0 for all), got " + trainSize);
        }
        try {
            SplitSpec split = SplitSpec.of(seed, testFraction);
            return DataPipeline.prepare(raw, trainSize == 0 ? split : split.trainSize(trainSize), policy);
        } catch (DataException | IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
    }
}
