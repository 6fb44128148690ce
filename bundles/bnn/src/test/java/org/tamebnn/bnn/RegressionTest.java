package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.loss.OutputKind;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.data.BuiltinDatasets;
import org.tamebnn.data.DataPipeline;
import org.tamebnn.data.Dataset;
import org.tamebnn.data.MissingValuePolicy;
import org.tamebnn.data.PreparedData;
import org.tamebnn.data.SplitSpec;
import org.tamebnn.losses.AbsoluteLoss;
import org.tamebnn.losses.SquaredLoss;
import org.tamebnn.losses.ZeroOneLoss;

/**
 * Regression networks (Bah &amp; Kurtz's remark on an identity output layer): the formulation, the
 * forward pass and the guard, and training on real solvers — where the optimum is known by reasoning,
 * and on a small real task, Breast Cancer Wisconsin (Diagnostic)'s mean radius predicted from four
 * other measurements.
 */
class RegressionTest {

    private static Dataset regression(double[][] x, double[] y) {
        double[][] t = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            t[i] = new double[] {y[i]};
        }
        List<String> names = java.util.stream.IntStream.range(0, x[0].length).mapToObj(j -> "x" + (j + 1)).toList();
        return Dataset.regression("tiny-regression", names, x, List.of("y"), t, null);
    }

    /** A step in x: one hidden neuron [x ≥ 0.5] and the output 0.5·h + 0.25 fit it exactly. */
    private static Dataset step() {
        return regression(new double[][] {{0}, {0.2}, {0.4}, {0.6}, {0.8}, {1}},
                new double[] {0.25, 0.25, 0.25, 0.75, 0.75, 0.75});
    }

    private static TrainingResult train(Dataset data, BnnSpec spec, LossFunction loss, MilpSolver solver) {
        TrainingResult r = new ExactTrainer().train(data, spec, FormulationOptions.defaults(), loss, solver,
                Fixtures.PARAMS);
        assertEquals(SolveStatus.OPTIMAL, r.status(), r::describe);
        ConsistencyReport guard = r.consistency().orElseThrow();
        assertTrue(guard.consistent(), guard::describe);
        return r;
    }

    /** Σ loss(o, y) over the rows, from the forward pass alone. */
    private static double forwardLoss(TrainedBnn net, Dataset data, LossFunction loss) {
        double sum = 0;
        for (int i = 0; i < data.size(); i++) {
            sum += loss.value(net.predictValues(data.row(i))[0], data.target(i, 0));
        }
        return sum;
    }

    @Test
    void anIdentityOutputHasNoOutputBitsAndNoBigMRows() {
        Dataset data = step();
        BnnSpec spec = BnnSpec.forData(data).hidden(2).build();
        assertTrue(spec.isRegression());
        assertEquals(1, spec.outputWidth());
        BnnMilp milp = BnnFormulation.build(data, spec, FormulationOptions.paper(), new AbsoluteLoss());
        BnnVariables v = milp.variables();
        assertEquals(OutputKind.CONTINUOUS, v.outputKind());
        assertEquals(0, v.activationBits(1), "the output layer has no activation bits");
        assertEquals(1, v.activationBits(0));
        // binaries: the hidden layer's two bits per point, nothing else
        assertEquals(data.size() * 2, milp.model().integerCount());
        for (int p = 0; p < data.size(); p++) {
            assertTrue(milp.model().rowIndex("up" + p + "_2_0").isEmpty(), "no big-M row on the output");
            assertTrue(milp.model().rowIndex("pre" + p + "_2_0").isPresent(), "o = W·v − λ as an equality");
            int o = v.outputPreactivationColumn(p, 0);
            assertEquals(3, milp.model().variable(o).upper(), "|o| ≤ d + 1 = 3");
        }
    }

    @Test
    void specsAndLossesMustFitTheTask() {
        Dataset data = step();
        BnnSpec regression = BnnSpec.forData(data).build();
        var e = assertThrows(IllegalArgumentException.class,
                () -> BnnFormulation.build(data, regression, FormulationOptions.paper(), new ZeroOneLoss()));
        assertTrue(e.getMessage().contains("continuous outputs"), e.getMessage());
        BnnSpec classifier = BnnSpec.builder(1).build();
        e = assertThrows(IllegalArgumentException.class,
                () -> BnnFormulation.build(data, classifier, FormulationOptions.paper(), new AbsoluteLoss()));
        assertTrue(e.getMessage().contains("regression data set"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BnnSpec(1, List.of(), 2, Variant.BDNN,
                WeightDomain.REAL, BnnSpec.NO_BUDGET, 1e-3, null, OutputActivation.IDENTITY, 1));
        assertThrows(IllegalArgumentException.class, () -> BnnSpec.builder(1).regression(0).classes(1).build());
        assertTrue(HeuristicStart.unsupported(regression).isPresent());
        assertThrows(IllegalArgumentException.class, () -> new SteTrainer().train(data, regression, new AbsoluteLoss(),
                SteOptions.defaults()));
    }

    @Test
    void theForwardPassOfAnIdentityOutputIsReal() {
        BnnSpec spec = BnnSpec.builder(1).regression(1).hidden(1).build();
        TrainedBnn net = TrainedBnn.of(spec, new double[][][] {{{1}}, {{0.5}}}, new double[][] {{0.5}, {-0.25}});
        assertEquals(0.25, net.predictValues(new double[] {0.2})[0], 1e-12);
        assertEquals(0.75, net.predictValues(new double[] {0.7})[0], 1e-12);
        assertEquals(-1, net.forward(new double[] {0.7}).predictedClass());
        assertThrows(IllegalStateException.class, () -> net.predict(new double[] {0.7}));
        RegressionEvaluation eval = RegressionEvaluation.of(net, step());
        assertEquals(0, eval.mae(), 1e-12);
        assertEquals(1, eval.r2(), 1e-12);
    }

    /**
     * The step is fitted exactly: training loss 0 under either loss. The absolute loss is exact, so
     * its network fits every row. The squared loss's tangents vanish on [y − h/2, y + h/2] (the
     * tangent at y is e ≥ 0, the next ones cross zero halfway), so an optimal network's outputs may
     * sit anywhere in there: its true squared loss is at most the stated error h²/4 per row.
     */
    @Test
    void anExactFitHasLossZeroOnScipAndHighs() {
        Dataset data = step();
        BnnSpec spec = BnnSpec.forData(data).hidden(1).build();
        SquaredLoss squared = new SquaredLoss();
        for (MilpSolver solver : List.of(Fixtures.scip(), Fixtures.highs())) {
            TrainingResult abs = train(data, spec, new AbsoluteLoss(), solver);
            assertEquals(0, abs.trainingLoss(), 1e-6, abs::describe);
            assertEquals(0, forwardLoss(abs.networkOrThrow(), data, new AbsoluteLoss()), 1e-6, abs::describe);
            TrainingResult sq = train(data, spec, squared, solver);
            assertEquals(0, sq.trainingLoss(), 1e-6, sq::describe);
            assertTrue(forwardLoss(sq.networkOrThrow(), data, squared) <= data.size() * squared.maxError() + 1e-9,
                    sq::describe);
        }
    }

    /**
     * Constant inputs leave only a constant output o = −λ (|λ| ≤ 1): the absolute loss is least at
     * the median, 0.2 (loss 0.2 + 0.8 = 1), the squared loss at the mean, 0.4 (0.16 + 0.04 + 0.36 = 0.56).
     */
    @Test
    void aConstantFitLandsOnTheMedianOrTheMean() {
        Dataset data = regression(new double[][] {{0}, {0}, {0}}, new double[] {0, 0.2, 1});
        BnnSpec spec = BnnSpec.forData(data).build();
        SquaredLoss squared = new SquaredLoss();
        TrainingResult abs = train(data, spec, new AbsoluteLoss(), Fixtures.highs());
        assertEquals(1.0, abs.trainingLoss(), 1e-6);
        assertEquals(0.2, abs.networkOrThrow().predictValues(new double[] {0})[0], 1e-6);
        TrainingResult sq = train(data, spec, squared, Fixtures.highs());
        double trueLoss = forwardLoss(sq.networkOrThrow(), data, squared);
        // the tangents under-approximate by at most 3 × maxError, and the true optimum is 0.56
        assertTrue(sq.trainingLoss() <= 0.56 + 1e-6 && sq.trainingLoss() >= 0.56 - 3 * squared.maxError() - 1e-6,
                sq::describe);
        assertTrue(trueLoss >= 0.56 - 1e-9 && trueLoss <= 0.56 + 3 * squared.maxError() + 1e-6, sq::describe);
        assertEquals(0.4, sq.networkOrThrow().predictValues(new double[] {0})[0], 2 * Math.sqrt(squared.maxError()));
    }

    /**
     * Mean radius from texture, smoothness, concave points and symmetry: 20 training rows, 4-1-1
     * (SCIP proves these optimal in seconds; with two hidden neurons it needs minutes).
     */
    private static PreparedData wdbc() {
        return DataPipeline.prepare(BuiltinDatasets.load("wdbc").regressionOn("Mean Radius")
                .selectFeatures(List.of("Mean Texture", "Mean Smoothness", "Mean Concave Points", "Mean Symmetry")),
                SplitSpec.of(3, 0.2).trainSize(20), MissingValuePolicy.TRAIN_MEDIAN);
    }

    /**
     * Both losses on a real task, and what optimality implies between them: the network trained on
     * the squared loss has a true squared loss at most the stated error above the absolute network's
     * (its tangent objective is ≤ theirs at the other network, which is ≤ the true squared loss), and
     * the absolute network has the lower absolute loss. The guard compares the solver's
     * piecewise-linear objective with the forward pass's squared loss within that error.
     */
    @Test
    void wdbcMeanRadiusSquaredVersusAbsoluteOnScip() {
        PreparedData data = wdbc();
        Dataset train = data.train();
        BnnSpec spec = BnnSpec.forData(train).hidden(1).build();
        SquaredLoss squared = new SquaredLoss();
        AbsoluteLoss absolute = new AbsoluteLoss();
        TrainingResult sq = train(train, spec, squared, Fixtures.scip());
        TrainingResult abs = train(train, spec, absolute, Fixtures.scip());
        TrainedBnn sqNet = sq.networkOrThrow();
        TrainedBnn absNet = abs.networkOrThrow();

        ConsistencyReport guard = sq.consistency().orElseThrow();
        double allowed = train.size() * squared.maxError();
        assertEquals(allowed, guard.lossTolerance(), 1e-12);
        assertEquals(forwardLoss(sqNet, train, squared), guard.forwardLoss(), 1e-9);
        assertTrue(guard.solverLoss() <= guard.forwardLoss() + 1e-6, guard::describe);
        assertTrue(guard.solverLoss() >= guard.forwardLoss() - allowed - 1e-6, guard::describe);
        assertEquals(forwardLoss(absNet, train, absolute), abs.trainingLoss(), 1e-6);

        assertTrue(forwardLoss(sqNet, train, squared) <= forwardLoss(absNet, train, squared) + allowed + 1e-6);
        assertTrue(forwardLoss(absNet, train, absolute) <= forwardLoss(sqNet, train, absolute) + 1e-6);

        double range = data.targetScaler().range(0);
        for (var entry : List.of(java.util.Map.entry("squared", sq), java.util.Map.entry("absolute", abs))) {
            TrainedBnn net = entry.getValue().networkOrThrow();
            RegressionEvaluation fit = RegressionEvaluation.of(net, train, new double[] {range});
            RegressionEvaluation test = RegressionEvaluation.of(net, data.test(), new double[] {range});
            System.out.printf(Locale.ROOT, "WDBC mean radius, 20 rows, %s, loss %s: %s%n  train %s; test %s"
                    + " (mm of mean radius; range %.3g)%n", spec.describe(), entry.getKey(), entry.getValue().describe(),
                    fit.describe(), test.describe(), range);
            assertTrue(fit.r2() > 0, fit::describe);
        }
        assertFalse(sq.start().isPresent(), "no pocket start for regression");
    }
}
