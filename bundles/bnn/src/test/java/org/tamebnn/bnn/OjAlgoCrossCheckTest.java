package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tamebnn.data.Dataset;
import org.tamebnn.solver.ojalgo.OjAlgoSolver;

/**
 * ojAlgo as a third opinion. It can report a suboptimal MILP solution as optimal, so only what
 * holds for any feasible solution is asserted: the guard agrees, and the loss is never below the
 * optimum SCIP proves.
 */
class OjAlgoCrossCheckTest {

    @Test
    void ojAlgoSolutionsAreConsistentAndNeverBeatTheOptimum() {
        Dataset d = Fixtures.data(new double[][] {{0.2, 0.3}, {0.2, 0.3}, {0.8, 0.9}, {0.1, 0.9}},
                new int[] {0, 1, 1, 0}, 2);
        BnnSpec spec = BnnSpec.forData(d).hidden(2).build();
        TrainingResult scip = Fixtures.trainOptimal(d, spec, FormulationOptions.paper(), Fixtures.scip());
        TrainingResult oj = Fixtures.train(d, spec, FormulationOptions.paper(), new OjAlgoSolver());
        assertTrue(oj.hasNetwork(), oj::describe);
        assertTrue(oj.consistency().orElseThrow().consistent(), oj::describe);
        assertTrue(oj.trainingLoss() >= scip.trainingLoss() - 1e-6, oj::describe);
        assertEquals(oj.trainingLoss(), Fixtures.errors(oj.networkOrThrow(), d), 1e-6);
    }
}
