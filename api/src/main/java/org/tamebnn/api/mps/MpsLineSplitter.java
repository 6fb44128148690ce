package org.tamebnn.api.mps;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Cuts a data line into the six classic MPS fields (type, name, name, number, name, number),
 * returned at indices 0–5, null where a field is absent.
 *
 * <p>FREE lines are split at whitespace and the fields are told apart by their count (so a set
 * name may be left out of RHS, RANGES and BOUNDS lines). FIXED lines are split the same way when
 * that gives the structure the section expects, every number field parses and every row or column
 * named was declared before; only otherwise are they cut at the fixed column positions. That
 * reads the many "fixed" files whose long numbers overrun their columns (MIPLIB's among them) as
 * well as files whose names contain spaces.
 */
final class MpsLineSplitter {
    /** 0-based start and end (exclusive) of fields 1–6: columns 2–3, 5–12, 15–22, 25–36, 40–47, 50–61. */
    private static final int[][] COLUMNS = {{1, 3}, {4, 12}, {14, 22}, {24, 36}, {39, 47}, {49, 61}};
    private static final String MARKER = "'MARKER'";

    private final MpsFormat format;
    private final String source;
    private final Predicate<String> isRow;
    private final Predicate<String> isColumn;

    /**
     * @param isRow    whether a row (objective and free rows included) of that name was declared
     * @param isColumn whether a column of that name was declared
     */
    MpsLineSplitter(MpsFormat format, String source, Predicate<String> isRow, Predicate<String> isColumn) {
        this.format = format;
        this.source = source;
        this.isRow = isRow;
        this.isColumn = isColumn;
    }

    /** Whitespace-separated tokens of a line. */
    static String[] tokens(String line) {
        String[] out = new String[8];
        int n = 0;
        int i = 0;
        int len = line.length();
        while (i < len) {
            while (i < len && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i == len) {
                break;
            }
            int start = i;
            while (i < len && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = line.substring(start, i);
        }
        return Arrays.copyOf(out, n);
    }

    /** True for a COLUMNS line {@code name 'MARKER' 'INTORG'} (fields 2, 3 and 4 or 5). */
    static boolean isMarker(String[] fields) {
        return MARKER.equals(fields[2]);
    }

    /** True for bound types that take no value (any value given is ignored). */
    static boolean isValueless(String type) {
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "FR", "MI", "PL", "BV" -> true;
            default -> false;
        };
    }

    /** The fields of a data line in a ROWS, COLUMNS, RHS, RANGES or BOUNDS section. */
    String[] fields(MpsSection section, String line, int lineNo) throws MpsException {
        String[] mapped = byCount(section, tokens(line));
        if (format == MpsFormat.FREE) {
            if (mapped == null) {
                int found = tokens(line).length;
                throw new MpsException(source, lineNo, section.name(), "expected " + expected(section) + ", found "
                        + found + (found == 1 ? " field" : " fields"));
            }
            return mapped;
        }
        return mapped != null && plausible(section, mapped) ? mapped : byPosition(line);
    }

    private String[] byCount(MpsSection section, String[] t) {
        int n = t.length;
        return switch (section) {
            case ROWS -> n == 2 ? new String[] {t[0], t[1], null, null, null, null} : null;
            case COLUMNS -> {
                if (n == 3 && MARKER.equals(t[1])) {
                    yield new String[] {null, t[0], t[1], null, t[2], null};
                }
                yield n == 3 || n == 5 ? at(1, t) : null;
            }
            case RHS, RANGES -> switch (n) {
                case 2, 4 -> at(2, t);
                case 3, 5 -> at(1, t);
                default -> null;
            };
            case BOUNDS -> bounds(t);
            default -> throw new IllegalArgumentException("no fields in section " + section);
        };
    }

    private String[] bounds(String[] t) {
        int n = t.length;
        if (n < 2 || n > 4) {
            return null;
        }
        boolean valueless = isValueless(t[0]);
        if (n == 4) {
            return at(0, t);
        }
        if (n == 2) {
            return valueless ? new String[] {t[0], null, t[1], null, null, null} : null;
        }
        // Three fields: "type set column" or "type column value". A valueless type may be either; for
        // the others, "type set column" means the value is missing, which the parser reports.
        boolean setAndColumn = isColumn.test(t[2]) ? !MpsNumbers.isNumber(t[2]) || !isColumn.test(t[1])
                : valueless && !MpsNumbers.isNumber(t[2]);
        return setAndColumn ? new String[] {t[0], t[1], t[2], null, null, null}
                : new String[] {t[0], null, t[1], t[2], null, null};
    }

    /** The tokens placed from field {@code first} (0-based) onwards. */
    private static String[] at(int first, String[] t) {
        String[] f = new String[6];
        System.arraycopy(t, 0, f, first, t.length);
        return f;
    }

    /** Whether whitespace-split fields make sense: numbers parse, rows and columns are known. */
    private boolean plausible(MpsSection section, String[] f) {
        return switch (section) {
            case ROWS -> true;
            case COLUMNS -> isMarker(f) || (entry(f[2], f[3]) && (f[4] == null || entry(f[4], f[5])));
            case RHS, RANGES -> entry(f[2], f[3]) && (f[4] == null || entry(f[4], f[5]));
            case BOUNDS -> isColumn.test(f[2]) && (isValueless(f[0]) || MpsNumbers.isNumber(f[3]));
            default -> false;
        };
    }

    private boolean entry(String row, String value) {
        return isRow.test(row) && MpsNumbers.isNumber(value);
    }

    private static String[] byPosition(String line) {
        String[] f = new String[6];
        for (int k = 0; k < COLUMNS.length; k++) {
            int start = COLUMNS[k][0];
            if (start >= line.length()) {
                break;
            }
            String text = line.substring(start, Math.min(COLUMNS[k][1], line.length())).strip();
            f[k] = text.isEmpty() ? null : text;
        }
        return f;
    }

    private static String expected(MpsSection section) {
        return switch (section) {
            case ROWS -> "a row type and a row name";
            case COLUMNS -> "column, row, value [, row, value]";
            case RHS, RANGES -> "[set name,] row, value [, row, value]";
            case BOUNDS -> "type, [set name,] column [, value]";
            default -> "nothing";
        };
    }
}
