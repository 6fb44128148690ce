package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tamebnn.bnn.Fixtures.data;
import static org.tamebnn.bnn.Fixtures.scip;
import static org.tamebnn.bnn.Fixtures.trainOptimal;

import org.junit.jupiter.api.Test;
import org.tamebnn.data.Dataset;

class MaxMarginTest {

    /**
     * 0.2 → 0 and 0.8 → 1 with one neuron: the widest margin around the firing threshold −ε/2 puts
     * it half-way: w = 1 and λ = 0.5 + ε/2 (so that a(0.5) = −ε/2), each point 0.3 away.
     */
    @Test
    void marginIsMaximisedAfterTheLoss() {
        Dataset d = data(new double[][] {{0.2}, {0.8}}, new int[] {0, 1}, 2);
        BnnSpec spec = BnnSpec.forData(d).build();
        TrainingResult r = trainOptimal(d, spec, FormulationOptions.paper().withMaxMargin(true), scip());
        assertEquals(0, r.trainingLoss(), 1e-6, r::describe);
        assertEquals(0, r.lossBound(), 0, r::describe);
        assertEquals(0.3, r.margin(), 1e-6, r::describe);
        TrainedBnn net = r.networkOrThrow();
        assertEquals(1, net.weight(0, 0, 0), 1e-6);
        assertEquals(0.5 + 5e-4, net.threshold(0, 0), 1e-6);
    }

    /** With a contradiction the loss still comes first: 1 error, then the margin of the rest. */
    @Test
    void lossOutranksMargin() {
        Dataset d = data(new double[][] {{0.2}, {0.8}, {0.8}}, new int[] {0, 1, 0}, 2);
        TrainingResult r = trainOptimal(d, BnnSpec.forData(d).build(),
                FormulationOptions.paper().withMaxMargin(true), scip());
        assertEquals(1, r.trainingLoss(), 1e-6, r::describe);
        assertEquals(1, r.lossBound(), 0, r::describe);
        // the threshold between 0.2 and 0.8 loses one 0.8 with margin 0.3; predicting 0 everywhere
        // (w = −1, λ = 1: a = −x − 1 ≤ −1.2) loses the same one point with margin δmax = 1
        assertEquals(1.0, r.margin(), 1e-6, r::describe);
    }
}
