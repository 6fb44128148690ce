package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tamebnn.bnn.Fixtures.ZERO_ONE;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Row;
import org.tamebnn.data.BuiltinDatasets;
import org.tamebnn.data.DataPipeline;
import org.tamebnn.data.Dataset;
import org.tamebnn.data.MissingValuePolicy;
import org.tamebnn.data.SplitSpec;

/** The rows and columns the formulation writes, against the paper's model. */
class FormulationStructureTest {

    private static BnnMilp xor(BnnSpec.Builder spec, FormulationOptions options) {
        return BnnFormulation.build(Fixtures.xor(), spec.build(), options, ZERO_ONE);
    }

    @Test
    void paperFormulationHasTheVariablesAndRowsOfTheorem2() {
        BnnMilp milp = xor(BnnSpec.builder(2).hidden(2), FormulationOptions.paper());
        MilpModel m = milp.model();
        // W¹ 4, λ¹ 2, W² 2, λ² 1; u 4 points × 3 neurons; s 4 points × 1 output × 2 inputs
        assertEquals(9 + 12 + 8, m.variableCount());
        assertEquals(12, m.integerCount());
        // two big-M rows per point and neuron, four per product
        assertEquals(4 * 3 * 2 + 8 * 4, m.rowCount());
        assertEquals(4, milp.points().size());
    }

    /** (5)/(6) for point (1, 1), first neuron: a = w·x − λ with M₁ = n·r + 1 = 3. */
    @Test
    void firstLayerBigMRowsUseTheGapEpsilon() {
        BnnMilp milp = xor(BnnSpec.builder(2).hidden(2), FormulationOptions.paper());
        BnnVariables v = milp.variables();
        Row up = row(milp, "up1_1_0");
        assertEquals(-1e-3, up.upper(), 0);
        assertEquals(-(3 + 1e-3), coefficient(up, v.activationColumn(1, 0, 0)), 1e-12);
        assertEquals(1, coefficient(up, v.weightColumn(0, 0, 0)));
        assertEquals(-1, coefficient(up, v.thresholdColumn(0, 0)));
        Row lo = row(milp, "lo1_1_0");
        assertEquals(-3, lo.lower());
        assertEquals(-3, coefficient(lo, v.activationColumn(1, 0, 0)));
        // later layers: M₂ = d₁ + 1 = 3 on the s-variables
        Row out = row(milp, "up1_2_0");
        assertEquals(1, coefficient(out, v.productColumn(1, 1, 0, 0)));
        assertEquals(-(3 + 1e-3), coefficient(out, v.activationColumn(1, 1, 0)), 1e-12);
    }

    @Test
    void tightBigMIsTheL1NormPlusOnePerPoint() {
        BnnMilp milp = xor(BnnSpec.builder(2).hidden(2), FormulationOptions.paper().withTightFirstLayerBigM(true));
        assertEquals(-1, row(milp, "lo0_1_0").lower(), "x = (0, 0): M = 0 + 1");
        assertEquals(-3, row(milp, "lo1_1_0").lower(), "x = (1, 1): M = 2 + 1");
        assertEquals(-2, row(milp, "lo2_1_0").lower(), "x = (0, 1): M = 1 + 1");
        BnnMilp bdnn0 = xor(BnnSpec.builder(2).hidden(2).variant(Variant.BDNN0),
                FormulationOptions.paper().withTightFirstLayerBigM(true));
        assertEquals(-2, row(bdnn0, "lo1_1_0").lower(), "BDNN0 has no λ: M = ‖x‖₁");
        assertEquals(-1, bdnn0.variables().thresholdColumn(0, 0));
    }

    /** w = 2b − 1: the constant Σ −x_j moves to the right-hand side, and the s-rows shift by the offset. */
    @Test
    void binaryWeightsAreSubstitutedEverywhere() {
        BnnMilp milp = xor(BnnSpec.builder(2).hidden(2).weights(WeightDomain.BINARY), FormulationOptions.paper());
        BnnVariables v = milp.variables();
        assertTrue(milp.model().variable(v.weightColumn(0, 0, 0)).isInteger());
        Row up = row(milp, "up1_1_0");
        assertEquals(2, coefficient(up, v.weightColumn(0, 0, 0)));
        assertEquals(-1e-3 + 2, up.upper(), 1e-12);
        Row sc = row(milp, "sc1_2_0_0"); // s − w + u ≤ 1 → s − 2b + u ≤ 0
        assertEquals(-2, coefficient(sc, v.weightColumn(1, 0, 0)));
        assertEquals(0, sc.upper(), 1e-12);
        Row sd = row(milp, "sd1_2_0_0"); // s − w − u ≥ −1 → s − 2b − u ≥ −2
        assertEquals(-2, sd.lower(), 1e-12);
    }

    @Test
    void symmetryBreakingOrdersHiddenLayersOnly() {
        BnnMilp bdnn = xor(BnnSpec.builder(2).hidden(3), FormulationOptions.paper().withSymmetryBreaking(true));
        Row sym = row(bdnn, "sym1_1");
        assertEquals(1, coefficient(sym, bdnn.variables().thresholdColumn(0, 1)), "λ₁ ≥ λ₂");
        assertEquals(-1, coefficient(sym, bdnn.variables().thresholdColumn(0, 2)));
        assertTrue(bdnn.model().rowIndex("sym2_0").isEmpty(), "the output layer is not ordered");
        BnnMilp bdnn0 = xor(BnnSpec.builder(2).hidden(3).variant(Variant.BDNN0),
                FormulationOptions.paper().withSymmetryBreaking(true));
        assertEquals(1, coefficient(row(bdnn0, "sym1_0"), bdnn0.variables().weightColumn(0, 0, 0)), "w₀,₀ ≥ w₁,₀");
    }

    @Test
    void sparsityAddsIndicatorsAndABudget() {
        BnnMilp milp = xor(BnnSpec.builder(2).hidden(2).sparsityBudget(3), FormulationOptions.paper());
        assertEquals(3, row(milp, "sparsity").upper());
        assertEquals(6, row(milp, "sparsity").size(), "one z per weight");
        assertTrue(milp.variables().indicatorColumn(1, 0, 1) >= 0);
    }

    @Test
    void maxMarginAddsDeltaWithALexicographicWeight() {
        BnnMilp milp = xor(BnnSpec.builder(2).hidden(2), FormulationOptions.paper().withMaxMargin(true).withMarginCap(0.5));
        int delta = milp.variables().marginColumn();
        assertEquals(5e-4, milp.model().variable(delta).lower(), "δ = ε/2 is the paper's gap");
        assertEquals(0.5, milp.model().variable(delta).upper());
        assertEquals(-1.0, milp.model().objectiveCoefficient(delta), 1e-12, "c = g/(2δmax) with g = 1");
        assertEquals(3, milp.lossBound(2.3), 0, "loss ≥ 2.3 + δ ≥ 2.3005, and losses are integers");
    }

    @Test
    void multiClassHasOneHotOutputsAndExactlyOneFires() {
        Dataset d = Fixtures.data(new double[][] {{0.1}, {0.5}, {0.9}}, new int[] {0, 1, 2}, 3);
        BnnMilp milp = BnnFormulation.build(d, BnnSpec.forData(d).build(), FormulationOptions.paper(), ZERO_ONE);
        Row one = row(milp, "one2");
        assertEquals(1, one.lower());
        assertEquals(1, one.upper());
        assertEquals(0.5, milp.outputLossScale());
        // point 2 (class 2): ½(u₀ + u₁ + (1 − u₂))
        assertEquals(0.5, milp.model().objectiveCoefficient(milp.variables().activationColumn(2, 0, 0)));
        assertEquals(-0.5, milp.model().objectiveCoefficient(milp.variables().activationColumn(2, 0, 2)));
    }

    /** Breast Cancer Wisconsin's 559 training points are 374 distinct feature vectors (seed 0). */
    @Test
    void mergingBcwKeepsEveryRowsWeight() {
        Dataset train = DataPipeline.prepare(BuiltinDatasets.load("bcw"), SplitSpec.of(0, 0.2),
                MissingValuePolicy.TRAIN_MEDIAN).train();
        BnnMilp milp = BnnFormulation.build(train, BnnSpec.forData(train).hidden(5).build(),
                FormulationOptions.paper().withMergeDuplicates(true), ZERO_ONE);
        assertEquals(559, milp.trainingRows());
        assertEquals(374, milp.points().size());
        double[] perClass = new double[2];
        int rows = 0;
        for (TrainingPoint p : milp.points()) {
            perClass[0] += p.classWeight(0);
            perClass[1] += p.classWeight(1);
            rows += p.rows().length;
            for (int r : p.rows()) {
                assertArrayEquals(train.row(r), p.features());
            }
        }
        assertEquals(559, rows);
        assertArrayEquals(Arrays.stream(train.classCounts()).asDoubleStream().toArray(), perClass);
    }

    @Test
    void dataThatDoesNotFitTheSpecIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> BnnFormulation.build(Fixtures.xor(),
                BnnSpec.builder(3).build(), FormulationOptions.paper(), ZERO_ONE));
        assertEquals("training set 'tiny' has 2 features; the network 3-1 BDNN, real weights, ε=0.001 expects 3",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BnnFormulation.build(Fixtures.xor(),
                BnnSpec.builder(2).classes(3).build(), FormulationOptions.paper(), ZERO_ONE));
        assertFalse(FormulationOptions.paper().maxMargin());
    }

    private static Row row(BnnMilp milp, String name) {
        return milp.model().row(milp.model().rowIndex(name).orElseThrow(() -> new AssertionError("no row " + name)));
    }

    private static double coefficient(Row row, int column) {
        for (int k = 0; k < row.size(); k++) {
            if (row.column(k) == column) {
                return row.coefficient(k);
            }
        }
        return 0;
    }
}
