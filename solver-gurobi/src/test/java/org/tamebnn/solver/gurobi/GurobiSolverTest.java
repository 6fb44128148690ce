package org.tamebnn.solver.gurobi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tamebnn.api.milp.Availability;
import org.tamebnn.api.milp.MilpSolvers;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.tck.KnownModels;

import com.gurobi.gurobi.GRB;
import com.gurobi.gurobi.GRBEnv;
import com.gurobi.gurobi.GRBException;

/**
 * The real Gurobi, licence or not: without a licence the solver says so, in one line with Gurobi's
 * own message, and a solve is an ERROR saying the same; with one (a machine with GRB_LICENSE_FILE
 * or ~/gurobi.lic) it is available and solves. Which of the two runs depends on the machine; the
 * other is skipped, saying why. Raw options are checked by Gurobi on an environment that has not
 * started, which needs the native library but no licence.
 */
class GurobiSolverTest {
    private final GurobiSolver solver = new GurobiSolver();

    @Test
    void withoutALicenceItIsUnavailableAndEverySolveSaysWhy() {
        Availability a = solver.availability();
        Assumptions.assumeFalse(a.isAvailable(), "a Gurobi licence is found here: withALicence... checks that side");
        System.out.println("[gurobi] unavailable: " + a.reason());
        assertFalse(a.reason().isBlank());
        assertEquals(1, a.reason().lines().count(), "one line for the console's status column: " + a.reason());
        assertTrue(a.reason().contains("licence"), a.reason());
        assertTrue(a.reason().contains("GRB_LICENSE_FILE") && a.reason().contains("grbgetkey"), "says what to do: "
                + a.reason());
        assertTrue(a.reason().contains("No Gurobi license found"), "Gurobi's own message, which only its native"
                + " library gives: " + a.reason());

        SolveResult r = solver.solve(KnownModels.binaryKnapsack());
        assertEquals(SolveStatus.ERROR, r.status(), r::toString);
        assertTrue(r.message().contains(a.reason()), r.message());
        assertTrue(r.message().startsWith("gurobi is not available"), r.message());
    }

    @Test
    void withALicenceItIsAvailableAndSolvesTheKnapsack() {
        Assumptions.assumeTrue(solver.availability().isAvailable(),
                () -> "no Gurobi licence here: " + solver.availability().reason());
        SolveResult r = solver.solve(KnownModels.binaryKnapsack());
        assertEquals(SolveStatus.OPTIMAL, r.status(), r::toString);
        assertEquals(9, r.objective(), 1e-9);
        assertEquals("OPTIMAL", r.rawStatus());
        assertTrue(r.modelTime() != null && !r.modelTime().isNegative(), r::toString);
    }

    /** The availability check is made once: the second answer is the first one. */
    @Test
    void availabilityIsWorkedOutOnce() {
        assertTrue(solver.availability() == new GurobiSolver().availability());
    }

    @Test
    void theReasonNamesTheLicenceOrTheError() {
        String noLicence = GurobiLicence.reason(GRB.Error.NO_LICENSE, "License expired 2021-12-09\n");
        assertTrue(noLicence.startsWith("no usable Gurobi licence"), noLicence);
        assertTrue(noLicence.endsWith(": License expired 2021-12-09"), noLicence);
        String network = GurobiLicence.reason(GRB.Error.NETWORK, "Unable to reach the\n  token server");
        assertEquals("Gurobi did not start (error 10022): Unable to reach the token server", network);
    }

    /** What a second copy of the bundle in one JVM meets (seen in Felix: drop the jar in, remove it, drop it in again). */
    @Test
    void aNativeLibraryHeldByAnEarlierCopySaysToRestart() {
        String held = GurobiLicence.nativeReason("UnsatisfiedLinkError: Native Library /tmp/.gurobi/v12.0.3/linux64/"
                + "libgurobi120.so already loaded in another classloader");
        assertTrue(held.startsWith("Gurobi's native library is still held by an earlier copy of this bundle"), held);
        assertTrue(held.contains("restart tamebnn"), held);
        String missing = GurobiLicence.nativeReason("UnsatisfiedLinkError: no GurobiJni120 in java.library.path");
        assertTrue(missing.startsWith("Gurobi's native library did not load ("), missing);
        assertTrue(missing.endsWith("no GurobiJni120 in java.library.path"), missing);
    }

    @Test
    void infoNeedsNoNativeLibraryAndServiceLoaderFindsIt() {
        assertEquals("gurobi", solver.info().name());
        assertTrue(solver.info().version().matches("\\d+\\.\\d+\\.\\d+"), "Gurobi's version as compiled in: "
                + solver.info().version());
        assertTrue(MilpSolvers.create("gurobi") instanceof GurobiSolver, "listed for ServiceLoader");
    }

    @Test
    void aKnownRawOptionIsSetOnTheEnvironment() throws GRBException {
        GRBEnv env = new GRBEnv(true);
        try {
            assertDoesNotThrow(() -> GurobiSolver.configure(env, SolveParams.defaults().withThreads(1).withSeed(-3)
                    .withRelativeGap(0.01).withNodeLimit(5).withSolutionLimit(2).withIterationLimit(1000)
                    .withOption("MIPFocus", "1")));
            assertEquals(1, env.get(GRB.IntParam.MIPFocus));
            assertEquals(1, env.get(GRB.IntParam.Threads));
            assertEquals(0.01, env.get(GRB.DoubleParam.MIPGap));
            assertEquals(5, env.get(GRB.DoubleParam.NodeLimit));
            assertEquals(2, env.get(GRB.IntParam.SolutionLimit));
            assertEquals(1000, env.get(GRB.DoubleParam.IterationLimit));
            assertEquals(0, env.get(GRB.IntParam.OutputFlag), "Gurobi's log stays off the console");
            int seed = env.get(GRB.IntParam.Seed);
            assertTrue(seed >= 0 && seed <= GRB.MAXINT, "a negative seed is mapped into Gurobi's range: " + seed);
        } finally {
            env.dispose();
        }
    }

    @Test
    void anUnknownRawOptionIsAnErrorNamingIt() throws GRBException {
        GRBEnv env = new GRBEnv(true);
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GurobiSolver.configure(env,
                    SolveParams.defaults().withOption("no_such_option_anywhere", "1")));
            assertTrue(e.getMessage().startsWith("Gurobi has no parameter 'no_such_option_anywhere'"), e.getMessage());
            System.out.println("[gurobi] " + e.getMessage());
            IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
                    () -> GurobiSolver.configure(env, SolveParams.defaults().withOption("MIPFocus", "7")));
            assertTrue(value.getMessage().startsWith("Gurobi refused MIPFocus=7"), value.getMessage());
            System.out.println("[gurobi] " + value.getMessage());
        } finally {
            env.dispose();
        }
    }
}
