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
import java.util.function.UnaryOperator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tamebnn.api.training.RunControl;
import org.tamebnn.api.training.RunSpec;
import org.tamebnn.api.training.Scores;
import org.tamebnn.api.training.TrainingOutcome;
import org.tamebnn.api.training.TrainingService;
import org.tamebnn.training.TrainingServices;

/**
 * Few-shot MNIST and Fashion-MNIST, as the published MILP/CP training results are measured: N
 * training images per class drawn with the seed, tested on the images not drawn, several seeds;
 * every method through the same {@link TrainingService} and the same samples, side by side. Test
 * accuracy mean [min, max] over the seeds and the median wall time per configuration; every run to
 * a CSV file.
 */
final class FewShotBench {
    /**
     * One method of the comparison: a trainer with its network, options and solver, and what else
     * of the run specification it sets (weights, objectives, start, time limit).
     */
    record Method(String label, String trainer, List<Integer> hidden, Map<String, String> options, String solver,
            UnaryOperator<RunSpec> setup) {
        Method(String label, String trainer, List<Integer> hidden, Map<String, String> options, String solver) {
            this(label, trainer, hidden, options, solver, UnaryOperator.identity());
        }
    }

    /**
     * The grid.
     *
     * @param data     data set names
     * @param perClass training images per class
     * @param seeds    seeds (samples)
     * @param methods  what is compared
     */
    record Grid(List<String> data, List<Integer> perClass, List<Long> seeds, List<Method> methods,
            double timeLimit) {
        static Grid full() {
            return new Grid(List.of("mnist", "fashion-mnist"), List.of(1, 2, 6, 10, 20, 40), List.of(0L, 1L, 2L, 3L, 4L),
                    standardMethods(), 120);
        }

        /**
         * The grid on other sizes ({@code 10,40}), fewer seeds ({@code 3}: seeds 0 to 2), or only the
         * methods whose label contains one of {@code methods} (e.g. {@code ensemble,STE}), when given.
         */
        static Grid narrowed(Grid g, String perClass, String seeds, String methods) {
            List<Integer> sizes = perClass == null ? g.perClass()
                    : java.util.Arrays.stream(perClass.split(",")).map(String::strip).map(Integer::valueOf).toList();
            List<Long> s = seeds == null ? g.seeds()
                    : java.util.stream.LongStream.range(0, Long.parseLong(seeds)).boxed().toList();
            List<Method> m = methods == null ? g.methods() : g.methods().stream()
                    .filter(x -> java.util.Arrays.stream(methods.split(",")).anyMatch(x.label()::contains)).toList();
            return new Grid(g.data(), sizes, s, m, g.timeLimit());
        }

        /**
         * BCW and WDBC, 50 training points of each class (100, as in the field's small-data
         * comparisons), the exact trainer with and without the anchors' objectives against STE
         * and the DNN.
         */
        static Grid tabular() {
            UnaryOperator<RunSpec> marginStage = s -> s.withFormulation(new RunSpec.Formulation(
                    s.formulation().preset(), false, "pocket", 10, List.of("loss", "margin")))
                    .withTimeLimit(TABULAR_STAGE_LIMIT);
            UnaryOperator<RunSpec> bemi = s -> marginStage.apply(s)
                    .withNetwork(new RunSpec.Network(s.network().hidden(), "bdnn", "ternary", "step",
                            s.network().epsilon()))
                    .withFormulation(new RunSpec.Formulation(s.formulation().preset(), false, "pocket", 10,
                            List.of("loss", "margin", "sparsity")));
            UnaryOperator<RunSpec> limit = s -> s.withTimeLimit(TABULAR_STAGE_LIMIT);
            return new Grid(List.of("bcw", "wdbc"), List.of(50), List.of(0L, 1L, 2L, 3L, 4L), List.of(
                    new Method("exact 3 hidden (SCIP)", "exact", List.of(3), Map.of(), "ortools-scip", limit),
                    new Method("exact 3 hidden, loss>margin (SCIP)", "exact", List.of(3), Map.of(), "ortools-scip",
                            marginStage),
                    new Method("exact 3 hidden ternary, loss>margin>sparsity (SCIP)", "exact", List.of(3), Map.of(),
                            "ortools-scip", bemi),
                    new Method("exact 0 hidden, loss>margin (SCIP)", "exact", List.of(), Map.of(), "ortools-scip",
                            marginStage),
                    new Method("exact 0 hidden, loss>margin (HiGHS)", "exact", List.of(), Map.of(), "ortools-highs",
                            marginStage),
                    new Method("STE 16 hidden", "ste", List.of(16), Map.of(), ""),
                    new Method("DNN 16 hidden (ReLU)", "dnn", List.of(16), Map.of(), "")), TABULAR_STAGE_LIMIT);
        }

        static Grid smoke() {
            return new Grid(List.of("mnist"), List.of(2), List.of(0L), standardMethods(), 20);
        }

        private static List<Method> standardMethods() {
            // the ensemble's pair MILPs maximise the true max-min margin after the loss unless margin=off
            Map<String, String> plain = Map.of("model-time-limit", "30", "margin", "off");
            Map<String, String> widest = Map.of("model-time-limit", "30");
            // each pair's margin and sparsity stages rarely finish on integer weights: 1 s a stage
            Map<String, String> staged = Map.of("model-time-limit", "1", "margin", "off");
            // BeMi's pair models: ternary weights, then the lexicographic stages, one solve each
            UnaryOperator<RunSpec> bemi = s -> s.withNetwork(new RunSpec.Network(List.of(), "bdnn", "ternary", "step",
                    s.network().epsilon())).withFormulation(new RunSpec.Formulation(s.formulation().preset(), false,
                            "pocket", 1000, List.of("loss", "margin", "sparsity")));
            // the multi-class MILP of Theorem 2, from the STE's network (the pocket start is two-class)
            UnaryOperator<RunSpec> multiClass = s -> s.withFormulation(new RunSpec.Formulation(
                    s.formulation().preset(), false, "ste", 1)).withTimeLimit(MULTI_CLASS_LIMIT);
            return List.of(
                    new Method("ensemble 784-1 (SCIP)", "ensemble", List.of(), plain, "ortools-scip"),
                    new Method("ensemble 784-1 max-margin (SCIP)", "ensemble", List.of(), widest, "ortools-scip"),
                    new Method("ensemble 784-1 max-margin (HiGHS)", "ensemble", List.of(), widest, "ortools-highs"),
                    new Method("ensemble 784-1 ternary, loss>margin>sparsity (SCIP)", "ensemble", List.of(), staged,
                            "ortools-scip", bemi),
                    new Method("exact 784-10 (SCIP)", "exact", List.of(), Map.of(), "ortools-scip", multiClass),
                    new Method("exact 784-10 (HiGHS)", "exact", List.of(), Map.of(), "ortools-highs", multiClass),
                    // one layer leaves local search nothing to alternate between: a hidden layer of 16
                    new Method("local-search 784-16-10 (SCIP)", "local-search", List.of(16), Map.of(),
                            "ortools-scip", s -> s.withTimeLimit(MULTI_CLASS_LIMIT)),
                    new Method("STE 784-16-10", "ste", List.of(16), Map.of(), ""),
                    new Method("DNN 784-16-10 (ReLU)", "dnn", List.of(16), Map.of(), ""));
        }
    }

    /** Seconds for each multi-class MILP (each of local search's): 5 seeds × 12 cells × 3 methods bound the run. */
    static final double MULTI_CLASS_LIMIT = 20;

    /** Seconds for each stage of the tabular grid's MILPs. */
    static final double TABULAR_STAGE_LIMIT = 10;

    private FewShotBench() {
    }

    static String run(Grid grid, Path csv) throws IOException {
        TrainingService training = TrainingServices.fromServiceLoader(FewShotBench.class.getClassLoader());
        // the numbers only: an outcome holds its prepared data (10,000 images), far too much to keep 300 of
        Map<String, List<double[]>> byConfiguration = new LinkedHashMap<>();
        try (Writer out = Files.newBufferedWriter(csv);
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("data", "per_class",
                        "seed", "method", "status", "training_loss", "train_accuracy", "test_accuracy", "test_rows",
                        "seconds", "spec_hash").get())) {
            for (String data : grid.data()) {
                for (int k : grid.perClass()) {
                    for (Method m : grid.methods()) {
                        List<double[]> runs = new ArrayList<>();
                        for (long seed : grid.seeds()) {
                            RunSpec spec = RunSpec.defaults().withSource(data).withSeed(seed).withPerClass(k)
                                    .withHidden(m.hidden()).withTrainer(m.trainer(), m.options())
                                    .withSolver(m.solver()).withTimeLimit(grid.timeLimit());
                            spec = m.setup().apply(spec);
                            TrainingOutcome o = training.train(spec, RunControl.none());
                            runs.add(new double[] {accuracy(o.test().orElse(null)),
                                    o.result().totalTime().toNanos() / 1e9});
                            printer.printRecord(data, k, seed, m.label(), o.termination().label(),
                                    o.result().trainingLoss(), accuracy(o.train().orElse(null)),
                                    accuracy(o.test().orElse(null)), o.test().map(Scores::size).orElse(0),
                                    o.result().totalTime().toNanos() / 1e9, o.spec().hash());
                            printer.flush();
                            System.err.printf(Locale.ROOT, "%s %d/class seed %d %s: %s, test %.3f, %.1f s%n", data, k,
                                    seed, m.label(), o.termination().label(), accuracy(o.test().orElse(null)),
                                    o.result().totalTime().toNanos() / 1e9);
                        }
                        byConfiguration.put(data + "|" + k + "|" + m.label(), runs);
                    }
                }
            }
        }
        return table(grid, byConfiguration);
    }

    /** The table again from the runs a previous {@link #run} wrote to {@code csv}, nothing trained. */
    static String report(Grid grid, Path csv) throws IOException {
        Map<String, List<double[]>> byConfiguration = new LinkedHashMap<>();
        try (var in = Files.newBufferedReader(csv);
                var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            for (var row : parser) {
                byConfiguration.computeIfAbsent(row.get("data") + "|" + row.get("per_class") + "|" + row.get("method"),
                        k -> new ArrayList<>()).add(new double[] {Double.parseDouble(row.get("test_accuracy")),
                                Double.parseDouble(row.get("seconds"))});
            }
        }
        return table(grid, byConfiguration);
    }

    private static String table(Grid grid, Map<String, List<double[]>> runs) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Test accuracy %%, mean [min, max] over %d seed(s), and median wall time;"
                + " N training points per class drawn with the seed, tested on every row not drawn.%n%n", grid.seeds().size()));
        sb.append("| data | N |");
        grid.methods().forEach(m -> sb.append(' ').append(m.label()).append(" |"));
        sb.append("\n|---|---|");
        grid.methods().forEach(m -> sb.append("---|"));
        sb.append('\n');
        for (String data : grid.data()) {
            for (int k : grid.perClass()) {
                sb.append("| ").append(data).append(" | ").append(k).append(" |");
                for (Method m : grid.methods()) {
                    List<double[]> r = runs.getOrDefault(data + "|" + k + "|" + m.label(), List.of());
                    // a run that ended without a network has no accuracy: counted, not averaged
                    double[] acc = r.stream().mapToDouble(x -> x[0]).filter(Double::isFinite).toArray();
                    double[] secs = r.stream().mapToDouble(x -> x[1]).toArray();
                    int without = r.size() - acc.length;
                    if (acc.length == 0) {
                        sb.append(String.format(Locale.ROOT, " no network in %d run(s) (%.1f s) |", r.size(),
                                secs.length == 0 ? Double.NaN : Stats.median(secs)));
                        continue;
                    }
                    double mean = java.util.Arrays.stream(acc).average().orElseThrow();
                    double min = java.util.Arrays.stream(acc).min().orElseThrow();
                    double max = java.util.Arrays.stream(acc).max().orElseThrow();
                    sb.append(String.format(Locale.ROOT, " %.1f [%.1f, %.1f] (%.1f s%s) |", 100 * mean, 100 * min,
                            100 * max, Stats.median(secs), without == 0 ? "" : "; " + without + " without a network"));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static double accuracy(Scores s) {
        return s instanceof Scores.Classification c ? c.accuracy() : Double.NaN;
    }
}
