package org.tamebnn.example.glpk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What glpsol's terminal output says that its solution file does not: why a search stopped, and
 * the branch-and-bound bound. A MIP solution file has no bound, and its status {@code f} or
 * {@code u} does not say whether the time limit or the gap stopped the search, or whether the LP
 * relaxation was unbounded.
 *
 * @param timeLimit      glpsol says {@code TIME LIMIT EXCEEDED}
 * @param gapReached     glpsol says {@code RELATIVE MIP GAP TOLERANCE REACHED}
 * @param noDualFeasible glpsol found an LP (a MIP's relaxation) unbounded or dual infeasible
 * @param bound          the bound of the last branch-and-bound progress line, NaN when there is none
 *                       or the tree was empty (the search finished)
 * @param last           the last lines of output, for error messages
 */
record GlpsolLog(boolean timeLimit, boolean gapReached, boolean noDualFeasible, double bound, String last) {

    /**
     * A progress line, {@code +  29277: mip =   1.200000000e+01 >=   0.000000000e+00 100.0% (4470; 3486)},
     * or with {@code >>>>>} for a new incumbent, {@code not found yet} before the first, and
     * {@code tree is empty} for the bound once the search is over ({@code <=} when maximising).
     */
    private static final Pattern PROGRESS = Pattern.compile(
            "^\\+\\s*\\d+:\\s+(?:mip =|>>>>>)\\s+(?:not found yet|\\S+)\\s+[<>]=\\s+(tree is empty|\\S+)");

    static GlpsolLog read(Path file) throws IOException {
        return Files.exists(file) ? parse(Files.readAllLines(file, StandardCharsets.ISO_8859_1))
                : parse(List.of());
    }

    static GlpsolLog parse(List<String> lines) {
        boolean timeLimit = false;
        boolean gapReached = false;
        boolean noDualFeasible = false;
        double bound = Double.NaN;
        for (String line : lines) {
            timeLimit |= line.contains("TIME LIMIT EXCEEDED");
            gapReached |= line.contains("RELATIVE MIP GAP TOLERANCE REACHED");
            noDualFeasible |= line.contains("HAS UNBOUNDED PRIMAL SOLUTION")
                    || line.contains("NO DUAL FEASIBLE SOLUTION");
            Matcher m = PROGRESS.matcher(line);
            if (m.find()) {
                bound = parseBound(m.group(1));
            }
        }
        return new GlpsolLog(timeLimit, gapReached, noDualFeasible, bound, last(lines, 3));
    }

    private static double parseBound(String text) {
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN; // "tree is empty", or an infinite bound ("-inf")
        }
    }

    /** The last {@code count} non-blank lines, skipping glpsol's closing statistics. */
    private static String last(List<String> lines, int count) {
        StringBuilder out = new StringBuilder();
        int taken = 0;
        for (int k = lines.size() - 1; k >= 0 && taken < count; k--) {
            String line = lines.get(k).strip();
            if (line.isEmpty() || line.startsWith("Time used") || line.startsWith("Memory used")
                    || line.startsWith("Writing ") || line.endsWith("lines were written")) {
                continue;
            }
            out.insert(0, taken++ == 0 ? line : line + "; ");
        }
        return out.toString();
    }
}
