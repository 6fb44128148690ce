package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tamebnn.data.MinMaxScaler;
import org.tamebnn.data.OutOfRange;

/** Rules on hand-made networks with known weights and scaling, and against the forward pass on random ones. */
class RulesTest {
    private static final List<String> BCW = List.of("benign", "malignant");
    private static final List<String> FEATURES = List.of("Clump Thickness", "Bare Nuclei", "Mitoses");
    /** Clump Thickness and Bare Nuclei on [1, 10], Mitoses constant 5 on the training rows. */
    private static final MinMaxScaler SCALER = new MinMaxScaler(new double[] {1, 1, 5}, new double[] {10, 10, 5});

    /**
     * h1 = [0.9·s₁ − 0.45·s₂ + 0.7·s₃ − 0.3 ≥ −ε/2], h2 = [0.2·s₂ − 0.1 ≥ −ε/2],
     * out = [h1 − h2 − 0.5 ≥ −ε/2], ε = 0.001.
     */
    private static TrainedBnn handMade() {
        BnnSpec spec = BnnSpec.builder(3).hidden(2).build();
        return TrainedBnn.of(spec, new double[][][] {{{0.9, -0.45, 0.7}, {0, 0.2, 0}}, {{1, -1}}},
                new double[][] {{0.3, 0.1}, {0.5}});
    }

    @Test
    void firstLayerRulesAreInOriginalUnitsWithTheScalingMovedToTheThreshold() {
        Rules rules = Rules.of(handMade(), FEATURES, SCALER, OutOfRange.KEEP, BCW);
        // 0.9/9 = 0.1 and −0.45/9 = −0.05; the threshold 0.3 − 0.0005 + (0.9·1 − 0.45·1)/9 = 0.3495
        String text = rules.describe(4);
        assertTrue(text.contains("h1 = 1 if 0.1·Clump Thickness − 0.05·Bare Nuclei ≥ 0.3495, else 0"), text);
        assertTrue(text.contains("h2 = 1 if 0.02222·Bare Nuclei ≥ 0.1217, else 0"), text);
        assertTrue(text.contains("malignant if h1 − h2 ≥ 0.4995, else benign"), text);
        assertTrue(text.contains("in no rule, as constant on the training rows: Mitoses"), text);
        assertEquals(List.of("Mitoses"), rules.constantFeatures());
        // the constant feature's weight is gone, whatever its value on a new row
        for (double mitoses : new double[] {1, 5, 10}) {
            double[] x = {7, 2, mitoses};
            assertEquals(handMade().predict(SCALER.transform(x, OutOfRange.KEEP)), rules.predict(x));
        }
        assertEquals(1, rules.predict(new double[] {7, 2, 5}), "h1 = 0.7 − 0.1 = 0.6 ≥ 0.3495, h2 = 0.044 < 0.12");
    }

    @Test
    void termsAreOrderedByTheirWeightOnTheScaledFeature() {
        BnnSpec spec = BnnSpec.builder(3).build();
        // Mitoses' coefficient in original units (0.3/1) is the largest, its weight the smallest
        MinMaxScaler scaler = new MinMaxScaler(new double[] {0, 0, 0}, new double[] {10, 100, 1});
        TrainedBnn net = TrainedBnn.of(spec, new double[][][] {{{0.5, -0.8, 0.3}}}, new double[][] {{0}});
        String text = Rules.of(net, FEATURES, scaler, OutOfRange.KEEP, BCW).describe(3);
        assertTrue(text.contains("malignant if −0.008·Bare Nuclei + 0.05·Clump Thickness + 0.3·Mitoses ≥ −0.0005,"
                + " else benign"), text);
    }

    @Test
    void binaryWeightsReadAsSumsAndDifferences() {
        BnnSpec spec = BnnSpec.builder(3).hidden(1).weights(WeightDomain.BINARY).build();
        MinMaxScaler scaler = new MinMaxScaler(new double[] {1, 1, 1}, new double[] {10, 10, 8});
        TrainedBnn net = TrainedBnn.of(spec, new double[][][] {{{1, -1, 1}}, {{1}}}, new double[][] {{0.5}, {0.5}});
        Rules rules = Rules.of(net, FEATURES, scaler, OutOfRange.KEEP, BCW);
        String text = rules.describe(4);
        // multiplied by the common range 9: Σ ±(x − 1)/9·9 ≥ 9·(0.5 − 0.0005) + 1·(1 − 1) + 9/7·1 → Mitoses 9/7
        assertTrue(text.contains("h1 = 1 if Clump Thickness + 1.286·Mitoses − Bare Nuclei ≥ "), text);
        assertTrue(text.contains("malignant if h1 ≥ 0.4995, else benign"), text);
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            double[] x = {1 + 9 * random.nextDouble(), 1 + 9 * random.nextDouble(), 1 + 7 * random.nextDouble()};
            assertEquals(net.predict(scaler.transform(x, OutOfRange.KEEP)), rules.predict(x));
        }
    }

    @Test
    void equalRangesGiveUnitCoefficients() {
        BnnSpec spec = BnnSpec.builder(2).weights(WeightDomain.BINARY).build();
        MinMaxScaler scaler = new MinMaxScaler(new double[] {1, 1}, new double[] {10, 10});
        TrainedBnn net = TrainedBnn.of(spec, new double[][][] {{{1, -1}}}, new double[][] {{0.2}});
        String text = Rules.of(net, FEATURES.subList(0, 2), scaler, OutOfRange.KEEP, BCW).describe(3);
        // 9·(0.2 − 0.0005) + (1 − 1) = 1.7955
        assertTrue(text.contains("malignant if Clump Thickness − Bare Nuclei ≥ 1.8, else benign"), text);
    }

    @Test
    void aRepeatedHiddenNeuronIsNamedOnce() {
        BnnSpec spec = BnnSpec.builder(2).hidden(3).build();
        MinMaxScaler scaler = new MinMaxScaler(new double[] {0, 0}, new double[] {1, 1});
        TrainedBnn net = TrainedBnn.of(spec, new double[][][] {{{1, 0}, {0, 1}, {1, 0}}, {{1, 1, 1}}},
                new double[][] {{0.5, 0.5, 0.5}, {1.5}});
        String text = Rules.of(net, List.of("a", "b"), scaler, OutOfRange.KEEP, BCW).describe(5);
        assertTrue(text.contains("h1 = 1 if a ≥ 0.4995, else 0"), text);
        assertTrue(text.contains("h3 = h1 (the same rule)"), text);
        assertTrue(text.contains("malignant if h1 + h2 + h3 ≥ 1.4995, else benign"), text);
    }

    @Test
    void multiLevelActivationsAndThreeClassesAreSpelledOut() {
        DiscreteActivation ternary = DiscreteActivation.parse("-1,0,1@-0.5,0.5");
        BnnSpec spec = BnnSpec.builder(2).hidden(1).classes(3).hiddenActivation(ternary).build();
        MinMaxScaler scaler = new MinMaxScaler(new double[] {0, 0}, new double[] {1, 1});
        TrainedBnn net = TrainedBnn.of(spec, new double[][][] {{{1, 0}}, {{1}, {-1}, {0}}},
                new double[][] {{0}, {0.5, 0.5, 0.5}});
        String text = Rules.of(net, List.of("a", "b"), scaler, OutOfRange.KEEP, List.of("x", "y", "z")).describe(4);
        assertTrue(text.contains("h1 = 1 if S ≥ 0.4995; 0 if S ≥ −0.5005; else −1, where S = a"), text);
        assertTrue(text.contains("x if h1 ≥ 0.4995"), text);
        assertTrue(text.contains("y if −h1 ≥ 0.4995"), text);
        assertTrue(text.contains("z: never holds (no non-zero weights)"), text);
        assertTrue(text.contains("if none or several hold"), text);
    }

    @Test
    void theCheckFindsAgreementAndThePrintedRoundingsDisagreements() {
        TrainedBnn net = handMade();
        Rules rules = Rules.of(net, FEATURES, SCALER, OutOfRange.KEEP, BCW);
        List<double[]> original = new ArrayList<>();
        for (double ct = 1; ct <= 10; ct++) {
            for (double bn = 1; bn <= 10; bn++) {
                original.add(new double[] {ct, bn, 5});
            }
        }
        double[][] x = original.toArray(double[][]::new);
        double[][] scaled = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            scaled[i] = SCALER.transform(x[i], OutOfRange.KEEP);
        }
        Rules.Check exact = rules.check(net, x, scaled);
        assertTrue(exact.reproducesAll(), exact.toString());
        assertEquals(100, exact.agreements());
        assertTrue(exact.closestMargin() > 1e-6, "no point of the grid is at a threshold: " + exact);

        // one digit: 0.1·CT − 0.05·BN ≥ 0.3 instead of ≥ 0.3495, which moves a few grid points
        Rules.Check printed = rules.rounded(1).check(net, x, scaled);
        assertFalse(printed.reproducesAll(), printed.toString());
        Rules.Disagreement d = printed.disagreements().getFirst();
        assertEquals(1 - d.networkClass(), d.rulesClass());
        assertTrue(d.margin() < 0.1, d.toString());
    }

    @Test
    void clippedInputsAreClippedBeforeTheRules() {
        TrainedBnn net = handMade();
        Rules rules = Rules.of(net, FEATURES, SCALER, OutOfRange.CLIP, BCW);
        assertTrue(rules.describe(3).contains("each feature is first clipped to its range on the training rows"));
        double[] far = {40, -30, 5};
        assertEquals(net.predict(SCALER.transform(far, OutOfRange.CLIP)), rules.predict(far));
        assertEquals(net.predict(SCALER.transform(far, OutOfRange.KEEP)),
                Rules.of(net, FEATURES, SCALER, OutOfRange.KEEP, BCW).predict(far));
    }

    @Test
    void mismatchedNamesAndRowsAreRefused() {
        TrainedBnn net = handMade();
        assertThrows(IllegalArgumentException.class,
                () -> Rules.of(net, FEATURES.subList(0, 2), SCALER, OutOfRange.KEEP, BCW));
        assertThrows(IllegalArgumentException.class,
                () -> Rules.of(net, FEATURES, SCALER, OutOfRange.KEEP, List.of("a", "b", "c")));
        Rules rules = Rules.of(net, FEATURES, SCALER, OutOfRange.KEEP, BCW);
        assertEquals("row has 2 features; the rules expect 3",
                assertThrows(IllegalArgumentException.class, () -> rules.predict(new double[] {1, 2})).getMessage());
    }

    /**
     * Random networks (real or binary weights, step, sign or ternary activation, one or two hidden
     * layers, two or three classes), random scalings with constant features, and random points in
     * and beyond the training range: the rules give the network's class and every neuron's level,
     * except at a floating-point tie with a threshold.
     */
    @Test
    void rulesEvaluateAsTheNetworkOnRandomPoints() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            int n = 1 + random.nextInt(5);
            BnnSpec spec = randomSpec(random, n);
            TrainedBnn net = randomNetwork(random, spec);
            double[] mins = new double[n];
            double[] maxs = new double[n];
            List<String> names = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                mins[j] = random.nextInt(5) == 0 ? 0 : (random.nextDouble() - 0.5) * 1000;
                maxs[j] = random.nextInt(4) == 0 ? mins[j] : mins[j] + random.nextDouble() * Math.pow(10, random.nextInt(6) - 2);
                names.add("f" + j);
            }
            MinMaxScaler scaler = new MinMaxScaler(mins, maxs);
            OutOfRange clip = random.nextBoolean() ? OutOfRange.CLIP : OutOfRange.KEEP;
            List<String> classes = new ArrayList<>();
            for (int k = 0; k < spec.classCount(); k++) {
                classes.add("c" + k);
            }
            Rules rules = Rules.of(net, names, scaler, clip, classes);
            for (int i = 0; i < 50; i++) {
                double[] x = new double[n];
                for (int j = 0; j < n; j++) {
                    x[j] = mins[j] + (random.nextDouble() * 1.4 - 0.2) * (maxs[j] - mins[j]);
                }
                Rules.Outcome outcome = rules.evaluate(x);
                TrainedBnn.ForwardPass pass = net.forward(scaler.transform(x, clip));
                if (outcome.closestMargin() < 1e-9 * (1 + Math.abs(x[0]))) {
                    continue; // a tie at a threshold: the one place floating point may decide either way
                }
                assertEquals(pass.predictedClass(), outcome.predictedClass(), () -> rules.describe(17) + "\n" + net);
                assertTrue(java.util.Arrays.deepEquals(pass.activations(), outcome.levels()), rules.describe(17));
            }
        });
    }

    private static BnnSpec randomSpec(Random random, int n) {
        BnnSpec.Builder b = BnnSpec.builder(n).classes(2 + random.nextInt(2));
        int layers = random.nextInt(3);
        for (int l = 0; l < layers; l++) {
            b.hidden(1 + random.nextInt(3));
        }
        b.weights(random.nextBoolean() ? WeightDomain.REAL : WeightDomain.BINARY);
        b.hiddenActivation(switch (random.nextInt(3)) {
            case 0 -> DiscreteActivation.STEP;
            case 1 -> DiscreteActivation.SIGN;
            default -> DiscreteActivation.parse("-1,0,1@-0.5,0.5");
        });
        return b.build();
    }

    private static TrainedBnn randomNetwork(Random random, BnnSpec spec) {
        double[][][] w = new double[spec.layerCount()][][];
        double[][] t = new double[spec.layerCount()][];
        for (int l = 0; l < spec.layerCount(); l++) {
            w[l] = new double[spec.width(l)][spec.fanIn(l)];
            t[l] = new double[spec.width(l)];
            for (int k = 0; k < spec.width(l); k++) {
                for (int j = 0; j < spec.fanIn(l); j++) {
                    w[l][k][j] = spec.weights() == WeightDomain.BINARY ? (random.nextBoolean() ? 1 : -1)
                            : random.nextInt(4) == 0 ? 0 : random.nextDouble() * 2 - 1;
                }
                t[l][k] = (random.nextDouble() - 0.5) * spec.fanIn(l);
            }
        }
        return TrainedBnn.of(spec, w, t);
    }
}
