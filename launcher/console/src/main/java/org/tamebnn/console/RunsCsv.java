package org.tamebnn.console;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.tamebnn.experiments.Cell;
import org.tamebnn.experiments.CellResult;
import org.tamebnn.experiments.RunRecord;

/**
 * Every run of a grid as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote
 * or line break quoted, quotes doubled), one row per run with every parameter and metric the store
 * keeps; unknown metrics are empty. Written by hand: the format is small and the console embeds no
 * CSV library.
 */
final class RunsCsv {
    static final List<String> HEADER = List.of("spec", "cell_key", "cell_index", "dataset", "train_size",
            "test_fraction", "hidden", "variant", "weights", "trainer", "loss", "solver", "seed", "time_limit_s",
            "trainer_options", "status", "training_loss", "objective", "bound", "gap", "build_s", "solve_s", "total_s",
            "train_accuracy", "test_accuracy", "test_precision", "test_recall", "test_f1", "nodes", "message",
            "started_at", "finished_at", "host", "cores", "os", "java", "bundle_versions", "first_incumbent_s",
            "trace_points");

    private RunsCsv() {
    }

    static void write(Path file, List<RunRecord> runs) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            line(w, HEADER);
            for (RunRecord r : runs) {
                line(w, row(r));
            }
        } catch (IOException e) {
            throw new CommandFailure("cannot write " + file + ": " + e.getMessage());
        }
    }

    static List<String> row(RunRecord run) {
        Cell c = run.cell();
        CellResult r = run.result();
        List<String> v = new ArrayList<>();
        v.add(run.specName());
        v.add(c.key());
        v.add(String.valueOf(c.index()));
        v.add(c.dataset());
        v.add(c.trainSizeText());
        v.add(String.valueOf(c.testFraction()));
        v.add(c.hiddenText());
        v.add(c.variant());
        v.add(c.weights());
        v.add(c.trainer());
        v.add(c.loss());
        v.add(c.solver());
        v.add(String.valueOf(c.seed()));
        v.add(String.valueOf(c.timeLimitSeconds()));
        v.add(pairs(c.trainerOptions()));
        v.add(r.status());
        for (Double d : List.of(opt(r.trainingLoss()), opt(r.objective()), opt(r.bound()), opt(r.gap()),
                opt(r.buildSeconds()), opt(r.solveSeconds()), opt(r.totalSeconds()), opt(r.trainAccuracy()),
                opt(r.testAccuracy()), opt(r.precision()), opt(r.recall()), opt(r.f1()))) {
            v.add(Double.isNaN(d) ? "" : String.valueOf(d));
        }
        v.add(r.nodes() == null ? "" : String.valueOf(r.nodes()));
        v.add(r.message() == null ? "" : r.message());
        v.add(run.started().toString());
        v.add(run.finished().toString());
        v.add(run.machine().host());
        v.add(String.valueOf(run.machine().cores()));
        v.add(run.machine().os());
        v.add(run.machine().java());
        v.add(pairs(run.bundleVersions()));
        Double first = SolverTraces.timeToFirstIncumbent(run);
        v.add(first == null ? "" : String.valueOf(first));
        v.add(String.valueOf(r.trace().points().size()));
        return v;
    }

    private static double opt(Double d) {
        return d == null ? Double.NaN : d;
    }

    private static String pairs(Map<String, String> m) {
        return m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    static void line(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quoted(fields.get(i)));
        }
        w.write("\r\n");
    }

    static String quoted(String field) {
        boolean needs = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0;
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
