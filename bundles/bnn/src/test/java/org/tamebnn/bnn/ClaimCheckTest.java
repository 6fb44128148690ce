package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
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

/** A wrong "optimal" or bound is refuted by another solver's verified network. */
class ClaimCheckTest {

    /**
     * Returns the MIP start it is given (here a pocket-perceptron network that misses a point of
     * XOR) as an optimum with {@code status}, with a bound equal to its objective or none.
     */
    private static MilpSolver claimingItsStart(String name, SolveStatus status, boolean withBound) {
        return new MilpSolver() {
            @Override
            public SolverInfo info() {
                return new SolverInfo(name, "returns its start as an optimum", "0",
                        EnumSet.of(Capability.INTEGER_VARIABLES, Capability.MIP_START), "");
            }

            @Override
            public SolveResult solve(MilpModel m, SolveParams p, SolveListener l, CancellationToken c) {
                double[] x = p.mipStart().orElseThrow();
                double objective = m.objectiveValue(x);
                return SolveResult.ended(name, status, "OPTIMAL", "", objective, withBound ? objective : Double.NaN, x,
                        null, 0);
            }
        };
    }

    /** Behaves as lp_solve did at some settings: its start called optimal, with a bound equal to its objective. */
    private static final MilpSolver OVERCONFIDENT = claimingItsStart("overconfident", SolveStatus.OPTIMAL, true);

    /** lp_solve and ojAlgo today: the same wrong answer as an unconfirmed optimum, without a bound. */
    private static final MilpSolver UNCONFIRMED = claimingItsStart("unconfirmed", SolveStatus.OPTIMAL_UNCONFIRMED,
            false);

    @Test
    void aSmallerVerifiedLossRefutesAnOptimalClaimAndItsBound() {
        Dataset xor = Fixtures.xor();
        BnnSpec spec = BnnSpec.forData(xor).hidden(2).build();
        TrainingResult wrong = Fixtures.train(xor, spec, FormulationOptions.defaults(), OVERCONFIDENT);
        TrainingResult right = Fixtures.trainOptimal(xor, spec, FormulationOptions.defaults(), Fixtures.scip());
        assertTrue(wrong.consistency().orElseThrow().consistent(), "the wrong claim is self-consistent: " + wrong.describe());
        assertTrue(wrong.trainingLoss() >= 1, wrong::describe);
        assertEquals(0, right.trainingLoss(), 1e-9);

        List<Optional<String>> verdicts = ClaimCheck.refutations(List.of(wrong, right));
        assertEquals("WRONG CLAIM: OPTIMAL at loss " + TrainingResult.format(wrong.trainingLoss()) + " and bound "
                + TrainingResult.format(wrong.lossBound()) + "; ortools-scip found loss 0 (forward pass)",
                verdicts.get(0).orElseThrow());
        assertEquals(Optional.empty(), verdicts.get(1), "a true optimum is not refuted by a worse network");
        assertEquals(List.of(Optional.empty()), ClaimCheck.refutations(List.of(wrong)), "alone, nothing refutes it");
    }

    @Test
    void anUnconfirmedOptimumIsRefutedToo() {
        Dataset xor = Fixtures.xor();
        BnnSpec spec = BnnSpec.forData(xor).hidden(2).build();
        TrainingResult wrong = Fixtures.train(xor, spec, FormulationOptions.defaults(), UNCONFIRMED);
        TrainingResult right = Fixtures.trainOptimal(xor, spec, FormulationOptions.defaults(), Fixtures.scip());
        assertEquals("WRONG CLAIM: OPTIMAL_UNCONFIRMED at loss " + TrainingResult.format(wrong.trainingLoss())
                + "; ortools-scip found loss 0 (forward pass)",
                ClaimCheck.refutations(List.of(wrong, right)).get(0).orElseThrow());
    }
}
