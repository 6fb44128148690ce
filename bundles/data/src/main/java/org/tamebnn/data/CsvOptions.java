package org.tamebnn.data;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How {@link CsvDatasetLoader} reads a file. Start from {@link #defaults()} and change what differs:
 *
 * <pre>{@code
 * CsvOptions.defaults().label("diagnosis").drop(ColumnRef.index(0)).delimiter(';')
 * }</pre>
 *
 * @param label the class-label column; {@code null} for the last column (the default)
 * @param drop columns to ignore, e.g. an id column
 * @param header whether the first row is a header (default {@link HeaderMode#AUTO})
 * @param missingTokens cell texts that mean "missing" (default {@code ?}, {@code NA} and the empty cell)
 * @param delimiter the field separator (default {@code ,}; {@code ;} and tab are common too)
 * @param columnNames names for the columns of a file without header, one per column; empty to
 *        call them {@code column 0}, {@code column 1}, ...
 * @param classNames readable names for class labels, by their spelling in the file
 * @param name the data set's name; {@code null} for the file name without its extension
 * @param minimumClasses the fewest distinct class labels the file may have: 2 (the default) for
 *        training a classifier, 1 for data a trained network only classifies
 * @param regression true to read the label column as a numeric regression target (default false)
 */
public record CsvOptions(ColumnRef label, List<ColumnRef> drop, HeaderMode header, Set<String> missingTokens,
                         char delimiter, List<String> columnNames, Map<String, String> classNames, String name,
                         int minimumClasses, boolean regression) {

    /** Options for a classification file (as before regression targets existed). */
    public CsvOptions(ColumnRef label, List<ColumnRef> drop, HeaderMode header, Set<String> missingTokens,
                      char delimiter, List<String> columnNames, Map<String, String> classNames, String name,
                      int minimumClasses) {
        this(label, drop, header, missingTokens, delimiter, columnNames, classNames, name, minimumClasses, false);
    }

    /** Copies the collections and checks the delimiter. */
    public CsvOptions {
        drop = List.copyOf(drop);
        Objects.requireNonNull(header, "header");
        missingTokens = Set.copyOf(missingTokens);
        columnNames = List.copyOf(columnNames);
        classNames = Map.copyOf(classNames);
        if (minimumClasses < 1) {
            throw new IllegalArgumentException("minimumClasses must be at least 1, not " + minimumClasses);
        }
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("cannot use " + (delimiter == '"' ? "a quote" : "a line break")
                    + " as the delimiter");
        }
    }

    /** Last column is the label, nothing dropped, header detected, {@code ?}/{@code NA}/empty are missing, commas. */
    public static CsvOptions defaults() {
        return new CsvOptions(null, List.of(), HeaderMode.AUTO, Set.of("?", "NA", ""), ',', List.of(), Map.of(), null,
                2);
    }

    /** The label column. */
    public CsvOptions label(ColumnRef column) {
        return new CsvOptions(column, drop, header, missingTokens, delimiter, columnNames, classNames, name,
                minimumClasses, regression);
    }

    /** The label column as given on a command line: a header name or a 0-based index. */
    public CsvOptions label(String column) {
        return label(ColumnRef.parse(column));
    }

    /** Columns to ignore (replacing any given before). */
    public CsvOptions drop(ColumnRef... columns) {
        return new CsvOptions(label, Arrays.asList(columns), header, missingTokens, delimiter, columnNames, classNames,
                name, minimumClasses, regression);
    }

    /** Whether the first row is a header. */
    public CsvOptions header(HeaderMode mode) {
        return new CsvOptions(label, drop, mode, missingTokens, delimiter, columnNames, classNames, name,
                minimumClasses, regression);
    }

    /**
     * The cell texts meaning "missing", replacing the defaults (cells are trimmed before
     * comparing); none for files that must be complete.
     */
    public CsvOptions missingAs(String... tokens) {
        return new CsvOptions(label, drop, header, Set.of(tokens), delimiter, columnNames, classNames, name,
                minimumClasses, regression);
    }

    /** The field separator. */
    public CsvOptions delimiter(char separator) {
        return new CsvOptions(label, drop, header, missingTokens, separator, columnNames, classNames, name,
                minimumClasses, regression);
    }

    /** Names for the columns of a header-less file, one per column (label and dropped ones included). */
    public CsvOptions columnNames(List<String> names) {
        return new CsvOptions(label, drop, header, missingTokens, delimiter, names, classNames, name, minimumClasses,
                regression);
    }

    /** Readable names for class labels, by their spelling in the file (e.g. {@code "4" → "malignant"}). */
    public CsvOptions classNames(Map<String, String> names) {
        return new CsvOptions(label, drop, header, missingTokens, delimiter, columnNames, names, name, minimumClasses,
                regression);
    }

    /** The data set's name. */
    public CsvOptions name(String datasetName) {
        return new CsvOptions(label, drop, header, missingTokens, delimiter, columnNames, classNames, datasetName,
                minimumClasses, regression);
    }

    /** Accepts files with as few as {@code count} distinct class labels (1: data to classify, not to train on). */
    public CsvOptions minimumClasses(int count) {
        return new CsvOptions(label, drop, header, missingTokens, delimiter, columnNames, classNames, name, count,
                regression);
    }

    /**
     * Reads the label column as a real regression target instead of a class label (for a network
     * with a continuous output layer): every cell of it must be a finite number, present on every row.
     */
    public CsvOptions regression(boolean on) {
        return new CsvOptions(label, drop, header, missingTokens, delimiter, columnNames, classNames, name,
                minimumClasses, on);
    }
}
