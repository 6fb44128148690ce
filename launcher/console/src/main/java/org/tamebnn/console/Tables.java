package org.tamebnn.console;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.ColumnData;
import com.github.freva.asciitable.HorizontalAlign;

import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolverInfo;

/** The console's tables, laid out by ascii-table. */
final class Tables {
    private Tables() {
    }

    static String solverList(List<RegisteredSolver> solvers) {
        List<ColumnData<RegisteredSolver>> columns = List.of(
                left("solver").with(RegisteredSolver::name),
                left("backend").maxWidth(34).with(s -> s.solver().info().backend()),
                left("version").with(s -> s.solver().info().version()),
                left("bundle").with(RegisteredSolver::bundle),
                left("capabilities").maxWidth(40).with(s -> capabilities(s.solver().info())),
                left("status").maxWidth(50).with(s -> {
                    var a = s.solver().availability();
                    return a.isAvailable() ? "available" : "unavailable: " + a.reason();
                }));
        return AsciiTable.builder().border(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS).data(solvers, columns)
                .asString();
    }

    static String modelHeader(String file, MilpModel m, SolveParams p) {
        return String.format(Locale.ROOT, "%s: %d rows, %d columns (%d integer), %d non-zeros, %s; time limit %s",
                file, m.rowCount(), m.variableCount(), m.integerCount(), m.nonZeroCount(),
                m.sense().name().toLowerCase(Locale.ROOT), p.timeLimit().map(Format::seconds).orElse("none"));
    }

    static String solveResults(List<SolveRow> rows) {
        List<ColumnData<SolveRow>> columns = List.of(
                left("solver").with(SolveRow::solver),
                left("status").with(r -> r.result() == null ? "SKIPPED" : r.result().label()),
                right("objective").with(r -> r.result() == null ? "-" : Format.number(r.result().objective())),
                right("bound").with(r -> r.result() == null ? "-" : Format.number(r.result().dualBound())),
                right("gap").with(r -> r.result() == null ? "-" : Format.percent(r.result().gap())),
                right("time").with(r -> r.result() == null ? "-" : Format.seconds(r.result().wallTime())),
                right("nodes").with(r -> r.result() == null ? "-" : Format.count(r.result().nodes())),
                left("note").maxWidth(60).with(r -> Format.shorten(r.note(), 180)));
        return AsciiTable.builder().border(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS).data(rows, columns).asString();
    }

    /** Short labels, so that the list fits a terminal. */
    static String capabilities(SolverInfo info) {
        return Arrays.stream(Capability.values()).filter(info::supports).map(Tables::label)
                .collect(Collectors.joining(", "));
    }

    private static String label(Capability c) {
        return switch (c) {
            case INTEGER_VARIABLES -> "MILP";
            case LP_DUALS -> "duals";
            case TIME_LIMIT -> "time limit";
            case THREADS -> "threads";
            case RELATIVE_GAP -> "gap";
            case RANDOM_SEED -> "seed";
            case BEST_BOUND -> "bound";
            case MIP_START -> "MIP start";
            case PROGRESS -> "progress";
            case CANCELLATION -> "cancel";
            case NODE_LIMIT -> "node limit";
            case SOLUTION_LIMIT -> "solution limit";
            case ITERATION_LIMIT -> "iteration limit";
            case RAW_OPTIONS -> "options";
        };
    }

    static Column left(String header) {
        return new Column().header(header).headerAlign(HorizontalAlign.LEFT).dataAlign(HorizontalAlign.LEFT);
    }

    static Column right(String header) {
        return new Column().header(header).headerAlign(HorizontalAlign.LEFT).dataAlign(HorizontalAlign.RIGHT);
    }
}
