package org.tamebnn.bnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tamebnn.bnn.Fixtures.data;
import static org.tamebnn.bnn.Fixtures.errors;
import static org.tamebnn.bnn.Fixtures.scip;
import static org.tamebnn.bnn.Fixtures.trainOptimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tamebnn.data.Dataset;

/** General discrete activations (Remark after Theorem 2): parsing, levels, and what they let a network learn. */
class DiscreteActivationTest {
    private static final DiscreteActivation BUMP = DiscreteActivation.parse("0,1,0@-0.25,0.25");

    @Test
    void parsesNamesAndLevelsAndSaysWhatIsWrong() {
        assertEquals(DiscreteActivation.STEP, DiscreteActivation.parse(" Step "));
        assertEquals(DiscreteActivation.SIGN, DiscreteActivation.parse("sign"));
        assertTrue(DiscreteActivation.parse("0,1@0").isStep());
        DiscreteActivation ternary = DiscreteActivation.parse("-1,0,1@-0.5,0.5");
        assertArrayEquals(new double[] {-1, 0, 1}, ternary.values());
        assertEquals("-1,0,1@-0.5,0.5", ternary.toString());
        assertEquals(ternary, DiscreteActivation.parse(ternary.toString()));
        assertEquals(1, ternary.maxAbsValue());

        assertEquals("activation 'relu': expected step, sign or VALUES@BREAKPOINTS (e.g. -1,0,1@-0.5,0.5)",
                assertThrows(IllegalArgumentException.class, () -> DiscreteActivation.parse("relu")).getMessage());
        assertEquals("activation '0,x@0': values entry 2 'x' is not a number",
                assertThrows(IllegalArgumentException.class, () -> DiscreteActivation.parse("0,x@0")).getMessage());
        assertEquals("3 values need 2 breakpoints between them, not 1",
                assertThrows(IllegalArgumentException.class, () -> DiscreteActivation.parse("0,1,2@0")).getMessage());
        assertEquals("breakpoints must increase: 0.5 then 0.5",
                assertThrows(IllegalArgumentException.class, () -> DiscreteActivation.parse("0,1,2@0.5,0.5"))
                        .getMessage());
        assertEquals("activation values 0 and 1 are both 1.0; merge the two intervals",
                assertThrows(IllegalArgumentException.class, () -> DiscreteActivation.parse("1,1@0")).getMessage());
    }

    @Test
    void levelCountsTheBreakpointsReachedWithTheShift() {
        DiscreteActivation ternary = DiscreteActivation.parse("-1,0,1@-0.5,0.5");
        assertEquals(0, ternary.level(-0.6, 0));
        assertEquals(1, ternary.level(-0.5, 0));
        assertEquals(1, ternary.level(0.49, 0));
        assertEquals(2, ternary.level(0.5, 0));
        assertEquals(2, ternary.level(0.4995, -0.0005), "fires at tᵢ − ε/2");
    }

    @Test
    void breakpointsCloserThanEpsilonAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> BnnSpec.builder(1).hidden(1).epsilon(0.01)
                .hiddenActivation(DiscreteActivation.parse("0,1,2@0,0.005")).build());
        assertEquals("activation 0,1,2@0,0.005: breakpoints 0.0 and 0.005 are closer than ε = 0.01, leaving the"
                + " level between them no room", e.getMessage());
    }

    /**
     * Labels 0, 0, 1, 1, 0, 0 along one feature. One step neuron is one threshold on x, and the
     * output a function of it: the positive set is {x ≥ c}, {x &lt; c}, all or nothing, which
     * misses 2 points at best. One neuron whose activation is 1 on a middle interval and 0 on
     * both sides (values 0, 1, 0) fits the bump exactly, e.g. w = 1, λ = 0.5.
     */
    @ParameterizedTest
    @ValueSource(strings = {"scip", "highs"})
    void aThreeLevelNeuronFitsWhatOneStepNeuronCannot(String solver) {
        Dataset bump = data(new double[][] {{0}, {0.1}, {0.45}, {0.55}, {0.9}, {1}}, new int[] {0, 0, 1, 1, 0, 0}, 2);
        BnnSpec step = BnnSpec.forData(bump).hidden(1).build();
        BnnSpec threeLevel = BnnSpec.forData(bump).hidden(1).hiddenActivation(BUMP).build();
        TrainingResult stepResult = trainOptimal(bump, step, FormulationOptions.defaults(), Fixtures.solver(solver));
        TrainingResult bumpResult = trainOptimal(bump, threeLevel, FormulationOptions.defaults(),
                Fixtures.solver(solver));
        assertEquals(2, stepResult.trainingLoss(), 1e-6, stepResult::describe);
        assertEquals(0, bumpResult.trainingLoss(), 1e-6, bumpResult::describe);
        assertEquals(0, errors(bumpResult.networkOrThrow(), bump));
        assertTrue(bumpResult.networkOrThrow().spec().describe().contains("0,1,0@-0.25,0.25 activation"));
    }

    /** Sign activations (±1) learn XOR with two hidden neurons, as the step does, under every option. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void signActivationLearnsXor(boolean allSpeedUps) {
        Dataset xor = Fixtures.xor();
        BnnSpec spec = BnnSpec.forData(xor).hidden(2).hiddenActivation(DiscreteActivation.SIGN).build();
        FormulationOptions options = allSpeedUps ? FormulationOptions.allSpeedUps() : FormulationOptions.paper();
        TrainingResult r = trainOptimal(xor, spec, options, scip());
        assertEquals(0, r.trainingLoss(), 1e-6, r::describe);
        assertEquals(0, errors(r.networkOrThrow(), xor));
    }

    /** A ternary activation in a hidden layer under max-margin: the solver's levels and the forward pass agree. */
    @Test
    void ternaryLevelsAgreeWithTheForwardPassUnderMaxMargin() {
        Dataset d = data(new double[][] {{0.1, 0.9}, {0.3, 0.2}, {0.8, 0.7}, {0.6, 0.1}, {0.9, 0.95}, {0.2, 0.5}},
                new int[] {1, 0, 1, 0, 0, 1}, 2);
        BnnSpec spec = BnnSpec.forData(d).hidden(2).hiddenActivation(DiscreteActivation.parse("-1,0,1@-0.5,0.5"))
                .build();
        TrainingResult r = trainOptimal(d, spec, FormulationOptions.defaults().withMaxMargin(true), scip());
        assertEquals(0, r.trainingLoss(), 1e-6, r::describe);
        assertEquals(0, errors(r.networkOrThrow(), d));
    }
}
