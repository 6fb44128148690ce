package org.tamebnn.bnn;

import java.util.Locale;

import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.data.BuiltinDatasets;
import org.tamebnn.data.DataPipeline;
import org.tamebnn.data.MissingValuePolicy;
import org.tamebnn.data.PreparedData;
import org.tamebnn.data.SplitSpec;

/**
 * Not a test: robust training on BCW (25 training points by default, the paper's 20% test split),
 * one run per radius, each with the whole time limit: rounds, final bounds, time, and train, test
 * and robust test accuracy. Run: {@code java -cp <test classpath> org.tamebnn.bnn.RobustMeasurement
 * [limitSeconds] [radius...]} with {@code -Dbcw.train=25 -Dhidden=5 -Dnorm=linf -Dsolver=scip -Ddeepest=false}.
 */
public final class RobustMeasurement {

    public static void main(String[] args) {
        double limit = args.length > 0 ? Double.parseDouble(args[0]) : 120;
        double[] radii = args.length > 1
                ? java.util.Arrays.stream(args, 1, args.length).mapToDouble(Double::parseDouble).toArray()
                : new double[] {0.01, 0.05, 0.1};
        int trainSize = Integer.getInteger("bcw.train", 25);
        int hidden = Integer.getInteger("hidden", 5);
        PerturbationNorm norm = PerturbationNorm.parse(System.getProperty("norm", "linf"));
        var solver = Fixtures.solver(System.getProperty("solver", "scip"));
        PreparedData data = DataPipeline.prepare(BuiltinDatasets.load("bcw"), SplitSpec.of(0, 0.2).trainSize(trainSize),
                MissingValuePolicy.TRAIN_MEDIAN);
        BnnSpec spec = BnnSpec.forData(data.train()).hidden(hidden).build();
        SolveParams params = SolveParams.defaults().withTimeLimitSeconds(limit).withThreads(1).withSeed(1);
        for (double r : radii) {
            var trainer = RobustTrainer.of(norm, r).withDeepestScenarios(Boolean.getBoolean("deepest"));
            RobustResult result = trainer.train(data.train(), spec, FormulationOptions.defaults(), Fixtures.ZERO_ONE,
                    solver, params);
            System.out.printf(Locale.ROOT, "%n== BCW %d points, %s, %s r=%s, %s, %.0f s, deepest scenarios %s%n",
                    trainSize, spec.describe(), norm.label(), r, solver.info().name(), limit,
                    trainer.deepestScenarios() ? "on" : "off");
            result.iterations().forEach(it -> System.out.println("  " + it.describe()));
            System.out.println(result.describe());
            if (result.network().isEmpty()) {
                continue;
            }
            TrainedBnn net = result.networkOrThrow();
            SolveParams check = SolveParams.defaults().withTimeLimitSeconds(10).withThreads(1);
            RobustEvaluation train = trainer.adversary().evaluate(net, data.train(), solver, check,
                    CancellationToken.none());
            RobustEvaluation test = trainer.adversary().evaluate(net, data.test(), solver, check,
                    CancellationToken.none());
            System.out.println("train: " + train);
            System.out.println("test:  " + test);
        }
    }
}
