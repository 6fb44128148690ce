package org.tamebnn.console;

import java.util.List;
import java.util.Locale;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.ColumnData;

import org.tamebnn.bnn.Evaluation;
import org.tamebnn.bnn.TrainingResult;
import org.tamebnn.data.PreparedData;

/**
 * Tables of the {@code bnn} commands. Precision, recall and F1 are weighted averages over the
 * classes, as in Bah &amp; Kurtz's Tables 1–2 (whose recall equals accuracy in every row).
 */
final class BnnTables {
    private BnnTables() {
    }

    static String single(TrainingResult r, PreparedData data) {
        BnnRow row = BnnRow.of(r.solver(), r, data);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: %s; training loss %s, bound %s, gap %s; build %s, solve %s, nodes %s",
                r.solver(), r.status(), Format.number(r.trainingLoss()), Format.number(r.lossBound()),
                Format.percent(r.lossGap()), Format.seconds(r.buildTime()), Format.seconds(r.solveTime()),
                Format.count(r.nodes())));
        if (!row.note().isEmpty()) {
            out.append(System.lineSeparator()).append("note: ").append(row.note());
        }
        r.consistency().ifPresent(c -> out.append(System.lineSeparator()).append("check: ").append(c.describe()));
        r.start().ifPresent(s -> out.append(System.lineSeparator()).append("start: ").append(s.describe()));
        if (row.hasNetwork()) {
            out.append(System.lineSeparator()).append(metrics(List.of(new Scored("train", row.train()),
                    new Scored("test", row.test()))));
        }
        return out.toString();
    }

    /** A named evaluation, one row of a metrics table. */
    record Scored(String name, Evaluation e) {
    }

    static String metrics(List<Scored> rows) {
        List<ColumnData<Scored>> columns = List.of(
                Tables.left("").with(Scored::name),
                Tables.right("points").with(s -> Integer.toString(s.e().size())),
                Tables.right("accuracy").with(s -> pct(s.e().accuracy())),
                Tables.right("precision").with(s -> pct(s.e().weightedAverage().precision())),
                Tables.right("recall").with(s -> pct(s.e().weightedAverage().recall())),
                Tables.right("F1").with(s -> pct(s.e().weightedAverage().f1())));
        return AsciiTable.builder().border(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS).data(rows, columns).asString();
    }

    static String comparison(List<BnnRow> rows) {
        if (rows.isEmpty()) {
            return "no MILP solver to compare (see solver:list)";
        }
        List<ColumnData<BnnRow>> columns = List.of(
                Tables.left("solver").with(BnnRow::solver),
                Tables.left("status").with(r -> r.result().status().name()),
                Tables.right("loss").with(r -> Format.number(r.result().trainingLoss())),
                Tables.right("bound").with(r -> Format.number(r.result().lossBound())),
                Tables.right("gap").with(r -> Format.percent(r.result().lossGap())),
                Tables.right("build").with(r -> Format.seconds(r.result().buildTime())),
                Tables.right("solve").with(r -> Format.seconds(r.result().solveTime())),
                Tables.right("train acc").with(r -> r.hasNetwork() ? pct(r.train().accuracy()) : "-"),
                Tables.right("test acc").with(r -> r.hasNetwork() ? pct(r.test().accuracy()) : "-"),
                Tables.right("test F1").with(r -> r.hasNetwork() ? pct(r.test().weightedAverage().f1()) : "-"),
                Tables.left("note").maxWidth(50).with(r -> Format.shorten(r.note(), 100)));
        return AsciiTable.builder().border(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS).data(rows, columns).asString();
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

}
