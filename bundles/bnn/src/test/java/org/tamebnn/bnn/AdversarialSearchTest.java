package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.bnn.AdversarialSearch.Outcome;
import org.tamebnn.bnn.AdversarialSearch.Verdict;

/**
 * The adversarial problem of Section 4 on a hand-made 2-2-1 network: what it finds lies in the
 * ball and really is misclassified by the forward pass, and what it calls robust survives a dense
 * sampling of the ball.
 */
class AdversarialSearchTest {

    /**
     * Fires iff x1 ≥ 0.5 and x2 ≥ 0.5 (an AND of two half-planes): hidden neuron k fires at
     * x_k − 0.5 ≥ 0, the output at u1 + u2 − 1.5 ≥ 0, so the positive region is the corner square.
     */
    private static TrainedBnn corner() {
        BnnSpec spec = BnnSpec.builder(2).hidden(2).build();
        return TrainedBnn.of(spec, new double[][][] {{{1, 0}, {0, 1}}, {{1, 1}}},
                new double[][] {{0.5, 0.5}, {1.5}});
    }

    private static final MilpSolver SCIP = Fixtures.scip();

    private static Outcome attack(PerturbationNorm norm, double r, double[] x, int label) {
        return new AdversarialSearch(norm, r).attack(corner(), x, label, SCIP, Fixtures.PARAMS,
                CancellationToken.none());
    }

    @ParameterizedTest
    @EnumSource(PerturbationNorm.class)
    void aFoundPointLiesInTheBallAndFlipsTheForwardPass(PerturbationNorm norm) {
        double[] x = {0.6, 0.6};
        assertEquals(1, corner().predict(x));
        double r = 0.15;
        Outcome o = attack(norm, r, x, 1);
        assertEquals(Verdict.FLIPPED, o.verdict(), o::toString);
        double[] xPrime = o.perturbed();
        assertTrue(norm.distance(xPrime, x) <= r + 1e-9, () -> "‖x' − x‖ = " + norm.distance(xPrime, x));
        assertEquals(0, corner().predict(xPrime), "the forward pass classifies x' as the other class");
    }

    @Test
    void theOtherClassFlipsTooWhereTheBallReachesTheCorner() {
        double[] x = {0.45, 0.45};
        assertEquals(0, corner().predict(x));
        Outcome linf = attack(PerturbationNorm.LINF, 0.1, x, 0);
        assertEquals(Verdict.FLIPPED, linf.verdict());
        assertEquals(1, corner().predict(linf.perturbed()));
        // ℓ1: reaching the corner needs 0.05 + 0.05 = 0.1 > 0.08 of budget
        assertEquals(Verdict.ROBUST, attack(PerturbationNorm.L1, 0.08, x, 0).verdict());
        assertEquals(Verdict.FLIPPED, attack(PerturbationNorm.L1, 0.12, x, 0).verdict());
    }

    @ParameterizedTest
    @EnumSource(PerturbationNorm.class)
    void robustVerdictsSurviveSamplingTheBall(PerturbationNorm norm) {
        TrainedBnn net = corner();
        var search = new AdversarialSearch(norm, 0.1);
        double[][] points = {{0.8, 0.8}, {0.62, 0.9}, {0.2, 0.3}, {0.45, 0.9}, {0.55, 0.55}, {0.3, 0.58}};
        for (double[] x : points) {
            int label = net.predict(x);
            Outcome o = search.certify(net, x, label, SCIP, Fixtures.PARAMS, CancellationToken.none());
            boolean sampledFlip = sampleFlips(net, x, label, norm, 0.1);
            if (o.verdict() == Verdict.ROBUST) {
                assertTrue(!sampledFlip, () -> "certified robust but a sample flips, x = " + java.util.Arrays.toString(x));
            } else {
                assertEquals(Verdict.FLIPPED, o.verdict(), o::toString);
                assertNotEquals(label, net.predict(o.perturbed()));
                assertTrue(norm.distance(o.perturbed(), x) <= 0.1 + 1e-9);
            }
        }
    }

    @Test
    void theDeepestFlipGoesToTheEdgeOfTheBall() {
        // leaving the corner square through x1 < 0.5: the deepest exit is the ball's edge, x1 = 0.45
        double[] x = {0.6, 0.6};
        Outcome o = new AdversarialSearch(PerturbationNorm.LINF, 0.15).attack(corner(), x, 1, true, SCIP,
                Fixtures.PARAMS, CancellationToken.none());
        assertEquals(Verdict.FLIPPED, o.verdict(), o::toString);
        double[] xPrime = o.perturbed();
        assertEquals(0.45, Math.min(xPrime[0], xPrime[1]), 1e-6, java.util.Arrays.toString(xPrime));
        assertEquals(0, corner().predict(xPrime));
        assertTrue(PerturbationNorm.LINF.distance(xPrime, x) <= 0.15 + 1e-9);
    }

    @Test
    void aMisclassifiedPointNeedsNoSolve() {
        Outcome o = attack(PerturbationNorm.LINF, 0.01, new double[] {0.9, 0.9}, 0);
        assertEquals(Verdict.ALREADY_WRONG, o.verdict());
        assertTrue(o.misclassified());
    }

    @Test
    void radiusZeroIsThePointItself() {
        assertEquals(Verdict.ROBUST, attack(PerturbationNorm.LINF, 0, new double[] {0.6, 0.6}, 1).verdict());
    }

    @Test
    void refusesMoreThanTwoClassesAndNegativeRadii() {
        assertThrows(IllegalArgumentException.class, () -> new AdversarialSearch(PerturbationNorm.LINF, -0.1));
        BnnSpec three = BnnSpec.builder(1).hidden(1).classes(3).build();
        TrainedBnn net = TrainedBnn.of(three, new double[][][] {{{1}}, {{1}, {1}, {1}}}, new double[][] {{0}, {0, 0, 0}});
        var e = assertThrows(IllegalArgumentException.class, () -> new AdversarialSearch(PerturbationNorm.LINF, 0.1)
                .attack(net, new double[] {0.5}, 0, SCIP, Fixtures.PARAMS, CancellationToken.none()));
        assertTrue(e.getMessage().contains("two classes"), e::getMessage);
    }

    /** A 201×201 grid over the ball's bounding box, kept to the ball. */
    private static boolean sampleFlips(TrainedBnn net, double[] x, int label, PerturbationNorm norm, double r) {
        int n = 200;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                double[] p = {x[0] - r + 2 * r * i / n, x[1] - r + 2 * r * j / n};
                if (norm.distance(p, x) <= r && net.predict(p) != label) {
                    return true;
                }
            }
        }
        return false;
    }
}
