package org.tamebnn.example.glpk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.tck.KnownModels;

/** Without glpsol the service is there, unavailable with the reason, and every solve says why. */
class MissingGlpsolTest {

    @Test
    void aConfiguredPathThatDoesNotExistIsReportedNotReplaced(@TempDir Path dir) {
        String missing = dir.resolve("no-such-glpsol").toString();
        String before = System.getProperty(Glpsol.PROPERTY);
        System.setProperty(Glpsol.PROPERTY, missing);
        try {
            GlpkSolver solver = new GlpkSolver();
            assertFalse(solver.availability().isAvailable());
            String reason = solver.availability().reason();
            assertTrue(reason.startsWith("glpsol not found: " + missing), reason);
            assertTrue(reason.endsWith(Glpsol.INSTALL_HINT), reason);
            assertEquals("not installed", solver.info().version());

            SolveResult r = solver.solve(KnownModels.binaryKnapsack());
            assertEquals(SolveStatus.ERROR, r.status());
            assertTrue(r.message().contains(reason), r.message());
        } finally {
            if (before == null) {
                System.clearProperty(Glpsol.PROPERTY);
            } else {
                System.setProperty(Glpsol.PROPERTY, before);
            }
        }
    }

    @Test
    void nothingFoundAnywhereGivesTheInstallHint(@TempDir Path dir) {
        Glpsol none = Glpsol.find(null, dir.resolve("glpsol"), dir.toString());
        assertEquals("glpsol not found: install Debian's glpk-utils (apt-get install glpk-utils) or set "
                + "-Dtamebnn.glpk.glpsol=PATH", none.availability().reason());
    }
}
