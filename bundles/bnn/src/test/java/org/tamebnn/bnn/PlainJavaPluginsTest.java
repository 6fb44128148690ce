package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.MilpSolvers;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.data.BuiltinDatasets;
import org.tamebnn.data.DataPipeline;
import org.tamebnn.data.MissingValuePolicy;
import org.tamebnn.data.PreparedData;
import org.tamebnn.data.SplitSpec;

/**
 * The plugins without OSGi: the plugin jars on this test's class path are found through
 * {@link ServiceLoader}, as a library user finds them, and train a network.
 */
class PlainJavaPluginsTest {

    @Test
    void everySolverPluginOnTheClassPathIsFoundByName() {
        Set<String> names = MilpSolvers.onClassPath().keySet();
        assertTrue(names.containsAll(Set.of("ojalgo", "ortools-scip", "scip", "ortools-cpsat", "ortools-highs", "highs",
                "ortools-cbc", "ortools-glop", "ortools-pdlp", "ortools-clp")), names::toString);
        assertEquals("ortools-highs", MilpSolvers.create("ortools-highs").info().name());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> MilpSolvers.create("gurobi"));
        assertTrue(unknown.getMessage().contains("no solver 'gurobi' on the class path; there are: highs, ojalgo"),
                unknown.getMessage());
    }

    @Test
    void solverAndLossFoundThroughServiceLoaderTrainANetwork() {
        LossFunction zeroOne = ServiceLoader.load(LossFunction.class).stream().map(ServiceLoader.Provider::get)
                .filter(l -> l.name().equals(ExactTrainer.DEFAULT_LOSS_NAME)).findFirst().orElseThrow();
        MilpSolver solver = MilpSolvers.create("ortools-scip");
        PreparedData data = DataPipeline.prepare(BuiltinDatasets.load("bcw"), SplitSpec.of(0, 0.2).trainSize(15),
                MissingValuePolicy.TRAIN_MEDIAN);
        BnnSpec spec = BnnSpec.forData(data.train()).hidden(2).build();

        TrainingResult r = new ExactTrainer().train(data.train(), spec, FormulationOptions.defaults(), zeroOne, solver,
                SolveParams.defaults().withTimeLimitSeconds(60));

        assertEquals(SolveStatus.OPTIMAL, r.status(), r::describe);
        assertEquals(r.trainingLoss(), Fixtures.errors(r.networkOrThrow(), data.train()), 1e-6, r::describe);
    }
}
