package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.bnn.internal.FormulationBuilder;
import org.tamebnn.data.Dataset;
import org.tamebnn.losses.HingeLoss;

/** The robust master: the Theorem 2 model over points and scenarios, each point paying its worst member's loss. */
class RobustMasterTest {
    private static final BnnSpec SPEC = BnnSpec.builder(1).hidden(1).build();

    private static Dataset twoPoints() {
        return Fixtures.data(new double[][] {{0.3}, {0.7}}, new int[] {0, 1}, 2);
    }

    private static BnnMilp master(List<List<double[]>> scenarios) {
        return FormulationBuilder.build(twoPoints(), SPEC, FormulationOptions.defaults(), Fixtures.ZERO_ONE, scenarios);
    }

    @Test
    void withoutScenariosItIsTheNominalModel() {
        BnnMilp nominal = BnnFormulation.build(twoPoints(), SPEC, FormulationOptions.defaults(), Fixtures.ZERO_ONE);
        BnnMilp master = master(List.of(List.of(), List.of()));
        assertEquals(nominal.model().rowCount(), master.model().rowCount());
        assertEquals(nominal.model().variableCount(), master.model().variableCount());
        assertEquals(nominal.points(), master.points());
    }

    @Test
    void scenariosGetTheirOwnActivationsAndOneWorstCaseColumnPerPoint() {
        BnnMilp nominal = BnnFormulation.build(twoPoints(), SPEC, FormulationOptions.defaults(), Fixtures.ZERO_ONE);
        BnnMilp master = master(List.of(List.of(new double[] {0.5}, new double[] {0.4}), List.of()));
        assertEquals(4, master.points().size());
        assertEquals(master.points().get(0).classWeights()[0], master.points().get(2).classWeights()[0]);
        // per scenario as per point: 2 activations and 1 product; point 0 gains η and one row η ≥ loss per member
        assertEquals(nominal.model().variableCount() + 2 * 3 + 1, master.model().variableCount());
        assertTrue(master.model().variableIndex("eta0_0").isPresent());
        assertTrue(master.model().rowIndex("worst0_0_0").isPresent());
        assertTrue(master.model().rowIndex("worst0_0_2").isPresent());
        assertTrue(master.model().rowIndex("worst0_0_3").isPresent());
        assertTrue(master.model().variableIndex("eta1_1").isEmpty(), "a point without scenarios keeps its plain term");
    }

    @Test
    void aSharedScenarioCostsOnePoint() {
        // both points may be moved to 0.5: whatever the network says there, one of them is wrong
        double[] middle = {0.5};
        BnnMilp master = master(List.of(List.of(middle), List.of(middle)));
        SolveResult r = Fixtures.scip().solve(master.model(), Fixtures.PARAMS);
        assertEquals(SolveStatus.OPTIMAL, r.status(), r::toString);
        assertEquals(1, r.objective(), 1e-6);
        TrainedBnn net = master.extract(r.values());
        int wrong = (net.predict(new double[] {0.3}) != 0 || net.predict(middle) != 0 ? 1 : 0)
                + (net.predict(new double[] {0.7}) != 1 || net.predict(middle) != 1 ? 1 : 0);
        assertEquals(1, wrong, "the forward pass agrees with the master's worst-case loss");
    }

    @Test
    void separableScenariosCostNothing() {
        BnnMilp master = master(List.of(List.of(new double[] {0.4}), List.of(new double[] {0.6})));
        SolveResult r = Fixtures.highs().solve(master.model(), Fixtures.PARAMS);
        assertEquals(0, r.objective(), 1e-6);
    }

    @Test
    void refusesMismatchedScenarioListsAndMarginLosses() {
        var e = assertThrows(IllegalArgumentException.class, () -> master(List.of(List.of())));
        assertTrue(e.getMessage().contains("2 points"), e::getMessage);
        assertThrows(IllegalArgumentException.class, () -> master(List.of(List.of(new double[] {0.1, 0.2}), List.of())));
        assertThrows(IllegalArgumentException.class, () -> FormulationBuilder.build(twoPoints(), SPEC,
                FormulationOptions.defaults(), new HingeLoss(), List.of(List.of(new double[] {0.5}), List.of())));
        BnnMilp unchanged = FormulationBuilder.build(twoPoints(), SPEC, FormulationOptions.defaults(), new HingeLoss(),
                List.of(List.of(), List.of()));
        assertSame(unchanged.variables().outputKind(), org.tamebnn.api.loss.OutputKind.PREACTIVATION);
    }
}
