package org.tamebnn.console;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

    static String single(TrainerRun run, PreparedData data) {
        BnnRow row = BnnRow.of(run, data);
        StringBuilder out = new StringBuilder();
        Optional<TrainingResult> milp = run.milp();
        if (milp.isPresent()) {
            TrainingResult r = milp.get();
            out.append(String.format(Locale.ROOT, "%s%s: %s; training loss %s, bound %s, gap %s; build %s, solve %s, nodes %s",
                    run.trainer().equals("exact") ? "" : run.trainer() + " on ", r.solver(), r.status(),
                    Format.number(r.trainingLoss()), Format.number(r.lossBound()), Format.percent(r.lossGap()),
                    Format.seconds(r.buildTime()), Format.seconds(r.solveTime()), Format.count(r.nodes())));
            if (!run.trainer().equals("exact")) {
                out.append(", total ").append(Format.seconds(run.time()));
            }
        } else {
            out.append(String.format(Locale.ROOT, "%s: %s; training loss %s; %s", run.trainer(), run.status(),
                    Format.number(run.trainingLoss()), Format.seconds(run.time())));
        }
        if (!row.note().isEmpty()) {
            out.append(System.lineSeparator()).append("note: ").append(row.note());
        }
        milp.flatMap(TrainingResult::consistency).ifPresent(c -> out.append(System.lineSeparator()).append("check: ").append(c.describe()));
        milp.flatMap(TrainingResult::start).ifPresent(s -> out.append(System.lineSeparator()).append("start: ").append(s.describe()));
        run.details().forEach(d -> out.append(System.lineSeparator()).append(d));
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
                Tables.left(rows.stream().allMatch(r -> r.run().trainer().equals("exact")) ? "solver" : "trainer / solver")
                        .with(BnnRow::label),
                Tables.left("status").with(r -> r.run().status()),
                Tables.right("loss").with(r -> Format.number(r.run().trainingLoss())),
                Tables.right("bound").with(r -> Format.number(r.run().lossBound())),
                Tables.right("gap").with(r -> Format.percent(r.run().gap())),
                Tables.right("build").with(r -> r.run().milp().map(m -> Format.seconds(m.buildTime())).orElse("-")),
                Tables.right("solve").with(r -> r.run().milp().filter(m -> r.run().trainer().equals("exact"))
                        .map(m -> Format.seconds(m.solveTime())).orElse(Format.seconds(r.run().time()))),
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
