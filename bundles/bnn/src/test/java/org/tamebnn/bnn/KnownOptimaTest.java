package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tamebnn.bnn.Fixtures.data;
import static org.tamebnn.bnn.Fixtures.errors;
import static org.tamebnn.bnn.Fixtures.scip;
import static org.tamebnn.bnn.Fixtures.trainOptimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tamebnn.data.Dataset;

/** Tiny problems whose optimal training loss is known by an argument or by brute force. */
class KnownOptimaTest {

    /** XOR needs a hidden layer; with two hidden neurons it is learnt exactly (e.g. OR and not AND). */
    @ParameterizedTest
    @ValueSource(strings = {"scip", "highs"})
    void xorWithTwoHiddenNeuronsHasLossZero(String solver) {
        Dataset xor = Fixtures.xor();
        BnnSpec spec = BnnSpec.forData(xor).hidden(2).build();
        TrainingResult r = trainOptimal(xor, spec, FormulationOptions.paper(), Fixtures.solver(solver));
        assertEquals(0, r.trainingLoss(), 1e-6, r::describe);
        assertEquals(0, errors(r.networkOrThrow(), xor));
    }

    /**
     * One hidden neuron is one linear threshold, and the output is a function of it (itself, its
     * negation or a constant): a linear classifier, which gets at best 3 of XOR's 4 points.
     */
    @Test
    void xorWithOneHiddenNeuronHasLossOne() {
        Dataset xor = Fixtures.xor();
        TrainingResult r = trainOptimal(xor, BnnSpec.forData(xor).hidden(1).build(), FormulationOptions.paper(), scip());
        assertEquals(1, r.trainingLoss(), 1e-6, r::describe);
        assertEquals(1, errors(r.networkOrThrow(), xor));
    }

    /** The same point with both labels: any network gets one of them wrong, and only that one. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void contradictoryLabelsForceExactlyOneError(boolean merge) {
        Dataset d = data(new double[][] {{0.2, 0.3}, {0.2, 0.3}, {0.8, 0.9}, {0.1, 0.9}},
                new int[] {0, 1, 1, 0}, 2);
        BnnSpec spec = BnnSpec.forData(d).hidden(2).build();
        TrainingResult r = trainOptimal(d, spec, FormulationOptions.paper().withMergeDuplicates(merge), scip());
        assertEquals(1, r.trainingLoss(), 1e-6, r::describe);
        assertEquals(merge ? 3 : 4, r.milp().points().size());
        assertEquals(1, errors(r.networkOrThrow(), d));
    }

    /**
     * Labels follow x₁ ≥ 0.5 alone. Real weights (1, 0) with λ = 0.5 get them all; binary weights
     * only see ±x₁ ± x₂, along which the classes interleave, so one point is always lost — brute
     * force over every sign pattern and threshold confirms the optimum 1.
     */
    @Test
    void binaryWeightsCannotExpressWhatRealWeightsCan() {
        Dataset d = data(new double[][] {{0.4, 0}, {0.6, 0}, {0.4, 1}, {0.6, 1}}, new int[] {0, 1, 0, 1}, 2);
        assertEquals(1, BruteForce.bestBinaryWeightPerceptron(d, 1e-3));

        BnnSpec real = BnnSpec.forData(d).build();
        BnnSpec binary = BnnSpec.forData(d).weights(WeightDomain.BINARY).build();
        TrainingResult realResult = trainOptimal(d, real, FormulationOptions.paper(), scip());
        TrainingResult binaryResult = trainOptimal(d, binary, FormulationOptions.paper(), scip());
        assertEquals(0, realResult.trainingLoss(), 1e-6, realResult::describe);
        assertEquals(1, binaryResult.trainingLoss(), 1e-6, binaryResult::describe);
        for (double[] row : binaryResult.networkOrThrow().weights()[0]) {
            for (double w : row) {
                assertEquals(1, Math.abs(w), 0.0, "binary weights are ±1");
            }
        }

        // with a hidden neuron the output is a function of one ±x₁ ± x₂ threshold: still 1
        BnnSpec binaryHidden = BnnSpec.forData(d).hidden(1).weights(WeightDomain.BINARY).build();
        BnnSpec realHidden = BnnSpec.forData(d).hidden(1).build();
        assertEquals(1, trainOptimal(d, binaryHidden, FormulationOptions.paper(), scip()).trainingLoss(), 1e-6);
        assertEquals(0, trainOptimal(d, realHidden, FormulationOptions.paper(), scip()).trainingLoss(), 1e-6);
    }

    /** Three separable clusters, one-hot outputs with exactly one firing: every point right. */
    @ParameterizedTest
    @ValueSource(ints = {0, 2, 3})
    void threeSeparableClustersHaveLossZero(int hidden) {
        Dataset d = data(new double[][] {{0.1, 0.1}, {0.15, 0.2}, {0.9, 0.1}, {0.8, 0.15}, {0.5, 0.9}, {0.45, 0.8}},
                new int[] {0, 0, 1, 1, 2, 2}, 3);
        var builder = BnnSpec.forData(d);
        if (hidden > 0) {
            builder.hidden(hidden);
        }
        TrainingResult r = trainOptimal(d, builder.build(), FormulationOptions.paper(), scip());
        assertEquals(0, r.trainingLoss(), 1e-6, r::describe);
        assertEquals(3, r.networkOrThrow().weights()[hidden > 0 ? 1 : 0].length, "one output per class");
        assertEquals(1.0, Evaluation.of(r.networkOrThrow(), d).accuracy());
    }

    /** Multi-class loss counts misclassified points (not 2 per point): one contradictory pair costs 1. */
    @Test
    void multiClassLossCountsPoints() {
        Dataset d = data(new double[][] {{0.1, 0.1}, {0.1, 0.1}, {0.9, 0.1}, {0.5, 0.9}},
                new int[] {0, 2, 1, 2}, 3);
        TrainingResult r = trainOptimal(d, BnnSpec.forData(d).build(), FormulationOptions.paper(), scip());
        assertEquals(1, r.trainingLoss(), 1e-6, r::describe);
        assertEquals(1, errors(r.networkOrThrow(), d));
    }

    /**
     * In 1-D with λ = 0 a first-layer neuron computes w·x, whose sign is the same for every x > 0:
     * 0.2 and 0.8 get the same activations, hence the same output, so BDNN0 loses one of them.
     * BDNN puts its threshold between them.
     */
    @Test
    void thresholdsMatterBdnn0LosesWhatBdnnSeparates() {
        Dataset d = data(new double[][] {{0.2}, {0.8}}, new int[] {0, 1}, 2);
        BnnSpec bdnn = BnnSpec.forData(d).hidden(1).build();
        BnnSpec bdnn0 = BnnSpec.forData(d).hidden(1).variant(Variant.BDNN0).build();
        TrainingResult withThresholds = trainOptimal(d, bdnn, FormulationOptions.paper(), scip());
        TrainingResult without = trainOptimal(d, bdnn0, FormulationOptions.paper(), scip());
        assertEquals(0, withThresholds.trainingLoss(), 1e-6, withThresholds::describe);
        assertEquals(1, without.trainingLoss(), 1e-6, without::describe);
        for (double[] t : without.networkOrThrow().thresholds()) {
            for (double lambda : t) {
                assertEquals(0.0, lambda);
            }
        }
    }

    /** ‖W‖₀ ≤ 1 still fits the x₁ ≥ 0.5 data (w = (1, 0)); ‖W‖₀ ≤ 0 leaves a constant network. */
    @Test
    void sparsityBudgetIsHonoured() {
        Dataset d = data(new double[][] {{0.4, 0}, {0.6, 0}, {0.4, 1}, {0.6, 1}, {0.3, 0.5}},
                new int[] {0, 1, 0, 1, 0}, 2);
        TrainingResult one = trainOptimal(d, BnnSpec.forData(d).sparsityBudget(1).build(), FormulationOptions.paper(),
                scip());
        assertEquals(0, one.trainingLoss(), 1e-6, one::describe);
        assertTrue(one.networkOrThrow().nonZeroWeightCount() <= 1);
        TrainingResult none = trainOptimal(d, BnnSpec.forData(d).sparsityBudget(0).build(),
                FormulationOptions.paper(), scip());
        assertEquals(2, none.trainingLoss(), 1e-6, "a constant network gets the minority class (2 points) wrong");
        assertEquals(0, none.networkOrThrow().nonZeroWeightCount());
    }

    /** Two hidden layers work as one would expect: XOR again, through 2 and then 2 neurons. */
    @Test
    void deeperNetworksTrainToo() {
        Dataset xor = Fixtures.xor();
        TrainingResult r = trainOptimal(xor, BnnSpec.forData(xor).hidden(2, 2).build(), FormulationOptions.paper(),
                scip());
        assertEquals(0, r.trainingLoss(), 1e-6, r::describe);
        assertEquals(3, r.networkOrThrow().weights().length);
    }
}
