package org.tamebnn.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveProgress;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.api.mps.MpsReader;

/**
 * The conformance kit: every {@link MilpSolver} plugin's tests extend this class and implement
 * {@link #solver()}; nothing else is needed to run the whole suite. A test that needs a capability
 * the solver does not declare is skipped, and the skip says which capability and why.
 *
 * <p>Every returned solution is re-checked here, independently of the backend: it must satisfy
 * bounds, rows and integrality and reproduce the reported objective.
 */
public abstract class MilpSolverConformanceTest {

    /** The solver under test; called once per test. */
    protected abstract MilpSolver solver();

    /** Tolerances, limits and exclusions; override to adjust (with reasons). */
    protected TckConfig config() {
        return TckConfig.defaults();
    }

    @BeforeEach
    void solverIsAvailable(TestInfo test) {
        var availability = solver().availability();
        Assumptions.assumeTrue(availability.isAvailable(),
                () -> solver().info().name() + " is not available here: " + availability.reason());
        String method = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("");
        String defect = config().knownDefects().get(method);
        if (defect != null) {
            System.out.println("[tck] " + solver().info().name() + " skips " + method + ", known defect: " + defect);
        }
        Assumptions.assumeTrue(defect == null, () -> "known defect of " + solver().info().name() + ": " + defect);
    }

    @Test
    void infoNamesTheSolverAndItsVersion() {
        var info = solver().info();
        assertFalse(info.name().isBlank(), "solver name");
        assertTrue(info.name().matches("[a-z0-9][a-z0-9._-]*"),
                "solver name '" + info.name() + "' must be lower-case, usable on a command line");
        assertFalse(info.version().isBlank(), "version of " + info.name());
        assertFalse(info.backend().isBlank(), "backend of " + info.name());
    }

    @Test
    void equalityAndOneSidedRows() {
        assertOptimal(KnownModels.equalityAndOneSidedRows(), 4.0);
    }

    @Test
    void rangedRow() {
        assertOptimal(KnownModels.rangedRow(), 9.0);
    }

    @Test
    void freeAndNegativeVariables() {
        assertOptimal(KnownModels.freeAndNegativeVariables(), -13.0);
    }

    @Test
    void fixedVariable() {
        assertOptimal(KnownModels.fixedVariable(), 6.0);
    }

    @Test
    void maximisationWithObjectiveOffset() {
        assertOptimal(KnownModels.maximisationWithOffset(), 21.0);
    }

    @Test
    void infeasibleLp() {
        assertStatusIn(KnownModels.infeasibleLp(), SolveStatus.INFEASIBLE, SolveStatus.INFEASIBLE_OR_UNBOUNDED);
    }

    @Test
    void unboundedLp() {
        assertStatusIn(KnownModels.unboundedLp(), SolveStatus.UNBOUNDED, SolveStatus.INFEASIBLE_OR_UNBOUNDED);
    }

    @Test
    void lpRowDualsFollowTheKitsSignConvention() {
        requires(Capability.LP_DUALS);
        SolveResult r = assertOptimal(KnownModels.lpWithKnownDuals(), 9.0);
        assertNotNull(r.rowDuals(), solver().info().name() + " declares LP_DUALS but returned none");
        // ∂ optimum / ∂ rhs: raising the demand costs 3 (one more y); raising the cap on x saves 1.
        assertClose(3.0, r.rowDuals()[0], "dual of row 'demand'");
        assertClose(-1.0, r.rowDuals()[1], "dual of row 'cap'");
    }

    @Test
    void binaryKnapsack() {
        requires(Capability.INTEGER_VARIABLES);
        assertOptimal(KnownModels.binaryKnapsack(), 9.0);
    }

    @Test
    void generalIntegers() {
        requires(Capability.INTEGER_VARIABLES);
        assertOptimal(KnownModels.generalIntegers(), 3.0);
    }

    @Test
    void negativeIntegers() {
        requires(Capability.INTEGER_VARIABLES);
        assertOptimal(KnownModels.negativeIntegers(), -9.0);
    }

    @Test
    void integerInfeasibleThoughLpFeasible() {
        requires(Capability.INTEGER_VARIABLES);
        assertStatusIn(KnownModels.integerInfeasible(), SolveStatus.INFEASIBLE, SolveStatus.INFEASIBLE_OR_UNBOUNDED);
    }

    @Test
    void integerUnbounded() {
        requires(Capability.INTEGER_VARIABLES);
        assertStatusIn(KnownModels.integerUnbounded(), SolveStatus.UNBOUNDED, SolveStatus.INFEASIBLE_OR_UNBOUNDED);
    }

    @Test
    void lpOnlySolverRefusesIntegerModelsWithAReason() {
        Assumptions.assumeFalse(solver().info().supports(Capability.INTEGER_VARIABLES),
                () -> solver().info().name() + " solves integer models: the LP-only refusal does not apply");
        SolveResult r = solver().solve(KnownModels.binaryKnapsack());
        assertEquals(SolveStatus.ERROR, r.status());
        assertTrue(r.message().contains("integer"), "the refusal should say why: " + r.message());
    }

    @Test
    void lpOnlySolverSolvesTheRelaxation() {
        // The relaxation of the general-integer example has the optimum (4, 4.5) with 8.5.
        assertOptimal(KnownModels.generalIntegers().relaxation(), 8.5);
    }

    /** Coefficients from 1e-6 to 1e12 in one model: the backend's scaling must not lose the answer. */
    @Test
    void veryLargeAndVerySmallCoefficients() {
        boolean integer = solver().info().supports(Capability.INTEGER_VARIABLES);
        assertOptimal(KnownModels.extremeCoefficients(integer), integer ? 2_000_003 : 2_500_003);
    }

    /** Bounds and an objective only: a model with 0 rows is a model, not an error. */
    @Test
    void modelWithoutRows() {
        assertOptimal(KnownModels.noRows(solver().info().supports(Capability.INTEGER_VARIABLES)), -5);
    }

    /** A MILP backend given an LP must return the LP's (fractional) optimum, not a rounded one. */
    @Test
    void continuousOnlyModelThroughAMilpBackend() {
        requires(Capability.INTEGER_VARIABLES);
        assertOptimal(KnownModels.fractionalLp(), 2.8);
    }

    /** The kit's hard model: a market split instance no backend solves in seconds (see {@link KnownModels#marketSplit}). */
    private static MilpModel hardModel(long seed) {
        return KnownModels.marketSplit(HARD_ROWS, HARD_COLUMNS, seed, false);
    }

    private static final int HARD_ROWS = 5;
    private static final int HARD_COLUMNS = 40;
    private static final Duration HARD_LIMIT = Duration.ofSeconds(1);

    /**
     * A solve with a 1 s limit on a model no backend can finish in that time ends stopped by the time limit,
     * and a point it returns is feasible. How long after the limit it returns is a benchmark figure,
     * not a test: see the time-limit overrun in {@code bundles/bench} (SolverBench).
     */
    @Test
    void timeLimitEndsTheSolveAsTimeLimit() {
        requires(Capability.INTEGER_VARIABLES);
        requires(Capability.TIME_LIMIT);
        MilpModel model = hardModel(1);
        SolveResult r = solver().solve(model, SolveParams.defaults().withTimeLimit(HARD_LIMIT));
        assertEquals(Limit.TIME, r.limit(), r::toString);
        if (r.hasSolution()) {
            assertFeasible(model, r);
        }
    }

    /** At a time limit the best solution found so far comes back (here x = 0 is feasible, so there is one). */
    @Test
    void timeLimitKeepsTheIncumbent() {
        requires(Capability.INTEGER_VARIABLES);
        requires(Capability.TIME_LIMIT);
        MilpModel model = hardModel(2);
        SolveResult r = solver().solve(model, SolveParams.defaults().withTimeLimit(HARD_LIMIT));
        assertEquals(Limit.TIME, r.limit(), r::toString);
        assertFeasible(model, r);
        if (!Double.isNaN(r.dualBound())) {
            assertTrue(r.dualBound() <= r.objective() + tolerance(r.objective()), r::toString);
        }
    }

    /**
     * Cancelling from another thread once the solve has begun (the solver says so with
     * {@link SolveListener#onStart()}, which {@link org.tamebnn.api.milp.AbstractMilpSolver} calls)
     * ends it as stopped by {@link Limit#INTERRUPTED}, not as a solve cancelled before it began, and a point it
     * keeps is feasible. The cancel reaches the solve wherever it is by then, translating the model
     * or searching; the outcome must be the same. How soon the solve returns after the cancel is a
     * benchmark figure, not a test: see the cancel latency in {@code bundles/bench} (SolverBench).
     */
    @Test
    void cancellationFromAnotherThreadStopsTheSolve() throws Exception {
        requires(Capability.INTEGER_VARIABLES);
        requires(Capability.CANCELLATION);
        MilpModel model = hardModel(3);
        CancellationToken token = new CancellationToken();
        CompletableFuture<Void> started = new CompletableFuture<>();
        SolveListener listener = new SolveListener() {
            @Override
            public void onProgress(SolveProgress progress) {
            }

            @Override
            public void onStart() {
                started.complete(null);
            }
        };
        MilpSolver solver = solver();
        CompletableFuture<SolveResult> running = CompletableFuture.supplyAsync(() -> solver.solve(model,
                SolveParams.defaults().withTimeLimitSeconds(120), listener, token));
        CompletableFuture.anyOf(started, running).get(150, TimeUnit.SECONDS);
        assertTrue(started.isDone(), () -> solver.info().name() + " returned without saying its solve had begun"
                + " (SolveListener.onStart): " + running.join());
        token.cancel();
        SolveResult r = running.get(150, TimeUnit.SECONDS);
        assertEquals(Limit.INTERRUPTED, r.limit(), r::toString);
        assertFalse(r.message().contains("before the solve started"), r::message);
        if (r.hasSolution()) {
            assertFeasible(model, r);
        }
    }

    /**
     * A MIP start is used: given the planted optimum of a market split instance (value 0, which the
     * LP bound 0 proves at once), the backend returns a solution of value 0 well within its limit,
     * where without the start it would search for a long time.
     */
    @Test
    void mipStartIsUsed() {
        requires(Capability.INTEGER_VARIABLES);
        requires(Capability.MIP_START);
        MilpModel model = KnownModels.marketSplit(HARD_ROWS, HARD_COLUMNS, 4, true);
        double[] start = KnownModels.plantedSolution(HARD_ROWS, HARD_COLUMNS, 4);
        assertEquals(0, model.objectiveValue(start));
        assertTrue(model.maxViolation(start) == 0, "the planted point is feasible");
        SolveResult r = solver().solve(model, SolveParams.defaults().withTimeLimitSeconds(10).withMipStart(start));
        assertFeasible(model, r);
        assertClose(0, r.objective(), "objective after a start at the optimum");
    }

    /** Progress reports, where declared, arrive during the solve and make sense. */
    @Test
    void progressIsReportedWhereDeclared() {
        requires(Capability.PROGRESS);
        MilpModel model = hardModel(5);
        List<SolveProgress> seen = new CopyOnWriteArrayList<>();
        solver().solve(model, SolveParams.defaults().withTimeLimitSeconds(2), seen::add, new CancellationToken());
        assertFalse(seen.isEmpty(), solver().info().name() + " declares PROGRESS but reported none in 2 s");
        for (SolveProgress p : seen) {
            assertFalse(p.elapsed().isNegative());
            assertTrue(Double.isNaN(p.incumbent()) || p.incumbent() >= -tolerance(0), p::toString);
            assertTrue(Double.isNaN(p.bound()) || Double.isNaN(p.incumbent())
                    || p.bound() <= p.incumbent() + tolerance(p.incumbent()), p::toString);
        }
    }

    static Stream<MiplibInstance> miplib() {
        return MiplibInstance.all().stream();
    }

    /**
     * A MILP solver reaches the known optimum, or says honestly that the time limit stopped it: then its incumbent is
     * no better than the optimum and its bound (when known) no worse. An LP-only solver's relaxation
     * optimum must bound the known optimum from below.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("miplib")
    void miplibInstance(MiplibInstance instance, @TempDir Path tmp) throws IOException {
        TckConfig cfg = config();
        Assumptions.assumeFalse(cfg.excludedInstances().contains(instance.name()),
                () -> instance.name() + " excluded for " + solver().info().name() + ": " + cfg.exclusionReason());
        MilpModel model = MpsReader.read(instance.copyTo(tmp));
        boolean integer = solver().info().supports(Capability.INTEGER_VARIABLES);
        MilpModel solved = integer ? model : model.relaxation();
        SolveResult r = solver().solve(solved, SolveParams.defaults().withTimeLimit(cfg.miplibTimeLimit()));
        System.out.printf("[tck] %-16s %-8s %-14s objective %-16s bound %-16s %6d ms%n", solver().info().name(),
                instance.name(), r.status(), r.objective(), r.dualBound(), r.wallTime().toMillis());
        if (!integer) {
            assertEquals(SolveStatus.OPTIMAL, r.status(), r.message());
            assertTrue(r.objective() <= instance.optimum() + tolerance(instance.optimum()),
                    "relaxation " + r.objective() + " above the integer optimum " + instance.optimum());
            assertFeasible(solved, r);
            return;
        }
        switch (r.status()) {
            case OPTIMAL, OPTIMAL_UNCONFIRMED -> {
                assertOptimumTyped(r);
                assertClose(instance.optimum(), r.objective(), instance.name() + " optimum");
                assertFeasible(model, r);
            }
            case FEASIBLE, NO_SOLUTION_FOUND -> {
                assertEquals(Limit.TIME, r.limit(), r::toString);
                if (r.hasSolution()) {
                    assertFeasible(model, r);
                    assertTrue(r.objective() >= instance.optimum() - tolerance(instance.optimum()),
                            "incumbent " + r.objective() + " better than the proven optimum " + instance.optimum());
                }
                if (!Double.isNaN(r.dualBound())) {
                    assertTrue(r.dualBound() <= instance.optimum() + tolerance(instance.optimum()),
                            "bound " + r.dualBound() + " above the optimum " + instance.optimum());
                }
            }
            default -> fail(instance.name() + ": expected OPTIMAL or an honest stop at the time limit, got " + r);
        }
    }

    /**
     * A node limit of one stops a solve the root cannot finish: the result says {@link Limit#NODES}
     * (or the optimum, should the backend's root prove it), and a point it keeps is feasible.
     */
    @Test
    void nodeLimitStopsTheSolveAndSaysSo() {
        requires(Capability.INTEGER_VARIABLES);
        requires(Capability.NODE_LIMIT);
        MilpModel model = hardModel(6);
        SolveResult r = solver().solve(model, SolveParams.defaults().withNodeLimit(1).withTimeLimitSeconds(60));
        assertTrue(r.status() == SolveStatus.OPTIMAL || r.limit() == Limit.NODES, r::toString);
        if (r.hasSolution()) {
            assertFeasible(model, r);
        }
    }

    /** A solution limit of one stops at the first feasible point (x = 0 is one here) and says so. */
    @Test
    void solutionLimitStopsAtTheFirstSolution() {
        requires(Capability.INTEGER_VARIABLES);
        requires(Capability.SOLUTION_LIMIT);
        MilpModel model = hardModel(7);
        SolveResult r = solver().solve(model, SolveParams.defaults().withSolutionLimit(1).withTimeLimitSeconds(60));
        assertEquals(Limit.SOLUTIONS, r.limit(), r::toString);
        assertFeasible(model, r);
    }

    /** A raw option the backend does not know is an error that names it; the solve never runs blind. */
    @Test
    void anUnknownRawOptionIsAnErrorNamingIt() {
        requires(Capability.INTEGER_VARIABLES);
        requires(Capability.RAW_OPTIONS);
        SolveResult r = solver().solve(KnownModels.binaryKnapsack(), SolveParams.defaults().withOption(
                "no_such_option_anywhere", "1"));
        assertEquals(SolveStatus.ERROR, r.status(), r::toString);
        assertTrue(r.message().contains("no_such_option_anywhere"), r::message);
    }

    /** A raw option the backend knows ({@link #sampleOption()}) is taken, and the solve still reaches its optimum. */
    @Test
    void aKnownRawOptionIsTaken() {
        requires(Capability.INTEGER_VARIABLES);
        requires(Capability.RAW_OPTIONS);
        Map.Entry<String, String> option = sampleOption();
        Assumptions.assumeTrue(option != null, () -> solver().info().name() + " names no sample option: skipped");
        MilpModel model = KnownModels.binaryKnapsack();
        SolveResult r = solver().solve(model, SolveParams.defaults().withOption(option.getKey(), option.getValue()));
        assertTrue(r.status().claimsOptimum(), r::toString);
        assertFeasible(model, r);
    }

    /**
     * One option of the backend's own, by its own name and a valid value, for
     * {@link #aKnownRawOptionIsTaken()}; {@code null} (the default) skips that test.
     */
    protected Map.Entry<String, String> sampleOption() {
        return null;
    }

    // ---- helpers shared by the tests above and available to subclasses ----

    /** Skips the calling test, saying why, unless the solver declares {@code capability}. */
    protected void requires(Capability capability) {
        Set<Capability> declared = solver().info().capabilities().isEmpty() ? EnumSet.noneOf(Capability.class)
                : EnumSet.copyOf(solver().info().capabilities());
        Assumptions.assumeTrue(declared.contains(capability),
                () -> solver().info().name() + " does not declare " + capability + ": test skipped");
    }

    /** Solves {@code model}, asserts OPTIMAL with {@code expected}, re-checks the solution. */
    protected SolveResult assertOptimal(MilpModel model, double expected) {
        SolveResult r = solver().solve(model);
        assertTrue(r.status().claimsOptimum(), () -> model.name() + ": " + r);
        assertOptimumTyped(r);
        assertClose(expected, r.objective(), model.name() + " objective");
        assertFeasible(model, r);
        return r;
    }

    /**
     * An optimum is typed as the backend can back it: {@link SolveStatus#OPTIMAL} from a backend that
     * declares {@link Capability#BEST_BOUND} (its bound confirms it), and from any backend on an LP;
     * {@link SolveStatus#OPTIMAL_UNCONFIRMED} allowed only for a MILP from a backend without bounds.
     * The backend's own status word is kept.
     */
    protected void assertOptimumTyped(SolveResult r) {
        assertFalse(r.rawStatus().isBlank(), () -> solver().info().name() + " kept no raw status: " + r);
        if (r.status() == SolveStatus.OPTIMAL_UNCONFIRMED) {
            assertFalse(solver().info().supports(Capability.BEST_BOUND), () -> solver().info().name()
                    + " declares BEST_BOUND yet left an optimum unconfirmed: " + r);
        }
    }

    protected void assertStatusIn(MilpModel model, SolveStatus... allowed) {
        SolveResult r = solver().solve(model);
        for (SolveStatus s : allowed) {
            if (r.status() == s) {
                return;
            }
        }
        fail(model.name() + ": expected one of " + java.util.Arrays.toString(allowed) + ", got " + r);
    }

    /** The returned point is feasible (bounds, rows, integrality) and gives the reported objective. */
    protected void assertFeasible(MilpModel model, SolveResult r) {
        assertTrue(r.hasSolution(), () -> model.name() + ": " + r.status() + " without a solution");
        double[] x = r.values();
        assertEquals(model.variableCount(), x.length, "solution length");
        double violation = model.maxViolation(x);
        assertTrue(violation <= 1e-5, () -> model.name() + ": returned point violates the model by " + violation);
        assertClose(model.objectiveValue(x), r.objective(), model.name() + " objective recomputed from the solution");
        if (r.modelTime() != null) {
            assertFalse(r.modelTime().isNegative() || r.modelTime().compareTo(r.wallTime()) > 0,
                    () -> "model translation time " + r.modelTime() + " must lie within the wall time " + r.wallTime());
        }
    }

    protected void assertClose(double expected, double actual, String what) {
        assertTrue(config().close(expected, actual), () -> what + ": expected " + expected + ", got " + actual);
    }

    private double tolerance(double value) {
        return Math.max(config().absoluteTolerance(), config().relativeTolerance() * Math.abs(value));
    }
}
