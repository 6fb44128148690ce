package org.tamebnn.bnn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.data.BuiltinDatasets;
import org.tamebnn.data.DataPipeline;
import org.tamebnn.data.Dataset;
import org.tamebnn.data.MissingValuePolicy;
import org.tamebnn.data.RandomDataGenerator;
import org.tamebnn.data.RandomDataSpec;
import org.tamebnn.data.SplitSpec;

/**
 * Not a test: the quick measurement behind {@link FormulationOptions#defaults()}. Every option
 * against the paper formulation, side by side in one run, on the same instances and solver.
 * Run: {@code java -cp <test classpath> org.tamebnn.bnn.OptionsMeasurement [limitSeconds] [solver...]}.
 */
public final class OptionsMeasurement {

    public static void main(String[] args) {
        double limit = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        List<String> solvers = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("highs", "scip");
        Map<String, FormulationOptions> variants = new LinkedHashMap<>();
        variants.put("paper", FormulationOptions.paper());
        variants.put("tight-M", FormulationOptions.paper().withTightFirstLayerBigM(true));
        variants.put("symmetry", FormulationOptions.paper().withSymmetryBreaking(true));
        variants.put("merge", FormulationOptions.paper().withMergeDuplicates(true));
        variants.put("tight-M+merge", FormulationOptions.paper().withTightFirstLayerBigM(true).withMergeDuplicates(true));
        variants.put("all", FormulationOptions.allSpeedUps());

        int trainSize = Integer.getInteger("bcw.train", 100);
        int hidden = Integer.getInteger("hidden", 2);
        int seeds = Integer.getInteger("seeds", 3);
        int randomPoints = Integer.getInteger("random.points", 25);
        int randomHidden = Integer.getInteger("random.hidden", hidden);
        boolean withBdnn0 = Boolean.parseBoolean(System.getProperty("bdnn0", "true"));
        List<Instance> instances = new ArrayList<>();
        for (long seed = 0; seed < seeds; seed++) {
            if (trainSize > 0) {
                Dataset bcw = DataPipeline.prepare(BuiltinDatasets.load("bcw"),
                        SplitSpec.of(seed, 0.2).trainSize(trainSize), MissingValuePolicy.TRAIN_MEDIAN).train();
                String name = "bcw" + trainSize + "h" + hidden + "-s" + seed;
                instances.add(new Instance(name + " BDNN", bcw, BnnSpec.forData(bcw).hidden(hidden).build()));
                if (withBdnn0) {
                    instances.add(new Instance(name + " BDNN0", bcw,
                            BnnSpec.forData(bcw).hidden(hidden).variant(Variant.BDNN0).build()));
                }
            }
            if (randomPoints > 0) {
                Dataset random = DataPipeline.prepare(RandomDataGenerator.generate(RandomDataSpec.defaults()
                        .withDimension(2).withPoints(randomPoints).withSeed(seed)), SplitSpec.of(seed, 0.2)).train();
                instances.add(new Instance("rand2x" + random.size() + "h" + randomHidden + "-s" + seed + " BDNN",
                        random, BnnSpec.forData(random).hidden(randomHidden).build()));
            }
        }
        String only = System.getProperty("only");
        if (only != null) {
            variants.keySet().retainAll(List.of(only.split(",")));
        }
        SolveParams params = SolveParams.defaults().withTimeLimitSeconds(limit).withThreads(1).withSeed(1);
        System.out.printf(Locale.ROOT, "%-22s %-7s %-14s %-10s %6s %8s %8s %9s %6s%n", "instance", "solver", "options",
                "status", "loss", "bound", "time_s", "nodes", "rows");
        Map<String, double[]> totals = new LinkedHashMap<>();
        for (String solverName : solvers) {
            MilpSolver solver = Fixtures.solver(solverName);
            for (Instance in : instances) {
                for (Map.Entry<String, FormulationOptions> v : variants.entrySet()) {
                    TrainingResult r = new ExactTrainer().train(in.data, in.spec, v.getValue(), Fixtures.ZERO_ONE,
                            solver, params);
                    double seconds = r.totalTime().toNanos() / 1e9;
                    System.out.printf(Locale.ROOT, "%-22s %-7s %-14s %-10s %6.1f %8.2f %8.2f %9d %6d%s%n", in.name,
                            solverName, v.getKey(), r.status(), r.trainingLoss(), r.lossBound(), seconds, r.nodes(),
                            r.milp().model().rowCount(),
                            r.consistency().map(c -> c.consistent() ? "" : "  " + c.describe()).orElse("  no network"));
                    double[] t = totals.computeIfAbsent(solverName + " " + v.getKey(), k -> new double[3]);
                    t[0] += Math.log(Math.max(seconds, 0.01));
                    t[1] += r.status() == SolveStatus.OPTIMAL ? 1 : 0;
                    t[2] += 1;
                }
            }
        }
        System.out.println("\nshifted geometric mean of time (s, time limit counted as is), solved/instances:");
        totals.forEach((k, t) -> System.out.printf(Locale.ROOT, "%-28s %8.2f   %d/%d%n", k, Math.exp(t[0] / t[2]),
                (int) t[1], (int) t[2]));
    }

    private record Instance(String name, Dataset data, BnnSpec spec) {
    }
}
