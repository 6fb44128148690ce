package org.tamebnn.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

/**
 * Reads a labelled data set from any CSV file ({@code --data FILE.csv --label COLUMN}).
 *
 * <p>One column holds the class label (by default the last), some may be dropped (an id column),
 * every other column is a numeric feature. Class labels may be spelled any way: they are mapped
 * to {@code 0..K-1} by {@link LabelMapping#fromLabels} and the mapping is kept in the result for
 * reporting. Cells equal to a missing-value token stay missing in the {@link RawDataset}.
 *
 * <p>Every problem is a {@link DataException} naming the file, the 1-based line and the column:
 * an empty file, a header without data, a row with the wrong number of fields, a cell that is not
 * a number or is NaN or infinite, an unknown label column, a missing class label, a single class.
 * With {@link CsvOptions#regression} the label column is a real target instead, which must be a
 * finite number on every row.
 * Files are read as UTF-8 (a byte-order mark is skipped), gunzipped first when they are gzipped.
 */
public final class CsvDatasetLoader {

    private CsvDatasetLoader() {
    }

    /**
     * Loads a CSV file.
     *
     * @param file the file; error messages name it as given
     * @param options how to read it
     * @throws DataException if the file cannot be read or its content is unusable
     */
    public static RawDataset load(Path file, CsvOptions options) {
        String source = file.toString();
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                // gzipped (digits.csv.gz): recognised by gzip's magic bytes, whatever the file's name
                try (var gz = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                    bytes = gz.readAllBytes();
                } catch (IOException e) {
                    throw new DataException(source, "gzipped, but not readable as gzip: " + e.getMessage());
                }
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new DataException(source, "no such file");
        } catch (CharacterCodingException e) {
            throw new DataException(source, "not UTF-8 text");
        } catch (IOException e) {
            throw new DataException(source, "cannot read: " + e.getMessage());
        }
        return parse(text, source, options);
    }

    /**
     * Loads CSV data from a stream (UTF-8), e.g. a resource.
     *
     * @param source the name error messages use for this data, e.g. a file name
     */
    public static RawDataset load(InputStream in, String source, CsvOptions options) {
        try {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source, options);
        } catch (IOException e) {
            throw new DataException(source, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Reads CSV data held in a string (the other methods' common end).
     *
     * @param text the CSV text
     * @param source the name error messages use for this data, e.g. a file name
     */
    public static RawDataset parse(String text, String source, CsvOptions options) {
        List<CsvTable.Row> rows = CsvTable.parse(text, options.delimiter(), source).rows();
        if (rows.isEmpty()) {
            throw new DataException(source, "the file is empty: no header and no data rows");
        }
        var layout = Layout.of(rows.getFirst(), options, source);
        List<CsvTable.Row> data = layout.hasHeader() ? rows.subList(1, rows.size()) : rows;
        if (data.isEmpty()) {
            throw new DataException(source, rows.getFirst().line(), "only a header line, no data rows");
        }
        return read(data, layout, options, source);
    }

    private static RawDataset read(List<CsvTable.Row> data, Layout layout, CsvOptions options, String source) {
        int width = layout.names().size();
        int[] featureColumns = layout.featureColumns();
        double[][] values = new double[data.size()][featureColumns.length];
        String[] labelTexts = new String[data.size()];
        double[][] targets = options.regression() ? new double[data.size()][1] : null;
        int[] lines = new int[data.size()];
        for (int i = 0; i < data.size(); i++) {
            CsvTable.Row row = data.get(i);
            lines[i] = row.line();
            if (row.cells().length != width) {
                throw new DataException(source, row.line(), "expected " + width + " fields (as on line "
                        + layout.firstLine() + "), found " + row.cells().length);
            }
            for (int f = 0; f < featureColumns.length; f++) {
                values[i][f] = cell(row, featureColumns[f], layout, options.missingTokens(), source);
            }
            String label = row.cells()[layout.labelColumn()];
            if (options.regression()) {
                targets[i][0] = target(row, layout, options.missingTokens(), source);
                continue;
            }
            if (options.missingTokens().contains(label)) {
                throw new DataException(source, row.line(), layout.column(layout.labelColumn())
                        + ": the class label is missing" + (label.isEmpty() ? "" : " ('" + label + "')"));
            }
            labelTexts[i] = label;
        }
        var featureNames = new ArrayList<String>();
        for (int c : featureColumns) {
            featureNames.add(layout.names().get(c));
        }
        String name = options.name() != null ? options.name() : baseName(source);
        if (targets != null) {
            return new RawDataset(name, source, featureNames, values, new int[data.size()],
                    Dataset.regressionMapping(), lines, targets, List.of(layout.names().get(layout.labelColumn())));
        }
        var distinct = new LinkedHashSet<>(List.of(labelTexts));
        if (distinct.size() < options.minimumClasses()) {
            throw new DataException(source, "only one class ('" + labelTexts[0] + "') in "
                    + layout.column(layout.labelColumn()) + " on lines " + lines[0] + "–" + lines[lines.length - 1]
                    + "; a classifier needs at least two");
        }
        LabelMapping mapping = LabelMapping.fromLabels(distinct).withNames(options.classNames());
        Map<String, Integer> index = mapping.indexByOriginal();
        int[] labels = new int[data.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = index.get(labelTexts[i]);
        }
        return new RawDataset(name, source, featureNames, values, labels, mapping, lines);
    }

    private static double cell(CsvTable.Row row, int column, Layout layout, Set<String> missing, String source) {
        String text = row.cells()[column];
        if (missing.contains(text)) {
            return Double.NaN;
        }
        var value = NumberCells.parse(text);
        if (value.isEmpty()) {
            throw new DataException(source, row.line(), layout.column(column) + ": " + NumberCells.whyNotANumber(text));
        }
        return value.getAsDouble();
    }

    /** A regression target: present, a number, finite; else an error naming file, line and column. */
    private static double target(CsvTable.Row row, Layout layout, Set<String> missing, String source) {
        String text = row.cells()[layout.labelColumn()];
        if (missing.contains(text)) {
            throw new DataException(source, row.line(), layout.column(layout.labelColumn())
                    + ": the regression target is missing" + (text.isEmpty() ? "" : " ('" + text + "')"));
        }
        var value = NumberCells.parse(text);
        if (value.isEmpty()) {
            throw new DataException(source, row.line(), layout.column(layout.labelColumn())
                    + ": the regression target " + NumberCells.whyNotANumber(text));
        }
        return value.getAsDouble();
    }

    private static String baseName(String source) {
        String file = Path.of(source).getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    /** Which columns are what, decided from the first row and the options. */
    private record Layout(List<String> names, boolean hasHeader, boolean named, int labelColumn,
                          int[] featureColumns, int firstLine) {

        static Layout of(CsvTable.Row first, CsvOptions options, String source) {
            int width = first.cells().length;
            boolean byName = options.label() instanceof ColumnRef.Named
                    || options.drop().stream().anyMatch(c -> c instanceof ColumnRef.Named);
            boolean header = switch (options.header()) {
                case PRESENT -> true;
                case ABSENT -> false;
                case AUTO -> byName || looksLikeHeader(first, options, width);
            };
            List<String> names;
            if (header) {
                names = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    String cell = first.cells()[c];
                    names.add(cell.isEmpty() ? "column " + c : cell);
                }
            } else if (!options.columnNames().isEmpty()) {
                if (options.columnNames().size() != width) {
                    throw new DataException(source, first.line(), options.columnNames().size()
                            + " column names were given for rows of " + width + " fields");
                }
                names = options.columnNames();
            } else {
                names = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    names.add("column " + c);
                }
            }
            boolean named = header || !options.columnNames().isEmpty();
            var partial = new Layout(List.copyOf(names), header, named, -1, new int[0], first.line());
            if (byName && !named) {
                throw new DataException(source, "a column is referred to by name, but the file was declared to have "
                        + "no header and no column names were given; refer to it by its 0-based index");
            }
            int label = options.label() == null ? width - 1 : partial.resolve(options.label(), "label", source);
            Set<Integer> dropped = new HashSet<>();
            for (ColumnRef ref : options.drop()) {
                int c = partial.resolve(ref, "dropped", source);
                if (c == label) {
                    throw new DataException(source, first.line(), partial.column(c) + " is both the label and dropped");
                }
                dropped.add(c);
            }
            int[] features = IntStream.range(0, width)
                    .filter(c -> c != label && !dropped.contains(c)).toArray();
            if (features.length == 0) {
                throw new DataException(source, first.line(), "no feature columns: the " + width
                        + " column(s) are all the label or dropped");
            }
            return new Layout(partial.names, header, named, label, features, first.line());
        }

        /**
         * A header is a first row with a cell, in a column that will hold numbers, that is not a
         * number; only index references can be resolved before we know, which is why name
         * references force a header.
         */
        private static boolean looksLikeHeader(CsvTable.Row first, CsvOptions options, int width) {
            int label = options.label() instanceof ColumnRef.Index(int i) ? i : width - 1;
            Set<Integer> dropped = new HashSet<>();
            options.drop().forEach(c -> dropped.add(((ColumnRef.Index) c).index()));
            for (int c = 0; c < width; c++) {
                String cell = first.cells()[c];
                if (c != label && !dropped.contains(c) && !options.missingTokens().contains(cell)
                        && NumberCells.parse(cell).isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        int resolve(ColumnRef ref, String role, String source) {
            return switch (ref) {
                case ColumnRef.Index(int i) -> {
                    if (i >= names.size()) {
                        throw new DataException(source, firstLine, role + " column " + i + " is out of range: the rows have "
                                + names.size() + " columns (0.." + (names.size() - 1) + ")");
                    }
                    yield i;
                }
                case ColumnRef.Named(String n) -> {
                    int first = names.indexOf(n);
                    if (first < 0) {
                        throw new DataException(source, firstLine, "no column named '" + n + "' for the " + role
                                + " column; the columns are: " + String.join(", ", names));
                    }
                    if (names.lastIndexOf(n) != first) {
                        throw new DataException(source, firstLine, "more than one column is named '" + n
                                + "'; give the " + role + " column by its 0-based index");
                    }
                    yield first;
                }
            };
        }

        /** A column for messages: {@code column 'Bare Nuclei' (index 6)}, or {@code column 6} when unnamed. */
        String column(int c) {
            return named ? "column '" + names.get(c) + "' (index " + c + ")" : "column " + c;
        }
    }
}
