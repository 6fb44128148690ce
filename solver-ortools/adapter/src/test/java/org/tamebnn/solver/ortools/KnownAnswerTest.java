package org.tamebnn.solver.ortools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.api.milp.VariableType;

/** Every backend against models whose answers are known, statuses included. */
class KnownAnswerTest {

    static MilpSolver solver(Backend backend) {
        MilpSolver solver = new OrToolsSolver(backend);
        assertTrue(solver.availability().isAvailable(), () -> solver.availability().reason());
        return solver;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void infoIsHonestAboutTheBackend(Backend backend) {
        MilpSolver solver = solver(backend);
        assertEquals(backend.solverName(), solver.info().name());
        assertEquals("9.15.6755", solver.info().version());
        assertTrue(solver.info().supports(Capability.TIME_LIMIT));
        assertTrue(!solver.info().notes().isBlank());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void smallMilpIsSolvedOrRefusedWithAReason(Backend backend) {
        MilpModel model = TestModels.smallMilp();
        SolveResult r = solver(backend).solve(model);
        if (!backend.solvesIntegers()) {
            assertEquals(SolveStatus.ERROR, r.status());
            assertTrue(r.message().contains("solves LPs only"), r.message());
            assertTrue(r.message().contains("2 integer variables"), r.message());
            return;
        }
        assertEquals(SolveStatus.OPTIMAL, r.status(), r::toString);
        assertEquals(21.5, r.objective(), 1e-9, "objective includes the offset 10");
        assertArrayEquals(new double[] {3, 1}, r.solution().orElseThrow(), 1e-9);
        assertEquals(model.objectiveValue(r.solution().orElseThrow()), r.objective(), 1e-9);
        assertEquals(21.5, r.dualBound(), 1e-6);
        assertNull(r.rowDuals(), "no duals for a MILP");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void mixedIntegerModelIsRightOrRefusedNeverWrong(Backend backend) {
        assumeTrue(backend.solvesIntegers());
        SolveResult r = solver(backend).solve(TestModels.mixedMilp());
        if (r.status() == SolveStatus.ERROR) {
            // CP-SAT may refuse continuous variables it cannot make integral; nobody else may
            assertEquals(Backend.CP_SAT, backend, r::toString);
            assertTrue(r.message().contains("continuous variables"), r.message());
            return;
        }
        assertEquals(SolveStatus.OPTIMAL, r.status(), r::toString);
        assertEquals(1.0, r.objective(), 1e-6);
        assertTrue(TestModels.mixedMilp().maxViolation(r.solution().orElseThrow()) < 1e-6);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void minimisationLpWithDuals(Backend backend) {
        MilpModel model = TestModels.minLp();
        SolveResult r = solver(backend).solve(model);
        if (backend == Backend.CP_SAT) {
            // the optimum is fractional: CP-SAT would round it, so it must refuse instead
            assertEquals(SolveStatus.ERROR, r.status(), r::toString);
            assertTrue(r.message().contains("continuous variables"), r.message());
            return;
        }
        double accuracy = backend == Backend.PDLP ? 1e-6 : 1e-7;
        assertEquals(SolveStatus.OPTIMAL, r.status(), r::toString);
        assertEquals(2.4, r.objective(), accuracy);
        assertArrayEquals(new double[] {0.8, 0.6}, r.solution().orElseThrow(), accuracy);
        assertEquals(r.objective(), r.dualBound(), 1e-9, "an optimal LP's bound is its objective");
        if (backend.supports(Capability.LP_DUALS)) {
            // d(objective)/d(bound): binding >= rows of a minimisation have non-negative duals
            assertArrayEquals(new double[] {0.4, 0.2, 0}, r.rowDuals(), accuracy);
        } else {
            assertNull(r.rowDuals());
        }
        assertEquals(-1, r.nodes());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void maximisationLpDualsFollowTheSameConvention(Backend backend) {
        assumeTrue(backend.supports(Capability.LP_DUALS));
        SolveResult r = solver(backend).solve(TestModels.maxLp());
        assertEquals(SolveStatus.OPTIMAL, r.status(), r::toString);
        assertEquals(12, r.objective(), 1e-4);
        // binding <= rows of a maximisation have non-negative duals
        assertArrayEquals(new double[] {3, 0}, r.rowDuals(), 1e-4);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void infeasibleModelsAreInfeasible(Backend backend) {
        VariableType type = backend.solvesIntegers() ? VariableType.INTEGER : VariableType.CONTINUOUS;
        SolveResult r = solver(backend).solve(TestModels.infeasible(type));
        assertEquals(SolveStatus.INFEASIBLE, r.status(), r::toString);
        assertNull(r.rowDuals());
        assertTrue(Double.isNaN(r.objective()) && !r.hasSolution());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void infeasibleLpsAreInfeasible(Backend backend) {
        assumeTrue(backend != Backend.CP_SAT, "CP-SAT refuses continuous models (see minimisationLpWithDuals)");
        SolveResult r = solver(backend).solve(TestModels.infeasible(VariableType.CONTINUOUS));
        assertEquals(SolveStatus.INFEASIBLE, r.status(), r::toString);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void unboundedModelsAreUnbounded(Backend backend) {
        VariableType type = backend.solvesIntegers() ? VariableType.INTEGER : VariableType.CONTINUOUS;
        SolveResult r = solver(backend).solve(TestModels.unbounded(type));
        if (backend == Backend.PDLP) {
            // OR-Tools folds PDLP's "dual infeasible" into NOT_SOLVED: an error, not a guess
            assertEquals(SolveStatus.ERROR, r.status(), r::toString);
            assertTrue(r.message().contains("NOT_SOLVED"), r.message());
            return;
        }
        assertEquals(SolveStatus.UNBOUNDED, r.status(), r::toString);
        assertTrue(!r.hasSolution());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void unboundedLpsAreUnbounded(Backend backend) {
        assumeTrue(backend != Backend.CP_SAT && backend != Backend.PDLP, "see unboundedModelsAreUnbounded");
        SolveResult r = solver(backend).solve(TestModels.unbounded(VariableType.CONTINUOUS));
        assertEquals(SolveStatus.UNBOUNDED, r.status(), r::toString);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void solutionsSatisfyTheModel(Backend backend) {
        MilpModel model = backend.solvesIntegers() ? TestModels.knapsack(40, 3) : TestModels.bigLp(300, 200, 3);
        SolveResult r = solver(backend).solve(model);
        assertEquals(SolveStatus.OPTIMAL, r.status(), r::toString);
        double[] x = r.solution().orElseThrow();
        assertTrue(model.maxViolation(x) < (backend == Backend.PDLP ? 1e-3 : 1e-6), () -> "violation "
                + model.maxViolation(x));
        assertEquals(model.objectiveValue(x), r.objective(), 1e-6 * Math.abs(r.objective()));
        if (backend.countsNodes()) {
            assertTrue(r.nodes() >= 0, "node count " + r.nodes());
        }
        assertNotNull(r.message());
    }
}
