package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.api.milp.SolverInfo;
import org.tamebnn.data.Dataset;
import org.tamebnn.solver.ortools.CpSatSolver;

/** What the trainer returns when the solver stops early or fails. */
class TrainerOutcomesTest {

    private final Dataset xor = Fixtures.xor();
    private final BnnSpec spec = BnnSpec.forData(xor).hidden(2).build();

    /** CP-SAT refuses continuous variables: no network, and the solver's reason, not a guess. */
    @Test
    void aSolverErrorGivesNoNetworkAndTheSolversMessage() {
        TrainingResult r = Fixtures.train(xor, spec, FormulationOptions.paper(), new CpSatSolver());
        assertEquals(SolveStatus.ERROR, r.status());
        assertFalse(r.hasNetwork());
        assertTrue(r.consistency().isEmpty());
        assertFalse(r.message().isBlank());
        var e = assertThrows(IllegalStateException.class, r::networkOrThrow);
        assertTrue(e.getMessage().contains(r.message()), e.getMessage());
        assertTrue(r.describe().endsWith("; no network"), r.describe());
    }

    /** At a time limit with an incumbent the network is read back, checked, and the gap reported. */
    @Test
    void anIncumbentAtTheTimeLimitIsExtractedAndChecked() {
        MilpSolver stopped = new Relabelling(Fixtures.scip(), Limit.TIME, -1.0);
        TrainingResult r = Fixtures.train(xor, spec, FormulationOptions.paper(), stopped);
        assertEquals(Limit.TIME, r.limit());
        assertTrue(r.hasNetwork(), r::describe);
        assertTrue(r.consistency().orElseThrow().consistent(), r::describe);
        assertEquals(-1.0, r.lossBound());
        assertEquals(0, r.trainingLoss(), 1e-6);
        assertTrue(r.gap() > 0, r::describe);
    }

    @Test
    void noSolutionMeansNoNetwork() {
        MilpSolver nothing = new MilpSolver() {
            @Override
            public SolverInfo info() {
                return new SolverInfo("nothing", "test stub", "0", EnumSet.of(Capability.INTEGER_VARIABLES), "");
            }

            @Override
            public SolveResult solve(MilpModel m, SolveParams p, SolveListener l, CancellationToken c) {
                return SolveResult.stopped("nothing", Limit.TIME, "", "time limit 1 s reached, no incumbent",
                        Double.NaN, 0.5, null, 7);
            }
        };
        TrainingResult r = new ExactTrainer().withHeuristicStart(false).train(xor, spec, FormulationOptions.paper(),
                Fixtures.ZERO_ONE, nothing, Fixtures.PARAMS);
        assertFalse(r.hasNetwork());
        assertEquals("time limit 1 s reached, no incumbent", r.message());
        assertEquals(0.5, r.lossBound());
        assertEquals(7, r.nodes());
        assertTrue(Double.isNaN(r.trainingLoss()));

        // with the heuristic start (the default) its network is the result, the solver's bound kept
        TrainingResult started = Fixtures.train(xor, spec, FormulationOptions.paper(), nothing);
        assertTrue(started.hasNetwork() && started.networkFromStart(), started::describe);
        assertEquals("time limit 1 s reached, no incumbent; the network is the heuristic start: the solver found none",
                started.message());
        assertEquals(0.5, started.lossBound());
        assertEquals(Fixtures.errors(started.networkOrThrow(), xor), started.trainingLoss(), 1e-9);
    }

    /** A real solve reported as stopped by a limit, with another bound, as a solver stopped by a limit would. */
    private record Relabelling(MilpSolver inner, Limit limit, double bound) implements MilpSolver {
        @Override
        public SolverInfo info() {
            return inner.info();
        }

        @Override
        public SolveResult solve(MilpModel m, SolveParams p, SolveListener l, CancellationToken c) {
            SolveResult r = inner.solve(m, p, l, c);
            return SolveResult.stopped(r.solver(), limit, "", "time limit reached", r.objective(), bound, r.values(),
                    r.nodes());
        }
    }
}
