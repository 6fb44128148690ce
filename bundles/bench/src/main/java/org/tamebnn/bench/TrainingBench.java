package org.tamebnn.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.bnn.BnnFormulation;
import org.tamebnn.bnn.BnnSpec;
import org.tamebnn.bnn.Evaluation;
import org.tamebnn.bnn.ExactTrainer;
import org.tamebnn.bnn.FormulationOptions;
import org.tamebnn.bnn.StartNetwork;
import org.tamebnn.bnn.TrainingResult;
import org.tamebnn.data.BuiltinDatasets;
import org.tamebnn.data.Dataset;
import org.tamebnn.data.DataPipeline;
import org.tamebnn.data.MissingValuePolicy;
import org.tamebnn.data.PreparedData;
import org.tamebnn.data.RawDataset;
import org.tamebnn.data.SplitSpec;
import org.tamebnn.losses.ZeroOneLoss;

/**
 * Exact BNN training on Breast Cancer Wisconsin (9-h-1 BDNN, 0-1 loss, one thread per solve),
 * in three parts run in one go so that every figure comes from the same machine and day:
 * <ol>
 * <li>backends: each MILP backend at the default formulation and start, K training points and
 * h hidden neurons;</li>
 * <li>formulation options: the paper's formulation against each exact speed-up, on the two best
 * backends;</li>
 * <li>the heuristic start: none (the paper's setting) against the pocket start, up to the full
 * 559-point training set;</li>
 * <li>larger models: K = 200 on the two direct adapters, SCIP and CBC through OR-Tools, from the
 * pocket start and from local search's network, and all 559 points with the pocket start, their bounds beside the one
 * that conflicting duplicates alone give (see {@link #conflictBound}).</li>
 * </ol>
 * Each cell runs over several seeds (a seed draws the 80/20 split and the K points, so each is
 * another instance) and reports medians. Time is the solver's wall time to its proof, or the time
 * limit; "proven" counts the runs that ended OPTIMAL (ojAlgo's OPTIMAL comes without a bound, so
 * its proof is its own word). Every run is also a row of a CSV file.
 */
final class TrainingBench {
    private static final ZeroOneLoss LOSS = new ZeroOneLoss();

    /** What to run; {@link #full()} is what the README quotes, {@link #smoke()} checks the harness. */
    record Grid(List<Integer> seeds, double limitSeconds, double longLimitSeconds, List<Integer> sizes,
            List<Integer> hidden, List<String> backends, int ojalgoMaxSize, List<Integer> optionSizes,
            List<Integer> startSizes, Larger larger) {

        static Grid full() {
            return new Grid(List.of(0, 1, 2), 30, 60, List.of(25, 50, 100, 200), List.of(2, 5),
                    List.of("ortools-highs", "highs", "ortools-scip", "scip", "ortools-cbc", "ojalgo"), 50,
                    List.of(50, 100), List.of(100, 200, 0), new Larger(200, 5, 60,
                            List.of("highs", "scip", "ortools-scip", "ortools-cbc"), List.of("pocket", "local-search"),
                            120, List.of("highs", "scip", "ortools-scip"), 0));
        }

        static Grid smoke() {
            return new Grid(List.of(0), 10, 10, List.of(25), List.of(2), List.of("highs", "ojalgo"), 25,
                    List.of(25), List.of(25), new Larger(25, 2, 5, List.of("scip"), List.of("pocket", "local-search"),
                            5, List.of("highs"), 0));
        }
    }

    /**
     * The larger models: K points and h hidden neurons on {@code backends} from each of
     * {@code starts}, over the grid's seeds, with a limit of {@code limitSeconds}; then all the
     * training points (h hidden) on {@code allBackends} from the pocket start, {@code allLimitSeconds},
     * seed {@code allSeed}.
     */
    record Larger(int size, int hidden, double limitSeconds, List<String> backends, List<String> starts,
            double allLimitSeconds, List<String> allBackends, int allSeed) {
    }

    /** The time budget of the local-search start (all its MILPs), before the exact solve's own limit. */
    static final double LOCAL_SEARCH_SECONDS = 20;

    /** One cell of the grid: everything but the seed. Size 0 means the whole training part. */
    record Cell(String part, String solver, String formulation, String start, int size, int hidden,
            double limitSeconds) {
        String sizeLabel() {
            return size == 0 ? "all" : Integer.toString(size);
        }
    }

    /** One run's figures, as the CSV file holds them (so that tables can be made again from it). */
    record Run(Cell cell, long seed, String status, double loss, double bound, double buildSeconds,
            double solveSeconds, long nodes, double startLoss, boolean fromStart, double trainAccuracy,
            double testAccuracy, int rows) {
        boolean proven() {
            return status.equals(SolveStatus.OPTIMAL.name());
        }

        /** The relative gap between the loss and its bound, NaN when either is unknown. */
        double gap() {
            return SolveResult.relativeGap(loss, bound);
        }

        static Run of(Cell cell, long seed, TrainingResult r, double train, double test) {
            return new Run(cell, seed, r.label(), r.trainingLoss(), r.lossBound(),
                    r.buildTime().toNanos() / 1e9, r.solveTime().toNanos() / 1e9, r.nodes(),
                    r.start().map(s -> s.trainingLoss()).orElse(Double.NaN), r.networkFromStart(), train, test,
                    r.milp().model().rowCount());
        }
    }

    private static final String[] HEADER = {"part", "solver", "formulation", "start", "train_size", "hidden", "seed",
        "limit_s", "status", "loss", "loss_bound", "build_s", "solve_s", "nodes", "start_loss", "network_from_start",
        "train_acc", "test_acc", "rows"};

    private static final Map<String, FormulationOptions> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("paper", FormulationOptions.paper());
        OPTIONS.put("tight-M", FormulationOptions.paper().withTightFirstLayerBigM(true));
        OPTIONS.put("symmetry", FormulationOptions.paper().withSymmetryBreaking(true));
        OPTIONS.put("merge (default)", FormulationOptions.defaults());
        OPTIONS.put("all", FormulationOptions.allSpeedUps());
    }

    private TrainingBench() {
    }

    static String run(Grid grid, Path csv) throws IOException {
        RawDataset bcw = BuiltinDatasets.load("bcw");
        List<Cell> cells = cells(grid);
        // warm-up, not recorded: loads each backend's native library and lets the JIT compile the
        // formulation code, which would otherwise be charged to whichever cell comes first
        for (String solver : cells.stream().map(Cell::solver).distinct().toList()) {
            runOne(bcw, new Cell("warm-up", solver, "merge (default)", "pocket", 25, 2, 10), 99, false);
        }
        List<Run> runs = new ArrayList<>();
        Files.createDirectories(csv.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(csv);
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (Cell cell : cells) {
                for (int seed : seeds(grid, cell)) {
                    Run run = runOne(bcw, cell, seed, true);
                    runs.add(run);
                    record(printer, run);
                    printer.flush();
                }
            }
        }
        return report(grid, runs, bcw);
    }

    private static List<Cell> cells(Grid g) {
        List<Cell> cells = new ArrayList<>();
        for (String solver : g.backends()) {
            for (int size : g.sizes()) {
                if (solver.equals("ojalgo") && size > g.ojalgoMaxSize()) {
                    continue;
                }
                for (int h : g.hidden()) {
                    cells.add(new Cell("backends", solver, "merge (default)", "pocket", size, h, g.limitSeconds()));
                }
            }
        }
        for (String solver : List.of("ortools-highs", "ortools-scip")) {
            for (String option : OPTIONS.keySet()) {
                for (int size : g.optionSizes()) {
                    cells.add(new Cell("options", solver, option, "none", size, 5, g.limitSeconds()));
                }
            }
        }
        for (int size : g.startSizes()) {
            for (String start : List.of("none", "pocket")) {
                cells.add(new Cell("start", "ortools-scip", "merge (default)", start, size, 5, g.longLimitSeconds()));
            }
        }
        Larger l = g.larger();
        for (String solver : l.backends()) {
            for (String start : l.starts()) {
                cells.add(new Cell("larger", solver, "merge (default)", start, l.size(), l.hidden(), l.limitSeconds()));
            }
        }
        for (String solver : l.allBackends()) {
            cells.add(new Cell("all", solver, "merge (default)", "pocket", 0, l.hidden(), l.allLimitSeconds()));
        }
        return cells;
    }

    /** The seeds a cell runs: the grid's, but one for the whole training set's. */
    private static List<Integer> seeds(Grid g, Cell cell) {
        return cell.part().equals("all") ? List.of(g.larger().allSeed()) : g.seeds();
    }

    /** The exact trainer with the cell's start: none, the pocket perceptron's, or local search's network. */
    private static ExactTrainer trainer(String start) {
        return switch (start) {
            case "none" -> new ExactTrainer().withHeuristicStart(false);
            case "pocket" -> new ExactTrainer();
            case "local-search" -> new ExactTrainer().withStart(localSearch(LOCAL_SEARCH_SECONDS));
            default -> throw new IllegalArgumentException("no start " + start);
        };
    }

    /** Local search's network as the start, all its MILPs within {@code seconds} (the exact solve's limit apart). */
    static StartNetwork localSearch(double seconds) {
        StartNetwork search = StartNetwork.localSearch();
        return new StartNetwork.Named(search.name(), (train, spec, options, loss, solver, params, cancel) -> search
                .find(train, spec, options, loss, solver, params.withTimeLimitSeconds(seconds), cancel));
    }

    /**
     * The loss no network can go below on {@code train} because of conflicting duplicates: rows with
     * the same feature vector get the same output, so each group of equal rows loses at least its
     * rows outside its commonest label (Σ min(#positive, #negative) for two classes). The merge
     * formulation adds such a group's rows into one point, and its LP relaxation alone then bounds the
     * loss by this sum.
     */
    static int conflictBound(Dataset train) {
        return labelCounts(train).stream().mapToInt(counts -> java.util.Arrays.stream(counts).sum()
                - java.util.Arrays.stream(counts).max().orElse(0)).sum();
    }

    /** How many of the training points' distinct feature vectors carry more than one label. */
    static long conflictingGroups(Dataset train) {
        return labelCounts(train).stream()
                .filter(counts -> java.util.Arrays.stream(counts).filter(c -> c > 0).count() > 1).count();
    }

    /** Per distinct feature vector of {@code train} (−0.0 and 0.0 alike), its rows' count per label. */
    private static java.util.Collection<int[]> labelCounts(Dataset train) {
        Map<List<Double>, int[]> groups = new java.util.HashMap<>();
        for (int i = 0; i < train.size(); i++) {
            List<Double> key = java.util.Arrays.stream(train.row(i)).map(v -> v + 0.0).boxed().toList();
            groups.computeIfAbsent(key, k -> new int[train.classCount()])[train.label(i)]++;
        }
        return groups.values();
    }

    private static Run runOne(RawDataset bcw, Cell cell, long seed, boolean print) {
        PreparedData data = prepare(bcw, cell, seed);
        BnnSpec spec = BnnSpec.forData(data.train()).hidden(cell.hidden()).build();
        ExactTrainer trainer = trainer(cell.start());
        SolveParams params = SolveParams.defaults().withTimeLimitSeconds(cell.limitSeconds()).withThreads(1)
                .withSeed(seed);
        TrainingResult r = trainer.train(data.train(), spec, OPTIONS.get(cell.formulation()), LOSS,
                Backends.create(cell.solver()), params);
        double train = r.hasNetwork() ? Evaluation.of(r.networkOrThrow(), data.train()).accuracy() : Double.NaN;
        double test = r.hasNetwork() ? Evaluation.of(r.networkOrThrow(), data.test()).accuracy() : Double.NaN;
        if (print) {
            System.out.printf(Locale.ROOT, "%s %s %s %s K=%s h=%d seed %d: %s%n", cell.part(), cell.solver(),
                    cell.formulation(), cell.start(), cell.sizeLabel(), cell.hidden(), seed, r.describe());
        }
        return Run.of(cell, seed, r, train, test);
    }

    /** The tables again from a CSV file this class wrote, without running anything. */
    static String report(Grid grid, Path csv) throws IOException {
        List<Run> runs = new ArrayList<>();
        RawDataset bcw = BuiltinDatasets.load("bcw");
        Map<Cell, Cell> cells = new LinkedHashMap<>(); // one Cell instance per cell, for grouping
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(csv))) {
            for (var r : parser) {
                int size = Integer.parseInt(r.get("train_size"));
                Cell read = new Cell(r.get("part"), r.get("solver"), r.get("formulation"), r.get("start"),
                        size == 559 ? 0 : size, Integer.parseInt(r.get("hidden")), Double.parseDouble(r.get("limit_s")));
                Cell cell = cells.computeIfAbsent(read, c -> c);
                runs.add(new Run(cell, Long.parseLong(r.get("seed")), r.get("status"), num(r.get("loss")),
                        num(r.get("loss_bound")), num(r.get("build_s")), num(r.get("solve_s")),
                        Long.parseLong(r.get("nodes")), num(r.get("start_loss")),
                        Boolean.parseBoolean(r.get("network_from_start")), num(r.get("train_acc")),
                        num(r.get("test_acc")), r.isMapped("rows") ? Integer.parseInt(r.get("rows"))
                                : rowsOf(bcw, cell, Long.parseLong(r.get("seed")))));
            }
        }
        return report(grid, runs, bcw);
    }

    /** The model's row count, by building it again (files written before the rows column existed). */
    private static int rowsOf(RawDataset bcw, Cell cell, long seed) {
        PreparedData data = prepare(bcw, cell, seed);
        BnnSpec spec = BnnSpec.forData(data.train()).hidden(cell.hidden()).build();
        return BnnFormulation.build(data.train(), spec, OPTIONS.get(cell.formulation()), LOSS).model().rowCount();
    }

    private static PreparedData prepare(RawDataset bcw, Cell cell, long seed) {
        SplitSpec split = SplitSpec.of(seed, 0.2);
        return DataPipeline.prepare(bcw, cell.size() == 0 ? split : split.trainSize(cell.size()),
                MissingValuePolicy.TRAIN_MEDIAN);
    }

    private static double num(String cell) {
        return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
    }

    private static void record(CSVPrinter p, Run run) throws IOException {
        Cell c = run.cell();
        p.printRecord(c.part(), c.solver(), c.formulation(), c.start(), c.size(), c.hidden(), run.seed(),
                c.limitSeconds(), run.status(), num(run.loss()), num(run.bound()), num(run.buildSeconds()),
                num(run.solveSeconds()), run.nodes(), num(run.startLoss()), run.fromStart(),
                num(run.trainAccuracy()), num(run.testAccuracy()), run.rows());
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    // ---- the report: one markdown table per part, medians over the seeds of each cell

    private static String report(Grid grid, List<Run> runs, RawDataset bcw) {
        Map<Cell, List<Run>> byCell = new LinkedHashMap<>();
        for (Run r : runs) {
            byCell.computeIfAbsent(r.cell(), c -> new ArrayList<>()).add(r);
        }
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "BCW, 9-h-1 BDNN, 0-1 loss, ε = 0.001, one thread per solve; "
                + "medians over seeds %s (each seed another 80/20 split and sample of K points). `time` is the "
                + "solver's wall time to its proof or to the limit; `proven` counts OPTIMAL runs (ojAlgo's optimum,"
                + " without a bound, is counted apart as unconfirmed); `loss` is "
                + "the training errors of the network returned, `bound` the solver's; `build` the model "
                + "translation (and start), `share` build ÷ (build + solve).%n%n", grid.seeds()));
        sb.append(String.format(Locale.ROOT, "### Backends (default formulation: merge; pocket start; limit %.0f s)%n%n",
                grid.limitSeconds()));
        sb.append("| backend | K | h | proven | time | loss | bound | test acc | build | share | nodes |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        byCell.forEach((cell, rs) -> {
            if (cell.part().equals("backends")) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                        cell.solver(), cell.sizeLabel(), cell.hidden(), proven(rs), seconds(rs), loss(rs),
                        bound(rs), pct(median(rs, Run::testAccuracy)), buildSeconds(rs), share(rs), nodes(rs)));
            }
        });
        sb.append(String.format(Locale.ROOT, "%n### Formulation options (h = 5, no start, limit %.0f s)%n%n",
                grid.limitSeconds()));
        sb.append("| backend | formulation | K | proven | time | loss | rows | build |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        byCell.forEach((cell, rs) -> {
            if (cell.part().equals("options")) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.0f | %s |%n",
                        cell.solver(), cell.formulation(), cell.sizeLabel(), proven(rs), seconds(rs), loss(rs),
                        median(rs, r -> r.rows() < 0 ? Double.NaN : r.rows()), buildSeconds(rs)));
            }
        });
        sb.append(String.format(Locale.ROOT, "%n### Heuristic start (SCIP, h = 5, merge, limit %.0f s)%n%n",
                grid.longLimitSeconds()));
        sb.append("| K | start | proven | time | start loss | loss | bound | from start | test acc |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        byCell.forEach((cell, rs) -> {
            if (cell.part().equals("start")) {
                long fromStart = rs.stream().filter(Run::fromStart).count();
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %d/%d | %s |%n",
                        cell.sizeLabel(), cell.start(), proven(rs), seconds(rs),
                        fmt(median(rs, Run::startLoss)),
                        loss(rs), bound(rs), fromStart, rs.size(), pct(median(rs, Run::testAccuracy))));
            }
        });
        larger(sb, grid, byCell, bcw);
        return sb.toString();
    }

    /** The section on the larger models: K = 200 from two starts, and every training point. */
    private static void larger(StringBuilder sb, Grid grid, Map<Cell, List<Run>> byCell, RawDataset bcw) {
        Larger l = grid.larger();
        sb.append(String.format(Locale.ROOT, "%n### Larger BCW models%n%n#### K = %d, h = %d (merge, limit %.0f s)%n%n"
                + "The start is the pocket perceptron's network, or local search's (Bah & Kurtz's Algorithm 1 on the"
                + " same backend, its MILPs within %.0f s in all, before the exact solve's own limit). `start +"
                + " build` is the time before the solve, `gap` (loss − bound) ÷ loss, median over the runs.%n%n"
                + "| backend | start | proven | time | start + build | start loss | loss | bound | gap | nodes |%n"
                + "|---|---|---|---|---|---|---|---|---|---|%n", l.size(), l.hidden(), l.limitSeconds(),
                LOCAL_SEARCH_SECONDS));
        byCell.forEach((cell, rs) -> {
            if (cell.part().equals("larger")) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                        cell.solver(), cell.start(), proven(rs), seconds(rs),
                        String.format(Locale.ROOT, "%.2f s", median(rs, Run::buildSeconds)),
                        fmt(median(rs, Run::startLoss)), loss(rs), bound(rs), pct(median(rs, Run::gap)), nodes(rs)));
            }
        });
        List<Run> all = byCell.entrySet().stream().filter(e -> e.getKey().part().equals("all"))
                .flatMap(e -> e.getValue().stream()).toList();
        if (all.isEmpty()) {
            return;
        }
        Dataset train = prepare(bcw, all.getFirst().cell(), all.getFirst().seed()).train();
        int conflicts = conflictBound(train);
        sb.append(String.format(Locale.ROOT, "%n#### All %d training points (h = %d, merge, pocket start, limit %.0f s,"
                + " seed %d)%n%n"
                + "Conflicting duplicates: the %d points have %d distinct feature vectors, %d of them with both"
                + " labels, so no network has fewer than Σ min(#positive, #negative) = %d training errors, and the"
                + " merge formulation's LP relaxation alone bounds the loss by that much. %s%n%n"
                + "| backend | status | loss | best bound | gap | bound > 0 | conflicting duplicates' bound |"
                + " bound beyond the duplicates' |%n|---|---|---|---|---|---|---|---|%n", train.size(), l.hidden(),
                l.allLimitSeconds(), l.allSeed(), train.size(), labelCounts(train).size(), conflictingGroups(train),
                conflicts, conflicts == 0 ? "So a bound above 0 would not come from such duplicates."
                        : "A bound above 0 and at most " + conflicts + " can come from those duplicates alone."));
        for (Run r : all) {
            boolean known = !Double.isNaN(r.bound());
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %d | %s |%n", r.cell().solver(),
                    r.status(), fmt(r.loss()), Double.isNaN(r.bound()) || r.bound() == Math.rint(r.bound())
                            ? fmt(r.bound()) : String.format(Locale.ROOT, "%.3f", r.bound()), pct(r.gap()),
                    known ? (r.bound() > 1e-6 ? "yes" : "no") : "-", conflicts,
                    known ? (r.bound() > conflicts + 1e-6 ? "yes" : "no") : "-"));
        }
    }

    /** OPTIMAL runs of the cell's, and the optima claimed without a bound (ojAlgo's) apart. */
    private static String proven(List<Run> rs) {
        long unconfirmed = rs.stream().filter(r -> r.status().equals(SolveStatus.OPTIMAL_UNCONFIRMED.name())).count();
        return rs.stream().filter(Run::proven).count() + "/" + rs.size()
                + (unconfirmed == 0 ? "" : " (" + unconfirmed + " unconfirmed)");
    }

    private static String seconds(List<Run> rs) {
        return String.format(Locale.ROOT, "%.2f s", median(rs, Run::solveSeconds));
    }

    private static String buildSeconds(List<Run> rs) {
        return String.format(Locale.ROOT, "%.3f s", median(rs, Run::buildSeconds));
    }

    private static String share(List<Run> rs) {
        return String.format(Locale.ROOT, "%.1f%%",
                100 * median(rs, r -> r.buildSeconds() / (r.buildSeconds() + r.solveSeconds())));
    }

    private static String loss(List<Run> rs) {
        return fmt(median(rs, Run::loss));
    }

    private static String bound(List<Run> rs) {
        return fmt(median(rs, Run::bound));
    }

    private static String nodes(List<Run> rs) {
        double n = median(rs, r -> r.nodes() < 0 ? Double.NaN : r.nodes());
        return Double.isNaN(n) ? "-" : String.format(Locale.ROOT, "%.0f", n);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.1f", v);
    }

    /** The median of the values that are not NaN; NaN when there are none. */
    static double median(List<Run> rs, ToDoubleFunction<Run> f) {
        return Stats.median(rs.stream().mapToDouble(f).filter(d -> !Double.isNaN(d)).toArray());
    }
}
