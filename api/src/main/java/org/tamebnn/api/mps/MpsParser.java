package org.tamebnn.api.mps;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Locale;

import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Sense;

/**
 * Reads the lines of one MPS file: recognises section headers and hands each data line, cut into
 * fields by {@link MpsLineSplitter}, to its section's handler, which records it in
 * {@link MpsModelData}. One parser reads one file.
 */
final class MpsParser {
    private static final String BOUND_TYPES = "UP, LO, FX, FR, MI, PL, BV, LI, UI, SC";

    private final String source;
    private final MpsFormat format;
    private final MpsLineSplitter splitter;
    private final MpsModelData data;
    private final EnumSet<MpsSection> seen = EnumSet.noneOf(MpsSection.class);

    private MpsSection section;
    private int lineNo;
    private String name = "";
    private Sense sense = Sense.MINIMIZE;
    private boolean senseGiven;
    private String objectiveName;
    private int objectiveNameLine;
    private int integerBlockLine;
    private String rhsSet;
    private String rangeSet;
    private String boundSet;

    MpsParser(String source, MpsFormat format) {
        this.source = source;
        this.format = format;
        this.data = new MpsModelData(source);
        this.splitter = new MpsLineSplitter(format, source, data::hasRow, c -> data.column(c) >= 0);
    }

    /** Reads up to ENDATA; {@code fallbackName} names a model whose NAME line is missing or empty. */
    MilpModel parse(BufferedReader in, String fallbackName) throws IOException {
        boolean ended = false;
        boolean any = false;
        String line;
        while (!ended && (line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.charAt(0) == '*') {
                continue;
            }
            any = true;
            if (Character.isWhitespace(line.charAt(0))) {
                dataLine(line);
            } else {
                ended = header(line);
            }
        }
        int last = Math.max(lineNo, 1);
        if (!any) {
            throw new MpsException(source, last, "file", "the file is empty (no MPS sections)");
        }
        if (!ended) {
            throw new MpsException(source, last, "ENDATA", "the file ends without ENDATA (truncated?)");
        }
        if (!seen.contains(MpsSection.ROWS)) {
            throw error("ROWS", "the file has no ROWS section");
        }
        return data.build(name.isEmpty() ? fallbackName : name, sense);
    }

    /** The number of the line read last, 1 if none. */
    int lineNumber() {
        return Math.max(lineNo, 1);
    }

    /** Starts a section; true at ENDATA. */
    private boolean header(String line) throws MpsException {
        String[] t = MpsLineSplitter.tokens(line);
        MpsSection next = MpsSection.byKeyword(t[0]);
        if (next == null) {
            throw error("section", "unknown section '" + t[0] + "' (expected one of " + MpsSection.KEYWORDS + ")");
        }
        leave();
        if (!seen.add(next)) {
            throw error("section", "a second " + next + " section");
        }
        section = next;
        switch (next) {
            case NAME -> name = line.substring(t[0].length()).strip();
            case OBJSENSE -> {
                if (t.length > 2) {
                    throw error("OBJSENSE value", "expected one value after OBJSENSE, found " + (t.length - 1));
                }
                if (t.length == 2) {
                    sense(t[1]);
                }
            }
            case OBJNAME -> {
                if (seen.contains(MpsSection.ROWS)) {
                    throw error("OBJNAME", "OBJNAME must come before ROWS");
                }
                String rest = line.substring(t[0].length()).strip();
                if (!rest.isEmpty()) {
                    objectiveName(rest);
                }
            }
            case ENDATA -> {
                return true;
            }
            default -> {
                if (t.length > 1) {
                    throw error(next.name(), "unexpected '" + t[1] + "' after the section name");
                }
            }
        }
        return false;
    }

    /** Checks what a section must settle before the next one starts. */
    private void leave() throws MpsException {
        if (section == MpsSection.COLUMNS && integerBlockLine != 0) {
            throw new MpsException(source, integerBlockLine, "COLUMNS marker",
                    "'INTORG' block is not closed by 'INTEND' before COLUMNS ends");
        }
        if (section == MpsSection.ROWS && objectiveName != null && !data.hasObjective()) {
            throw new MpsException(source, objectiveNameLine, "OBJNAME", "no N row named '" + objectiveName
                    + "' in ROWS");
        }
        if (section == MpsSection.OBJSENSE && !senseGiven) {
            throw error("OBJSENSE value", "OBJSENSE section without a value (expected MAX or MIN)");
        }
    }

    private void dataLine(String line) throws MpsException {
        if (section == null) {
            throw error("section", "data line before any section header");
        }
        switch (section) {
            case NAME -> throw error("NAME", "unexpected data line after NAME");
            case OBJSENSE -> {
                String[] t = MpsLineSplitter.tokens(line);
                if (senseGiven || t.length != 1) {
                    throw error("OBJSENSE value", "expected a single MAX or MIN, found '" + line.strip() + "'");
                }
                sense(t[0]);
            }
            case OBJNAME -> {
                if (objectiveName != null || (format == MpsFormat.FREE && MpsLineSplitter.tokens(line).length != 1)) {
                    throw error("OBJNAME", "expected a single row name, found '" + line.strip() + "'");
                }
                objectiveName(line.strip());
            }
            case ROWS -> row(splitter.fields(section, line, lineNo));
            case COLUMNS -> column(splitter.fields(section, line, lineNo));
            case RHS, RANGES -> rhsOrRange(splitter.fields(section, line, lineNo));
            case BOUNDS -> bound(splitter.fields(section, line, lineNo));
            default -> throw new IllegalStateException("data in " + section);
        }
    }

    private void sense(String value) throws MpsException {
        sense = switch (value.toUpperCase(Locale.ROOT)) {
            case "MAX", "MAXIMIZE", "MAXIMISE" -> Sense.MAXIMIZE;
            case "MIN", "MINIMIZE", "MINIMISE" -> Sense.MINIMIZE;
            default -> throw error("OBJSENSE value", "unknown objective sense '" + value
                    + "' (expected MAX, MAXIMIZE, MIN or MINIMIZE)");
        };
        senseGiven = true;
    }

    private void objectiveName(String value) {
        objectiveName = value;
        objectiveNameLine = lineNo;
    }

    private void row(String[] f) throws MpsException {
        if (f[0] == null || f[1] == null) {
            throw error(f[0] == null ? "ROWS type" : "ROWS name", "expected a row type and a row name");
        }
        String rowName = f[1];
        if (data.hasRow(rowName)) {
            throw error("ROWS name", "duplicate row name '" + rowName + "'");
        }
        String type = f[0].toUpperCase(Locale.ROOT);
        switch (type) {
            case "N" -> {
                // The first N row (or the one OBJNAME names) is the objective; others are free rows.
                if (!data.hasObjective() && (objectiveName == null || objectiveName.equals(rowName))) {
                    data.setObjective(rowName);
                } else {
                    data.addFreeRow(rowName);
                }
            }
            case "E", "L", "G" -> {
                if (rowName.equals(objectiveName)) {
                    throw error("ROWS type", "OBJNAME names row '" + rowName + "', which is " + type
                            + ", not N");
                }
                data.addRow(rowName, type.charAt(0), lineNo);
            }
            default -> throw error("ROWS type", "unknown row type '" + f[0] + "' (expected N, E, L or G)");
        }
    }

    private void column(String[] f) throws MpsException {
        if (MpsLineSplitter.isMarker(f)) {
            marker(f[4] != null ? f[4] : f[3]);
            return;
        }
        if (f[1] == null) {
            throw error("COLUMNS column name", "missing column name");
        }
        int j = data.column(f[1]);
        if (j < 0) {
            j = data.addColumn(f[1], integerBlockLine != 0, lineNo);
        }
        coefficient(j, f[2], f[3]);
        if (f[4] != null || f[5] != null) {
            coefficient(j, f[4], f[5]);
        }
    }

    private void marker(String keyword) throws MpsException {
        String k = keyword == null ? "" : keyword.replace("'", "").toUpperCase(Locale.ROOT);
        if (k.equals("INTORG")) {
            if (integerBlockLine != 0) {
                throw error("COLUMNS marker", "'INTORG' inside the block opened at line " + integerBlockLine);
            }
            integerBlockLine = lineNo;
        } else if (k.equals("INTEND")) {
            if (integerBlockLine == 0) {
                throw error("COLUMNS marker", "'INTEND' without an open 'INTORG' block");
            }
            integerBlockLine = 0;
        } else {
            throw error("COLUMNS marker", "unknown marker " + (keyword == null ? "(none)" : "'" + keyword + "'")
                    + " (expected 'INTORG' or 'INTEND')");
        }
    }

    private void coefficient(int j, String rowName, String value) throws MpsException {
        if (rowName == null) {
            throw error("COLUMNS row name", "missing row name");
        }
        if (value == null) {
            throw error("COLUMNS value", "missing value for row '" + rowName + "'");
        }
        double v = number(value, "COLUMNS value", false);
        int i = data.rowRef(rowName);
        switch (i) {
            case MpsModelData.OBJECTIVE -> data.objective(j, v, lineNo);
            case MpsModelData.FREE_ROW -> { } // free rows are dropped, entries and all
            case MpsModelData.UNKNOWN -> throw error("COLUMNS row name", "unknown row '" + rowName
                    + "' (not declared in ROWS)");
            default -> data.entry(i, j, v, lineNo);
        }
    }

    private void rhsOrRange(String[] f) throws MpsException {
        if (section == MpsSection.RHS) {
            rhsSet = checkSet(rhsSet, f[1]);
        } else {
            rangeSet = checkSet(rangeSet, f[1]);
        }
        rhsOrRange(f[2], f[3]);
        if (f[4] != null || f[5] != null) {
            rhsOrRange(f[4], f[5]);
        }
    }

    private void rhsOrRange(String rowName, String value) throws MpsException {
        String what = section.name();
        if (rowName == null) {
            throw error(what + " row name", "missing row name");
        }
        if (value == null) {
            throw error(what + " value", "missing value for row '" + rowName + "'");
        }
        double v = number(value, what + " value", true);
        int i = data.rowRef(rowName);
        switch (i) {
            case MpsModelData.FREE_ROW -> { }
            case MpsModelData.UNKNOWN -> throw error(what + " row name", "unknown row '" + rowName
                    + "' (not declared in ROWS)");
            case MpsModelData.OBJECTIVE -> {
                if (section == MpsSection.RANGES) {
                    throw error("RANGES row name", "a range on the objective row '" + rowName + "'");
                }
                if (Double.isInfinite(v)) {
                    throw error("RHS value", "the objective constant (RHS of '" + rowName + "') must be finite");
                }
                data.offsetFromRhs(v, lineNo);
            }
            default -> {
                if (section == MpsSection.RHS) {
                    data.rhs(i, v, lineNo);
                } else {
                    data.range(i, v, lineNo);
                }
            }
        }
    }

    private void bound(String[] f) throws MpsException {
        String type = f[0] == null ? "" : f[0].toUpperCase(Locale.ROOT);
        switch (type) {
            case "UP", "LO", "FX", "FR", "MI", "PL", "BV", "LI", "UI" -> { }
            case "SC" -> throw error("BOUNDS type", "semi-continuous bounds are not supported (SC on column '"
                    + f[2] + "')");
            default -> throw error("BOUNDS type", "unknown bound type '" + (f[0] == null ? "" : f[0])
                    + "' (expected " + BOUND_TYPES + ")");
        }
        boundSet = checkSet(boundSet, f[1]);
        if (f[2] == null) {
            throw error("BOUNDS column name", "missing column name");
        }
        int j = data.column(f[2]);
        if (j < 0) {
            throw error("BOUNDS column name", "unknown column '" + f[2] + "' (not declared in COLUMNS)");
        }
        double v = 0;
        if (!MpsLineSplitter.isValueless(type)) {
            if (f[3] == null) {
                throw error("BOUNDS value", "missing value for bound type " + type);
            }
            v = number(f[3], "BOUNDS value", true);
        }
        data.bound(type, j, v, lineNo);
    }

    /** Only one RHS, RANGES and BOUNDS set is supported; a line without a set name belongs to it. */
    private String checkSet(String current, String given) throws MpsException {
        if (given == null || given.equals(current)) {
            return current;
        }
        if (current == null) {
            return given;
        }
        throw error(section + " set name", "a second " + section + " set '" + given + "' (only one set, '"
                + current + "', is supported)");
    }

    private double number(String token, String field, boolean infiniteAllowed) throws MpsException {
        double v;
        try {
            v = MpsNumbers.parse(token);
        } catch (NumberFormatException e) {
            throw error(field, e.getMessage());
        }
        if (!infiniteAllowed && Double.isInfinite(v)) {
            throw error(field, "'" + token + "' is infinite; coefficients must be finite");
        }
        return v;
    }

    private MpsException error(String field, String problem) {
        return new MpsException(source, lineNo, field, problem);
    }
}
