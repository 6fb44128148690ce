package org.tamebnn.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.loss.OutputKind;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.solver.ojalgo.OjAlgoSolver;

/**
 * Value, subgradient and MILP terms agree, over random outputs, targets and weights: the
 * subgradient inequality holds (every loss here is convex in its output), and the optimum of the
 * loss's MILP terms with the output fixed is weight × value — so slack variables are tight.
 */
class LossPropertiesTest {
    private static final long SEED = 20_250_308L;

    @Test
    void subgradientsSupportTheLossFromBelow() {
        for (LossFunction loss : LossContractTest.losses()) {
            boolean realTarget = loss.supports(OutputKind.CONTINUOUS);
            qt().withFixedSeed(SEED).withExamples(300).forAll(doubles().between(-5, 5), doubles().between(-5, 5),
                    doubles().between(-3, 3), integers().between(0, 1)).checkAssert((o, p, real, bit) -> {
                        double t = realTarget ? real : bit;
                        double g = loss.subgradient(o, t);
                        double bound = loss.value(o, t) + g * (p - o);
                        assertTrue(loss.value(p, t) >= bound - 1e-9, () -> loss.name() + ": at o=" + o + ", t=" + t
                                + " the subgradient " + g + " overestimates the loss at " + p);
                    });
        }
    }

    @Test
    void subgradientIsTheDerivativeAwayFromKinks() {
        double h = 1e-6;
        for (LossFunction loss : LossContractTest.losses()) {
            boolean realTarget = loss.supports(OutputKind.CONTINUOUS);
            qt().withFixedSeed(SEED).withExamples(200).forAll(doubles().between(-5, 5), doubles().between(-3, 3),
                    integers().between(0, 1)).checkAssert((o, real, bit) -> {
                        double t = realTarget ? real : bit;
                        double left = (loss.value(o, t) - loss.value(o - h, t)) / h;
                        double right = (loss.value(o + h, t) - loss.value(o, t)) / h;
                        if (Math.abs(left - right) < 1e-4) { // differentiable here
                            assertEquals((left + right) / 2, loss.subgradient(o, t), 1e-4, loss.name() + " at " + o);
                        }
                    });
        }
    }

    @Test
    void milpTermsAtTheirOptimumAreTheWeightedLoss() {
        OjAlgoSolver solver = new OjAlgoSolver();
        for (LossFunction loss : LossContractTest.losses()) {
            OutputKind kind = kindOf(loss);
            qt().withFixedSeed(SEED).withExamples(40).forAll(doubles().between(-4, 4), doubles().between(-3, 3),
                    integers().between(0, 1), doubles().between(0.25, 5)).checkAssert((real, realTarget, bit, w) -> {
                        double output = kind == OutputKind.BINARY ? bit : real;
                        double t = kind == OutputKind.CONTINUOUS ? realTarget : (bit + (real > 0 ? 1 : 0)) % 2;
                        MilpModel.Builder b = MilpModel.builder("m");
                        int col = kind == OutputKind.BINARY ? b.integer("u", output, output)
                                : b.continuous("a", output, output);
                        loss.addTo(b, "s0_o0", col, kind, t, w);
                        MilpModel m = b.build();
                        SolveResult r = solver.solve(m);
                        assertTrue(r.status().claimsOptimum(), loss.name());
                        assertEquals(w * loss.value(output, t), r.objective(), 1e-7,
                                () -> loss.name() + " at output " + output + ", target " + t + ", weight " + w);
                    });
        }
    }

    private static OutputKind kindOf(LossFunction loss) {
        for (OutputKind kind : OutputKind.values()) {
            if (loss.supports(kind)) {
                return kind;
            }
        }
        throw new AssertionError(loss.name() + " supports no kind");
    }
}
