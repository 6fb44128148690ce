package org.tamebnn.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An immutable, complete labelled data set: {@code size()} rows of {@code featureCount()} finite
 * feature values, each row with a class index in {@code 0..classCount()-1} — or, for regression
 * ({@link #isRegression()}), with {@code targetCount()} finite real targets instead. A regression
 * data set has one pseudo-class ({@link #REGRESSION_CLASS}) that every row belongs to, so that
 * splitting, which stratifies by class, treats it as one unstratified population.
 *
 * <p>A {@code Dataset} never holds a missing value or {@code NaN}: data with missing cells is a
 * {@link RawDataset} until a {@link MissingValuePolicy} resolves them. Arrays are copied in and
 * out, so no caller can change one.
 */
public final class Dataset implements org.tamebnn.api.training.TrainingData {
    private final String name;
    private final List<String> featureNames;
    private final double[][] features;
    private final int[] labels;
    private final LabelMapping classes;
    private final int[] sourceLines;
    /** [row][target], null for a classification data set. */
    private final double[][] targets;
    private final List<String> targetNames;

    /** The one class of a regression data set. */
    public static final String REGRESSION_CLASS = "(regression)";

    private Dataset(String name, List<String> featureNames, double[][] features, int[] labels,
                    LabelMapping classes, int[] sourceLines) {
        this(name, featureNames, features, labels, classes, sourceLines, null, List.of());
    }

    private Dataset(String name, List<String> featureNames, double[][] features, int[] labels,
                    LabelMapping classes, int[] sourceLines, double[][] targets, List<String> targetNames) {
        this.name = name;
        this.featureNames = featureNames;
        this.features = features;
        this.labels = labels;
        this.classes = classes;
        this.sourceLines = sourceLines;
        this.targets = targets;
        this.targetNames = targetNames;
    }

    /** The label mapping of every regression data set: one pseudo-class. */
    static LabelMapping regressionMapping() {
        return LabelMapping.fromLabels(List.of(REGRESSION_CLASS));
    }

    /**
     * A regression data set: real targets in place of class labels (Bah &amp; Kurtz's remark on
     * networks with a continuous output layer), checked and copied.
     *
     * @param targetNames one name per target column, e.g. {@code ["Mean Radius"]}
     * @param targets     [row][target], all finite
     * @param sourceLines one 1-based line number per row, or {@code null}
     * @throws IllegalArgumentException if the parts do not fit together or a value is not finite,
     *         naming the row (and its source line when known)
     */
    public static Dataset regression(String name, List<String> featureNames, double[][] features,
                                     List<String> targetNames, double[][] targets, int[] sourceLines) {
        List<String> tNames = List.copyOf(targetNames);
        if (tNames.isEmpty()) {
            throw new IllegalArgumentException("a regression data set needs at least one target");
        }
        if (targets.length != features.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + targets.length + " target rows");
        }
        double[][] t = new double[targets.length][];
        for (int i = 0; i < targets.length; i++) {
            if (targets[i].length != tNames.size()) {
                throw new IllegalArgumentException("row " + i + " has " + targets[i].length + " targets for "
                        + tNames.size() + " target names");
            }
            for (int k = 0; k < tNames.size(); k++) {
                if (!Double.isFinite(targets[i][k])) {
                    throw new IllegalArgumentException("row " + i + (sourceLines == null ? "" : " (line "
                            + sourceLines[i] + ")") + ", target '" + tNames.get(k) + "' is " + targets[i][k]
                            + ": targets must be finite");
                }
            }
            t[i] = targets[i].clone();
        }
        Dataset d = of(name, featureNames, features, new int[features.length], regressionMapping(), sourceLines);
        return new Dataset(d.name, d.featureNames, d.features, d.labels, d.classes, d.sourceLines, t, tNames);
    }

    /**
     * {@code data} as a data set: the same object when it is one, else a copy (classes named by
     * {@link TrainingData#classNames()}; regression targets named {@code target 0}, ...).
     */
    public static Dataset from(org.tamebnn.api.training.TrainingData data) {
        if (data instanceof Dataset d) {
            return d;
        }
        double[][] rows = new double[data.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = data.row(i);
        }
        if (data.isRegression()) {
            double[][] targets = new double[data.size()][];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = data.targets(i);
            }
            List<String> names = new java.util.ArrayList<>();
            for (int k = 0; k < (targets.length == 0 ? 1 : targets[0].length); k++) {
                names.add("target " + k);
            }
            return regression(data.name(), data.featureNames(), rows, names, targets, null);
        }
        int[] labels = new int[data.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data.label(i);
        }
        return of(data.name(), data.featureNames(), rows, labels,
                new LabelMapping(data.classNames().stream().map(ClassLabel::of).toList()));
    }

    /** True for a regression data set (real targets), false for a classification one (class labels). */
    public boolean isRegression() {
        return targets != null;
    }

    /** The number of real targets per row, 0 for a classification data set. */
    public int targetCount() {
        return targetNames.size();
    }

    /** The targets' names (empty for classification). */
    public List<String> targetNames() {
        return targetNames;
    }

    /** Target {@code k} of row {@code i}; only for a regression data set. */
    public double target(int i, int k) {
        requireRegression();
        return targets[i][k];
    }

    /** A copy of row {@code i}'s targets; only for a regression data set. */
    public double[] targets(int i) {
        requireRegression();
        return targets[i].clone();
    }

    /** A copy of target {@code k} over all rows; only for a regression data set. */
    public double[] targetColumn(int k) {
        requireRegression();
        double[] column = new double[targets.length];
        for (int i = 0; i < targets.length; i++) {
            column[i] = targets[i][k];
        }
        return column;
    }

    private void requireRegression() {
        if (targets == null) {
            throw new IllegalStateException("'" + name + "' is a classification data set: it has class labels, not targets");
        }
    }

    /** The same rows with other feature values (same labels or targets), for this package's transforms. */
    Dataset withFeatures(double[][] newFeatures) {
        Dataset d = of(name, featureNames, newFeatures, labels, classes, sourceLines);
        return new Dataset(d.name, d.featureNames, d.features, d.labels, d.classes, d.sourceLines, targets,
                targetNames);
    }

    /** The same rows with other targets (e.g. scaled), for this package's transforms. */
    Dataset withTargets(double[][] newTargets) {
        return regression(name, featureNames, features, targetNames, newTargets, sourceLines);
    }

    /** Targets without a copy (null for classification), for this package's transforms. */
    double[][] targetsUnsafe() {
        return targets;
    }

    /**
     * A data set from its parts, checked and copied.
     *
     * @param name a short name for messages and reports, e.g. {@code "bcw"}
     * @param featureNames one name per feature column
     * @param features row-major values, one row per sample, all finite
     * @param labels one class index per row, in {@code 0..classes.classCount()-1}
     * @param classes the class labels behind the indices
     * @throws IllegalArgumentException if the parts do not fit together or a value is not finite
     */
    public static Dataset of(String name, List<String> featureNames, double[][] features, int[] labels,
                             LabelMapping classes) {
        return of(name, featureNames, features, labels, classes, null);
    }

    /**
     * As {@link #of(String, List, double[][], int[], LabelMapping)}, remembering each row's line in
     * its source file so that later messages can point at it.
     *
     * @param sourceLines one 1-based line number per row, or {@code null} when rows come from no file
     */
    public static Dataset of(String name, List<String> featureNames, double[][] features, int[] labels,
                             LabelMapping classes, int[] sourceLines) {
        Objects.requireNonNull(name, "name");
        List<String> names = List.copyOf(featureNames);
        Objects.requireNonNull(classes, "classes");
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + labels.length + " labels");
        }
        if (sourceLines != null && sourceLines.length != labels.length) {
            throw new IllegalArgumentException(labels.length + " rows but " + sourceLines.length + " source lines");
        }
        double[][] copy = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != names.size()) {
                throw new IllegalArgumentException("row " + i + " has " + features[i].length
                        + " values for " + names.size() + " features");
            }
            for (int j = 0; j < names.size(); j++) {
                if (!Double.isFinite(features[i][j])) {
                    throw new IllegalArgumentException("row " + i + ", feature '" + names.get(j) + "' is "
                            + features[i][j] + ": a Dataset holds only finite values (use RawDataset for missing ones)");
                }
            }
            copy[i] = features[i].clone();
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes.classCount()) {
                throw new IllegalArgumentException("row " + i + " has class " + labels[i] + ", not in 0.."
                        + (classes.classCount() - 1));
            }
        }
        return new Dataset(name, names, copy, labels.clone(), classes,
                sourceLines == null ? null : sourceLines.clone());
    }

    /** The data set's short name. */
    public String name() {
        return name;
    }

    /** The number of rows (samples). */
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

    /** The name of feature {@code j}. */
    public String featureName(int j) {
        return featureNames.get(j);
    }

    /** The number of classes K (the classes the mapping knows, even if a subset lacks one). */
    public int classCount() {
        return classes.classCount();
    }

    /** How the original labels map to the class indices. */
    public LabelMapping labelMapping() {
        return classes;
    }

    /** The classes' display names in index order, e.g. {@code ["2 (benign)", "4 (malignant)"]}. */
    public List<String> classNames() {
        return classes.displayNames();
    }

    /** The value of feature {@code j} in row {@code i}. */
    public double value(int i, int j) {
        return features[i][j];
    }

    /** A copy of row {@code i}'s feature values. */
    public double[] row(int i) {
        return features[i].clone();
    }

    /** A copy of all feature values, row-major. */
    public double[][] features() {
        double[][] copy = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            copy[i] = features[i].clone();
        }
        return copy;
    }

    /** A copy of feature {@code j}'s values over all rows. */
    public double[] column(int j) {
        double[] column = new double[features.length];
        for (int i = 0; i < features.length; i++) {
            column[i] = features[i][j];
        }
        return column;
    }

    /** The class index of row {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** A copy of all class indices. */
    public int[] labels() {
        return labels.clone();
    }

    /** How many rows each class has, indexed by class. */
    public int[] classCounts() {
        int[] counts = new int[classCount()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** The 1-based line of row {@code i} in its source file, if it came from one. */
    public OptionalInt sourceLine(int i) {
        return sourceLines == null ? OptionalInt.empty() : OptionalInt.of(sourceLines[i]);
    }

    /** The rows at the given indices, in that order (an index may repeat). */
    public Dataset subset(int[] rows) {
        double[][] sub = new double[rows.length][];
        int[] subLabels = new int[rows.length];
        int[] subLines = sourceLines == null ? null : new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            sub[r] = features[rows[r]];
            subLabels[r] = labels[rows[r]];
            if (subLines != null) {
                subLines[r] = sourceLines[rows[r]];
            }
        }
        Dataset d = of(name, featureNames, sub, subLabels, classes, subLines);
        if (targets == null) {
            return d;
        }
        double[][] subTargets = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            subTargets[r] = targets[rows[r]].clone();
        }
        return new Dataset(d.name, d.featureNames, d.features, d.labels, d.classes, d.sourceLines, subTargets,
                targetNames);
    }

    /** The same data under another name. */
    public Dataset withName(String newName) {
        return new Dataset(Objects.requireNonNull(newName, "newName"), featureNames, features, labels, classes,
                sourceLines, targets, targetNames);
    }

    /** A one-line summary, e.g. {@code "bcw: 699 rows × 9 features; classes 2 (benign) → 0: 458, ..."}. */
    public String describe() {
        if (targets != null) {
            return name + ": " + size() + " rows × " + featureCount() + " features; regression on "
                    + String.join(", ", targetNames);
        }
        int[] counts = classCounts();
        var parts = new ArrayList<String>();
        for (int k = 0; k < counts.length; k++) {
            parts.add(classes.label(k).display() + " → " + k + ": " + counts[k]);
        }
        return name + ": " + size() + " rows × " + featureCount() + " features; classes " + String.join(", ", parts);
    }

    @Override
    public String toString() {
        return describe();
    }

    /** Row-major values without a copy, for this package's transforms. */
    double[][] valuesUnsafe() {
        return features;
    }

    /** Line numbers without a copy (may be {@code null}), for this package's transforms. */
    int[] sourceLinesUnsafe() {
        return sourceLines;
    }

    /** Equality of content, used by tests and by callers comparing splits. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset d && name.equals(d.name) && featureNames.equals(d.featureNames)
                && Arrays.deepEquals(features, d.features) && Arrays.equals(labels, d.labels)
                && classes.equals(d.classes) && Arrays.equals(sourceLines, d.sourceLines)
                && Arrays.deepEquals(targets, d.targets) && targetNames.equals(d.targetNames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, featureNames, Arrays.deepHashCode(features), Arrays.hashCode(labels), classes);
    }
}
