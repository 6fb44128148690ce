package org.tamebnn.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamebnn.api.milp.AbstractMilpSolver;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.api.milp.SolverInfo;
import org.tamebnn.solver.ojalgo.OjAlgoSolver;
import org.tamebnn.tck.MiplibInstance;

/** The commands as plain objects, with solvers registered by hand instead of by the framework. */
class SolverCommandsTest {

    /** An LP-only solver that returns a point violating the model, to see the console flag it. */
    static final class LyingLpSolver extends AbstractMilpSolver {
        @Override
        public SolverInfo info() {
            return new SolverInfo("liar", "test double", "1", EnumSet.of(Capability.TIME_LIMIT), "");
        }

        @Override
        protected SolveResult solveChecked(MilpModel model, SolveParams params, SolveListener listener,
                CancellationToken cancellation, long startNanos) {
            double[] x = new double[model.variableCount()];
            java.util.Arrays.fill(x, 1e6);
            return SolveResult.ended("liar", SolveStatus.OPTIMAL, "optimal", "", model.objectiveValue(x), Double.NaN, x,
                    null, 0);
        }
    }

    private final SolverRegistry registry = new SolverRegistry();
    private final SolverCommands commands = new SolverCommands(registry);

    SolverCommandsTest() {
        registry.registerSolver("a", new OjAlgoSolver(), "org.tamebnn.solver.ojalgo 0.1.0");
        registry.registerSolver("b", new LyingLpSolver(), "test");
    }

    @Test
    void listShowsEverySolverWithItsBundle() {
        String out = commands.list();
        assertTrue(out.contains("ojalgo") && out.contains("org.tamebnn.solver.ojalgo 0.1.0"), out);
        assertTrue(out.contains("liar") && out.contains("available"), out);
    }

    @Test
    void solveAllGivesOneRowPerSolverAndSaysWhyOneWasSkipped(@TempDir Path tmp) {
        Path mps = MiplibInstance.named("p0033").copyTo(tmp);
        String out = commands.solve(null, "", true, 60, 0, false, "", 0, 0, mps.toString());
        assertTrue(out.contains("p0033.mps.gz: 16 rows, 33 columns (33 integer)"), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("ojalgo") && l.contains("OPTIMAL") && l.contains("3089")), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("liar") && l.contains("SKIPPED") && l.contains("LP-only solver")), out);
    }

    @Test
    void aSolutionThatViolatesTheModelIsFlagged(@TempDir Path tmp) {
        Path mps = MiplibInstance.named("p0033").copyTo(tmp);
        String out = commands.solve(null, "liar", false, 60, 0, true, "", 0, 0, mps.toString());
        assertTrue(out.contains("solution violates the model by"), out);
    }

    @Test
    void userErrorsAreOneLineMessages(@TempDir Path tmp) throws Exception {
        Path mps = MiplibInstance.named("p0033").copyTo(tmp);
        assertEquals("no such file: nope.mps",
                assertThrows(CommandFailure.class, () -> commands.solve(null, "", false, 60, 0, false, "", 0, 0, "nope.mps"))
                        .getMessage());
        assertEquals("no solver named 'cplex'; installed: liar, ojalgo", assertThrows(CommandFailure.class,
                () -> commands.solve(null, "cplex", false, 60, 0, false, "", 0, 0, mps.toString())).getMessage());
        assertEquals("give either --solver NAME or --all, not both", assertThrows(CommandFailure.class,
                () -> commands.solve(null, "ojalgo", true, 60, 0, false, "", 0, 0, mps.toString())).getMessage());
        assertTrue(assertThrows(CommandFailure.class,
                () -> commands.solve(null, "", false, -1, 0, false, "", 0, 0, mps.toString())).getMessage()
                .startsWith("--time-limit must be a number of seconds from 0.001"));
        Path bad = Files.writeString(tmp.resolve("bad.mps"), "NAME x\nROWS\n N obj\nCOLUMNS\n x obj zz\nENDATA\n");
        String msg = assertThrows(CommandFailure.class, () -> commands.solve(null, "", false, 60, 0, false, "", 0, 0,
                bad.toString())).getMessage();
        assertTrue(msg.contains("bad.mps:5"), msg);
    }

    /** Raw options reach only a solver that checks them; every other refuses the solve in its row, naming them. */
    @Test
    void rawOptionsAreCheckedByTheSolverAndLimitsAreNamed(@TempDir Path tmp) {
        Path mps = MiplibInstance.named("p0033").copyTo(tmp);
        String refused = commands.solve(null, "ojalgo", false, 60, 0, false, "presolve=off", 0, 0, mps.toString());
        assertTrue(refused.lines().anyMatch(l -> l.contains("ERROR") && l.contains("ojalgo takes no solver options;"
                + " got presolve")), refused);
        SolverRegistry withHighs = new SolverRegistry();
        withHighs.registerSolver("h", new org.tamebnn.solver.ortools.DirectHighsSolver(), "test");
        SolverCommands highs = new SolverCommands(withHighs);
        String unknown = highs.solve(null, "highs", false, 60, 0, false, "no_such_setting=1", 0, 0, mps.toString());
        assertTrue(unknown.lines().anyMatch(l -> l.contains("highs") && l.contains("ERROR")), unknown);
        assertTrue(unknown.contains("HiGHS has no option") && unknown.contains("'no_such_setting'"), unknown);
        String known = highs.solve(null, "highs", false, 60, 0, false, "mip_heuristic_effort=0.3,presolve=off", 0, 0,
                mps.toString());
        assertTrue(known.lines().anyMatch(l -> l.contains("highs") && l.contains("OPTIMAL") && l.contains("3089")), known);
        String stopped = highs.solve(null, "highs", false, 60, 0, false, "presolve=off", 0, 1, mps.toString());
        assertTrue(stopped.lines().anyMatch(l -> l.contains("SOLUTION_LIMIT")), stopped);
        assertEquals("--option takes key=value pairs separated by commas, got 'presolve'", assertThrows(
                CommandFailure.class, () -> highs.solve(null, "highs", false, 60, 0, false, "presolve", 0, 0,
                        mps.toString())).getMessage());
    }
}
