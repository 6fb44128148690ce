package org.tamebnn.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.api.mps.MpsReader;
import org.tamebnn.bnn.BnnFormulation;
import org.tamebnn.bnn.BnnSpec;
import org.tamebnn.bnn.FormulationOptions;
import org.tamebnn.data.BuiltinDatasets;
import org.tamebnn.data.DataPipeline;
import org.tamebnn.data.MissingValuePolicy;
import org.tamebnn.data.PreparedData;
import org.tamebnn.data.SplitSpec;
import org.tamebnn.losses.ZeroOneLoss;
import org.tamebnn.tck.MiplibInstance;

/**
 * Every MILP backend on the same models, side by side in one run: the shipped MIPLIB instances and
 * BNN training MILPs of growing size (BCW, 9-5-1 BDNN, default formulation, no start). Per run:
 * the adapter's model translation time ({@link SolveResult#modelTime()}), the backend's solve time
 * (wall time minus translation), their ratio, and status, objective and gap at a fixed limit. One
 * thread per solve; each backend solves one small model first, unrecorded, to load its natives.
 */
final class SolverBench {
    /** A model to solve, with its known optimum where there is one (NaN otherwise). */
    record Subject(String name, MilpModel model, double optimum) {
    }

    record Run(Subject subject, String backend, SolveResult result) {
        double wallSeconds() {
            return result.wallTime().toNanos() / 1e9;
        }

        double modelSeconds() {
            return result.modelTime() == null ? Double.NaN : result.modelTime().toNanos() / 1e9;
        }

        boolean solved() {
            return result.status() == SolveStatus.OPTIMAL;
        }
    }

    private SolverBench() {
    }

    static String run(Path scratch, double limitSeconds, List<Integer> bnnSizes, boolean miplib, Path csv)
            throws IOException {
        List<Subject> subjects = new ArrayList<>();
        if (miplib) {
            for (MiplibInstance i : MiplibInstance.all()) {
                subjects.add(new Subject(i.name(), MpsReader.read(i.copyTo(scratch)), i.optimum()));
            }
        }
        for (int k : bnnSizes) {
            PreparedData data = DataPipeline.prepare(BuiltinDatasets.load("bcw"), SplitSpec.of(0, 0.2).trainSize(k),
                    MissingValuePolicy.TRAIN_MEDIAN);
            BnnSpec spec = BnnSpec.forData(data.train()).hidden(5).build();
            MilpModel model = BnnFormulation.build(data.train(), spec, FormulationOptions.defaults(),
                    new ZeroOneLoss()).model();
            subjects.add(new Subject("bnn-bcw-K" + k, model, Double.NaN));
        }
        MilpModel warmUp = MpsReader.read(MiplibInstance.named("p0033").copyTo(scratch));
        SolveParams params = SolveParams.defaults().withTimeLimitSeconds(limitSeconds).withThreads(1).withSeed(0);
        Backends.MILP.forEach(name -> Backends.create(name).solve(warmUp, params));
        List<Run> runs = new ArrayList<>();
        try (Writer out = Files.newBufferedWriter(csv);
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("model", "rows",
                        "variables", "backend", "limit_s", "status", "objective", "bound", "known_optimum",
                        "wall_s", "model_s", "nodes").get())) {
            for (Subject subject : subjects) {
                for (String backend : Backends.MILP) {
                    SolveResult r = Backends.create(backend).solve(subject.model(), params);
                    Run run = new Run(subject, backend, r);
                    runs.add(run);
                    printer.printRecord(subject.name(), subject.model().rowCount(), subject.model().variableCount(),
                            backend, limitSeconds, r.status(), r.objective(), r.bestBound(),
                            subject.optimum(), run.wallSeconds(), run.modelSeconds(), r.nodes());
                    printer.flush();
                    System.out.printf(Locale.ROOT, "%-12s %-14s %-16s %8.3f s (model %.4f s)%n", subject.name(),
                            backend, r.status(), run.wallSeconds(), run.modelSeconds());
                }
            }
        }
        return report(subjects, runs, limitSeconds);
    }

    private static String report(List<Subject> subjects, List<Run> runs, double limit) {
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Every MILP backend, one thread, %.0f s limit per solve. A cell is the"
                + " wall time of a proven optimum, or the status it ended with; in brackets the share of that time"
                + " spent translating the model into the backend's form. `bnn-bcw-K` are BNN training MILPs"
                + " (BCW, K points, 9-5-1 BDNN, default formulation, no heuristic start).%n%n", limit));
        sb.append("| model | rows | vars |");
        Backends.MILP.forEach(b -> sb.append(' ').append(b).append(" |"));
        sb.append(" fastest | ratio to next |\n|---|---|---|");
        Backends.MILP.forEach(b -> sb.append("---|"));
        sb.append("---|---|\n");
        for (Subject s : subjects) {
            List<Run> mine = runs.stream().filter(r -> r.subject() == s).toList();
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d |", s.name(), s.model().rowCount(),
                    s.model().variableCount()));
            for (Run r : mine) {
                sb.append(' ').append(cell(r)).append(" |");
            }
            List<Run> solved = mine.stream().filter(Run::solved)
                    .sorted((a, b) -> Double.compare(a.wallSeconds(), b.wallSeconds())).toList();
            if (solved.isEmpty()) {
                sb.append(" - | - |\n");
            } else {
                String ratio = solved.size() > 1 ? String.format(Locale.ROOT, "%.1f×",
                        solved.get(1).wallSeconds() / solved.get(0).wallSeconds()) : "only one";
                sb.append(' ').append(solved.get(0).backend()).append(" | ").append(ratio).append(" |\n");
            }
        }
        sb.append("\nLargest translation share per backend (translation ÷ wall time, over every model it solved"
                + " or stopped on):\n\n| backend | largest share | on | median share |\n|---|---|---|---|\n");
        for (String b : Backends.MILP) {
            List<Run> mine = runs.stream().filter(r -> r.backend().equals(b) && !Double.isNaN(r.modelSeconds())
                    && r.result().status() != SolveStatus.ERROR).toList();
            Run worst = mine.stream().max((x, y) -> Double.compare(share(x), share(y))).orElse(null);
            double median = Stats.median(mine.stream().mapToDouble(SolverBench::share).toArray());
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", b,
                    worst == null ? "-" : pct(share(worst)), worst == null ? "-" : worst.subject().name(),
                    Double.isNaN(median) ? "-" : pct(median)));
        }
        return sb.toString();
    }

    private static double share(Run r) {
        return r.modelSeconds() / r.wallSeconds();
    }

    private static String cell(Run r) {
        String share = Double.isNaN(r.modelSeconds()) ? "" : " (" + pct(share(r)) + ")";
        if (r.solved()) {
            boolean wrong = !Double.isNaN(r.subject().optimum()) && Math.abs(r.result().objective()
                    - r.subject().optimum()) > 1e-6 * Math.max(1, Math.abs(r.subject().optimum()));
            return String.format(Locale.ROOT, "%.2f s%s%s", r.wallSeconds(), share,
                    wrong ? " WRONG " + r.result().objective() : "");
        }
        return r.result().status() + share;
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, v < 0.001 ? "%.2f%%" : "%.1f%%", 100 * v);
    }
}
