package org.tamebnn.console;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.ColumnData;

import org.tamebnn.api.dual.DualConstructor;
import org.tamebnn.api.dual.DualFunction;
import org.tamebnn.api.dual.DualResult;
import org.tamebnn.api.milp.MilpModel;

/** What the {@code dual} commands print. */
final class DualTables {
    private DualTables() {
    }

    static String methods(List<DualConstructor> duals) {
        List<ColumnData<DualConstructor>> columns = List.of(
                Tables.left("method").with(DualConstructor::name),
                Tables.left("backend needs").with(d -> d.needs().isEmpty() ? "-"
                        : d.needs().stream().map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                                .collect(Collectors.joining(", "))),
                Tables.left("certifies").with(d -> d.certifies().name().toLowerCase(Locale.ROOT).replace('_', ' ')),
                Tables.left("applies to").maxWidth(50).with(DualConstructor::appliesTo),
                Tables.left("what").maxWidth(50).with(DualConstructor::description));
        return AsciiTable.builder().border(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS).data(duals, columns).asString();
    }

    /**
     * The outcome beside the MILP's own answer. Values are in the model's sense (a maximisation's
     * dual bound is an upper bound); the dual gap is (optimum − F(b)) / max(1, |optimum|), in the
     * minimisation sense, against the best known value.
     */
    static String built(String subject, MilpModel model, DualConstructor dual, String backend, DualResult r,
            DualCommands.KnownOptimum m) {
        double sign = DualCommands.sign(model);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d rows, %d columns (%d integer), %s%n", subject, model.rowCount(),
                model.variableCount(), model.integerCount(), model.sense().name().toLowerCase(Locale.ROOT)));
        sb.append(String.format(Locale.ROOT, "method %s on %s: %s in %s%n", dual.name(), backend,
                r.hasFunction() ? "built" : "no function", Format.seconds(r.time())));
        if (!r.hasFunction()) {
            return sb.append(r.message()).toString();
        }
        DualFunction f = r.function().orElseThrow();
        double bound = sign * r.valueAtB();
        sb.append(String.format(Locale.ROOT, "dual bound F(b) = %s (a %s bound on the optimum)%n", DualCommands.fmt(bound),
                sign > 0 ? "lower" : "upper"));
        sb.append(String.format(Locale.ROOT, "MILP (%s): %s, objective %s, bound %s%n", m.solver(), m.status(),
                Double.isFinite(m.objective()) ? DualCommands.fmt(m.objective()) : "-",
                Double.isFinite(m.bound()) ? DualCommands.fmt(m.bound()) : "-"));
        if (Double.isFinite(m.objective())) {
            double gap = (sign * m.objective() - r.valueAtB()) / Math.max(1, Math.abs(m.objective()));
            sb.append(String.format(Locale.ROOT, "dual gap %s%s%n", Format.percent(gap),
                    Math.abs(gap) <= 1e-6 ? " (the dual function certifies the objective optimal)" : ""));
        }
        sb.append(f.describe()).append(System.lineSeparator());
        sb.append("certificate: ").append(f.certificate().describe());
        if (!r.message().isEmpty()) {
            sb.append(System.lineSeparator()).append(r.message());
        }
        return sb.toString();
    }

    record Point(double[] d, double value, List<double[]> field) {
    }

    static String values(DualFunction f, List<double[]> ds) {
        List<Point> points = ds.stream().map(d -> new Point(d, f.value(d), f.conservativeField(d))).toList();
        List<ColumnData<Point>> columns = List.of(
                Tables.left("d").with(p -> show(p.d())),
                Tables.right("F(d)").with(p -> DualCommands.fmt(p.value())),
                Tables.left("conservative field (gradients of the active pieces)").maxWidth(60)
                        .with(p -> p.field().isEmpty() ? "-" : p.field().stream().map(DualTables::show)
                                .collect(Collectors.joining(", "))));
        return AsciiTable.builder().border(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS).data(points, columns).asString();
    }

    private static String show(double[] v) {
        return v.length == 1 ? Format.number(v[0]) : Arrays.stream(v).mapToObj(Format::number)
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
