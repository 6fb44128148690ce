package org.tamebnn.console;

import java.util.List;
import java.util.Locale;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.ColumnData;

import org.tamebnn.api.training.Scores;
import org.tamebnn.api.training.TrainingOutcome;
import org.tamebnn.bnn.ConsistencyReport;
import org.tamebnn.bnn.TrainingResult;
import org.tamebnn.data.PreparedData;

/**
 * The {@code bnn:train --task regression} report: the solve, the guard (the solver's objective
 * beside the forward pass's loss, which differ by the squared loss's stated tangent error at most),
 * and MAE, RMSE and R² on the training and test rows in the target's original units.
 */
final class RegressionTable {
    private RegressionTable() {
    }

    static String single(TrainingOutcome o) {
        StringBuilder out = new StringBuilder();
        TrainingResult r = o.result().attachment(TrainingResult.class).orElseThrow(
                () -> new CommandFailure("regression trains through the exact MILP only"));
        out.append(String.format(Locale.ROOT, "%s: %s; training loss %s, bound %s, gap %s; build %s, solve %s, nodes %s",
                r.solver(), o.termination().label(), Format.number(r.trainingLoss()), Format.number(r.lossBound()),
                Format.percent(r.lossGap()), Format.seconds(r.buildTime()), Format.seconds(r.solveTime()),
                Format.count(r.nodes())));
        if (!r.message().isEmpty()) {
            out.append(System.lineSeparator()).append("note: ").append(r.message());
        }
        r.consistency().map(ConsistencyReport::describe)
                .ifPresent(c -> out.append(System.lineSeparator()).append("check: ").append(c));
        if (o.train().isPresent()) {
            PreparedData data = o.result().attachment(PreparedData.class).orElseThrow();
            out.append(System.lineSeparator()).append("errors in the units of ")
                    .append(String.join(", ", data.train().targetNames())).append(" (R² is unit-free):")
                    .append(System.lineSeparator()).append(metrics(List.of(
                            new Scored("train", (Scores.Regression) o.train().get()),
                            new Scored("test", (Scores.Regression) o.test().orElseThrow()))));
        }
        return out.toString();
    }

    private record Scored(String name, Scores.Regression e) {
    }

    private static String metrics(List<Scored> rows) {
        List<ColumnData<Scored>> columns = List.of(
                Tables.left("").with(Scored::name),
                Tables.right("points").with(s -> Integer.toString(s.e().size())),
                Tables.right("MAE").with(s -> Format.number(s.e().mae())),
                Tables.right("RMSE").with(s -> Format.number(s.e().rmse())),
                Tables.right("R²").with(s -> Double.isNaN(s.e().r2()) ? "-"
                        : String.format(Locale.ROOT, "%.3f", s.e().r2())));
        return AsciiTable.builder().border(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS).data(rows, columns).asString();
    }
}
