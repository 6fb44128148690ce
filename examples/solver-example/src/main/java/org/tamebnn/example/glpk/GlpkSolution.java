package org.tamebnn.example.glpk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A solution as {@code glpsol --write} stores it, GLPK's plain-text format: comment lines
 * ({@code c}), one status line, one line per row ({@code i}) and per column ({@code j}), then
 * {@code e o f}.
 *
 * <pre>
 * s bas ROWS COLS PRIMAL DUAL OBJ      an LP's basic solution; statuses u(ndefined), f(easible),
 * i ROW STAT VALUE DUAL                 i(nfeasible), n(o feasible solution exists)
 * j COL STAT VALUE REDUCED_COST
 *
 * s mip ROWS COLS STATUS OBJ           a MIP solution; status o(ptimal), f(easible, not proven),
 * i ROW VALUE                           n(o integer feasible solution exists), u(ndefined)
 * j COL VALUE
 * </pre>
 *
 * Rows are glpsol's rows: it drops every free row (the objective and any other N row) on reading.
 *
 * @param mip       a MIP solution (else an LP's basic solution)
 * @param rows      glpsol's row count
 * @param status    the MIP status, or the LP's primal status
 * @param dual      the LP's dual status (a space for a MIP)
 * @param objective glpsol's objective value
 * @param rowDuals  one dual per glpsol row (LP only, else null); GLPK's duals are ∂objective/∂row
 *                  activity, which for an optimal LP is ∂optimum/∂rhs, the kit's convention, for
 *                  minimisation and maximisation alike
 * @param columns   one value per column
 */
record GlpkSolution(boolean mip, int rows, char status, char dual, double objective, double[] rowDuals,
        double[] columns) {

    static GlpkSolution read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
    }

    /** @throws IOException naming the line when the text is not a complete solution */
    static GlpkSolution parse(List<String> lines) throws IOException {
        Boolean mip = null;
        int rows = 0;
        char status = ' ';
        char dual = ' ';
        double objective = Double.NaN;
        double[] duals = null;
        double[] columns = null;
        int rowsSeen = 0;
        int columnsSeen = 0;
        for (int n = 0; n < lines.size(); n++) {
            String[] f = lines.get(n).trim().split("\\s+");
            String where = "glpsol's solution, line " + (n + 1) + " '" + lines.get(n) + "'";
            switch (f[0]) {
                case "", "c" -> {
                    // blank or comment
                }
                case "s" -> {
                    if (f.length < 6 || mip != null || !(f[1].equals("bas") || f[1].equals("mip"))) {
                        throw new IOException(where + ": expected one status line 's bas' or 's mip'");
                    }
                    mip = f[1].equals("mip");
                    int expected = mip ? 6 : 7;
                    if (f.length != expected) {
                        throw new IOException(where + ": expected " + expected + " fields");
                    }
                    rows = count(f[2], where);
                    columns = new double[count(f[3], where)];
                    duals = mip ? null : new double[rows];
                    status = letter(f[4], where);
                    dual = mip ? ' ' : letter(f[5], where);
                    objective = number(f[expected - 1], where);
                }
                case "i" -> {
                    int i = index(f, mip, rows, where);
                    if (duals != null) {
                        duals[i] = number(f[4], where);
                    }
                    rowsSeen++;
                }
                case "j" -> {
                    int j = index(f, mip, columns == null ? 0 : columns.length, where);
                    columns[j] = number(f[mip ? 2 : 3], where);
                    columnsSeen++;
                }
                case "e" -> {
                    if (mip == null) {
                        throw new IOException(where + ": end before the status line");
                    }
                    if (rowsSeen != rows || columnsSeen != columns.length) {
                        throw new IOException(where + ": " + rowsSeen + " row and " + columnsSeen
                                + " column lines, fewer than the status line announced");
                    }
                    return new GlpkSolution(mip, rows, status, dual, objective, duals, columns);
                }
                default -> throw new IOException(where + ": unknown line type '" + f[0] + "'");
            }
        }
        throw new IOException("glpsol's solution ends without 'e o f' (" + lines.size() + " lines): truncated");
    }

    /** The 0-based index of an {@code i} or {@code j} line, checked against the status line. */
    private static int index(String[] f, Boolean mip, int size, String where) throws IOException {
        if (mip == null) {
            throw new IOException(where + ": a row or column before the status line");
        }
        int expected = mip ? 3 : 5;
        if (f.length != expected) {
            throw new IOException(where + ": expected " + expected + " fields");
        }
        int k = count(f[1], where) - 1;
        if (k < 0 || k >= size) {
            throw new IOException(where + ": index out of range");
        }
        return k;
    }

    private static int count(String s, String where) throws IOException {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IOException(where + ": '" + s + "' is not a count");
        }
    }

    private static char letter(String s, String where) throws IOException {
        if (s.length() != 1 || "uofin".indexOf(s.charAt(0)) < 0) {
            throw new IOException(where + ": unknown status '" + s + "'");
        }
        return s.charAt(0);
    }

    private static double number(String s, String where) throws IOException {
        try {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IOException(where + ": '" + s + "' is not a finite number");
    }
}
