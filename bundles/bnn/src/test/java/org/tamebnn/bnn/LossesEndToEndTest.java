package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.loss.OutputKind;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.data.BuiltinDatasets;
import org.tamebnn.data.DataPipeline;
import org.tamebnn.data.Dataset;
import org.tamebnn.data.MissingValuePolicy;
import org.tamebnn.data.SplitSpec;
import org.tamebnn.losses.AbsoluteLoss;
import org.tamebnn.losses.ClassWeightedZeroOneLoss;
import org.tamebnn.losses.HingeLoss;
import org.tamebnn.losses.SquaredLoss;
import org.tamebnn.losses.ZeroOneLoss;

/**
 * Every classifier loss trains a real network on real solvers: the solve is optimal, the guard
 * finds the solver's activations and loss in the forward pass, and the loss is also recomputed
 * here from the network's predictions and preactivations alone, by the loss's textbook formula.
 */
class LossesEndToEndTest {

    static List<LossFunction> classifierLosses() {
        return List.of(new ZeroOneLoss(), new SquaredLoss(), new HingeLoss(), new ClassWeightedZeroOneLoss());
    }

    /** BCW, 40 training points (an unbalanced draw: the rarer class weighs more under weighted-zero-one). */
    private static Dataset bcw() {
        return DataPipeline.prepare(BuiltinDatasets.load("bcw"), SplitSpec.of(0, 0.2).trainSize(40),
                MissingValuePolicy.TRAIN_MEDIAN).train();
    }

    /** Three classes in the plane, one point out of place so that no small network fits all. */
    private static Dataset threeClasses() {
        return Fixtures.data(new double[][] {{0, 0}, {0.1, 0.2}, {0.2, 0.1}, {1, 0}, {0.9, 0.1}, {0.8, 0.2},
            {0, 1}, {0.1, 0.9}, {0.9, 0.9}}, new int[] {0, 0, 0, 1, 1, 1, 2, 2, 0}, 3);
    }

    @ParameterizedTest
    @MethodSource("classifierLosses")
    void bcwOnScip(LossFunction loss) {
        Dataset train = bcw();
        BnnSpec spec = BnnSpec.forData(train).hidden(2).build();
        TrainingResult r = trainOptimal(train, spec, loss, Fixtures.scip());
        System.out.printf(Locale.ROOT, "BCW 40 points, 9-2-1, loss %s: %s; training accuracy %s%n", loss.name(),
                TrainingResult.format(r.trainingLoss()), Evaluation.of(r.networkOrThrow(), train));
    }

    @ParameterizedTest
    @MethodSource("classifierLosses")
    void threeClassesOnHighs(LossFunction loss) {
        Dataset train = threeClasses();
        BnnSpec spec = BnnSpec.forData(train).hidden(2).build();
        trainOptimal(train, spec, loss, Fixtures.highs());
    }

    /** The squared loss on binary outputs is the 0-1 loss (both count Hamming distance); so are their optima. */
    @Test
    void squaredAndZeroOneHaveTheSameOptimum() {
        Dataset train = bcw();
        BnnSpec spec = BnnSpec.forData(train).hidden(2).build();
        double zeroOne = trainOptimal(train, spec, new ZeroOneLoss(), Fixtures.scip()).trainingLoss();
        double squared = trainOptimal(train, spec, new SquaredLoss(), Fixtures.scip()).trainingLoss();
        assertEquals(zeroOne, squared, 1e-6);
    }

    /** Weights that make class 1 count 5 times: its errors cost 5 each, and the optimum avoids them. */
    @Test
    void explicitClassWeightsMultiplyTheErrorsOfTheirClass() {
        Dataset train = Fixtures.data(new double[][] {{0.1}, {0.3}, {0.5}, {0.7}, {0.9}},
                new int[] {1, 0, 0, 0, 1}, 2);
        BnnSpec spec = BnnSpec.builder(1).build();
        TrainingResult plain = trainOptimal(train, spec, new ZeroOneLoss(), Fixtures.scip());
        TrainingResult weighted = trainOptimal(train, spec, new ClassWeightedZeroOneLoss(1, 5), Fixtures.scip());
        assertEquals(1, plain.trainingLoss(), 1e-6, "one threshold on a line gets 4 of 1,0,0,0,1 right");
        // keeping both 1s takes firing everywhere (three 0s wrong, cost 3); losing a 1 costs 5
        assertEquals(3, weighted.trainingLoss(), 1e-6);
        for (int i = 0; i < train.size(); i++) {
            assertEquals(1, weighted.networkOrThrow().predict(train.row(i)), "the heavy class is kept");
        }
    }

    @Test
    void lossesThatCannotScoreAClassifierAreRefusedByName() {
        Dataset train = Fixtures.xor();
        BnnSpec spec = BnnSpec.forData(train).build();
        var e = assertThrows(IllegalArgumentException.class,
                () -> BnnFormulation.build(train, spec, FormulationOptions.defaults(), new AbsoluteLoss()));
        assertTrue(e.getMessage().contains("'absolute'"), e.getMessage());
    }

    @Test
    void maxMarginIsRefusedForLossesOffTheIntegerGrid() {
        Dataset train = Fixtures.xor();
        BnnSpec spec = BnnSpec.forData(train).build();
        FormulationOptions maxMargin = FormulationOptions.defaults().withMaxMargin(true);
        var hinge = assertThrows(IllegalArgumentException.class,
                () -> BnnFormulation.build(train, spec, maxMargin, new HingeLoss()));
        assertTrue(hinge.getMessage().contains("hinge"), hinge.getMessage());
        Dataset unbalanced = Fixtures.data(new double[][] {{0}, {0.5}, {1}}, new int[] {0, 0, 1}, 2);
        var weighted = assertThrows(IllegalArgumentException.class, () -> BnnFormulation.build(unbalanced,
                BnnSpec.forData(unbalanced).build(), maxMargin, new ClassWeightedZeroOneLoss()));
        assertTrue(weighted.getMessage().contains("weighted-zero-one"), weighted.getMessage());
    }

    /** The hinge's model has the output preactivation as a column; the 0-1 loss's model is unchanged. */
    @Test
    void onlyAMarginLossAddsPreactivationColumns() {
        Dataset train = Fixtures.xor();
        BnnSpec spec = BnnSpec.forData(train).hidden(2).build();
        BnnMilp zeroOne = BnnFormulation.build(train, spec, FormulationOptions.defaults(), new ZeroOneLoss());
        BnnMilp hinge = BnnFormulation.build(train, spec, FormulationOptions.defaults(), new HingeLoss());
        assertEquals(OutputKind.BINARY, zeroOne.variables().outputKind());
        assertEquals(-1, zeroOne.variables().outputPreactivationColumn(0, 0));
        assertEquals(OutputKind.PREACTIVATION, hinge.variables().outputKind());
        assertNotEquals(-1, hinge.variables().outputPreactivationColumn(3, 0));
        // per point: a column and its defining row, and the hinge's slack and row
        assertEquals(zeroOne.model().variableCount() + 2 * train.size(), hinge.model().variableCount());
        assertEquals(zeroOne.model().rowCount() + 2 * train.size(), hinge.model().rowCount());
    }

    private static TrainingResult trainOptimal(Dataset train, BnnSpec spec, LossFunction loss, MilpSolver solver) {
        TrainingResult r = new ExactTrainer().train(train, spec, FormulationOptions.defaults(), loss, solver,
                Fixtures.PARAMS);
        assertEquals(SolveStatus.OPTIMAL, r.status(), r::describe);
        ConsistencyReport guard = r.consistency().orElseThrow();
        assertTrue(guard.consistent(), guard::describe);
        assertEquals(recomputed(r.networkOrThrow(), train, loss), r.trainingLoss(),
                1e-6 * Math.max(1, r.trainingLoss()), () -> loss.name() + ": " + r.describe());
        return r;
    }

    /**
     * The training loss from the forward pass, by the loss's own formula per row, independent of the
     * formulation's bookkeeping: errors for 0-1 and squared (with K ≥ 3, each error is a Hamming
     * distance of 2, and the objective halves it), times the row's class weight for the weighted
     * loss, Σ_k max(0, 1 − s_k·a_k) for the hinge (halved for K ≥ 3 like every loss).
     */
    private static double recomputed(TrainedBnn net, Dataset train, LossFunction loss) {
        int[] counts = train.classCounts();
        int k = counts.length;
        double scale = k == 2 ? 1 : 0.5;
        double total = 0;
        for (int i = 0; i < train.size(); i++) {
            TrainedBnn.ForwardPass pass = net.forward(train.row(i));
            int label = train.label(i);
            double[] a = pass.preactivations()[pass.preactivations().length - 1];
            int[] u = pass.activations()[pass.activations().length - 1];
            double rowLoss = 0;
            for (int o = 0; o < a.length; o++) {
                int target = a.length == 1 ? label : (o == label ? 1 : 0);
                rowLoss += switch (loss.name()) {
                    case "hinge" -> Math.max(0, 1 - (2 * target - 1) * a[o]);
                    case "squared" -> (u[o] - target) * (u[o] - target);
                    default -> Math.abs(u[o] - target);
                };
            }
            double classWeight = loss.classWeight(label, counts); // 1 but for weighted-zero-one (tested there)
            total += classWeight * scale * rowLoss;
        }
        return total;
    }
}
