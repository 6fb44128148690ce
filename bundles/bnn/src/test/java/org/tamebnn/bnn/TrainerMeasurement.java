package org.tamebnn.bnn;

import java.util.List;
import java.util.Locale;

import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.data.BuiltinDatasets;
import org.tamebnn.data.DataPipeline;
import org.tamebnn.data.MissingValuePolicy;
import org.tamebnn.data.PreparedData;
import org.tamebnn.data.SplitSpec;

/**
 * Not a test: the exact trainer, the local search (Bah &amp; Kurtz, Algorithm 1) and online
 * training side by side on Breast Cancer Wisconsin (split seed 0, 20% test, 5 hidden neurons), in
 * one run on the same solver. Run: {@code java -cp <test classpath>
 * org.tamebnn.bnn.TrainerMeasurement [limitSeconds] [solver...]}; system properties
 * {@code restarts} (local search, default 5), {@code variant} (BDNN or BDNN0).
 */
public final class TrainerMeasurement {

    public static void main(String[] args) {
        double limit = args.length > 0 ? Double.parseDouble(args[0]) : 60;
        List<String> solvers = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("scip", "highs");
        int restarts = Integer.getInteger("restarts", 5);
        Variant variant = Variant.valueOf(System.getProperty("variant", "BDNN"));
        SolveParams params = SolveParams.defaults().withTimeLimitSeconds(limit).withThreads(1).withSeed(0);
        System.out.printf(Locale.ROOT, "%-6s %-5s %-22s %6s %7s %7s %6s %9s  %s%n", "points", "solver", "trainer",
                "loss", "train%", "test%", "MILPs", "time ms", "status");
        for (int points : List.of(25, 50)) {
            PreparedData data = DataPipeline.prepare(BuiltinDatasets.load("bcw"),
                    SplitSpec.of(0, 0.2).trainSize(points), MissingValuePolicy.TRAIN_MEDIAN);
            BnnSpec spec = BnnSpec.forData(data.train()).hidden(5).variant(variant).build();
            for (String name : solvers) {
                MilpSolver solver = Fixtures.solver(name);
                TrainingResult exact = new ExactTrainer().train(data.train(), spec, FormulationOptions.defaults(),
                        Fixtures.ZERO_ONE, solver, params);
                row(points, name, "exact", exact, data, 1, exact.totalTime().toMillis());
                for (int r : List.of(1, restarts)) {
                    LocalSearchResult ls = new LocalSearchTrainer().withRestarts(r).withSeed(0).train(data.train(), spec,
                            FormulationOptions.defaults(), Fixtures.ZERO_ONE, solver, params);
                    row(points, name, "local-search r=" + r, ls.result(), data, ls.milpsSolved(), ls.time().toMillis());
                    for (LocalSearchResult.Restart run : ls.restarts()) {
                        System.out.println("         " + run.describe() + "; objectives " + run.iterations().stream()
                                .map(it -> TrainingResult.format(it.objective())).toList());
                    }
                }
                int first = points / 5;
                OnlineResult online = new OnlineTrainer(first, first).train(data.train(), spec,
                        FormulationOptions.defaults(), Fixtures.ZERO_ONE, solver, params);
                row(points, name, "online +" + first, online.result(), data, online.steps().size(),
                        online.warmTime().toMillis());
                System.out.println("         " + online.describe().replace(System.lineSeparator(),
                        System.lineSeparator() + "         "));
            }
        }
    }

    private static void row(int points, String solver, String trainer, TrainingResult r, PreparedData data,
            int milps, long millis) {
        String train = "-";
        String test = "-";
        if (r.hasNetwork()) {
            train = String.format(Locale.ROOT, "%.1f", 100 * Evaluation.of(r.networkOrThrow(), data.train()).accuracy());
            test = String.format(Locale.ROOT, "%.1f", 100 * Evaluation.of(r.networkOrThrow(), data.test()).accuracy());
        }
        System.out.printf(Locale.ROOT, "%-6d %-5s %-22s %6s %7s %7s %6d %9d  %s%n", points, solver, trainer,
                TrainingResult.format(r.trainingLoss()), train, test, milps, millis, r.status());
    }
}
