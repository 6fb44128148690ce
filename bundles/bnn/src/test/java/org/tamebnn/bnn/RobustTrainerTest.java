package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.bnn.AdversarialSearch.Verdict;
import org.tamebnn.data.BuiltinDatasets;
import org.tamebnn.data.DataPipeline;
import org.tamebnn.data.Dataset;
import org.tamebnn.data.MissingValuePolicy;
import org.tamebnn.data.PreparedData;
import org.tamebnn.data.SplitSpec;
import org.tamebnn.losses.HingeLoss;

/**
 * Column-and-constraint generation for the robust model (11): known optima on a tiny 1-D case,
 * bounds that behave as bounds, and a small BCW run whose every claim is re-checked.
 */
class RobustTrainerTest {

    /** Two 1-D points of different classes at distance d = 0.4. */
    private static Dataset twoPoints() {
        return Fixtures.data(new double[][] {{0.3}, {0.7}}, new int[] {0, 1}, 2);
    }

    private static RobustResult train(Dataset data, BnnSpec spec, RobustTrainer trainer, MilpSolver solver,
            SolveParams params) {
        RobustResult r = trainer.train(data, spec, FormulationOptions.defaults(), Fixtures.ZERO_ONE, solver, params);
        System.out.println(r.describe());
        r.iterations().forEach(it -> System.out.println("  " + it.describe()));
        checkBounds(r);
        return r;
    }

    /** Lower bounds never fall, upper bounds never rise, every upper bound is above every lower bound. */
    private static void checkBounds(RobustResult r) {
        List<RobustIteration> log = r.iterations();
        double maxLower = Double.NEGATIVE_INFINITY;
        double minUpper = Double.POSITIVE_INFINITY;
        for (int i = 0; i < log.size(); i++) {
            RobustIteration it = log.get(i);
            if (i > 0) {
                assertTrue(it.lowerBound() >= log.get(i - 1).lowerBound(), it::describe);
                assertTrue(it.upperBound() <= log.get(i - 1).upperBound(), it::describe);
            }
            maxLower = Math.max(maxLower, it.lowerBound());
            minUpper = Math.min(minUpper, it.upperBound());
            if (!Double.isNaN(it.networkRobustLoss())) {
                minUpper = Math.min(minUpper, it.networkRobustLoss());
                // the worst-case columns are tight at an optimum; an incumbent may overpay, never underpay
                if (it.masterStatus() == org.tamebnn.api.milp.SolveStatus.OPTIMAL) {
                    assertEquals(it.masterObjective(), it.masterRecomputed(), 1e-6, "master guard: " + it.describe());
                }
                assertTrue(it.masterRecomputed() <= it.masterObjective() + 1e-6, "master guard: " + it.describe());
                assertTrue(it.networkRobustLoss() >= it.masterObjective() - 1e-6, it::describe);
            }
        }
        for (RobustIteration it : log) {
            assertTrue(it.upperBound() >= maxLower - 1e-6, () -> "upper below a lower bound: " + it.describe());
            assertTrue(it.lowerBound() <= minUpper + 1e-6, () -> "lower above an upper bound: " + it.describe());
        }
        assertEquals(maxLower, r.lowerBound(), 1e-9);
        assertEquals(minUpper, r.upperBound(), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"scip", "highs"})
    void ballsSmallerThanHalfTheDistanceAreSeparable(String solver) {
        BnnSpec spec = BnnSpec.builder(1).hidden(1).build();
        RobustResult r = train(twoPoints(), spec, RobustTrainer.of(PerturbationNorm.LINF, 0.1),
                Fixtures.solver(solver), Fixtures.PARAMS);
        assertEquals(RobustResult.Stop.CONVERGED, r.stop(), r::describe);
        assertEquals(0, r.lowerBound(), 1e-9);
        assertEquals(0, r.upperBound(), 1e-9);
        var eval = r.networkOrThrow();
        var search = new AdversarialSearch(PerturbationNorm.LINF, 0.1);
        for (int i = 0; i < 2; i++) {
            var o = search.certify(eval, twoPoints().row(i), twoPoints().label(i), Fixtures.scip(), Fixtures.PARAMS,
                    CancellationToken.none());
            assertEquals(Verdict.ROBUST, o.verdict(), o::toString);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"scip", "highs"})
    void overlappingBallsCostOnePoint(String solver) {
        // r = 0.25 > d/2: the balls share [0.45, 0.55], which one class must lose; one point is enough
        BnnSpec spec = BnnSpec.builder(1).hidden(1).build();
        RobustResult r = train(twoPoints(), spec, RobustTrainer.of(PerturbationNorm.LINF, 0.25),
                Fixtures.solver(solver), Fixtures.PARAMS);
        assertEquals(RobustResult.Stop.CONVERGED, r.stop(), r::describe);
        assertEquals(1, r.lowerBound(), 1e-9);
        assertEquals(1, r.upperBound(), 1e-9);
        assertTrue(r.iterations().size() >= 2, "the nominal master alone says 0");
        for (int g = 0; g < 2; g++) {
            for (double[] x : r.scenarios().get(g)) {
                assertTrue(PerturbationNorm.LINF.distance(x, twoPoints().row(g)) <= 0.25 + 1e-9);
            }
        }
    }

    @Test
    void deepestScenariosReachTheSameOptimum() {
        BnnSpec spec = BnnSpec.builder(1).hidden(1).build();
        RobustResult r = train(twoPoints(), spec,
                RobustTrainer.of(PerturbationNorm.LINF, 0.25).withDeepestScenarios(true), Fixtures.scip(), Fixtures.PARAMS);
        assertEquals(RobustResult.Stop.CONVERGED, r.stop(), r::describe);
        assertEquals(1, r.lowerBound(), 1e-9);
        assertEquals(1, r.upperBound(), 1e-9);
    }

    @Test
    void l1BallsInOneDimensionAgreeWithLinf() {
        BnnSpec spec = BnnSpec.builder(1).hidden(1).build();
        RobustResult r = train(twoPoints(), spec, RobustTrainer.of(PerturbationNorm.L1, 0.25), Fixtures.scip(),
                Fixtures.PARAMS);
        assertEquals(RobustResult.Stop.CONVERGED, r.stop(), r::describe);
        assertEquals(1, r.upperBound(), 1e-9);
    }

    @Test
    void bcwWithTwelvePointsFinishesOrReportsBounds() {
        PreparedData data = DataPipeline.prepare(BuiltinDatasets.load("bcw"), SplitSpec.of(0, 0.2).trainSize(12),
                MissingValuePolicy.TRAIN_MEDIAN);
        BnnSpec spec = BnnSpec.forData(data.train()).hidden(2).build();
        var trainer = RobustTrainer.of(PerturbationNorm.LINF, 0.05);
        RobustResult r = train(data.train(), spec, trainer, Fixtures.scip(),
                SolveParams.defaults().withTimeLimitSeconds(8).withThreads(1).withSeed(1));
        assertTrue(r.stop() == RobustResult.Stop.CONVERGED || r.stop() == RobustResult.Stop.TIME_LIMIT, r::describe);
        assertTrue(r.lowerBound() <= r.upperBound() + 1e-9, r::describe);
        assertTrue(r.lowerBound() >= 0, r::describe);
        TrainedBnn net = r.networkOrThrow();
        // the upper bound is the network's robust loss: re-derive it from fresh searches
        int lost = 0;
        int undecided = 0;
        var search = trainer.adversary();
        for (int i = 0; i < data.train().size(); i++) {
            var o = search.attack(net, data.train().row(i), data.train().label(i), Fixtures.scip(),
                    Fixtures.PARAMS, CancellationToken.none());
            lost += o.misclassified() ? 1 : 0;
            undecided += o.verdict() == Verdict.UNDECIDED ? 1 : 0;
        }
        assertEquals(0, undecided);
        assertTrue(lost <= r.upperBound() + 1e-9, () -> "fresh searches lose more than the upper bound " + r.describe());
        for (int g = 0; g < r.scenarios().size(); g++) {
            for (double[] x : r.scenarios().get(g)) {
                double d = PerturbationNorm.LINF.distance(x, data.train().row(g));
                assertTrue(d <= 0.05 + 1e-9, "scenario outside its ball: " + d);
            }
        }
        RobustEvaluation test = search.evaluate(net, data.test(), Fixtures.scip(), Fixtures.PARAMS,
                CancellationToken.none());
        assertTrue(test.robust() <= test.correct());
        assertEquals(Evaluation.of(net, data.test()).correct(), test.correct());
        System.out.println("BCW test: " + test);
    }

    @Test
    void refusesWhatItCannotModel() {
        BnnSpec spec = BnnSpec.builder(1).hidden(1).build();
        var trainer = RobustTrainer.of(PerturbationNorm.LINF, 0.1);
        var e = assertThrows(IllegalArgumentException.class, () -> trainer.train(twoPoints(), spec,
                FormulationOptions.defaults(), new HingeLoss(), Fixtures.scip(), Fixtures.PARAMS));
        assertTrue(e.getMessage().contains("binary outputs"), e::getMessage);
        assertThrows(IllegalArgumentException.class, () -> trainer.train(twoPoints(), spec,
                FormulationOptions.defaults().withMaxMargin(true), Fixtures.ZERO_ONE, Fixtures.scip(), Fixtures.PARAMS));
        assertThrows(IllegalArgumentException.class, () -> RobustTrainer.of(PerturbationNorm.L1, -1));
        assertThrows(IllegalArgumentException.class, () -> trainer.withMaxIterations(0));
    }
}
