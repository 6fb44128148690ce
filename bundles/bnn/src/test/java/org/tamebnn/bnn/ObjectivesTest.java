package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tamebnn.bnn.Fixtures.PARAMS;
import static org.tamebnn.bnn.Fixtures.ZERO_ONE;
import static org.tamebnn.bnn.Fixtures.data;
import static org.tamebnn.bnn.Fixtures.errors;
import static org.tamebnn.bnn.Fixtures.solver;
import static org.tamebnn.bnn.Fixtures.trainOptimal;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.bnn.internal.LexicographicStages;
import org.tamebnn.data.Dataset;

/**
 * The anchors' objectives on every MILP backend: the margin a network achieves (measured by its
 * forward pass) is the δ the solver optimised; a lexicographic stage never worsens an earlier
 * objective; the sparsity stage's count is the network's ‖W‖₀; integer weights {−P..P} reach what
 * ternary ones cannot.
 */
class ObjectivesTest {
    private static final FormulationOptions STAGES = FormulationOptions.paper()
            .withObjectives(List.of(Objective.LOSS, Objective.MARGIN, Objective.SPARSITY));

    /** 12 points of 3 features with noisy labels: the least loss is above 0, many networks reach it. */
    private static Dataset noisy() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] x = new double[12][3];
        int[] y = new int[12];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = Math.rint(random.nextDouble() * 100) / 100;
            }
            y[i] = x[i][0] + 0.5 * x[i][1] > 0.7 ^ i % 5 == 0 ? 1 : 0;
        }
        return data(x, y, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"scip", "highs"})
    void everyStageKeepsTheEarlierOnesAndMeasuresWhatTheNetworkDoes(String name) {
        MilpSolver solver = solver(name);
        Dataset d = noisy();
        BnnSpec spec = BnnSpec.forData(d).hidden(2).integerWeights(2).build();
        BnnMilp milp = BnnFormulation.build(d, spec, STAGES, ZERO_ONE);
        SolveResult first = solver.solve(milp.model(), PARAMS);
        assertEquals(SolveStatus.OPTIMAL, first.status(), first::toString);
        int leastLoss = errors(milp.extract(first.values()), d);
        assertEquals(first.objective(), leastLoss, 1e-6, "the loss stage's objective is the forward pass's loss");

        LexicographicStages.Outcome later = LexicographicStages.run(milp, ZERO_ONE, first.values(), solver, PARAMS,
                SolveListener.NONE, CancellationToken.none());
        LexicographicStages.Stage margin = later.stages().get(0);
        LexicographicStages.Stage sparsity = later.stages().get(1);
        assertEquals(SolveStatus.OPTIMAL, margin.status(), margin::describe);
        assertEquals(SolveStatus.OPTIMAL, sparsity.status(), sparsity::describe);
        TrainedBnn net = milp.extract(later.solution());
        double[][] rows = rows(d);

        assertEquals(leastLoss, errors(net, d), "the later stages keep the least loss");
        assertTrue(margin.value() > spec.epsilon() / 2, margin::describe);
        assertTrue(net.smallestMargin(rows) >= margin.value() - 2e-6, // the hold row's slack is 1e-6
                () -> "the sparsity stage kept δ = " + margin.value() + ": " + net.smallestMargin(rows));
        assertEquals((long) sparsity.value(), net.nonZeroWeightCount(), sparsity::describe);
        assertTrue(net.nonZeroWeightCount() < spec.weightCount(), "some weight was dropped: " + net);
        for (double[][] layer : net.weights()) {
            for (double[] row : layer) {
                for (double w : row) {
                    assertEquals(Math.rint(2 * w), 2 * w, 1e-9, "weight " + w + " is k/2");
                }
            }
        }
    }

    /** Without a sparsity stage after it, the margin stage's δ is exactly the network's smallest margin. */
    @ParameterizedTest
    @ValueSource(strings = {"scip", "highs"})
    void theMarginTheNetworkAchievesIsTheSolversObjective(String name) {
        Dataset d = noisy();
        BnnSpec spec = BnnSpec.forData(d).hidden(2).build();
        TrainingResult r = trainOptimal(d, spec, FormulationOptions.paper()
                .withObjectives(List.of(Objective.LOSS, Objective.MARGIN)), solver(name));
        TrainedBnn net = r.networkOrThrow();
        assertTrue(r.message().contains("margin OPTIMAL"), r::describe);
        assertTrue(r.margin() < FormulationOptions.DEFAULT_MARGIN_CAP, r::describe);
        assertEquals(r.margin(), net.smallestMargin(rows(d)), 1e-6, r::describe);
        assertEquals(r.trainingLoss(), errors(net, d), 1e-6, r::describe);
    }

    /**
     * Points just either side of the line 2·x₁ − x₂ = ½: only weights in the ratio 2 : −1 separate
     * them all, which ternary weights cannot express and {−2..2} can.
     */
    @ParameterizedTest
    @ValueSource(strings = {"scip", "highs"})
    void integerWeightsReachWhatTernaryOnesCannot(String name) {
        double[][] x = new double[10][];
        int[] y = new int[10];
        for (int i = 0; i < 5; i++) {
            double t = 0.1 + 0.2 * i;
            x[2 * i] = new double[] {(0.5 + t) / 2 + 0.02, t};
            y[2 * i] = 1;
            x[2 * i + 1] = new double[] {(0.5 + t) / 2 - 0.02, t};
        }
        Dataset d = data(x, y, 2);
        TrainingResult ternary = trainOptimal(d, BnnSpec.forData(d).weights(WeightDomain.INTEGER).build(),
                FormulationOptions.paper(), solver(name));
        TrainingResult two = trainOptimal(d, BnnSpec.forData(d).integerWeights(2).build(),
                FormulationOptions.paper(), solver(name));
        assertTrue(ternary.trainingLoss() >= 1, ternary::describe);
        assertEquals(0, two.trainingLoss(), 1e-6, two::describe);
        TrainedBnn net = two.networkOrThrow();
        assertEquals(0, errors(net, d));
        assertEquals(-2 * net.weight(0, 0, 1), net.weight(0, 0, 0), 1e-9, net::toString);
        assertEquals(ternary.trainingLoss(), errors(ternary.networkOrThrow(), d), 1e-6);
    }

    private static double[][] rows(Dataset d) {
        double[][] rows = new double[d.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = d.row(i);
        }
        return rows;
    }
}
