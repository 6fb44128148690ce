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
import org.tamebnn.api.training.RunSpec;
import org.tamebnn.bnn.BnnFormulation;
import org.tamebnn.bnn.BnnSpec;
import org.tamebnn.bnn.FormulationOptions;
import org.tamebnn.bnn.RunSpecs;
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
 * BNN training MILPs (BCW, 9-5-1 BDNN, default formulation, no start: K points up to all 559 of
 * the 80/20 split; and few-shot MNIST, 784-10, the multi-class MILP {@code bench mnist}'s exact
 * trainer builds). Per run: the adapter's model translation time ({@link SolveResult#modelTime()}),
 * the wall time, their ratio, status, objective, bound and gap at a fixed limit, and the time to
 * the first incumbent from the backend's progress reports (where it reports progress). One thread
 * per solve; each backend solves one small model first, unrecorded, to load its natives.
 *
 * <p>Then the limits, figures the tests assert no longer: how far past its time limit each backend
 * returned (over its TIME_LIMIT runs above), how soon it returned after a cancel from another thread
 * (the kit's hard market split instances, cancelled {@value #CANCEL_AFTER_MILLIS} ms after the solve
 * said it had begun), and how long {@link MpsReader} took to read each model back from an MPS file.
 */
final class SolverBench {
    /** A model to solve, with its known optimum where there is one (NaN otherwise); {@code bnn} for a BNN training MILP. */
    record Subject(String name, MilpModel model, double optimum, boolean bnn) {
    }

    /**
     * @param firstIncumbent seconds into the solve of the first progress report with a finite
     *                       incumbent; NaN when there was none
     * @param reports        true when the backend declares {@link Capability#PROGRESS}
     */
    record Run(Subject subject, String backend, SolveResult result, double firstIncumbent, boolean reports) {
        double wallSeconds() {
            return result.wallTime().toNanos() / 1e9;
        }

        double modelSeconds() {
            return result.modelTime() == null ? Double.NaN : result.modelTime().toNanos() / 1e9;
        }

        boolean solved() {
            return result.status() == SolveStatus.OPTIMAL;
        }

        /** An optimum by the backend's own word, no bound confirming it (ojAlgo, lp_solve). */
        boolean unconfirmed() {
            return result.status() == SolveStatus.OPTIMAL_UNCONFIRMED;
        }
    }

    /** Records when a solve first reported an incumbent. */
    private static final class FirstIncumbent implements SolveListener {
        private volatile double seconds = Double.NaN;

        @Override
        public void onProgress(SolveProgress progress) {
            if (Double.isNaN(seconds) && Double.isFinite(progress.incumbent())) {
                seconds = progress.elapsed().toNanos() / 1e9;
            }
        }
    }

    /** How long into a solve the cancel latency measurement cancels it: well into the search. */
    static final long CANCEL_AFTER_MILLIS = 1000;

    /** A size in {@code bnnSizes} that stands for all the training points of the split. */
    static final int ALL = 0;

    /** The translation share the direct adapters are held to on BNN models: translation ÷ solve time. */
    static final double SHARE_GOAL = 0.05;

    private SolverBench() {
    }

    /**
     * @param bnnSizes        BCW training points of the BNN models ({@link #ALL}: the whole training part)
     * @param mnistPerClass   MNIST images per class of the multi-class model; 0 for none
     * @param cancels         how many cancelled solves per backend the cancel latency is measured on
     */
    static String run(Path scratch, double limitSeconds, List<Integer> bnnSizes, int mnistPerClass, boolean miplib,
            Path csv, int cancels) throws IOException {
        List<Subject> subjects = new ArrayList<>();
        if (miplib) {
            for (MiplibInstance i : MiplibInstance.all()) {
                subjects.add(new Subject(i.name(), MpsReader.read(i.copyTo(scratch)), i.optimum(), false));
            }
        }
        for (int k : bnnSizes) {
            SplitSpec split = SplitSpec.of(0, 0.2);
            PreparedData data = DataPipeline.prepare(BuiltinDatasets.load("bcw"), k == ALL ? split : split.trainSize(k),
                    MissingValuePolicy.TRAIN_MEDIAN);
            BnnSpec spec = BnnSpec.forData(data.train()).hidden(5).build();
            MilpModel model = BnnFormulation.build(data.train(), spec, FormulationOptions.defaults(),
                    new ZeroOneLoss()).model();
            subjects.add(new Subject("bnn-bcw-K" + data.train().size(), model, Double.NaN, true));
        }
        if (mnistPerClass > 0) {
            subjects.add(fewShotMnist(mnistPerClass));
        }
        MilpModel warmUp = MpsReader.read(MiplibInstance.named("p0033").copyTo(scratch));
        SolveParams params = SolveParams.defaults().withTimeLimitSeconds(limitSeconds).withThreads(1).withSeed(0);
        Backends.MILP.forEach(name -> Backends.create(name).solve(warmUp, params));
        List<Run> runs = new ArrayList<>();
        try (Writer out = Files.newBufferedWriter(csv);
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("model", "rows",
                        "variables", "backend", "limit_s", "status", "raw_status", "objective", "bound", "gap",
                        "known_optimum", "wall_s", "model_s", "first_incumbent_s", "nodes").get())) {
            for (Subject subject : subjects) {
                for (String backend : Backends.MILP) {
                    MilpSolver solver = Backends.create(backend);
                    FirstIncumbent first = new FirstIncumbent();
                    SolveResult r = solver.solve(subject.model(), params, first, CancellationToken.none());
                    Run run = new Run(subject, backend, r, first.seconds,
                            solver.info().supports(Capability.PROGRESS));
                    runs.add(run);
                    printer.printRecord(subject.name(), subject.model().rowCount(), subject.model().variableCount(),
                            backend, limitSeconds, r.label(), r.rawStatus(), r.objective(), r.dualBound(), r.gap(),
                            subject.optimum(), run.wallSeconds(), run.modelSeconds(), run.firstIncumbent(),
                            r.nodes());
                    printer.flush();
                    System.out.printf(Locale.ROOT, "%-22s %-14s %-16s %8.3f s (model %.4f s, first incumbent %s,"
                            + " gap %s)%n", subject.name(), backend, r.label(), run.wallSeconds(), run.modelSeconds(),
                            seconds(run.firstIncumbent()), gap(r.gap()));
                }
            }
        }
        return report(subjects, runs, limitSeconds) + System.lineSeparator() + overruns(runs, limitSeconds)
                + System.lineSeparator() + cancelLatencies(cancels) + System.lineSeparator()
                + mpsReads(subjects, scratch);
    }

    /**
     * The multi-class training MILP of {@code bench mnist}'s exact trainer: MNIST, {@code perClass}
     * images of each digit drawn with seed 0, 784-10 BDNN, the run specification's defaults.
     */
    static Subject fewShotMnist(int perClass) {
        RunSpec spec = RunSpec.defaults().withSource(BuiltinDatasets.MNIST).withSeed(0).withPerClass(perClass)
                .withHidden(List.of());
        PreparedData data = DataPipeline.prepare(BuiltinDatasets.load(BuiltinDatasets.MNIST),
                SplitSpec.of(0, spec.split().testFraction()).perClass(perClass),
                MissingValuePolicy.parse(spec.data().missing()));
        BnnSpec network = RunSpecs.network(spec, data.train());
        MilpModel model = BnnFormulation.build(data.train(), network, RunSpecs.formulation(spec), new ZeroOneLoss())
                .model();
        return new Subject("bnn-mnist-" + network.describe().split(" ")[0] + "-N" + data.train().size(), model,
                Double.NaN, true);
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
                + " wall time of a proven optimum (marked ¹ where the optimum is the backend's own word, no bound"
                + " confirming it), or the status it ended with; in brackets the share of that time spent"
                + " translating the model into the backend's form. `bnn-bcw-K` are BNN training MILPs (BCW, K"
                + " points of the seed-0 80/20 split, K559 all of them; 9-5-1 BDNN, default formulation, no"
                + " heuristic start); `bnn-mnist-784-10-N` is the multi-class MILP of `bench mnist`'s exact"
                + " trainer (MNIST, N images, N/10 of each digit, drawn with seed 0; 784-10 BDNN, no start).%n%n",
                limit));
        table(sb, subjects, runs, " fastest | ratio to next |", "---|---|", (s, mine) -> {
            List<Run> solved = mine.stream().filter(Run::solved)
                    .sorted((a, b) -> Double.compare(a.wallSeconds(), b.wallSeconds())).toList();
            if (solved.isEmpty()) {
                return " - | - |";
            }
            String ratio = solved.size() > 1 ? String.format(Locale.ROOT, "%.1f×",
                    solved.get(1).wallSeconds() / solved.get(0).wallSeconds()) : "only one";
            return " " + solved.get(0).backend() + " | " + ratio + " |";
        }, r -> cell(r, runs));
        sb.append("\n¹ OPTIMAL_UNCONFIRMED: the backend has no MILP bound, so its optimum is its own claim. WRONG"
                + " marks an optimum off the known one (or, on the BNN models, off one that another backend's bound"
                + " confirmed), or INFEASIBLE where another backend returned a solution.\n");
        sb.append("\nBNN models: time to the first incumbent (the first progress report with one; `-` for a backend"
                + " that reports no progress, `none` for one that reported no incumbent) / the final relative gap"
                + " |objective − bound| ÷ |objective| (`-` where the backend gives no bound or no solution).\n\n");
        table(sb, subjects.stream().filter(Subject::bnn).toList(), runs, "", "",
                (s, mine) -> "", r -> firstIncumbent(r) + " / " + gap(r.result().gap()));
        sb.append(String.format(Locale.ROOT, "%nTranslation share per backend: translation ÷ wall time, over every"
                + " model it solved or stopped on (errors left out); on the BNN models, and whether translation"
                + " stayed within %.0f%% of the solve time (wall − translation) on every one of them.%n%n"
                + "| backend | largest share | on | median share | largest on BNN models | on |"
                + " ≤ %.0f%% of solve time on every BNN model |%n|---|---|---|---|---|---|---|%n",
                100 * SHARE_GOAL, 100 * SHARE_GOAL));
        for (String b : Backends.MILP) {
            List<Run> mine = runs.stream().filter(r -> r.backend().equals(b) && !Double.isNaN(r.modelSeconds())
                    && r.result().status() != SolveStatus.ERROR).toList();
            List<Run> bnn = mine.stream().filter(r -> r.subject().bnn()).toList();
            Run worst = mine.stream().max((x, y) -> Double.compare(share(x), share(y))).orElse(null);
            Run worstBnn = bnn.stream().max((x, y) -> Double.compare(share(x), share(y))).orElse(null);
            double median = Stats.median(mine.stream().mapToDouble(SolverBench::share).toArray());
            String goal = bnn.isEmpty() ? "-" : bnn.stream().allMatch(r -> r.modelSeconds()
                    <= SHARE_GOAL * (r.wallSeconds() - r.modelSeconds())) ? "met" : "missed";
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", b,
                    worst == null ? "-" : pct(share(worst)), worst == null ? "-" : worst.subject().name(),
                    Double.isNaN(median) ? "-" : pct(median), worstBnn == null ? "-" : pct(share(worstBnn)),
                    worstBnn == null ? "-" : worstBnn.subject().name(), goal));
        }
        return sb.toString();
    }

    /**
     * One row per subject, one column per backend: {@code cell} of each run, then {@code tail}'s
     * columns ({@code tailHeader}, {@code tailRule}) for the subject's runs.
     */
    private static void table(StringBuilder sb, List<Subject> subjects, List<Run> runs, String tailHeader,
            String tailRule, java.util.function.BiFunction<Subject, List<Run>, String> tail,
            java.util.function.Function<Run, String> cell) {
        sb.append("| model | rows | vars |");
        Backends.MILP.forEach(b -> sb.append(' ').append(b).append(" |"));
        sb.append(tailHeader).append("\n|---|---|---|");
        Backends.MILP.forEach(b -> sb.append("---|"));
        sb.append(tailRule).append('\n');
        for (Subject s : subjects) {
            List<Run> mine = runs.stream().filter(r -> r.subject() == s).toList();
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d |", s.name(), s.model().rowCount(),
                    s.model().variableCount()));
            for (Run r : mine) {
                sb.append(' ').append(cell.apply(r)).append(" |");
            }
            sb.append(tail.apply(s, mine)).append('\n');
        }
    }

    private static double share(Run r) {
        return r.modelSeconds() / r.wallSeconds();
    }

    /** The run's cell; {@code runs} (every backend's) tell a wrong optimum or infeasibility claim. */
    private static String cell(Run r, List<Run> runs) {
        String share = Double.isNaN(r.modelSeconds()) ? "" : " (" + pct(share(r)) + ")";
        List<Run> others = runs.stream().filter(o -> o.subject() == r.subject() && o != r).toList();
        if (r.solved() || r.unconfirmed()) {
            double optimum = !Double.isNaN(r.subject().optimum()) ? r.subject().optimum() : others.stream()
                    .filter(Run::solved).mapToDouble(o -> o.result().objective()).findFirst().orElse(Double.NaN);
            boolean wrong = !Double.isNaN(optimum)
                    && Math.abs(r.result().objective() - optimum) > 1e-6 * Math.max(1, Math.abs(optimum));
            return String.format(Locale.ROOT, "%.2f s%s%s%s", r.wallSeconds(), r.unconfirmed() ? "¹" : "", share,
                    wrong ? " WRONG " + r.result().objective() : "");
        }
        boolean wrong = r.result().status() == SolveStatus.INFEASIBLE
                && others.stream().anyMatch(o -> o.result().hasSolution());
        return r.result().label() + (wrong ? " WRONG" : "") + share;
    }

    private static String firstIncumbent(Run r) {
        if (!r.reports()) {
            return "-";
        }
        return Double.isNaN(r.firstIncumbent()) ? "none" : seconds(r.firstIncumbent());
    }

    private static String gap(double g) {
        return Double.isNaN(g) ? "-" : pct(g);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, v < 0.001 ? "%.2f%%" : "%.1f%%", 100 * v);
    }
}
