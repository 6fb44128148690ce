package org.tamebnn.console;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.tamebnn.api.training.Comparison;
import org.tamebnn.api.training.RunSpec;
import org.tamebnn.api.training.Scores;
import org.tamebnn.api.training.TrainerResult;
import org.tamebnn.api.training.TrainingException;
import org.tamebnn.api.training.TrainingOutcome;

/**
 * Outcomes for scripts and notebooks ({@code --format json|csv}) and run specifications as files
 * ({@code --print-spec}, {@code --spec FILE}). Unknown numbers are JSON nulls and empty CSV fields.
 */
final class OutcomeFormats {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The CSV columns: one row per outcome. */
    static final List<String> CSV_HEADER = List.of("run", "trainer", "solver", "status", "limit", "training_loss",
            "loss_bound", "gap", "objective", "best_bound", "nodes", "build_s", "solve_s", "total_s", "train_accuracy",
            "test_accuracy", "test_precision", "test_recall", "test_f1", "test_mae", "test_rmse", "test_r2", "note",
            "spec_hash");

    private OutcomeFormats() {
    }

    /** {@code table}, {@code json} or {@code csv}, checked. */
    static String checkFormat(String format) {
        if (!List.of("table", "json", "csv").contains(format)) {
            throw new CommandFailure("--format must be table, json or csv, got '" + format + "'");
        }
        return format;
    }

    static String json(TrainingOutcome o) {
        return write(tree(o));
    }

    static String json(Comparison c) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("outcomes", c.outcomes().stream().map(OutcomeFormats::tree).toList());
        tree.put("notRun", c.notRun());
        return write(tree);
    }

    static String csv(List<TrainingOutcome> outcomes) {
        StringWriter w = new StringWriter();
        try {
            RunsCsv.line(w, CSV_HEADER);
            for (TrainingOutcome o : outcomes) {
                RunsCsv.line(w, row(o));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString().stripTrailing();
    }

    /** A spec as indented JSON, the canonical form's content, for people and for {@code --spec FILE}. */
    static String spec(RunSpec spec) {
        return write(spec.toTree());
    }

    /** The spec in a JSON file ({@code --print-spec} output, or written by hand: fields left out take the defaults). */
    static RunSpec readSpec(java.nio.file.Path file) {
        Map<?, ?> tree;
        try {
            tree = JSON.readValue(file.toFile(), Map.class);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new CommandFailure(file.getFileName() + ": not a JSON run specification (" + why + ")");
        }
        try {
            return RunSpec.fromTree(tree, file.getFileName().toString());
        } catch (TrainingException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    private static Map<String, Object> tree(TrainingOutcome o) {
        TrainerResult r = o.result();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("run", o.label());
        t.put("trainer", o.trainer());
        t.put("solver", r.solver());
        Map<String, Object> termination = new LinkedHashMap<>();
        termination.put("reason", o.termination().reason().name());
        termination.put("limit", o.termination().limit().name());
        termination.put("label", o.termination().label());
        termination.put("detail", o.termination().detail());
        t.put("termination", termination);
        t.put("trainingLoss", known(r.trainingLoss()));
        t.put("lossBound", known(r.lossBound()));
        t.put("gap", known(r.gap()));
        t.put("objective", known(r.objective()));
        t.put("bestBound", known(r.bestBound()));
        t.put("nodes", r.nodes() < 0 ? null : r.nodes());
        t.put("buildSeconds", r.buildTime().toNanos() / 1e9);
        t.put("solveSeconds", r.solveTime().toNanos() / 1e9);
        t.put("totalSeconds", r.totalTime().toNanos() / 1e9);
        t.put("network", r.network().map(n -> n.describe()).orElse(null));
        t.put("consistency", r.consistency().map(c -> Map.of("consistent", c.consistent(), "forwardLoss",
                c.forwardLoss(), "describe", c.describe())).orElse(null));
        t.put("train", o.train().map(OutcomeFormats::scores).orElse(null));
        t.put("test", o.test().map(OutcomeFormats::scores).orElse(null));
        t.put("lossCurve", r.lossCurve());
        t.put("rounds", r.rounds().stream().map(x -> Map.of("round", x.round(), "lowerBound", x.lowerBound(),
                "upperBound", x.upperBound())).toList());
        t.put("refutation", o.refutation());
        t.put("note", o.note());
        t.put("details", r.details());
        t.put("preparation", o.preparation());
        t.put("specHash", o.spec().hash());
        t.put("spec", o.spec().toTree());
        return t;
    }

    private static Map<String, Object> scores(Scores s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("points", s.size());
        switch (s) {
            case Scores.Classification c -> {
                m.put("accuracy", known(c.accuracy()));
                m.put("precision", known(c.precision()));
                m.put("recall", known(c.recall()));
                m.put("f1", known(c.f1()));
                m.put("confusion", c.confusion());
            }
            case Scores.Regression g -> {
                m.put("mae", known(g.mae()));
                m.put("rmse", known(g.rmse()));
                m.put("r2", known(g.r2()));
            }
        }
        return m;
    }

    private static List<String> row(TrainingOutcome o) {
        TrainerResult r = o.result();
        List<String> v = new ArrayList<>(List.of(o.label(), o.trainer(), r.solver(), o.termination().label(),
                o.termination().limit().name(), num(r.trainingLoss()), num(r.lossBound()), num(r.gap()),
                num(r.objective()), num(r.bestBound()), r.nodes() < 0 ? "" : Long.toString(r.nodes()),
                num(r.buildTime().toNanos() / 1e9), num(r.solveTime().toNanos() / 1e9), num(r.totalTime().toNanos() / 1e9)));
        Scores.Classification train = o.train().orElse(null) instanceof Scores.Classification c ? c : null;
        Scores.Classification test = o.test().orElse(null) instanceof Scores.Classification c ? c : null;
        Scores.Regression reg = o.test().orElse(null) instanceof Scores.Regression g ? g : null;
        v.add(train == null ? "" : num(train.accuracy()));
        v.add(test == null ? "" : num(test.accuracy()));
        v.add(test == null ? "" : num(test.precision()));
        v.add(test == null ? "" : num(test.recall()));
        v.add(test == null ? "" : num(test.f1()));
        v.add(reg == null ? "" : num(reg.mae()));
        v.add(reg == null ? "" : num(reg.rmse()));
        v.add(reg == null ? "" : num(reg.r2()));
        v.add(o.note());
        v.add(o.spec().hash());
        return v;
    }

    private static Double known(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String write(Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
