package org.tamebnn.api.milp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** A solver whose bundle stops: running solves end as ERROR "solver bundle stopped", later ones at once. */
class DeactivationTest {

    @Test
    void deactivationEndsARunningSolveAndRefusesNewOnes() throws Exception {
        LoopingSolver solver = new LoopingSolver(EnumSet.of(Capability.CANCELLATION), 10);
        CompletableFuture<SolveResult> running = CompletableFuture.supplyAsync(() -> solver.solve(LoopingSolver.model()));
        assertTrue(solver.started.await(10, TimeUnit.SECONDS));
        solver.deactivate();
        SolveResult r = running.get(10, TimeUnit.SECONDS);
        assertEquals(SolveStatus.ERROR, r.status());
        assertEquals("looping: solver bundle stopped during the solve", r.message());

        SolveResult later = solver.solve(LoopingSolver.model());
        assertEquals(SolveStatus.ERROR, later.status());
        assertEquals("looping: " + AbstractMilpSolver.BUNDLE_STOPPED, later.message());
    }
}
