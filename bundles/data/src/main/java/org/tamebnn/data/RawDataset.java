package org.tamebnn.data;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A labelled data set as loaded, which may still have missing cells.
 *
 * <p>Missing cells are kept, not filled in at load time, because the default policy
 * ({@link MissingValuePolicy#TRAIN_MEDIAN}) fills them with a median over the training part of a
 * split, which does not exist yet. {@link DataPipeline#prepare} resolves them; {@link #toDataset()}
 * gives a {@link Dataset} directly when there are none.
 */
public final class RawDataset {
    private final String name;
    private final String source;
    private final List<String> featureNames;
    // NaN marks a missing cell: the loaders reject NaN written in a file, so NaN here means only that
    private final double[][] values;
    private final int[] labels;
    private final LabelMapping classes;
    private final int[] sourceLines;
    /** [row][target], null for classification; never missing (the loaders reject a missing target). */
    private final double[][] targets;
    private final List<String> targetNames;

    /** Takes ownership of the arrays: callers in this package pass fresh ones. */
    RawDataset(String name, String source, List<String> featureNames, double[][] values, int[] labels,
               LabelMapping classes, int[] sourceLines) {
        this(name, source, featureNames, values, labels, classes, sourceLines, null, List.of());
    }

    /** A regression data set when {@code targets} is not null (labels are then all 0, of {@link Dataset#regressionMapping()}). */
    RawDataset(String name, String source, List<String> featureNames, double[][] values, int[] labels,
               LabelMapping classes, int[] sourceLines, double[][] targets, List<String> targetNames) {
        this.targets = targets;
        this.targetNames = List.copyOf(targetNames);
        this.name = name;
        this.source = source;
        this.featureNames = List.copyOf(featureNames);
        this.values = values;
        this.labels = labels;
        this.classes = classes;
        this.sourceLines = sourceLines;
    }

    /** A complete data set seen as raw data (with no missing cells), to go through the same pipeline. */
    public static RawDataset from(Dataset dataset) {
        double[][] t = null;
        if (dataset.isRegression()) {
            t = new double[dataset.size()][];
            for (int i = 0; i < t.length; i++) {
                t[i] = dataset.targets(i);
            }
        }
        return new RawDataset(dataset.name(), dataset.name(), dataset.featureNames(), dataset.features(),
                dataset.labels(), dataset.labelMapping(),
                dataset.sourceLinesUnsafe() == null ? null : dataset.sourceLinesUnsafe().clone(), t,
                dataset.targetNames());
    }

    /**
     * This data as a regression data set predicting feature {@code targetFeature} from the other
     * features; the class labels are dropped. E.g. Breast Cancer Wisconsin (Diagnostic)'s 'Mean
     * Radius' predicted from its other measurements.
     *
     * @throws DataException if there is no such feature (listing the features), this is already a
     *         regression data set, or a row's target cell is missing (naming its line)
     */
    public RawDataset regressionOn(String targetFeature) {
        if (targets != null) {
            throw new DataException(source, "already a regression data set (on " + String.join(", ", targetNames) + ")");
        }
        int column = featureNames.indexOf(targetFeature);
        if (column < 0) {
            throw new DataException(source, "no feature named '" + targetFeature + "' to predict; the features are: "
                    + String.join(", ", featureNames));
        }
        if (featureNames.size() < 2) {
            throw new DataException(source, "'" + targetFeature + "' is the only feature: nothing is left to predict it from");
        }
        var names = new ArrayList<>(featureNames);
        names.remove(column);
        double[][] rest = new double[values.length][];
        double[][] t = new double[values.length][1];
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i][column])) {
                throw new DataException(source, sourceLines == null ? 0 : sourceLines[i], "feature '" + targetFeature
                        + "': the target is missing; a regression target must be present on every row");
            }
            t[i][0] = values[i][column];
            rest[i] = new double[names.size()];
            for (int j = 0, n = 0; j < values[i].length; j++) {
                if (j != column) {
                    rest[i][n++] = values[i][j];
                }
            }
        }
        return new RawDataset(name, source, names, rest, new int[values.length], Dataset.regressionMapping(),
                sourceLines == null ? null : sourceLines.clone(), t, List.of(targetFeature));
    }

    /**
     * Only the named features, in the order given (to keep a small model small).
     *
     * @throws DataException naming a feature that does not exist
     */
    public RawDataset selectFeatures(List<String> names) {
        int[] columns = new int[names.size()];
        for (int f = 0; f < columns.length; f++) {
            columns[f] = featureNames.indexOf(names.get(f));
            if (columns[f] < 0) {
                throw new DataException(source, "no feature named '" + names.get(f) + "'; the features are: "
                        + String.join(", ", featureNames));
            }
        }
        double[][] kept = new double[values.length][columns.length];
        for (int i = 0; i < values.length; i++) {
            for (int f = 0; f < columns.length; f++) {
                kept[i][f] = values[i][columns[f]];
            }
        }
        return new RawDataset(name, source, names, kept, labels.clone(), classes,
                sourceLines == null ? null : sourceLines.clone(), targets == null ? null : copy(targets), targetNames);
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** True for a regression data set (real targets instead of class labels). */
    public boolean isRegression() {
        return targets != null;
    }

    /** The targets' names, empty for classification. */
    public List<String> targetNames() {
        return targetNames;
    }

    /**
     * The data set complete, with {@code filled} as its feature values and this one's labels or
     * targets: for {@link MedianImputer}.
     */
    Dataset complete(double[][] filled) {
        if (targets == null) {
            return Dataset.of(name, featureNames, filled, labels, classes, sourceLines);
        }
        return Dataset.regression(name, featureNames, filled, targetNames, targets, sourceLines);
    }

    /** The data set's short name, e.g. {@code "bcw"}. */
    public String name() {
        return name;
    }

    /** Where the data came from, as error messages name it: a file name, or the data set's name. */
    public String source() {
        return source;
    }

    /** The number of rows. */
    public int size() {
        return labels.length;
    }

    /** The number of features per row. */
    public int featureCount() {
        return featureNames.size();
    }

    /** The feature names, in column order. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** How the original labels map to class indices. */
    public LabelMapping labelMapping() {
        return classes;
    }

    /** The class index of row {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** How many rows each class has, indexed by class. */
    public int[] classCounts() {
        int[] counts = new int[classes.classCount()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** Whether the cell at row {@code i}, feature {@code j} is missing. */
    public boolean isMissing(int i, int j) {
        return Double.isNaN(values[i][j]);
    }

    /** The value at row {@code i}, feature {@code j}, or empty when it is missing. */
    public OptionalDouble value(int i, int j) {
        return isMissing(i, j) ? OptionalDouble.empty() : OptionalDouble.of(values[i][j]);
    }

    /** The 1-based line of row {@code i} in its source file, if it came from one. */
    public OptionalInt sourceLine(int i) {
        return sourceLines == null ? OptionalInt.empty() : OptionalInt.of(sourceLines[i]);
    }

    /** Every missing cell, row by row. */
    public List<MissingCell> missingCells() {
        var cells = new ArrayList<MissingCell>();
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < featureNames.size(); j++) {
                if (isMissing(i, j)) {
                    cells.add(new MissingCell(i, j, featureNames.get(j), sourceLines == null ? 0 : sourceLines[i]));
                }
            }
        }
        return cells;
    }

    /** The number of missing cells. */
    public int missingCount() {
        return missingCells().size();
    }

    /** The number of missing cells per feature. */
    public int[] missingCountByFeature() {
        int[] counts = new int[featureNames.size()];
        for (MissingCell c : missingCells()) {
            counts[c.feature()]++;
        }
        return counts;
    }

    /** Whether any cell is missing. */
    public boolean hasMissing() {
        return !missingCells().isEmpty();
    }

    /** The rows that have no missing cell (the {@link MissingValuePolicy#DROP} policy), in order. */
    public RawDataset withoutMissingRows() {
        var kept = new ArrayList<Integer>();
        for (int i = 0; i < values.length; i++) {
            boolean complete = true;
            for (double v : values[i]) {
                complete &= !Double.isNaN(v);
            }
            if (complete) {
                kept.add(i);
            }
        }
        return subset(kept.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * This data as a {@link Dataset}.
     *
     * @throws DataException naming the first missing cell, if there is one: choose a
     *         {@link MissingValuePolicy} through {@link DataPipeline} instead
     */
    public Dataset toDataset() {
        List<MissingCell> missing = missingCells();
        if (!missing.isEmpty()) {
            MissingCell first = missing.getFirst();
            throw new DataException(source, first.line(), "feature '" + first.featureName() + "': "
                    + missing.size() + " missing value(s) (first here); choose a missing-value policy (median or drop)");
        }
        return complete(values);
    }

    /** The rows at the given indices, in that order. */
    RawDataset subset(int[] rows) {
        double[][] sub = new double[rows.length][];
        int[] subLabels = new int[rows.length];
        int[] subLines = sourceLines == null ? null : new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            sub[r] = values[rows[r]].clone();
            subLabels[r] = labels[rows[r]];
            if (subLines != null) {
                subLines[r] = sourceLines[rows[r]];
            }
        }
        double[][] subTargets = null;
        if (targets != null) {
            subTargets = new double[rows.length][];
            for (int r = 0; r < rows.length; r++) {
                subTargets[r] = targets[rows[r]].clone();
            }
        }
        return new RawDataset(name, source, featureNames, sub, subLabels, classes, subLines, subTargets, targetNames);
    }

    /** Row {@code i} with NaN for missing cells, without a copy: for this package's transforms. */
    double[] rowUnsafe(int i) {
        return values[i];
    }

    /** All class indices, without a copy. */
    int[] labelsUnsafe() {
        return labels;
    }

    /** Line numbers without a copy (may be {@code null}). */
    int[] sourceLinesUnsafe() {
        return sourceLines;
    }

    /** A one-line summary including the missing cells per feature. */
    public String describe() {
        var sb = new StringBuilder(name).append(": ").append(size()).append(" rows × ").append(featureCount())
                .append(targets == null ? " features; classes " + classes.describe()
                        : " features; regression on " + String.join(", ", targetNames));
        int[] missing = missingCountByFeature();
        var parts = new ArrayList<String>();
        for (int j = 0; j < missing.length; j++) {
            if (missing[j] > 0) {
                parts.add(missing[j] + " in '" + featureNames.get(j) + "'");
            }
        }
        sb.append(parts.isEmpty() ? "; no missing values" : "; missing values: " + String.join(", ", parts));
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
