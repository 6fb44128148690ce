package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.data.Dataset;

/** Online training on Breast Cancer Wisconsin: batches added to a solved model, re-solved from the previous network. */
class OnlineTrainerTest {
    private static final SolveParams PARAMS = SolveParams.defaults().withTimeLimitSeconds(60).withThreads(1).withSeed(0);

    @ParameterizedTest(name = "BCW {0} points, {1} first, batches of {2}, hidden {3}")
    @CsvSource({"25, 10, 5, 5", "50, 20, 10, 5", "50, 20, 10, 1"})
    void warmStartsAreFeasibleAndTheLastNetworkIsAsGoodAsTrainingOnAllPoints(int points, int first, int batch,
            int hidden) {
        Dataset train = LocalSearchTrainerTest.bcw(points);
        BnnSpec spec = BnnSpec.forData(train).hidden(hidden).build();
        MilpSolver scip = Fixtures.scip();
        OnlineResult r = new OnlineTrainer(first, batch).train(train, spec, FormulationOptions.defaults(),
                Fixtures.ZERO_ONE, scip, PARAMS);
        System.out.println("BCW " + points + " points, hidden " + hidden + ", " + r.describe());

        assertEquals(1 + (points - first + batch - 1) / batch, r.steps().size());
        assertEquals(points, r.steps().getLast().rows());
        for (OnlineResult.Step step : r.steps().subList(1, r.steps().size())) {
            assertTrue(step.startFeasible(), step::describe);
            assertTrue(step.startPassed(), "SCIP takes a MIP start: " + step.describe());
            assertSolverAccepts(scip, step);
            TrainingResult warm = step.warm();
            TrainingResult cold = step.cold().orElseThrow(() -> new AssertionError("no cold solve: " + step.describe()));
            assertEquals(SolveStatus.OPTIMAL, warm.status(), warm::describe);
            assertEquals(SolveStatus.OPTIMAL, cold.status(), cold::describe);
            assertTrue(warm.objective() <= step.startObjective() + 1e-9, step::describe);
            assertEquals(cold.trainingLoss(), warm.trainingLoss(), 1e-9, step::describe);
            assertTrue(warm.consistency().orElseThrow().consistent(), warm::describe);
            assertFalse(warm.solveTime().isNegative() || cold.solveTime().isNegative());
            assertTrue(step.timeSaved().isPresent());
        }
        TrainingResult all = new ExactTrainer().train(train, spec, FormulationOptions.defaults(), Fixtures.ZERO_ONE,
                scip, PARAMS);
        assertEquals(SolveStatus.OPTIMAL, all.status(), all::describe);
        assertEquals(SolveStatus.OPTIMAL, r.result().status(), r.result()::describe);
        assertEquals(all.trainingLoss(), r.result().trainingLoss(), 1e-9, "online and all at once reach the same optimum");
        assertEquals(r.result().trainingLoss(), Fixtures.errors(r.result().networkOrThrow(), train), 1e-9);
    }

    /** The solver itself confirms the start: the model with every variable fixed to it is feasible, at its objective. */
    private static void assertSolverAccepts(MilpSolver solver, OnlineResult.Step step) {
        MilpModel model = step.warm().milp().model();
        double[] start = step.startSolution().orElseThrow();
        MilpModel.Builder fixed = model.toBuilder(model.name() + "_start");
        for (int j = 0; j < start.length; j++) {
            fixed.variableBounds(j, start[j], start[j]);
        }
        SolveResult check = solver.solve(fixed.build(), PARAMS);
        assertEquals(SolveStatus.OPTIMAL, check.status(), () -> "start of " + step.describe() + ": " + check);
        assertEquals(step.startObjective(), check.objective(), 1e-6);
    }

    @Test
    void aStartWithANewPointInTheGapIsRepairedAndWithoutMipStartNoColdSolveIsRepeated() {
        Dataset train = LocalSearchTrainerTest.bcw(25);
        BnnSpec spec = BnnSpec.forData(train).hidden(5).build();
        OnlineResult r = new OnlineTrainer(15, 10).train(train, spec, FormulationOptions.defaults(), Fixtures.ZERO_ONE,
                Fixtures.highs(), PARAMS);
        assertEquals(2, r.steps().size());
        OnlineResult.Step step = r.steps().get(1);
        assertTrue(step.startFeasible(), step::describe);
        assertTrue(step.startRepaired(), "this split puts a new point into the gap of the first network: "
                + step.describe());
        assertFalse(step.startPassed(), "HiGHS through OR-Tools takes no MIP start");
        assertTrue(step.cold().isEmpty(), "the cold solve would be the same solve");
        assertEquals(SolveStatus.OPTIMAL, r.result().status(), r.result()::describe);
    }

    @Test
    void badSizesAreRefusedWithTheReason() {
        var e = assertThrows(IllegalArgumentException.class, () -> new OnlineTrainer(0, 5));
        assertTrue(e.getMessage().contains("initial"), e::getMessage);
        e = assertThrows(IllegalArgumentException.class, () -> new OnlineTrainer(5, 0));
        assertTrue(e.getMessage().contains("batches"), e::getMessage);
    }
}
