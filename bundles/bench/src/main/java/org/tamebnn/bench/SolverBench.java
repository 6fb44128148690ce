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
import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveProgress;
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
import org.tamebnn.tck.KnownModels;
import org.tamebnn.tck.MiplibInstance;

/**
 * Every MILP backend on the same models, side by side in one run: the shipped MIPLIB instances and
 * BNN training MILPs of growing size (BCW, 9-5-1 BDNN, default formulation, no start). Per run:
 * the adapter's model translation time ({@link SolveResult#modelTime()}), the backend's solve time
 * (wall time minus translation), their ratio, and status, objective and gap at a fixed limit. One
 * thread per solve; each backend solves one small model first, unrecorded, to load its natives.
 *
 * <p>Then the limits, figures the tests assert no longer: how far past its time limit each backend
 * returned (over its TIME_LIMIT runs above), how soon it returned after a cancel from another thread
 * (the kit's hard market split instances, cancelled {@value #CANCEL_AFTER_MILLIS} ms after the solve
 * said it had begun), and how long {@link MpsReader} took to read each model back from an MPS file.
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

    /** How long into a solve the cancel latency measurement cancels it: well into the search. */
    static final long CANCEL_AFTER_MILLIS = 1000;

    private SolverBench() {
    }

    /**
     * @param cancels how many cancelled solves per backend the cancel latency is measured on
     */
    static String run(Path scratch, double limitSeconds, List<Integer> bnnSizes, boolean miplib, Path csv,
            int cancels) throws IOException {
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
                            backend, limitSeconds, r.status(), r.objective(), r.dualBound(),
                            subject.optimum(), run.wallSeconds(), run.modelSeconds(), r.nodes());
                    printer.flush();
                    System.out.printf(Locale.ROOT, "%-12s %-14s %-16s %8.3f s (model %.4f s)%n", subject.name(),
                            backend, r.status(), run.wallSeconds(), run.modelSeconds());
                }
            }
        }
        return report(subjects, runs, limitSeconds) + System.lineSeparator() + overruns(runs, limitSeconds)
                + System.lineSeparator() + cancelLatencies(cancels) + System.lineSeparator()
                + mpsReads(subjects, scratch);
    }

    /** Per backend, over its TIME_LIMIT runs: how long after the limit the solve returned. */
    static String overruns(List<Run> runs, double limit) {
        var sb = new StringBuilder(String.format(Locale.ROOT, "Time-limit overrun: how long after its %.0f s limit"
                + " each backend returned, over its TIME_LIMIT runs above (AbstractMilpSolver's watchdog cancels a"
                + " backend declaring cancellation %.2f s past the limit).%n%n| backend | TIME_LIMIT runs |"
                + " median overrun | largest overrun |%n|---|---|---|---|%n", limit, org.tamebnn.api.milp
                        .AbstractMilpSolver.watchdogGrace(java.time.Duration.ofNanos((long) (limit * 1e9))).toNanos()
                        / 1e9));
        for (String b : Backends.MILP) {
            double[] over = runs.stream().filter(r -> r.backend().equals(b)
                    && r.result().stoppedBy(Limit.TIME)).mapToDouble(r -> r.wallSeconds() - limit)
                    .toArray();
            sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %s |%n", b, over.length, seconds(Stats.median(over)),
                    seconds(java.util.Arrays.stream(over).max().orElse(Double.NaN))));
        }
        return sb.toString();
    }

    /**
     * Per backend declaring cancellation: {@code cancels} solves of the kit's hard market split
     * instances (seeds 1, 2, ...), each cancelled from another thread {@value #CANCEL_AFTER_MILLIS} ms
     * after the solver said it had begun ({@link SolveListener#onStart()}); the time from the cancel
     * to the solve's return, and the statuses.
     */
    static String cancelLatencies(int cancels) {
        var sb = new StringBuilder(String.format(Locale.ROOT, "Cancel latency: %d solve(s) per backend of the kit's"
                + " hard market split instances (5 rows, 40 columns), cancelled from another thread %d ms after"
                + " the solve began; the time from the cancel to the solve's return.%n%n| backend | statuses |"
                + " median latency | largest latency |%n|---|---|---|---|%n", cancels, CANCEL_AFTER_MILLIS));
        var timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tamebnn-bench-cancel");
            t.setDaemon(true);
            return t;
        });
        try {
            for (String b : Backends.MILP) {
                MilpSolver solver = Backends.create(b);
                if (!solver.info().supports(Capability.CANCELLATION) || !solver.availability().isAvailable()) {
                    sb.append("| ").append(b).append(" | not cancellable or not available | - | - |\n");
                    continue;
                }
                double[] latency = new double[cancels];
                java.util.Map<SolveStatus, Integer> statuses = new java.util.EnumMap<>(SolveStatus.class);
                for (int i = 0; i < cancels; i++) {
                    CancellationToken token = new CancellationToken();
                    java.util.concurrent.atomic.AtomicLong cancelledAt = new java.util.concurrent.atomic.AtomicLong();
                    SolveListener listener = new SolveListener() {
                        @Override
                        public void onProgress(SolveProgress progress) {
                        }

                        @Override
                        public void onStart() {
                            timer.schedule(() -> {
                                cancelledAt.set(System.nanoTime());
                                token.cancel();
                            }, CANCEL_AFTER_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
                        }
                    };
                    SolveResult r = solver.solve(KnownModels.marketSplit(5, 40, i + 1, false),
                            SolveParams.defaults().withTimeLimitSeconds(120).withThreads(1).withSeed(0), listener,
                            token);
                    long returned = System.nanoTime();
                    long at = cancelledAt.get();
                    token.cancel(); // a solve that ended before its cancel: the pending one does nothing more
                    latency[i] = at == 0 || at > returned ? Double.NaN : (returned - at) / 1e9;
                    statuses.merge(r.status(), 1, Integer::sum);
                    System.out.printf(Locale.ROOT, "cancel %-14s %-10s %s%n", b, r.status(), seconds(latency[i]));
                }
                double[] measured = java.util.Arrays.stream(latency).filter(v -> !Double.isNaN(v)).toArray();
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", b, statuses.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).collect(java.util.stream.Collectors.joining(", ")),
                        seconds(Stats.median(measured)),
                        seconds(java.util.Arrays.stream(measured).max().orElse(Double.NaN))));
            }
        } finally {
            timer.shutdownNow();
        }
        return sb.toString();
    }

    /** Each model written to a free MPS file and read back with {@link MpsReader}: the time of the read. */
    static String mpsReads(List<Subject> subjects, Path scratch) throws IOException {
        var sb = new StringBuilder("Reading MPS: each model above written to a free MPS file and read back with"
                + " MpsReader (median of 3 reads).\n\n| model | non-zeros | read |\n|---|---|---|\n");
        for (Subject s : subjects) {
            Path file = scratch.resolve(s.name() + "-read.mps");
            org.tamebnn.api.mps.MpsWriter.write(s.model(), file);
            double[] times = new double[3];
            for (int i = 0; i < times.length; i++) {
                long start = System.nanoTime();
                MilpModel read = MpsReader.read(file);
                times[i] = (System.nanoTime() - start) / 1e9;
                if (read.nonZeroCount() != s.model().nonZeroCount()) {
                    throw new IllegalStateException(s.name() + ": read back " + read.nonZeroCount() + " non-zeros of "
                            + s.model().nonZeroCount());
                }
            }
            Files.delete(file);
            sb.append(String.format(Locale.ROOT, "| %s | %d | %s |%n", s.name(), s.model().nonZeroCount(),
                    seconds(Stats.median(times))));
        }
        return sb.toString();
    }

    private static String seconds(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, v < 0.1 ? "%.3f s" : "%.2f s", v);
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
