package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.bnn.internal.LayerFixing;
import org.tamebnn.data.BuiltinDatasets;
import org.tamebnn.data.DataPipeline;
import org.tamebnn.data.Dataset;
import org.tamebnn.data.MissingValuePolicy;
import org.tamebnn.data.SplitSpec;

/** Bah &amp; Kurtz's local search (Section 3.1, Algorithm 1) on Breast Cancer Wisconsin with 5 hidden neurons. */
class LocalSearchTrainerTest {
    private static final SolveParams PARAMS = SolveParams.defaults().withTimeLimitSeconds(60).withThreads(1);

    static Dataset bcw(int trainSize) {
        return DataPipeline.prepare(BuiltinDatasets.load("bcw"), SplitSpec.of(0, 0.2).trainSize(trainSize),
                MissingValuePolicy.TRAIN_MEDIAN).train();
    }

    private static LocalSearchResult search(Dataset train, String solver, int restarts, long seed) {
        BnnSpec spec = BnnSpec.forData(train).hidden(5).build();
        return new LocalSearchTrainer().withRestarts(restarts).withSeed(seed).train(train, spec,
                FormulationOptions.defaults(), Fixtures.ZERO_ONE, Fixtures.solver(solver), PARAMS);
    }

    @ParameterizedTest(name = "BCW {0} points on {1}")
    @CsvSource({"25, scip", "50, scip", "25, highs"})
    void endsNoWorseThanItsStartsWithNonIncreasingObjectivesAndAConsistentNetwork(int points, String solver) {
        Dataset train = bcw(points);
        LocalSearchResult r = search(train, solver, 2, 0);
        System.out.println("BCW " + points + " points, " + r.describe());
        r.restarts().forEach(run -> System.out.println("  " + run.describe()));

        TrainingResult best = r.result();
        assertEquals(SolveStatus.FEASIBLE, best.status(), best::describe);
        assertTrue(Double.isNaN(best.bestBound()) && Double.isNaN(best.lossBound()), "a heuristic claims no bound");
        assertEquals(2, r.restarts().size());
        assertEquals("pocket", r.restarts().get(0).start());
        assertEquals("random", r.restarts().get(1).start());
        int milps = 0;
        for (LocalSearchResult.Restart run : r.restarts()) {
            milps += run.iterations().size();
            assertTrue(run.iterations().size() >= 2, run::describe);
            assertTrue(run.objective() <= run.startLoss() + 1e-9, "no worse than its start: " + run.describe());
            double previous = Double.POSITIVE_INFINITY;
            for (LocalSearchResult.Iteration it : run.iterations()) {
                assertEquals(SolveStatus.OPTIMAL, it.status(), run::describe);
                assertTrue(it.objective() <= previous + 1e-9, "objective rose at MILP " + it.number() + ": "
                        + run.describe());
                previous = it.objective();
            }
            assertTrue(run.stopReason().contains("local optimum"), run::describe);
        }
        assertEquals(milps, r.milpsSolved());
        assertTrue(best.trainingLoss() <= r.restarts().get(0).startLoss() + 1e-9);

        TrainedBnn net = best.networkOrThrow();
        assertTrue(best.consistency().orElseThrow().consistent(), best::describe);
        assertEquals(best.trainingLoss(), Fixtures.errors(net, train), 1e-9, "the forward pass gives the same loss");
        assertTrue(best.solutionViolation() < 1e-5, best::describe);
    }

    @Test
    void theSameSeedRepeatsTheRun() {
        Dataset train = bcw(25);
        LocalSearchResult a = search(train, "scip", 2, 7);
        LocalSearchResult b = search(train, "scip", 2, 7);
        assertEquals(objectives(a), objectives(b));
        assertEquals(a.bestRestart(), b.bestRestart());
        TrainedBnn na = a.result().networkOrThrow();
        TrainedBnn nb = b.result().networkOrThrow();
        for (int l = 0; l < na.spec().layerCount(); l++) {
            for (int k = 0; k < na.spec().width(l); k++) {
                assertArrayEquals(na.weights()[l][k], nb.weights()[l][k], 0.0);
            }
            assertArrayEquals(na.thresholds()[l], nb.thresholds()[l], 0.0);
        }
    }

    private static List<List<Double>> objectives(LocalSearchResult r) {
        return r.restarts().stream()
                .map(run -> run.iterations().stream().map(LocalSearchResult.Iteration::objective).toList()).toList();
    }

    @Test
    void eachHalfFixesOneParityOfLayersAndNeverTheOutputs() {
        Dataset train = bcw(25);
        BnnSpec spec = BnnSpec.forData(train).hidden(5, 3).build();
        BnnMilp milp = BnnFormulation.build(train, spec, FormulationOptions.defaults(), Fixtures.ZERO_ONE);
        assertEquals(List.of(0, 2), LayerFixing.fixedLayers(spec, 0));
        assertEquals(List.of(1), LayerFixing.fixedLayers(spec, 1));
        double[] x = milp.solutionOf(HeuristicStart.of(milp, 0).network());
        BnnVariables v = milp.variables();
        MilpModel first = LayerFixing.fix(milp, x, LayerFixing.fixedLayers(spec, 0));
        MilpModel second = LayerFixing.fix(milp, x, LayerFixing.fixedLayers(spec, 1));
        assertTrue(fixed(first, v.weightColumn(0, 0, 0)) && !fixed(second, v.weightColumn(0, 0, 0)));
        assertTrue(fixed(first, v.thresholdColumn(2, 0)) && !fixed(second, v.thresholdColumn(2, 0)));
        assertTrue(fixed(second, v.weightColumn(1, 2, 4)) && !fixed(first, v.weightColumn(1, 2, 4)));
        assertTrue(fixed(first, v.activationColumn(3, 0, 1)) && !fixed(second, v.activationColumn(3, 0, 1)));
        assertTrue(fixed(second, v.activationColumn(3, 1, 1)) && !fixed(first, v.activationColumn(3, 1, 1)));
        assertFalse(fixed(first, v.activationColumn(3, 2, 0)) || fixed(second, v.activationColumn(3, 2, 0)),
                "the output activations carry the loss and stay free");
        assertFalse(fixed(first, v.productColumn(3, 1, 0, 0)) || fixed(second, v.productColumn(3, 1, 0, 0)));
        // every product w·u has one factor fixed in each half: both problems are linear in what stays free
        for (MilpModel m : List.of(first, second)) {
            for (int l = 1; l < spec.layerCount(); l++) {
                assertTrue(fixed(m, v.weightColumn(l, 0, 0)) != fixed(m, v.activationColumn(0, l - 1, 0)),
                        "layer " + l + " of " + m.name());
            }
        }
        assertEquals(milp.model().objectiveValue(x), first.objectiveValue(x), "the fixing keeps the start feasible");
        assertTrue(first.maxViolation(x) <= 1e-9 && second.maxViolation(x) <= 1e-9);
    }

    private static boolean fixed(MilpModel m, int column) {
        return m.variable(column).lower() == m.variable(column).upper();
    }

    @Test
    void badOptionsAreRefusedWithTheReason() {
        var e = assertThrows(IllegalArgumentException.class, () -> new LocalSearchTrainer().withRestarts(0));
        assertTrue(e.getMessage().contains("restart"), e::getMessage);
        assertThrows(IllegalArgumentException.class, () -> new LocalSearchTrainer().withMaxIterations(0));
    }
}
