package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.dual.DualConstructor;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolvers;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.bnn.internal.FixedParameters;
import org.tamebnn.data.BuiltinDatasets;
import org.tamebnn.data.DataPipeline;
import org.tamebnn.data.MissingValuePolicy;
import org.tamebnn.data.PreparedData;
import org.tamebnn.data.SplitSpec;

/**
 * The tame trainer on Breast Cancer Wisconsin: the first layer taken out of the Theorem 2 MILP as
 * parameters gives the same model at θ, each iteration's dual value bounds that iteration's loss,
 * and the best network is the forward pass's.
 */
class TameTrainerTest {
    private static final PreparedData DATA = DataPipeline.prepare(BuiltinDatasets.load("bcw"),
            SplitSpec.of(0, 0.2).trainSize(50), MissingValuePolicy.TRAIN_MEDIAN);

    private static DualConstructor dual(String name) {
        return ServiceLoader.load(DualConstructor.class).stream().map(ServiceLoader.Provider::get)
                .filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void takingTheFirstLayerOutLeavesTheSameModelAtTheta() {
        BnnSpec spec = BnnSpec.forData(DATA.train()).hidden(3).build();
        TrainingResult exact = new ExactTrainer().train(DATA.train(), spec, FormulationOptions.defaults(),
                Fixtures.ZERO_ONE, Fixtures.scip(), SolveParams.defaults().withTimeLimitSeconds(60));
        BnnMilp milp = exact.milp();
        double[] x = milp.solutionOf(exact.networkOrThrow());
        List<Integer> columns = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < spec.fanIn(0); j++) {
                columns.add(milp.variables().weightColumn(0, k, j));
            }
            columns.add(milp.variables().thresholdColumn(0, k));
        }
        FixedParameters fixed = new FixedParameters(milp.model(), columns.stream().mapToInt(Integer::intValue).toArray());
        double[] theta = fixed.parametersOf(x);
        MilpModel at = fixed.at(theta);
        double[] reduced = new double[at.variableCount()];
        for (int j = 0, r = 0; j < x.length; j++) {
            if (!columns.contains(j)) {
                reduced[r++] = x[j];
            }
        }
        assertTrue(at.maxViolation(reduced) < 1e-6, "the network's point stays feasible with θ taken out");
        assertEquals(milp.model().objectiveValue(x), at.objectiveValue(reduced), 1e-9);
        assertArrayEquals(x, fixed.fullSolution(theta, reduced), 1e-12);
        // d(θ) = d⁰ − A_θ θ: each activation row of the first layer holds w·x − λ of one point and neuron
        assertEquals(2 * 3 * milp.points().size(), fixed.varyingRows().length);
        assertArrayEquals(new double[theta.length], fixed.chain(new double[fixed.varyingRows().length]), 0,
                "no objective on the first layer: a zero field chains to zero");
    }

    @Test
    void fromARandomFirstLayerItImprovesAndEveryDualValueBoundsItsLoss() {
        BnnSpec spec = BnnSpec.forData(DATA.train()).hidden(3).build();
        TameTrainer.Result r = new TameTrainer(TameTrainer.Options.defaults().withIterations(6).withRandomStart(true))
                .train(DATA.train(), spec, FormulationOptions.defaults(), Fixtures.ZERO_ONE, Fixtures.scip(), dual("bb"),
                        MilpSolvers.create("ortools-glop"), SolveParams.defaults().withTimeLimitSeconds(30),
                        Duration.ofSeconds(120), CancellationToken.none());
        assertFalse(r.iterations().isEmpty(), r.stop());
        for (TameTrainer.Iteration i : r.iterations()) {
            assertTrue(!(i.dualValue() > i.loss() + 1e-6), "weak duality at iteration " + i.k() + ": F = "
                    + i.dualValue() + " ≤ z = " + i.loss());
        }
        double first = r.iterations().get(0).loss();
        TrainingResult best = r.best();
        assertTrue(best.trainingLoss() <= first, "the best network is no worse than the start: " + best.trainingLoss()
                + " vs " + first);
        assertTrue(r.iterations().stream().anyMatch(i -> i.fieldNorm() > 0), "the smoothed field moves the first layer");
        assertTrue(best.consistency().orElseThrow().consistent(), best.consistency().orElseThrow()::describe);
        assertEquals(best.trainingLoss(), Fixtures.errors(best.networkOrThrow(), DATA.train()), 1e-6);
        assertEquals(r.iterations().size(), r.lossCurve().length);
        System.out.println("tame, BCW 50 points, 9-3-1, random start: " + java.util.Arrays.toString(r.lossCurve())
                + "; " + r.stop());
    }

    @Test
    void refusesWhatItCannotStep() {
        BnnSpec binary = BnnSpec.forData(DATA.train()).hidden(3).weights(WeightDomain.BINARY).build();
        assertTrue(TameTrainer.unsupported(binary).orElseThrow().contains("--weights real"));
        BnnSpec noHidden = BnnSpec.forData(DATA.train()).hidden().build();
        assertThrows(IllegalArgumentException.class, () -> new TameTrainer(TameTrainer.Options.defaults())
                .train(DATA.train(), noHidden, FormulationOptions.defaults(), Fixtures.ZERO_ONE, Fixtures.scip(),
                        dual("bb"), MilpSolvers.create("ortools-glop"), SolveParams.defaults(), Duration.ofSeconds(5),
                        CancellationToken.none()));
        assertThrows(IllegalArgumentException.class, () -> TameTrainer.Options.defaults().withAlpha0(0));
    }
}
