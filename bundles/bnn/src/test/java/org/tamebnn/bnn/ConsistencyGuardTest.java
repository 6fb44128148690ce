package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tamebnn.bnn.Fixtures.ZERO_ONE;
import static org.tamebnn.bnn.Fixtures.data;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.data.Dataset;

/** The guard reports disagreements between the solver's solution and the network's forward pass. */
class ConsistencyGuardTest {

    /** A network that differs from the solver's (its output never fires) is caught, point by point. */
    @Test
    void aPerturbedNetworkIsReportedWithItsMismatchesAndLoss() {
        Dataset xor = Fixtures.xor();
        BnnMilp milp = BnnFormulation.build(xor, BnnSpec.forData(xor).hidden(2).build(), FormulationOptions.paper(),
                ZERO_ONE);
        SolveResult solved = Fixtures.scip().solve(milp.model(), Fixtures.PARAMS);
        assertEquals(SolveStatus.OPTIMAL, solved.status(), solved::toString);
        double[] solution = solved.values();
        TrainedBnn net = milp.extract(solution);
        assertTrue(ConsistencyCheck.check(milp, solution, solved.objective(), net, ZERO_ONE).consistent());

        double[][] thresholds = net.thresholds();
        thresholds[1][0] = 1e3;
        TrainedBnn silenced = new TrainedBnn(net.spec(), net.weights(), thresholds, net.firingThreshold());
        ConsistencyReport report = ConsistencyCheck.check(milp, solution, solved.objective(), silenced, ZERO_ONE);
        assertFalse(report.consistent());
        assertEquals(4 * 3, report.checkedActivations(), "4 points × (2 hidden + 1 output)");
        assertEquals(2, report.mismatchedActivations(), "the two class-1 points' outputs fired in the solver");
        assertEquals(2, report.mismatchedPoints());
        assertEquals(0, report.solverLoss(), 1e-6);
        assertEquals(2, report.forwardLoss(), 1e-12);
        assertFalse(report.lossesAgree());
        assertEquals(1, report.examples().getFirst().solverValue());
        assertEquals(1, report.examples().getFirst().layer());
        assertTrue(report.describe().startsWith("INCONSISTENT: 2 of 12 activations differ on 2 points"),
                report.describe());
    }

    /**
     * A solution a solver would accept (the row a ≥ −M(1 − u) violated by 1e-7, within its
     * feasibility tolerance) with a = −1e-7 and u = 1: the forward pass firing at −ε/2 agrees with
     * the solver, the naive rule "fires iff a ≥ 0" does not, and the guard says so.
     */
    @Test
    void toleranceSizedViolationsAgreeAtHalfEpsilonButNotAtZero() {
        Dataset d = data(new double[][] {{0.5}, {0.1}}, new int[] {1, 0}, 2);
        BnnMilp milp = BnnFormulation.build(d, BnnSpec.forData(d).build(), FormulationOptions.paper(), ZERO_ONE);
        BnnVariables v = milp.variables();
        double[] x = new double[milp.model().variableCount()];
        x[v.weightColumn(0, 0, 0)] = 1;
        x[v.thresholdColumn(0, 0)] = 0.5 + 1e-7;
        x[v.activationColumn(0, 0, 0)] = 1; // a = 0.5 − 0.5000001 = −1e-7, yet u = 1
        x[v.activationColumn(1, 0, 0)] = 0; // a = 0.1 − 0.5000001 ≤ −ε
        double violation = milp.model().maxViolation(x);
        assertTrue(violation > 0 && violation <= 1e-6, "tolerance-feasible: " + violation);
        double objective = milp.model().objectiveValue(x);
        assertEquals(0, objective, 1e-12);

        TrainedBnn net = milp.extract(x);
        assertEquals(-5e-4, net.firingThreshold());
        ConsistencyReport atHalfEpsilon = ConsistencyCheck.check(milp, x, objective, net, ZERO_ONE);
        assertTrue(atHalfEpsilon.consistent(), atHalfEpsilon.describe());

        ConsistencyReport atZero = ConsistencyCheck.check(milp, x, objective, net.withFiringThreshold(0), ZERO_ONE);
        assertEquals(1, atZero.mismatchedActivations(), atZero.describe());
        assertEquals(0, atZero.examples().getFirst().point());
        assertEquals(-1e-7, atZero.examples().getFirst().preactivation(), 1e-12);
        assertEquals(1, atZero.forwardLoss(), 1e-12);
        assertFalse(atZero.consistent());
    }
}
