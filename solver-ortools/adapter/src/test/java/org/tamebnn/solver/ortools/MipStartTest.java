package org.tamebnn.solver.ortools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;

/**
 * A MIP start is used, not just accepted: given a good incumbent found in a long solve, a solve
 * stopped almost at once still returns a solution at least that good.
 */
class MipStartTest {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aStartIsUsedAsTheFirstIncumbent(Backend backend) {
        assumeTrue(backend.supports(Capability.MIP_START), () -> backend.solverName() + " takes no MIP start");
        MilpModel model = TestModels.knapsack(250, 1);
        MilpSolver solver = KnownAnswerTest.solver(backend);
        SolveResult good = solver.solve(model, SolveParams.defaults().withTimeLimitSeconds(3));
        assertTrue(good.hasSolution(), good::toString);
        SolveResult cold = solver.solve(model, SolveParams.defaults().withTimeLimitSeconds(0.05));
        SolveResult warm = solver.solve(model,
                SolveParams.defaults().withTimeLimitSeconds(0.05).withMipStart(good.values()));
        System.out.printf("[mip-start] %s: 3 s incumbent %.0f; at 0.05 s cold %s, warm %s%n", backend.solverName(),
                good.objective(), cold.hasSolution() ? String.format("%.0f", cold.objective()) : "none",
                warm.hasSolution() ? String.format("%.0f", warm.objective()) : "none");
        assertTrue(warm.hasSolution(), warm::toString);
        assertTrue(warm.objective() >= good.objective() - 1e-6,
                () -> "warm start ignored: " + warm.objective() + " < " + good.objective());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aStartOfTheWrongLengthIsAnError(Backend backend) {
        assumeTrue(backend.supports(Capability.MIP_START), () -> backend.solverName() + " takes no MIP start");
        SolveResult r = KnownAnswerTest.solver(backend).solve(TestModels.smallMilp(),
                SolveParams.defaults().withMipStart(new double[] { 1 }));
        assertEquals(org.tamebnn.api.milp.SolveStatus.ERROR, r.status());
        assertTrue(r.message().contains("MIP start has 1 values"), r.message());
        assertThrows(IllegalArgumentException.class,
                () -> SolveParams.defaults().withMipStart(new double[] { Double.POSITIVE_INFINITY }));
    }
}
