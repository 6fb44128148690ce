package org.tamebnn.api.mps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.ModelException;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.VariableType;

/**
 * What an MPS file says, gathered in primitive arrays while reading, turned into a
 * {@link MilpModel} once at the end (each row built once, which keeps large files fast). Keeps the
 * line of every entry, so that what the model builder rejects is reported where it was read.
 */
final class MpsModelData {
    /** {@link #rowRef} of the objective row. */
    static final int OBJECTIVE = -1;
    /** {@link #rowRef} of a further N row: a free row, dropped with its entries. */
    static final int FREE_ROW = -2;
    /** {@link #rowRef} of a name not declared in ROWS. */
    static final int UNKNOWN = -3;

    private final String source;

    private String objectiveName;
    private final Set<String> freeRows = new HashSet<>();
    private double offset;
    private int offsetLine;

    private final Map<String, Integer> rowIndex = new HashMap<>();
    private final List<String> rowNames = new ArrayList<>();
    private char[] rowType = new char[64];
    private int[] rowLine = new int[64];
    private double[] rhs = new double[64];
    private int[] rhsLine = new int[64];
    private double[] range = new double[64];
    private int[] rangeLine = new int[64];

    private final Map<String, Integer> columnIndex = new HashMap<>();
    private final List<String> columnNames = new ArrayList<>();
    private boolean[] integer = new boolean[64];
    private int[] columnLine = new int[64];
    private double[] objective = new double[64];
    private int[] objectiveLine = new int[64];
    private double[] lower = new double[64];
    private double[] upper = new double[64];
    private boolean[] lowerSet = new boolean[64];
    private int[] boundLine = new int[64];

    private int[] entryRow = new int[1024];
    private int[] entryColumn = new int[1024];
    private double[] entryValue = new double[1024];
    private int[] entryLine = new int[1024];
    private int entries;

    MpsModelData(String source) {
        this.source = source;
    }

    boolean hasObjective() {
        return objectiveName != null;
    }

    /** True when a row (objective, free or constraint) of this name was declared. */
    boolean hasRow(String name) {
        return rowIndex.containsKey(name) || freeRows.contains(name) || name.equals(objectiveName);
    }

    void setObjective(String name) {
        objectiveName = name;
    }

    void addFreeRow(String name) {
        freeRows.add(name);
    }

    void addRow(String name, char type, int line) {
        int i = rowNames.size();
        if (i == rowType.length) {
            int n = i * 2;
            rowType = Arrays.copyOf(rowType, n);
            rowLine = Arrays.copyOf(rowLine, n);
            rhs = Arrays.copyOf(rhs, n);
            rhsLine = Arrays.copyOf(rhsLine, n);
            range = Arrays.copyOf(range, n);
            rangeLine = Arrays.copyOf(rangeLine, n);
        }
        rowIndex.put(name, i);
        rowNames.add(name);
        rowType[i] = type;
        rowLine[i] = line;
    }

    /** The row's index, or {@link #OBJECTIVE}, {@link #FREE_ROW} or {@link #UNKNOWN}. */
    int rowRef(String name) {
        Integer i = rowIndex.get(name);
        if (i != null) {
            return i;
        }
        if (name.equals(objectiveName)) {
            return OBJECTIVE;
        }
        return freeRows.contains(name) ? FREE_ROW : UNKNOWN;
    }

    /** The column's index, or -1 when not (yet) seen in COLUMNS. */
    int column(String name) {
        Integer j = columnIndex.get(name);
        return j == null ? -1 : j;
    }

    /** Adds a column with the default bounds [0, +∞), integer or continuous; returns its index. */
    int addColumn(String name, boolean isInteger, int line) {
        int j = columnNames.size();
        if (j == integer.length) {
            int n = j * 2;
            integer = Arrays.copyOf(integer, n);
            columnLine = Arrays.copyOf(columnLine, n);
            objective = Arrays.copyOf(objective, n);
            objectiveLine = Arrays.copyOf(objectiveLine, n);
            lower = Arrays.copyOf(lower, n);
            upper = Arrays.copyOf(upper, n);
            lowerSet = Arrays.copyOf(lowerSet, n);
            boundLine = Arrays.copyOf(boundLine, n);
        }
        columnIndex.put(name, j);
        columnNames.add(name);
        integer[j] = isInteger;
        columnLine[j] = line;
        upper[j] = Double.POSITIVE_INFINITY;
        return j;
    }

    void objective(int j, double value, int line) throws MpsException {
        if (objectiveLine[j] != 0) {
            throw duplicate(line, "COLUMNS", "objective row '" + objectiveName + "' and column '"
                    + columnNames.get(j) + "'", objectiveLine[j]);
        }
        objective[j] = value;
        objectiveLine[j] = line;
    }

    void entry(int row, int j, double value, int line) {
        if (entries == entryRow.length) {
            int n = entries * 2;
            entryRow = Arrays.copyOf(entryRow, n);
            entryColumn = Arrays.copyOf(entryColumn, n);
            entryValue = Arrays.copyOf(entryValue, n);
            entryLine = Arrays.copyOf(entryLine, n);
        }
        entryRow[entries] = row;
        entryColumn[entries] = j;
        entryValue[entries] = value;
        entryLine[entries] = line;
        entries++;
    }

    /** A right-hand side on the objective row: the objective constant is its negation. */
    void offsetFromRhs(double value, int line) throws MpsException {
        if (offsetLine != 0) {
            throw duplicate(line, "RHS", "objective row '" + objectiveName + "'", offsetLine);
        }
        offset = -value;
        offsetLine = line;
    }

    void rhs(int row, double value, int line) throws MpsException {
        if (rhsLine[row] != 0) {
            throw duplicate(line, "RHS", "row '" + rowNames.get(row) + "'", rhsLine[row]);
        }
        rhs[row] = value;
        rhsLine[row] = line;
    }

    void range(int row, double value, int line) throws MpsException {
        if (rangeLine[row] != 0) {
            throw duplicate(line, "RANGES", "row '" + rowNames.get(row) + "'", rangeLine[row]);
        }
        range[row] = value;
        rangeLine[row] = line;
    }

    /**
     * Applies one BOUNDS entry (type already checked, upper case). A negative UP or UI bound on a
     * variable whose lower bound was not set by an earlier BOUNDS entry also makes the lower bound
     * −∞: the standard MPS convention, which CPLEX, Gurobi, HiGHS and SCIP follow.
     */
    void bound(String type, int j, double value, int line) {
        switch (type) {
            case "UP", "UI" -> {
                upper[j] = value;
                if (value < 0 && !lowerSet[j]) {
                    lower[j] = Double.NEGATIVE_INFINITY;
                }
            }
            case "LO", "LI" -> setLower(j, value);
            case "FX" -> {
                setLower(j, value);
                upper[j] = value;
            }
            case "FR" -> {
                setLower(j, Double.NEGATIVE_INFINITY);
                upper[j] = Double.POSITIVE_INFINITY;
            }
            case "MI" -> setLower(j, Double.NEGATIVE_INFINITY);
            case "PL" -> upper[j] = Double.POSITIVE_INFINITY;
            case "BV" -> {
                setLower(j, 0);
                upper[j] = 1;
            }
            default -> throw new IllegalArgumentException("bound type " + type);
        }
        if (type.equals("BV") || type.equals("LI") || type.equals("UI")) {
            integer[j] = true;
        }
        boundLine[j] = line;
    }

    private void setLower(int j, double value) {
        lower[j] = value;
        lowerSet[j] = true;
    }

    /** Builds the model; what the builder rejects is reported at the line that caused it. */
    MilpModel build(String name, Sense sense) throws MpsException {
        MilpModel.Builder b = MilpModel.builder(name);
        b.sense(sense);
        b.objectiveName(objectiveName != null ? objectiveName : unusedRowName("obj"));
        int n = columnNames.size();
        for (int j = 0; j < n; j++) {
            boolean bounded = boundLine[j] != 0;
            int line = bounded ? boundLine[j] : columnLine[j];
            try {
                b.addVariable(columnNames.get(j), lower[j], upper[j],
                        integer[j] ? VariableType.INTEGER : VariableType.CONTINUOUS);
                b.objective(j, objective[j]);
            } catch (ModelException e) {
                throw rejected(e, line, bounded ? "BOUNDS" : "COLUMNS", name);
            }
        }
        try {
            b.objectiveOffset(offset);
        } catch (ModelException e) {
            throw rejected(e, offsetLine, "RHS", name);
        }
        addRows(b, name);
        return b.build();
    }

    private void addRows(MilpModel.Builder b, String name) throws MpsException {
        int m = rowNames.size();
        // Bucket the entries by row (a stable counting sort keeps each row's entries in file order).
        int[] start = new int[m + 1];
        for (int k = 0; k < entries; k++) {
            start[entryRow[k] + 1]++;
        }
        for (int i = 0; i < m; i++) {
            start[i + 1] += start[i];
        }
        int[] order = new int[entries];
        int[] next = Arrays.copyOf(start, m);
        for (int k = 0; k < entries; k++) {
            order[next[entryRow[k]]++] = k;
        }
        int[] seenInRow = new int[columnNames.size()];
        int[] seenAt = new int[columnNames.size()];
        for (int i = 0; i < m; i++) {
            int size = start[i + 1] - start[i];
            int[] cols = new int[size];
            double[] vals = new double[size];
            for (int p = 0; p < size; p++) {
                int k = order[start[i] + p];
                int j = entryColumn[k];
                if (seenInRow[j] == i + 1) {
                    throw duplicate(entryLine[k], "COLUMNS", "row '" + rowNames.get(i) + "' and column '"
                            + columnNames.get(j) + "'", entryLine[seenAt[j]]);
                }
                seenInRow[j] = i + 1;
                seenAt[j] = k;
                cols[p] = j;
                vals[p] = entryValue[k];
            }
            addRow(b, i, cols, vals, name);
        }
    }

    /** Row bounds from type, RHS and RANGES, per the standard table. */
    private void addRow(MilpModel.Builder b, int i, int[] cols, double[] vals, String name) throws MpsException {
        double r = rhs[i];
        double lo;
        double hi;
        switch (rowType[i]) {
            case 'E' -> {
                lo = r;
                hi = r;
            }
            case 'L' -> {
                lo = Double.NEGATIVE_INFINITY;
                hi = r;
            }
            default -> {
                lo = r;
                hi = Double.POSITIVE_INFINITY;
            }
        }
        if (rangeLine[i] != 0) {
            double width = Math.abs(range[i]);
            switch (rowType[i]) {
                case 'E' -> {
                    if (range[i] > 0) {
                        hi = r + width;
                    } else {
                        lo = r - width;
                    }
                }
                case 'L' -> lo = r - width;
                default -> hi = r + width;
            }
        }
        try {
            b.addRow(rowNames.get(i), lo, hi, cols, vals);
        } catch (ModelException e) {
            int line = rangeLine[i] != 0 ? rangeLine[i] : rhsLine[i] != 0 ? rhsLine[i] : rowLine[i];
            String field = rangeLine[i] != 0 ? "RANGES" : rhsLine[i] != 0 ? "RHS" : "ROWS";
            throw rejected(e, line, field, name);
        }
    }

    /** A name for the objective row of a file without N rows, unlike every row name. */
    private String unusedRowName(String base) {
        String candidate = base;
        for (int k = 1; rowIndex.containsKey(candidate); k++) {
            candidate = base + "_" + k;
        }
        return candidate;
    }

    private MpsException duplicate(int line, String field, String what, int firstLine) {
        return new MpsException(source, line, field, "duplicate entry for " + what + " (first given at line "
                + firstLine + ")");
    }

    private MpsException rejected(ModelException e, int line, String field, String modelName) {
        // The builder prefixes its messages with the model name, which the file location replaces.
        String prefix = "model '" + modelName + "': ";
        String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length())
                : e.getMessage();
        return new MpsException(source, line, field, message, e);
    }
}
