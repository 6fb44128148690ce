package org.tamebnn.bnn;

import java.util.List;
import java.util.Locale;

import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.data.BuiltinDatasets;
import org.tamebnn.data.DataPipeline;
import org.tamebnn.data.MissingValuePolicy;
import org.tamebnn.data.PreparedData;
import org.tamebnn.data.SplitSpec;
import org.tamebnn.losses.ClassWeightedZeroOneLoss;
import org.tamebnn.losses.HingeLoss;
import org.tamebnn.losses.SquaredLoss;
import org.tamebnn.losses.ZeroOneLoss;

/**
 * Not a test: every classifier loss on the paper's small BCW setting, side by side — the training
 * loss, the solve, train and test accuracy and the guard.
 * Run: {@code java -cp <test classpath> -Dbcw.train=25 -Dhidden=5 org.tamebnn.bnn.LossMeasurement [limitSeconds] [solver]}.
 */
public final class LossMeasurement {

    public static void main(String[] args) {
        double limit = args.length > 0 ? Double.parseDouble(args[0]) : 60;
        MilpSolver solver = Fixtures.solver(args.length > 1 ? args[1] : "scip");
        int trainSize = Integer.getInteger("bcw.train", 25);
        int hidden = Integer.getInteger("hidden", 5);
        PreparedData data = DataPipeline.prepare(BuiltinDatasets.load("bcw"), SplitSpec.of(0, 0.2).trainSize(trainSize),
                MissingValuePolicy.TRAIN_MEDIAN);
        BnnSpec spec = BnnSpec.forData(data.train()).hidden(hidden).build();
        System.out.printf(Locale.ROOT, "BCW, %d training points (class counts %s), %d test; %s; %s, %.0f s limit%n",
                data.train().size(), java.util.Arrays.toString(data.train().classCounts()), data.test().size(),
                spec.describe(), solver.info().name(), limit);
        for (LossFunction loss : List.<LossFunction>of(new ZeroOneLoss(), new SquaredLoss(), new HingeLoss(),
                new ClassWeightedZeroOneLoss())) {
            TrainingResult r = new ExactTrainer().train(data.train(), spec, FormulationOptions.defaults(), loss, solver,
                    SolveParams.defaults().withTimeLimitSeconds(limit).withThreads(1).withSeed(1));
            if (!r.hasNetwork()) {
                System.out.printf(Locale.ROOT, "%-18s %s%n", loss.name(), r.describe());
                continue;
            }
            TrainedBnn net = r.networkOrThrow();
            Evaluation train = Evaluation.of(net, data.train());
            Evaluation test = Evaluation.of(net, data.test());
            System.out.printf(Locale.ROOT,
                    "%-18s %-11s loss %-9s bound %-9s solve %6d ms  train acc %5.1f%%  test acc %5.1f%% (F1 %5.1f%%)  %s%n",
                    loss.name(), r.status(), TrainingResult.format(r.trainingLoss()),
                    TrainingResult.format(r.lossBound()), r.solveTime().toMillis(), 100 * train.accuracy(),
                    100 * test.accuracy(), 100 * test.weightedAverage().f1(),
                    r.consistency().orElseThrow().consistent() ? "consistent" : r.consistency().orElseThrow().describe());
        }
    }
}
