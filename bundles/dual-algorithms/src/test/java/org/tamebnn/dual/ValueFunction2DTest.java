package org.tamebnn.dual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.MilpSolvers;
import org.tamebnn.api.milp.SolveParams;

/** z in two right-hand sides on a grid: two independent copies of (10) give z(d₁) + z(d₂). */
class ValueFunction2DTest {

    private static MilpModel twoCopies() {
        MilpModel.Builder m = MilpModel.builder("two-copies");
        for (int copy = 0; copy < 2; copy++) {
            int x1 = m.integer("x1_" + copy, 0, Double.POSITIVE_INFINITY);
            int x2 = m.integer("x2_" + copy, 0, Double.POSITIVE_INFINITY);
            int y1 = m.continuous("y1_" + copy, 0, Double.POSITIVE_INFINITY);
            int y2 = m.continuous("y2_" + copy, 0, Double.POSITIVE_INFINITY);
            m.objective(x1, 0.5).objective(y1, 2).objective(y2, 1);
            m.addRow("b" + copy, 0, 0, new int[] {x1, x2, y1, y2}, new double[] {1, -1.5, 1, -1});
        }
        return m.build();
    }

    @Test
    void gridValuesAreTheSumOfTheTwoValueFunctions() {
        MilpSolver scip = MilpSolvers.create("ortools-scip");
        ValueFunction2D z = ValueFunction2D.compute(twoCopies(), 0, 1, -2, 2, 5, -1, 2, 4, scip, SolveParams.defaults());
        double[] a1 = z.axis1();
        double[] a2 = z.axis2();
        for (int i = 0; i < a1.length; i++) {
            for (int j = 0; j < a2.length; j++) {
                double want = RunningExample.valueFunction(a1[i]) + RunningExample.valueFunction(a2[j]);
                assertEquals(want, z.value(i, j), 1e-9, "z(" + a1[i] + ", " + a2[j] + ")");
                assertEquals(want, z.asDualFunction().value(new double[] {a1[i], a2[j]}), 1e-9);
            }
        }
        assertEquals(Double.NEGATIVE_INFINITY, z.asDualFunction().value(new double[] {0.5, 0.5}));
        // along a grid line, the exact 1-D value function: z(·) + z(a2[j])
        ValueFunction1D line = z.alongFirst(3, scip);
        assertTrue(line.certified());
        for (double d = -2; d <= 2; d += 0.125) {
            assertEquals(RunningExample.valueFunction(d) + RunningExample.valueFunction(a2[3]), line.value(d), 1e-9);
        }
    }
}
