package org.tamebnn.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.loss.OutputKind;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.solver.ojalgo.OjAlgoSolver;

class ZeroOneLossTest {
    private final ZeroOneLoss loss = new ZeroOneLoss();

    @Test
    void valueCountsDisagreements() {
        assertEquals(0.0, loss.value(1, 1));
        assertEquals(0.0, loss.value(0, 0));
        assertEquals(1.0, loss.value(0, 1));
        assertEquals(1.0, loss.value(1, 0));
        assertEquals(-1.0, loss.subgradient(0, 1));
        assertEquals(1.0, loss.subgradient(1, 0));
    }

    /** The MILP terms equal the loss at every binary output, for both targets and any weight. */
    @Test
    void objectiveTermsEqualTheLossOnBinaryOutputs() {
        for (double target : new double[] { 0, 1 }) {
            for (double fixed : new double[] { 0, 1 }) {
                MilpModel.Builder b = MilpModel.builder("m");
                int u = b.integer("u", fixed, fixed);
                loss.addTo(b, "s0_o0", u, OutputKind.BINARY, target, 3.0);
                MilpModel m = b.build();
                assertEquals(3.0 * loss.value(fixed, target), m.objectiveValue(new double[] { fixed }), 1e-12);
                SolveResult r = new OjAlgoSolver().solve(m);
                // ojAlgo gives no MILP bound: its optimum is a claim, checked here by the objective
                assertEquals(SolveStatus.OPTIMAL_UNCONFIRMED, r.status());
                assertEquals(3.0 * loss.value(fixed, target), r.objective(), 1e-9);
            }
        }
    }

    @Test
    void refusesWhatItCannotMean() {
        MilpModel.Builder b = MilpModel.builder("m");
        int y = b.continuous("y", 0, 1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> loss.addTo(b, "s3_o1", y, OutputKind.CONTINUOUS, 1, 1));
        assertTrue(e.getMessage().contains("s3_o1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> loss.addTo(b, "s3_o1", y, OutputKind.BINARY, 0.5, 1));
        assertTrue(!loss.supports(OutputKind.CONTINUOUS));
    }
}
