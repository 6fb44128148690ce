package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The forward pass and prediction rule, on hand-made networks. */
class TrainedBnnTest {

    /** XOR as OR and not AND: h₁ = [x₁ + x₂ − 0.5 ≥ 0], h₂ = [0.5x₁ + 0.5x₂ − 0.75 ≥ 0], out = [h₁ − h₂ − 0.5 ≥ 0]. */
    static TrainedBnn xorNetwork() {
        BnnSpec spec = BnnSpec.builder(2).hidden(2).build();
        return TrainedBnn.of(spec, new double[][][] {{{1, 1}, {0.5, 0.5}}, {{1, -1}}},
                new double[][] {{0.5, 0.75}, {0.5}});
    }

    @Test
    void forwardPassComputesEveryLayer() {
        TrainedBnn net = xorNetwork();
        TrainedBnn.ForwardPass pass = net.forward(new double[] {1, 1});
        assertArrayEquals(new double[] {1.5, 0.25}, pass.preactivations()[0], 1e-12);
        assertArrayEquals(new int[] {1, 1}, pass.activations()[0]);
        assertArrayEquals(new double[] {-0.5}, pass.preactivations()[1], 1e-12);
        assertEquals(0, pass.predictedClass());
        assertEquals(1, net.predict(new double[] {0, 1}));
        assertEquals(1, net.predict(new double[] {1, 0}));
        assertEquals(0, net.predict(new double[] {0, 0}));
    }

    /** A neuron fires at a ≥ −ε/2, the middle of the gap the MILP leaves empty. */
    @Test
    void firesAtMinusHalfEpsilon() {
        BnnSpec spec = BnnSpec.builder(1).epsilon(0.01).build();
        TrainedBnn net = TrainedBnn.of(spec, new double[][][] {{{1}}}, new double[][] {{0.5}});
        assertEquals(-0.005, net.firingThreshold());
        assertEquals(1, net.predict(new double[] {0.496}), "a = −0.004 ≥ −0.005");
        assertEquals(0, net.predict(new double[] {0.494}), "a = −0.006");
        assertEquals(0, net.withFiringThreshold(0).predict(new double[] {0.496}));
    }

    /** K ≥ 3: the single active output, else the largest output preactivation. */
    @Test
    void multiClassPredictionRule() {
        BnnSpec spec = BnnSpec.builder(1).classes(3).build();
        // outputs (exact in binary floating point): a₀ = x − 0.5, a₁ = 0.5x − 0.125, a₂ = −x + 0.125
        TrainedBnn net = TrainedBnn.of(spec, new double[][][] {{{1}, {0.5}, {-1}}},
                new double[][] {{0.5, 0.125, -0.125}});
        assertEquals(2, net.predict(new double[] {0}), "a = (−0.5, −0.125, 0.125): only class 2 fires");
        assertEquals(1, net.predict(new double[] {0.375}), "a = (−0.125, 0.0625, −0.25): only class 1 fires");
        assertEquals(1, net.predict(new double[] {0.1875}), "a = (−0.3125, −0.03125, −0.0625): none fires, 1 largest");
        assertEquals(1, net.predict(new double[] {0.625}), "a = (0.125, 0.1875, −0.5): two fire, 1 largest");
        assertEquals(0, net.predict(new double[] {0.75}), "a = (0.25, 0.25, −0.625): two fire, tie → lowest index");
    }

    @Test
    void copiesInAndOut() {
        double[][][] w = {{{1, 1}, {0.5, 0.5}}, {{1, -1}}};
        TrainedBnn net = TrainedBnn.of(BnnSpec.builder(2).hidden(2).build(), w, new double[][] {{0.5, 0.75}, {0.5}});
        w[0][0][0] = 9;
        net.weights()[0][0][0] = 9;
        assertEquals(1, net.weight(0, 0, 0));
        assertEquals(xorNetwork(), net);
        assertNotEquals(xorNetwork(), net.withFiringThreshold(0));
    }

    @Test
    void shapesAreChecked() {
        BnnSpec spec = BnnSpec.builder(2).hidden(2).build();
        var e = assertThrows(IllegalArgumentException.class,
                () -> TrainedBnn.of(spec, new double[][][] {{{1, 1}}, {{1}}}, new double[][] {{0.5}, {0.5}}));
        assertEquals("layer 0 has 1 weight rows and 1 thresholds; the spec says 2 neurons", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> xorNetwork().predict(new double[] {1}));
    }
}
