package org.tamebnn.example.glpk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.milp.Deadline;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolvers;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.tck.KnownModels;

/** glpsol's command line and model file, and the plain-Java registration; none of it runs glpsol. */
class GlpkSolverTest {

    @Test
    void aMaximisingMilpWithALimitAndAGap() {
        SolveParams params = SolveParams.defaults().withTimeLimitSeconds(2.7).withRelativeGap(0.01);
        Optional<Deadline> deadline = Deadline.of(params.timeLimit(), System.nanoTime());
        List<String> args = GlpkSolver.arguments(KnownModels.binaryKnapsack(), params, deadline);
        assertEquals(List.of("--freemps", "model.mps", "--write", "solution.txt", "--max", "--fpump", "--cuts",
                "--mipgap", "0.01", "--tmlim", "2"), args, "2.7 s rounds down to 2");
    }

    @Test
    void anLpRunsWithoutThePresolverAndAtLeastOneSecond() {
        Optional<Deadline> deadline = Deadline.of(Optional.of(Duration.ofMillis(300)), System.nanoTime());
        List<String> args = GlpkSolver.arguments(KnownModels.lpWithKnownDuals(), SolveParams.defaults(), deadline);
        assertEquals(List.of("--freemps", "model.mps", "--write", "solution.txt", "--min", "--nopresol", "--tmlim",
                "1"), args);
    }

    @Test
    void theFileMinimisesWithoutAConstant() {
        MilpModel model = KnownModels.maximisationWithOffset();
        MilpModel file = GlpkSolver.forGlpsol(model);
        assertEquals(Sense.MINIMIZE, file.sense());
        assertEquals(0, file.objectiveOffset());
        assertEquals(model.objectiveCoefficient(0), file.objectiveCoefficient(0));
        assertEquals(model.rows(), file.rows());
    }

    @Test
    void plainJavaFindsItThroughServiceLoader() {
        assertTrue(MilpSolvers.onClassPath().containsKey(GlpkSolver.NAME));
        assertInstanceOf(GlpkSolver.class, MilpSolvers.create(GlpkSolver.NAME));
    }
}
