package org.tamebnn.solver.lpsolve;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamebnn.api.milp.Availability;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.tck.KnownModels;

/**
 * Finding the library, and life without it. These tests run whether lp_solve is installed or not:
 * each lookup here is its own, so the JVM-wide library the other tests use is left alone.
 */
class LpSolveLibraryTest {
    private static final Path NOWHERE = Path.of("/nonexistent/tamebnn-test/liblpsolve55.so");

    @Test
    void withNothingToFindTheReasonIsTheInstallHint() {
        LpSolveLibrary lib = LpSolveLibrary.find(null, NOWHERE, "liblpsolve55-tamebnn-test-missing.so");
        assertFalse(lib.isAvailable());
        assertEquals("lp_solve not found: install Debian's lp-solve package (apt-get install lp-solve), or set "
                + "-Dtamebnn.lpsolve.library=PATH", lib.availability().reason());
        assertEquals("not installed", lib.version());
    }

    @Test
    void aConfiguredPathThatDoesNotExistIsNamed() {
        LpSolveLibrary lib = LpSolveLibrary.find(NOWHERE.toString());
        assertFalse(lib.isAvailable());
        assertEquals("lp_solve library " + NOWHERE + " (set by -Dtamebnn.lpsolve.library) does not exist",
                lib.availability().reason());
    }

    @Test
    void aConfiguredFileThatIsNoLibraryIsReportedNotThrown(@TempDir Path tmp) throws IOException {
        Path fake = Files.writeString(tmp.resolve("liblpsolve55.so"), "not an ELF file");
        LpSolveLibrary lib = assertDoesNotThrow(() -> LpSolveLibrary.find(fake.toString()));
        assertFalse(lib.isAvailable());
        String reason = lib.availability().reason();
        assertTrue(reason.startsWith(fake + " does not load ("), reason);
        assertTrue(reason.endsWith("(set by -Dtamebnn.lpsolve.library)"), reason);
        assertEquals(1, reason.lines().count(), "one line: " + reason);
    }

    /** A broken installation (file present, not loadable) says so rather than "not found". */
    @Test
    void aDebianLibraryThatDoesNotLoadIsNamed(@TempDir Path tmp) throws IOException {
        Path broken = Files.writeString(tmp.resolve("liblpsolve55.so"), "truncated");
        LpSolveLibrary lib = LpSolveLibrary.find(null, broken, "liblpsolve55-tamebnn-test-missing.so");
        assertFalse(lib.isAvailable());
        String reason = lib.availability().reason();
        assertTrue(reason.startsWith(broken + " does not load ("), reason);
        assertTrue(reason.endsWith("; reinstall with apt-get install --reinstall lp-solve libcolamd2, or set "
                + "-Dtamebnn.lpsolve.library=PATH"), reason);
    }

    @Test
    void aLibraryWithoutLpSolvesFunctionsIsRefusedWithTheMissingName() {
        // libm loads fine but is not lp_solve: the first function looked up is missing
        Path libm = Path.of("/lib/x86_64-linux-gnu/libm.so.6");
        Assumptions.assumeTrue(Files.isRegularFile(libm), "no " + libm + " on this machine");
        LpSolveLibrary lib = LpSolveLibrary.find(libm.toString());
        assertFalse(lib.isAvailable());
        assertEquals(libm + " is not a usable lp_solve 5.5 library: it has no function make_lp (set by "
                + "-Dtamebnn.lpsolve.library)", lib.availability().reason());
    }

    @Test
    void withoutTheLibraryTheSolverSaysWhyAndEverySolveIsAnError() {
        LpSolveLibrary missing = LpSolveLibrary.find(null, NOWHERE, "liblpsolve55-tamebnn-test-missing.so");
        LpSolveSolver solver = new LpSolveSolver(() -> missing, LpSolveSettings.defaults());
        Availability a = solver.availability();
        assertFalse(a.isAvailable());
        assertTrue(a.reason().startsWith("lp_solve not found: install Debian's lp-solve package"), a.reason());
        assertEquals("lpsolve", solver.info().name());
        assertEquals("not installed", solver.info().version());
        SolveResult r = assertDoesNotThrow(() -> solver.solve(KnownModels.binaryKnapsack(),
                SolveParams.defaults().withTimeLimit(Duration.ofSeconds(5)), SolveListener.NONE,
                new CancellationToken()));
        assertEquals(SolveStatus.ERROR, r.status());
        assertEquals("lpsolve is not available: " + LpSolveLibrary.INSTALL_HINT, r.message());
    }

    @Test
    void theSharedLibraryIsLookedUpOnce() {
        assertSame(LpSolveLibrary.shared(), LpSolveLibrary.shared());
    }

    @Test
    void anInstalledLibraryIsLpSolve55() {
        LpSolveLibrary lib = LpSolveLibrary.shared();
        Assumptions.assumeTrue(lib.isAvailable(), () -> "lp_solve is not available here: " + lib.availability().reason());
        assertTrue(lib.version().matches("5\\.5\\.\\d+\\.\\d+"), lib.version());
    }

    /** The OSGi component bnd generated registers the service under its name, library or not. */
    @Test
    void theComponentIsRegisteredUnderItsName() throws IOException {
        String descriptor = "OSGI-INF/org.tamebnn.solver.lpsolve.LpSolveSolver.xml";
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(descriptor)) {
            assertTrue(in != null, descriptor + " is missing: bnd did not process the @Component");
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(xml.contains("name=\"tamebnn.solver.name\"") && xml.contains("value=\"lpsolve\""), xml);
            assertTrue(xml.contains("interface=\"org.tamebnn.api.milp.MilpSolver\""), xml);
        }
    }
}
