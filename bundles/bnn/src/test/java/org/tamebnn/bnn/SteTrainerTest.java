package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tamebnn.data.BuiltinDatasets;
import org.tamebnn.data.DataPipeline;
import org.tamebnn.data.Dataset;
import org.tamebnn.data.MissingValuePolicy;
import org.tamebnn.data.PreparedData;
import org.tamebnn.data.SplitSpec;

/** The STE baseline on the paper's setting: Breast Cancer Wisconsin, seed-0 split, 9-5-1. */
class SteTrainerTest {

    private static PreparedData bcw(int trainSize) {
        return DataPipeline.prepare(BuiltinDatasets.load("bcw"), SplitSpec.of(0, 0.2).trainSize(trainSize),
                MissingValuePolicy.TRAIN_MEDIAN);
    }

    private static SteResult train(Dataset data, BnnSpec spec, long seed) {
        return new SteTrainer().train(data, spec, Fixtures.ZERO_ONE, SteOptions.defaults().withSeed(seed));
    }

    @ParameterizedTest
    @ValueSource(ints = {25, 50})
    void bcwCurveAndNetworkAgreeWithTheForwardPass(int trainSize) {
        PreparedData data = bcw(trainSize);
        BnnSpec spec = BnnSpec.forData(data.train()).hidden(5).build();
        SteResult r = train(data.train(), spec, 0);

        int[] curve = r.trainingErrors();
        assertEquals(SteOptions.defaults().epochs() + 1, curve.length, "one entry per epoch plus the initial network");
        assertEquals(curve.length, r.surrogateLoss().length);
        assertEquals(Arrays.stream(curve).min().orElseThrow(), r.trainingLoss(), "the best epoch is kept");
        assertEquals(r.trainingLoss(), Fixtures.errors(r.network(), data.train()),
                "the reported training loss is the network's own forward pass");
        Evaluation train = Evaluation.of(r.network(), data.train());
        assertEquals(trainSize - r.trainingLoss(), train.correct());
        assertTrue(r.trainingLoss() < curve[0], () -> "training lowered the 0-1 loss: " + Arrays.toString(curve));
        assertTrue(r.description().contains("hinge"), r::description);

        Evaluation test = Evaluation.of(r.network(), data.test());
        System.out.printf(Locale.ROOT, "BCW STE %d points: %s%n  train %s%n  test  %s%n", trainSize, r.describe(),
                train, test);
    }

    @Test
    void theSameSeedGivesTheSameNetworkAndAnotherSeedAnother() {
        PreparedData data = bcw(25);
        BnnSpec spec = BnnSpec.forData(data.train()).hidden(5).build();
        SteResult a = train(data.train(), spec, 7);
        SteResult b = train(data.train(), spec, 7);
        assertEquals(a.network(), b.network());
        assertArrayEquals(a.trainingErrors(), b.trainingErrors());
        assertArrayEquals(a.surrogateLoss(), b.surrogateLoss());
        assertNotEquals(a.network(), train(data.train(), spec, 8).network());
    }

    @Test
    void binaryWeightsAndBdnn0KeepTheirDomains() {
        PreparedData data = bcw(25);
        BnnSpec binary = BnnSpec.forData(data.train()).hidden(5).weights(WeightDomain.BINARY).build();
        TrainedBnn b = train(data.train(), binary, 0).network();
        for (double[][] layer : b.weights()) {
            for (double[] row : layer) {
                for (double w : row) {
                    assertTrue(w == 1 || w == -1, "binary weight " + w);
                }
            }
        }
        BnnSpec bdnn0 = BnnSpec.forData(data.train()).hidden(5).variant(Variant.BDNN0).build();
        for (double[] layer : train(data.train(), bdnn0, 0).network().thresholds()) {
            for (double t : layer) {
                assertEquals(0, t);
            }
        }
    }

    @Test
    void xorNeedsAndGetsTheHiddenLayer() {
        BnnSpec spec = BnnSpec.forData(Fixtures.xor()).hidden(4).build();
        SteOptions options = SteOptions.defaults().withBatchSize(1).withEpochs(500).withLearningRate(0.1);
        int fitted = 0;
        for (long seed = 0; seed < 10; seed++) {
            fitted += new SteTrainer().train(Fixtures.xor(), spec, Fixtures.ZERO_ONE, options.withSeed(seed))
                    .trainingLoss() == 0 ? 1 : 0;
        }
        System.out.println("XOR 2-4-1 by STE: " + fitted + " of 10 seeds fit it");
        assertTrue(fitted > 0, "some seed of ten fits XOR with 4 hidden steps");
    }

    @Test
    void aSparsityBudgetIsRefusedByName() {
        PreparedData data = bcw(25);
        BnnSpec spec = BnnSpec.forData(data.train()).hidden(5).sparsityBudget(10).build();
        var e = assertThrows(IllegalArgumentException.class, () -> train(data.train(), spec, 0));
        assertTrue(e.getMessage().contains("sparsity budget"), e::getMessage);
    }
}
