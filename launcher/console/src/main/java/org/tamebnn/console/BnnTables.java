package org.tamebnn.console;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.ColumnData;

import org.tamebnn.bnn.Evaluation;
import org.tamebnn.bnn.TrainingResult;
import org.tamebnn.api.training.Scores;
import org.tamebnn.api.training.TrainerResult;
import org.tamebnn.api.training.TrainingOutcome;

/**
 * Tables of the {@code bnn} commands. Precision, recall and F1 are weighted averages over the
 * classes, as in Bah &amp; Kurtz's Tables 1–2 (whose recall equals accuracy in every row).
 */
final class BnnTables {
    private BnnTables() {
    }

    static String single(TrainingOutcome o) {
        TrainerResult run = o.result();
        StringBuilder out = new StringBuilder();
        Optional<TrainingResult> milp = run.attachment(TrainingResult.class);
        if (milp.isPresent()) {
            TrainingResult r = milp.get();
            out.append(String.format(Locale.ROOT, "%s%s: %s; training loss %s, bound %s, gap %s; build %s, solve %s, nodes %s",
                    o.trainer().equals("exact") ? "" : o.trainer() + " on ", r.solver(), o.termination().label(),
                    Format.number(r.trainingLoss()), Format.number(r.lossBound()), Format.percent(r.lossGap()),
                    Format.seconds(r.buildTime()), Format.seconds(r.solveTime()), Format.count(r.nodes())));
            if (!o.trainer().equals("exact")) {
                out.append(", total ").append(Format.seconds(run.totalTime()));
            }
        } else {
            out.append(String.format(Locale.ROOT, "%s: %s; training loss %s; %s", o.trainer(), o.termination().label(),
                    Format.number(run.trainingLoss()), Format.seconds(run.totalTime())));
        }
        if (!o.note().isEmpty()) {
            out.append(System.lineSeparator()).append("note: ").append(o.note());
        }
        run.consistency().ifPresent(c -> out.append(System.lineSeparator()).append("check: ").append(c.describe()));
        milp.flatMap(TrainingResult::start).ifPresent(s -> out.append(System.lineSeparator()).append("start: ").append(s.describe()));
        run.details().forEach(d -> out.append(System.lineSeparator()).append(d));
        if (o.train().isPresent()) {
            out.append(System.lineSeparator()).append(scores(List.of(new Named("train", o.train().get()),
                    new Named("test", o.test().orElseThrow()))));
        }
        return out.toString();
    }

    /** A named score, one row of a scores table. */
    private record Named(String name, Scores s) {
        Scores.Classification c() {
            return (Scores.Classification) s;
        }
    }

    private static String scores(List<Named> rows) {
        List<ColumnData<Named>> columns = List.of(
                Tables.left("").with(Named::name),
                Tables.right("points").with(s -> Integer.toString(s.s().size())),
                Tables.right("accuracy").with(s -> pct(s.c().accuracy())),
                Tables.right("precision").with(s -> pct(s.c().precision())),
                Tables.right("recall").with(s -> pct(s.c().recall())),
                Tables.right("F1").with(s -> pct(s.c().f1())));
        return AsciiTable.builder().border(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS).data(rows, columns).asString();
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

    static String comparison(List<TrainingOutcome> rows) {
        if (rows.isEmpty()) {
            return "no MILP solver to compare (see solver:list)";
        }
        List<ColumnData<TrainingOutcome>> columns = List.of(
                Tables.left(rows.stream().allMatch(r -> r.trainer().equals("exact")) ? "solver" : "trainer / solver")
                        .with(TrainingOutcome::label),
                Tables.left("status").with(r -> r.termination().label()),
                Tables.right("loss").with(r -> Format.number(r.result().trainingLoss())),
                Tables.right("bound").with(r -> Format.number(r.result().lossBound())),
                Tables.right("gap").with(r -> Format.percent(r.result().gap())),
                Tables.right("build").with(r -> milp(r).map(m -> Format.seconds(m.buildTime())).orElse("-")),
                Tables.right("solve").with(r -> milp(r).filter(m -> r.trainer().equals("exact"))
                        .map(m -> Format.seconds(m.solveTime())).orElse(Format.seconds(r.result().totalTime()))),
                Tables.right("train acc").with(r -> r.train().map(s -> pct(((Scores.Classification) s).accuracy())).orElse("-")),
                Tables.right("test acc").with(r -> r.test().map(s -> pct(((Scores.Classification) s).accuracy())).orElse("-")),
                Tables.right("test F1").with(r -> r.test().map(s -> pct(((Scores.Classification) s).f1())).orElse("-")),
                Tables.left("note").maxWidth(50).with(r -> Format.shorten(r.note(), 100)));
        return AsciiTable.builder().border(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS).data(rows, columns).asString();
    }

    private static Optional<TrainingResult> milp(TrainingOutcome o) {
        return o.result().attachment(TrainingResult.class);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

}
