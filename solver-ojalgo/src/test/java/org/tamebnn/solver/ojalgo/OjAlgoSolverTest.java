package org.tamebnn.solver.ojalgo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.api.mps.MpsReader;
import org.tamebnn.tck.KnownModels;
import org.tamebnn.tck.MiplibInstance;

/** ojAlgo-specific behaviour beyond the conformance kit. bell5 takes ojAlgo well over a minute. */
class OjAlgoSolverTest {
    private final OjAlgoSolver solver = new OjAlgoSolver();

    @Test
    void timeLimitIsReportedAsSuch(@TempDir Path tmp) throws Exception {
        MilpModel bell5 = MpsReader.read(MiplibInstance.named("bell5").copyTo(tmp));
        SolveResult r = solver.solve(bell5, SolveParams.defaults().withTimeLimit(Duration.ofSeconds(1)));
        assertEquals(Limit.TIME, r.limit(), r.toString());
        assertTrue(Double.isNaN(r.dualBound()), "ojAlgo gives no MILP bound; none may be invented");
    }

    @Test
    void cancellationFromAnotherThreadStopsTheSolve(@TempDir Path tmp) throws Exception {
        MilpModel bell5 = MpsReader.read(MiplibInstance.named("bell5").copyTo(tmp));
        CancellationToken token = new CancellationToken();
        ScheduledExecutorService other = Executors.newSingleThreadScheduledExecutor();
        try {
            other.schedule(token::cancel, 500, TimeUnit.MILLISECONDS);
            // The limit is far beyond the cancel: only cancellation can end this solve early as CANCELLED.
            SolveResult r = solver.solve(bell5, SolveParams.defaults().withTimeLimit(Duration.ofMinutes(10)),
                    SolveListener.NONE, token);
            assertEquals(Limit.INTERRUPTED, r.limit(), r.toString());
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void unboundedMilpIsNotCalledInfeasible() {
        SolveResult r = solver.solve(KnownModels.integerUnbounded());
        assertEquals(SolveStatus.INFEASIBLE_OR_UNBOUNDED, r.status(), r.toString());
    }

    @Test
    void lpOptimumIsItsOwnBound() {
        SolveResult r = solver.solve(KnownModels.maximisationWithOffset());
        assertEquals(SolveStatus.OPTIMAL, r.status());
        assertEquals(r.objective(), r.dualBound());
    }
}
