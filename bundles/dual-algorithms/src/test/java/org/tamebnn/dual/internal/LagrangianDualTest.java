package org.tamebnn.dual.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.dual.DualFunction;
import org.tamebnn.api.dual.DualRequest;
import org.tamebnn.api.dual.DualResult;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolvers;

class LagrangianDualTest {

    @Test
    void relaxingTheOnlyRowOfTheExampleGivesTheLpBound() {
        // notes §4.3 / §5.3: z₂(u) = 0 for u ∈ [0, ½], unbounded beyond, so z_LD(½) = F_LP(½) = ¼
        DualResult r = new LagrangianDual().construct(LpAndBranchAndBoundDualTest.example(0.5),
                DualRequest.of(MilpSolvers.create("ortools-scip")));
        DualFunction f = r.function().orElseThrow(() -> new AssertionError(r.message()));
        assertEquals(0.25, r.valueAtB(), 1e-3, f.certificate().describe());
        for (double d = -6; d <= 6; d += 0.25) {
            assertTrue(f.value(new double[] { d }) <= LpAndBranchAndBoundDualTest.z(d) + 1e-6, "F(" + d + ") ≤ z");
        }
    }

    @Test
    void keepingARowThatCutsIntoTheRelaxationBeatsTheLpBound() {
        // min −x s.t. x ≤ 5 (relaxed), 2x ≤ 3 (kept), x integer in [0, 10]: z = −1 (x = 1), z_LP = −1.5
        // (x = 1.5); the kept row's integer hull is x ≤ 1, so the Lagrangian dual reaches z (Geoffrion)
        MilpModel.Builder m = MilpModel.builder("hull");
        int x = m.integer("x", 0, 10);
        m.objective(x, -1);
        m.row("cap").term(x, 1).atMost(5);
        m.row("kept").term(x, 2).atMost(3);
        DualResult r = new LagrangianDual().construct(m.build(),
                DualRequest.of(MilpSolvers.create("ortools-scip")).withRows(0));
        assertEquals(-1, r.valueAtB(), 1e-6, "stronger than the LP bound −1.5, and exact");
        DualFunction f = r.function().orElseThrow();
        assertTrue(f.value(new double[] { 0 }) <= 0 + 1e-9, "z(0) = 0 (x = 0)");
    }
}
