package org.tamebnn.console;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.ColumnData;

import org.tamebnn.experiments.CellResult;

/**
 * {@code exp:report}'s table: one row per configuration, its metrics as mean [min, max] over the
 * seeds (just the value when the seeds agree or there is one). Only the parameters that differ
 * between rows get a column, so that a grid over train sizes and trainers reads like the paper's
 * tables. Precision, recall and F1 are the support-weighted averages over the classes, as in Bah
 * &amp; Kurtz's Tables 1–2.
 */
final class ExperimentTables {
    private ExperimentTables() {
    }

    static String of(List<RunGroup> groups) {
        return of(groups, SolverTraces.of(groups.stream().flatMap(g -> g.runs().stream()).toList()));
    }

    /**
     * With progress traces, two more columns: seconds to the first incumbent and the primal
     * integral (seconds; lower is better), over the runs that have a trace.
     */
    static String of(List<RunGroup> groups, SolverTraces traces) {
        List<RunGroup.Dimension> dims = RunGroup.varying(groups);
        List<ColumnData<RunGroup>> columns = new ArrayList<>();
        for (RunGroup.Dimension d : dims) {
            columns.add(Tables.left(d.header).with(g -> d.value.apply(g.cell())));
        }
        columns.add(Tables.right("runs").with(g -> g.errors() == 0 ? String.valueOf(g.runs().size())
                : g.runs().size() + " (" + g.errors() + " failed)"));
        columns.add(Tables.left("status").maxWidth(30).with(RunGroup::statuses));
        columns.add(metric("test acc", CellResult::testAccuracy, true));
        columns.add(metric("precision", CellResult::precision, true));
        columns.add(metric("recall", CellResult::recall, true));
        columns.add(metric("F1", CellResult::f1, true));
        columns.add(metric("gap", CellResult::gap, true));
        columns.add(metric("time (s)", CellResult::totalSeconds, false));
        if (traces.any()) {
            columns.add(Tables.right("1st inc (s)").with(g -> summary(g.runStats(SolverTraces::timeToFirstIncumbent),
                    false)));
            columns.add(Tables.right("primal int (s)").with(g -> summary(g.runStats(traces::primalIntegral), false)));
        }
        return AsciiTable.builder().border(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS).data(groups, columns).asString();
    }

    private static ColumnData<RunGroup> metric(String header, Function<CellResult, Double> metric, boolean percent) {
        return Tables.right(header).with(g -> summary(g.stats(metric), percent));
    }

    /** {@code 93.2 [85.0, 97.1]}: mean [min, max]; percentages without the sign, seconds to 2 places. */
    static String summary(DoubleSummaryStatistics s, boolean percent) {
        if (s.getCount() == 0) {
            return "-";
        }
        String mean = number(s.getAverage(), percent);
        String min = number(s.getMin(), percent);
        String max = number(s.getMax(), percent);
        return min.equals(max) ? mean : mean + " [" + min + ", " + max + "]";
    }

    private static String number(double v, boolean percent) {
        return percent ? String.format(Locale.ROOT, "%.1f", 100 * v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
