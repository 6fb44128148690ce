package org.tamebnn.dual.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tamebnn.dual.internal.LpAndBranchAndBoundDualTest.example;
import static org.tamebnn.dual.internal.LpAndBranchAndBoundDualTest.z;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.dual.DualFunction;
import org.tamebnn.api.dual.DualRequest;
import org.tamebnn.api.dual.DualResult;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.MilpSolvers;
import org.tamebnn.api.milp.Sense;

/**
 * The branch-and-cut dual (notes §4.6) on the running example, whose value function is known in
 * closed form (notes §5.1), and on a small pure-integer maximisation whose value is enumerated; the
 * lazy Farkas pieces of the branch-and-bound dual against raising every infeasible leaf.
 */
class BranchAndCutDualTest {
    private static final MilpSolver GLOP = MilpSolvers.create("ortools-glop");

    @ParameterizedTest
    @CsvSource({ "0.5, 1", "2.25, 1.5", "-1, 1", "-2, 0.5", "0, 0", "3, 1.5", "1.75, 1.25" })
    void strongWhereItIsBuiltAndBelowZEverywhere(double b, double zb) {
        DualResult r = new BranchAndCutDual().construct(example(b), DualRequest.of(GLOP));
        DualFunction f = r.function().orElseThrow(() -> new AssertionError(r.message()));
        assertEquals(zb, z(b), 1e-12);
        assertEquals(zb, r.valueAtB(), 1e-7, r.message());
        assertTrue(r.message().startsWith("tree complete"), r.message());
        assertEquals(Certificate.Kind.VALID_BY_CONSTRUCTION, f.certificate().kind());
        for (double d = -6; d <= 6; d += 1.0 / 32) {
            assertTrue(f.value(new double[] { d }) <= z(d) + 1e-7, "built at " + b + ": F(" + d + ") = "
                    + f.value(new double[] { d }) + " ≤ z = " + z(d));
        }
    }

    @Test
    void theRootCutClosesTheExampleAtAHalfInOneLp() {
        // notes §5.5: one GMI cut from the root tableau at b = ½ makes the LP integral, so the tree is its root
        DualResult bc = new BranchAndCutDual().construct(example(0.5), DualRequest.of(GLOP));
        DualResult bb = new BranchAndBoundDual().construct(example(0.5), DualRequest.of(GLOP));
        assertEquals(1.0, bc.valueAtB(), 1e-9, bc.message());
        assertTrue(bc.function().orElseThrow().certificate().evidence().contains("a 1-LP tree"),
                bc.function().orElseThrow().certificate().evidence());
        assertFalse(bb.function().orElseThrow().certificate().evidence().contains("a 1-LP tree"),
                "branch and bound alone needs more than its root");
    }

    @Test
    void conservativeFieldMatchesTheSlopeAwayFromBreakpoints() {
        DualFunction f = new BranchAndCutDual().construct(example(0.5), DualRequest.of(GLOP)).function().orElseThrow();
        for (double d : new double[] { 0.3, 0.7, -0.4, 2.6 }) {
            List<double[]> field = f.conservativeField(new double[] { d });
            double h = 1e-6;
            double slope = (f.value(new double[] { d + h }) - f.value(new double[] { d - h })) / (2 * h);
            assertTrue(field.stream().anyMatch(g -> Math.abs(g[0] - slope) < 1e-4),
                    "at " + d + " the field " + field.stream().map(g -> g[0]).toList() + " holds the slope " + slope);
        }
    }

    /** max 5x₁ + 4x₂ + 3x₃ s.t. 2x₁ + 3x₂ + x₃ ≤ d₁, 4x₁ + x₂ + 2x₃ ≤ d₂, x ∈ {0, …, 3}³. */
    private static MilpModel knapsack(double d1, double d2) {
        MilpModel.Builder m = MilpModel.builder("knapsack2");
        int x1 = m.integer("x1", 0, 3);
        int x2 = m.integer("x2", 0, 3);
        int x3 = m.integer("x3", 0, 3);
        m.objective(x1, 5).objective(x2, 4).objective(x3, 3).sense(Sense.MAXIMIZE);
        m.row("a").term(x1, 2).term(x2, 3).term(x3, 1).atMost(d1);
        m.row("b").term(x1, 4).term(x2, 1).term(x3, 2).atMost(d2);
        return m.build();
    }

    /** The optimum by enumeration, in the minimisation sense of dual functions (−max). */
    private static double zKnapsack(double d1, double d2) {
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a <= 3; a++) {
            for (int b = 0; b <= 3; b++) {
                for (int c = 0; c <= 3; c++) {
                    if (2 * a + 3 * b + c <= d1 + 1e-9 && 4 * a + b + 2 * c <= d2 + 1e-9) {
                        best = Math.max(best, 5 * a + 4 * b + 3 * c);
                    }
                }
            }
        }
        return best == Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : -best;
    }

    @ParameterizedTest
    @ValueSource(strings = { "bc", "bb" })
    void boundedMaximisationWithTwoVaryingRows(String method) {
        org.tamebnn.api.dual.DualConstructor c = method.equals("bc") ? new BranchAndCutDual() : new BranchAndBoundDual();
        DualResult r = c.construct(knapsack(5.5, 6.5), DualRequest.of(GLOP));
        DualFunction f = r.function().orElseThrow(() -> new AssertionError(r.message()));
        assertEquals(zKnapsack(5.5, 6.5), r.valueAtB(), 1e-7, r.message());
        for (double d1 = 0; d1 <= 12; d1 += 0.5) {
            for (double d2 = 0; d2 <= 12; d2 += 0.5) {
                double bound = f.value(new double[] { d1, d2 });
                assertTrue(bound <= zKnapsack(d1, d2) + 1e-7,
                        method + ": F(" + d1 + ", " + d2 + ") = " + bound + " ≤ z = " + zKnapsack(d1, d2));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "lazy", "all" })
    void bothFarkasModesAreStrongAtBAndValid(String farkas) {
        DualResult r = new BranchAndBoundDual().construct(knapsack(7.5, 5.5),
                DualRequest.of(GLOP).withOption("farkas", farkas));
        DualFunction f = r.function().orElseThrow(() -> new AssertionError(r.message()));
        assertEquals(zKnapsack(7.5, 5.5), r.valueAtB(), 1e-7, r.message());
        for (double d1 = 0; d1 <= 12; d1 += 0.5) {
            for (double d2 = 0; d2 <= 12; d2 += 0.5) {
                assertTrue(f.value(new double[] { d1, d2 }) <= zKnapsack(d1, d2) + 1e-7, farkas + " at " + d1 + ", " + d2);
            }
        }
    }

    /**
     * Strong duality on real instances, where the tree runs thousands of elastic LPs: p0033 (binary,
     * ≤ rows) and stein27 (set covering, where a penalty compounding down the tree once pulled the
     * recomputed pieces to 15.5 below z = 18).
     */
    @ParameterizedTest
    @CsvSource({ "p0033, 3089", "stein27, 18" })
    void branchAndBoundIsStrongOnMiplibInstances(String name, double optimum, @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        MilpModel model = org.tamebnn.api.mps.MpsReader.read(org.tamebnn.tck.MiplibInstance.named(name).copyTo(tmp));
        DualResult r = new BranchAndBoundDual().construct(model, DualRequest.of(GLOP).withOption("incumbent",
                Double.toString(optimum)));
        assertTrue(r.message().startsWith("tree complete"), r.message());
        assertEquals(optimum, r.valueAtB(), 1e-6 * optimum, r.message());
    }

    @Test
    void refusalsSayWhy() {
        DualResult bad = new BranchAndCutDual().construct(example(0.5), DualRequest.of(GLOP).withOption("farkas", "some"));
        assertTrue(bad.message().contains("option farkas must be lazy or all"), bad.message());
        MilpModel.Builder big = MilpModel.builder("big");
        int[] x = new int[40];
        for (int j = 0; j < x.length; j++) {
            x[j] = big.integer("x" + j, 0, 1);
            big.objective(x[j], 1);
        }
        for (int i = 0; i < 40; i++) {
            big.row("r" + i).term(x[i], 1).term(x[(i + 1) % 40], 1).atLeast(1);
        }
        DualResult tooLarge = new BranchAndCutDual().construct(big.build(), DualRequest.of(GLOP));
        assertTrue(tooLarge.function().isEmpty());
        assertTrue(tooLarge.message().contains("exact simplex"), tooLarge.message());
    }
}
