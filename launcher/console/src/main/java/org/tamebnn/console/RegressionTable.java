package org.tamebnn.console;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.ColumnData;

import org.tamebnn.bnn.ConsistencyReport;
import org.tamebnn.bnn.RegressionEvaluation;
import org.tamebnn.bnn.TrainedBnn;
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

    static String single(TrainerRun run, PreparedData data) {
        StringBuilder out = new StringBuilder();
        Optional<TrainingResult> milp = run.milp();
        TrainingResult r = milp.orElseThrow(() -> new CommandFailure("regression trains through the exact MILP only"));
        out.append(String.format(Locale.ROOT, "%s: %s; training loss %s, bound %s, gap %s; build %s, solve %s, nodes %s",
                r.solver(), r.status(), Format.number(r.trainingLoss()), Format.number(r.lossBound()),
                Format.percent(r.lossGap()), Format.seconds(r.buildTime()), Format.seconds(r.solveTime()),
                Format.count(r.nodes())));
        if (!r.message().isEmpty()) {
            out.append(System.lineSeparator()).append("note: ").append(r.message());
        }
        r.consistency().map(ConsistencyReport::describe)
                .ifPresent(c -> out.append(System.lineSeparator()).append("check: ").append(c));
        if (r.network().isPresent()) {
            TrainedBnn net = r.network().get();
            double[] ranges = new double[data.train().targetCount()];
            for (int k = 0; k < ranges.length; k++) {
                ranges[k] = data.targetScaler().range(k);
            }
            out.append(System.lineSeparator()).append("errors in the units of ")
                    .append(String.join(", ", data.train().targetNames())).append(" (R² is unit-free):")
                    .append(System.lineSeparator()).append(metrics(List.of(
                            new Scored("train", RegressionEvaluation.of(net, data.train(), ranges)),
                            new Scored("test", RegressionEvaluation.of(net, data.test(), ranges)))));
        }
        return out.toString();
    }

    private record Scored(String name, RegressionEvaluation e) {
    }

    private static String metrics(List<Scored> rows) {
        List<ColumnData<Scored>> columns = List.of(
                Tables.left("").with(Scored::name),
                Tables.right("points").with(s -> Integer.toString(s.e().rows())),
                Tables.right("MAE").with(s -> Format.number(s.e().mae())),
                Tables.right("RMSE").with(s -> Format.number(s.e().rmse())),
                Tables.right("R²").with(s -> Double.isNaN(s.e().r2()) ? "-"
                        : String.format(Locale.ROOT, "%.3f", s.e().r2())));
        return AsciiTable.builder().border(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS).data(rows, columns).asString();
    }
}
