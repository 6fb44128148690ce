package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.data.Dataset;

/**
 * Property: every formulation option is exact — on random tiny data each gives the optimal
 * training loss of the paper's formulation, and a network the guard finds consistent.
 */
class OptionsEquivalenceTest {

    static IntStream seeds() {
        return IntStream.range(0, 20);
    }

    static final List<FormulationOptions> VARIANTS = List.of(
            FormulationOptions.paper().withTightFirstLayerBigM(true),
            FormulationOptions.paper().withSymmetryBreaking(true),
            FormulationOptions.paper().withMergeDuplicates(true),
            FormulationOptions.paper().withMaxMargin(true),
            FormulationOptions.defaults(),
            FormulationOptions.allSpeedUps().withMaxMargin(true).withMarginCap(0.5));

    /** Hidden activations cycled through the seeds: the paper's step, sign, and a ternary one. */
    static final List<DiscreteActivation> ACTIVATIONS = List.of(DiscreteActivation.STEP, DiscreteActivation.SIGN,
            DiscreteActivation.STEP, DiscreteActivation.parse("-1,0,1@-0.5,0.5"), DiscreteActivation.STEP);

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyOptionGivesThePapersOptimalLoss(int seed) {
        Random random = new Random(seed);
        int points = 4 + random.nextInt(5);
        int dims = 2 + random.nextInt(2);
        int hidden = 1 + random.nextInt(2);
        int classes = seed % 5 == 4 ? 3 : 2;
        double[][] x = new double[points][dims];
        int[] labels = new int[points];
        for (int i = 0; i < points; i++) {
            for (int j = 0; j < dims; j++) {
                x[i][j] = random.nextInt(5) / 4.0; // a coarse grid, so that duplicates occur
            }
            labels[i] = random.nextInt(classes);
        }
        Dataset d = Fixtures.data(x, labels, classes);
        BnnSpec spec = BnnSpec.forData(d).hidden(hidden)
                .variant(seed % 3 == 2 ? Variant.BDNN0 : Variant.BDNN)
                .weights(seed % 4 == 3 ? WeightDomain.BINARY : WeightDomain.REAL)
                .hiddenActivation(ACTIVATIONS.get(seed % ACTIVATIONS.size()))
                .build();
        MilpSolver scip = Fixtures.scip();
        TrainingResult paper = Fixtures.trainOptimal(d, spec, FormulationOptions.paper(), scip);
        assertEquals(Fixtures.errors(paper.networkOrThrow(), d), paper.trainingLoss(), 1e-6,
                "the loss counts misclassified training points");
        for (FormulationOptions options : VARIANTS) {
            TrainingResult r = Fixtures.trainOptimal(d, spec, options, scip);
            assertEquals(paper.trainingLoss(), r.trainingLoss(), 1e-6,
                    () -> spec.describe() + " [" + options.describe() + "]: " + r.describe() + " vs paper "
                            + paper.describe());
            if (options.maxMargin()) {
                assertMarginHolds(r, d);
            }
        }
    }

    /** Every preactivation of the trained network is at least δ away from every firing threshold tᵢ − ε/2. */
    private static void assertMarginHolds(TrainingResult r, Dataset d) {
        double delta = r.margin();
        BnnSpec spec = r.milp().spec();
        assertTrue(delta >= spec.epsilon() / 2 - 1e-9, r::describe);
        TrainedBnn net = r.networkOrThrow();
        for (int i = 0; i < d.size(); i++) {
            double[][] pre = net.forward(d.row(i)).preactivations();
            for (int l = 0; l < pre.length; l++) {
                for (double t : spec.activation(l).breakpoints()) {
                    for (double a : pre[l]) {
                        assertTrue(Math.abs(a - t - net.firingThreshold()) >= delta - 1e-5, "preactivation " + a
                                + " within δ = " + delta + " of the threshold at " + t + ": " + r.describe());
                    }
                }
            }
        }
    }
}
