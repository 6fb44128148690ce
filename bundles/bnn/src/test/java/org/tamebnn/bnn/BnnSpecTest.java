package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class BnnSpecTest {

    @Test
    void derivedShape() {
        BnnSpec spec = BnnSpec.builder(9).hidden(5, 3).classes(4).build();
        assertEquals(3, spec.layerCount());
        assertEquals(List.of(5, 3), spec.hiddenWidths());
        assertEquals(4, spec.outputWidth());
        assertEquals(9, spec.fanIn(0));
        assertEquals(3, spec.fanIn(2));
        assertTrue(spec.isHidden(1));
        assertFalse(spec.isHidden(2));
        assertEquals(9 * 5 + 5 * 3 + 3 * 4, spec.weightCount());
        assertEquals("9-5-3-4 BDNN, real weights, ε=0.001", spec.describe());
        assertEquals(1, BnnSpec.builder(9).build().outputWidth(), "two classes: one output neuron");
        assertFalse(spec.hasSparsityBudget());
    }

    @Test
    void epsilonMustStayAboveSolverTolerances() {
        var e = assertThrows(IllegalArgumentException.class, () -> BnnSpec.builder(2).epsilon(1e-9).build());
        assertTrue(e.getMessage().startsWith("ε = 1.0E-9 is too small: it must be > 1.0E-6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BnnSpec.builder(2).epsilon(1e-6).build());
        assertThrows(IllegalArgumentException.class, () -> BnnSpec.builder(2).epsilon(Double.NaN).build());
        assertThrows(IllegalArgumentException.class, () -> BnnSpec.builder(2).epsilon(1).build());
        assertEquals(2e-6, BnnSpec.builder(2).epsilon(2e-6).build().epsilon());
    }

    @Test
    void badShapesAndCombinationsAreRefusedWithAReason() {
        assertEquals("hidden layer 2 has width 0; every layer needs at least one neuron",
                assertThrows(IllegalArgumentException.class, () -> BnnSpec.builder(2).hidden(3, 0).build()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> BnnSpec.builder(0).build());
        assertThrows(IllegalArgumentException.class, () -> BnnSpec.builder(2).classes(1).build());
        assertEquals("a sparsity budget needs real or integer weights: binary weights are ±1, never 0",
                assertThrows(IllegalArgumentException.class,
                        () -> BnnSpec.builder(2).weights(WeightDomain.BINARY).sparsityBudget(1).build()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> BnnSpec.builder(2).sparsityBudget(-1).build());
        assertThrows(IllegalArgumentException.class, () -> BnnSpec.builder(2).integerWeights(-1).build());
        assertEquals(3, BnnSpec.builder(2).integerWeights(3).sparsityBudget(1).build().maxWeight());
        assertEquals("the objectives start with the loss, not [MARGIN]", assertThrows(IllegalArgumentException.class,
                () -> FormulationOptions.paper().withObjectives(List.of(Objective.MARGIN))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> FormulationOptions.paper().withMarginCap(0));
    }

    @Test
    void sparsityBudgetBindsOnlyBelowTheWeightCount() {
        assertTrue(BnnSpec.builder(2).hidden(2).sparsityBudget(5).build().hasSparsityBudget());
        assertFalse(BnnSpec.builder(2).hidden(2).sparsityBudget(6).build().hasSparsityBudget());
        assertEquals("2-2-1 BDNN0, real weights, ‖W‖₀ ≤ 5, ε=0.001",
                BnnSpec.builder(2).hidden(2).variant(Variant.BDNN0).sparsityBudget(5).build().describe());
    }
}
