package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.data.BuiltinDatasets;
import org.tamebnn.data.DataPipeline;
import org.tamebnn.data.MissingValuePolicy;
import org.tamebnn.data.PreparedData;
import org.tamebnn.data.SplitSpec;

/** The paper's setting in small: Breast Cancer Wisconsin, 25 training points, 5 hidden neurons, BDNN. */
class BcwSmokeTest {

    @Test
    void bcwWith25PointsTrainsAConsistentNetworkOnHighs() {
        PreparedData data = DataPipeline.prepare(BuiltinDatasets.load("bcw"), SplitSpec.of(0, 0.2).trainSize(25),
                MissingValuePolicy.TRAIN_MEDIAN);
        BnnSpec spec = BnnSpec.forData(data.train()).hidden(5).build();
        TrainingResult r = new ExactTrainer().train(data.train(), spec, FormulationOptions.defaults(), Fixtures.ZERO_ONE,
                Fixtures.highs(), SolveParams.defaults().withTimeLimitSeconds(60));

        assertTrue(r.status() == SolveStatus.OPTIMAL || r.stoppedBy(Limit.TIME), r::describe);
        TrainedBnn net = r.networkOrThrow();
        ConsistencyReport guard = r.consistency().orElseThrow();
        assertTrue(guard.consistent(), guard::describe);
        assertEquals(r.trainingLoss(), Fixtures.errors(net, data.train()), 1e-6,
                "the forward pass reproduces the solver's loss");
        assertTrue(r.solutionViolation() < 1e-5, r::describe);

        Evaluation train = Evaluation.of(net, data.train());
        Evaluation test = Evaluation.of(net, data.test());
        assertEquals(25 - (int) Math.round(r.trainingLoss()), train.correct());
        System.out.println("BCW 9-5-1 BDNN, 25 training points, " + FormulationOptions.defaults().describe() + ": "
                + r.describe());
        System.out.printf(Locale.ROOT, "BCW train: %s%nBCW test:  %s%n", train, test);
    }
}
