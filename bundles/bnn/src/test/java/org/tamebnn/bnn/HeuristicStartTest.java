package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.data.BuiltinDatasets;
import org.tamebnn.data.DataPipeline;
import org.tamebnn.data.Dataset;
import org.tamebnn.data.MissingValuePolicy;
import org.tamebnn.data.PreparedData;
import org.tamebnn.data.SplitSpec;

/** The pocket-perceptron start: a point of the MILP that means what its network does, and the fallback it gives. */
class HeuristicStartTest {

    static IntStream seeds() {
        return IntStream.range(0, 24);
    }

    /**
     * Property over random data and every network shape the start supports: the start's loss (the
     * MILP's objective at it) is the number of training errors of its network; a feasible start
     * is never better than the optimum (checked where that is quick to prove); on data a hyperplane separates with room, BDNN starts
     * with no error.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theStartsLossIsItsNetworksErrors(int seed) {
        Random random = new Random(seed);
        int points = 6 + random.nextInt(10);
        int dims = 2 + random.nextInt(3);
        boolean separable = seed % 2 == 0;
        double[] normal = random.doubles(dims, -1, 1).toArray();
        double[][] x = new double[points][dims];
        int[] labels = new int[points];
        for (int i = 0; i < points; i++) {
            double side;
            do {
                double a = 0;
                for (int j = 0; j < dims; j++) {
                    x[i][j] = random.nextDouble();
                    a += normal[j] * (x[i][j] - 0.5);
                }
                side = a;
            } while (separable && Math.abs(side) < 0.05);
            labels[i] = separable ? (side >= 0 ? 1 : 0) : random.nextInt(2);
        }
        Dataset d = Fixtures.data(x, labels, 2);
        BnnSpec spec = BnnSpec.forData(d).hidden(seed % 3 == 0 ? new int[] {3, 2} : new int[] {1 + random.nextInt(4)})
                .variant(seed % 4 == 1 ? Variant.BDNN0 : Variant.BDNN)
                .weights(seed % 6 == 5 ? WeightDomain.BINARY : WeightDomain.REAL)
                .hiddenActivation(seed % 5 == 3 ? DiscreteActivation.SIGN : DiscreteActivation.STEP).build();
        FormulationOptions options = seed % 7 == 6 ? FormulationOptions.defaults().withMaxMargin(true)
                : FormulationOptions.defaults();
        BnnMilp milp = BnnFormulation.build(d, spec, options, Fixtures.ZERO_ONE);
        HeuristicStart start = HeuristicStart.of(milp, seed);

        assertEquals(Fixtures.errors(start.network(), d), start.trainingLoss(), 1e-9, start::describe);
        assertTrue(start.feasible() || start.violation() > HeuristicStart.FEASIBILITY_TOLERANCE, start::describe);
        if (separable && spec.variant() == Variant.BDNN && spec.weights() == WeightDomain.REAL
                && spec.hiddenWidths().stream().allMatch(w -> w >= 2)) {
            assertEquals(0, start.trainingLoss(), 1e-9, start::describe);
            assertTrue(start.feasible(), start::describe);
        }
        if (start.feasible() && spec.hiddenWidths().size() == 1 && points <= 10) { // small enough to prove optimal
            TrainingResult optimum = Fixtures.trainOptimal(d, spec, options, Fixtures.scip());
            assertTrue(optimum.trainingLoss() <= start.trainingLoss() + 1e-9,
                    () -> optimum.describe() + " vs " + start.describe());
        }
    }

    @Test
    void onBreastCancerThePocketStartIsFeasibleAndGood() {
        PreparedData data = DataPipeline.prepare(BuiltinDatasets.load("bcw"), SplitSpec.of(0, 0.2),
                MissingValuePolicy.TRAIN_MEDIAN);
        BnnSpec spec = BnnSpec.forData(data.train()).hidden(5).build();
        BnnMilp milp = BnnFormulation.build(data.train(), spec, FormulationOptions.defaults(), Fixtures.ZERO_ONE);
        HeuristicStart start = HeuristicStart.of(milp, 0);
        assertTrue(start.feasible(), start::describe);
        // BCW is nearly linearly separable: a linear unit misses a few percent of 559 rows
        assertTrue(start.trainingLoss() <= 0.05 * 559, start::describe);
        assertTrue(Evaluation.of(start.network(), data.test()).accuracy() >= 0.9, start::describe);
    }

    /** A solve stopped before it found anything returns the start's network, and says so. */
    @Test
    void aStoppedSolveFallsBackOnTheStart() {
        PreparedData data = DataPipeline.prepare(BuiltinDatasets.load("bcw"), SplitSpec.of(0, 0.2).trainSize(50),
                MissingValuePolicy.TRAIN_MEDIAN);
        BnnSpec spec = BnnSpec.forData(data.train()).hidden(5).build();
        CancellationToken cancelled = CancellationToken.none();
        cancelled.cancel();
        TrainingResult r = new ExactTrainer().train(data.train(), spec, FormulationOptions.defaults(),
                Fixtures.ZERO_ONE, Fixtures.highs(), Fixtures.PARAMS, SolveListener.NONE, cancelled);
        assertEquals(Limit.INTERRUPTED, r.limit());
        assertTrue(r.networkFromStart() && r.hasNetwork(), r::describe);
        assertTrue(r.message().contains("the network is the heuristic start: the solver found none"), r::describe);
        assertEquals(r.start().orElseThrow().trainingLoss(), r.trainingLoss());
        assertTrue(r.consistency().orElseThrow().consistent(), r::describe);

        TrainingResult plain = new ExactTrainer().withHeuristicStart(false).train(data.train(), spec,
                FormulationOptions.defaults(), Fixtures.ZERO_ONE, Fixtures.highs(), Fixtures.PARAMS,
                SolveListener.NONE, cancelled);
        assertFalse(plain.hasNetwork(), plain::describe);
        assertTrue(plain.start().isEmpty());
    }

    @Test
    void networksWithoutAStartSayWhy() {
        BnnSpec threeClasses = BnnSpec.builder(2).hidden(3).classes(3).build();
        assertEquals("no heuristic start for 3 classes yet (two only)",
                HeuristicStart.unsupported(threeClasses).orElseThrow());
        Dataset d = Fixtures.data(new double[][] {{0, 0}, {1, 1}, {0, 1}}, new int[] {0, 1, 2}, 3);
        BnnMilp milp = BnnFormulation.build(d, threeClasses, FormulationOptions.defaults(), Fixtures.ZERO_ONE);
        assertThrows(UnsupportedOperationException.class, () -> HeuristicStart.of(milp, 0));
        assertTrue(HeuristicStart.unsupported(BnnSpec.builder(2).hidden(2)
                .hiddenActivation(DiscreteActivation.parse("-1,0,1@-0.5,0.5")).build()).isPresent());
    }

    /**
     * Three classes, which the pocket start cannot begin: the STE's network is the start instead,
     * its loss its network's errors where it is a point of the MILP (only where exactly one output
     * fires on every training point, the multi-class model's constraint; else the solve starts
     * from nothing, and the start says it is infeasible), and the optimum is no worse.
     */
    @Test
    void theSteNetworkStartsAMultiClassMilp() {
        Random random = new Random(3);
        double[][] x = new double[15][2];
        int[] labels = new int[15];
        for (int i = 0; i < x.length; i++) {
            // class 0 far right, 1 far up, 2 near the origin: one threshold unit isolates each
            labels[i] = i % 3;
            x[i][0] = (labels[i] == 0 ? 0.8 : 0) + random.nextDouble() * 0.2;
            x[i][1] = (labels[i] == 1 ? 0.8 : 0) + random.nextDouble() * 0.2;
        }
        Dataset d = Fixtures.data(x, labels, 3);
        BnnSpec spec = BnnSpec.forData(d).build();
        assertTrue(HeuristicStart.unsupported(spec).isPresent(), "the pocket start is two-class");
        TrainingResult r = new ExactTrainer().withStart(StartNetwork.ste()).train(d, spec, FormulationOptions.defaults(),
                Fixtures.ZERO_ONE, Fixtures.scip(), Fixtures.PARAMS);
        HeuristicStart start = r.start().orElseThrow();
        assertEquals("ste", start.source());
        assertTrue(start.describe().startsWith("ste start: loss "), start::describe);
        if (start.feasible()) {
            assertEquals(Fixtures.errors(start.network(), d), start.trainingLoss(), 1e-6, start::describe);
        } else {
            assertTrue(start.describe().contains("infeasible"), start::describe);
        }
        assertEquals(SolveStatus.OPTIMAL, r.status(), r::describe);
        assertFalse(r.networkFromStart(), r::describe);
        assertTrue(r.trainingLoss() <= Fixtures.errors(start.network(), d) + 1e-6, r::describe);
    }
}
