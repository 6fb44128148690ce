package org.tamebnn.dual.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tamebnn.api.dual.AffinePiece;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.dual.DualFunction;
import org.tamebnn.api.dual.DualRequest;
import org.tamebnn.api.dual.DualResult;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.MilpSolvers;
import org.tamebnn.dual.SubadditiveDualCheck;

/**
 * The LP and branch-and-bound duals on the running example (Aspman et al. (10); notes §5), whose
 * value function is known in closed form (notes §5.1).
 */
class LpAndBranchAndBoundDualTest {
    private static final MilpSolver GLOP = MilpSolvers.create("ortools-glop");

    /** min ½x₁ + 2y₁ + y₂ s.t. x₁ − 3/2 x₂ + y₁ − y₂ = b, x ∈ Z₊², y ∈ R₊². */
    static MilpModel example(double b) {
        MilpModel.Builder m = MilpModel.builder("example");
        int x1 = m.integer("x1", 0, Double.POSITIVE_INFINITY);
        int x2 = m.integer("x2", 0, Double.POSITIVE_INFINITY);
        int y1 = m.continuous("y1", 0, Double.POSITIVE_INFINITY);
        int y2 = m.continuous("y2", 0, Double.POSITIVE_INFINITY);
        m.objective(x1, 0.5).objective(y1, 2).objective(y2, 1);
        m.row("r").term(x1, 1).term(x2, -1.5).term(y1, 1).term(y2, -1).equalTo(b);
        return m.build();
    }

    /** z(b) in closed form (notes §5.1). */
    static double z(double b) {
        if (b >= 0) {
            double n = Math.floor(b);
            return Math.min(n / 2 + 2 * (b - n), (n + 1) / 2 + (n + 1 - b));
        }
        double k = Math.floor(-b / 1.5);
        return Math.min(-(b + 1.5 * k), 2 * (b + 1.5 * (k + 1)));
    }

    @Test
    void lpDualIsHalfDAndFeasibleForTheSubadditiveDual() {
        DualResult r = new LpRelaxationDual().construct(example(0.5), DualRequest.of(GLOP));
        DualFunction f = r.function().orElseThrow(() -> new AssertionError(r.message()));
        assertEquals(0.25, r.valueAtB(), 1e-9, "z_LP(½) = ¼");
        assertEquals(List.of(new AffinePiece(new double[] { 0.5 }, 0)), f.pieces());
        assertEquals(Certificate.Kind.SUBADDITIVE_DUAL_FEASIBLE, f.certificate().kind());
        assertTrue(SubadditiveDualCheck.check(example(0.5), f, 1e-9).feasible());
        for (double d = -6; d <= 6; d += 1.0 / 16) {
            assertTrue(f.value(new double[] { d }) <= z(d) + 1e-9, "F(" + d + ") ≤ z");
        }
    }

    @Test
    void branchAndBoundAtAHalfIsExactThereAndBelowZEverywhere() {
        // the leaves alone: F_BB of notes §5.4, whose tree is the depth-first one
        DualResult r = new BranchAndBoundDual().construct(example(0.5),
                DualRequest.of(GLOP).withOption("evaluation", "leaves").withOption("order", "depth"));
        DualFunction f = r.function().orElseThrow(() -> new AssertionError(r.message()));
        assertEquals(1.0, r.valueAtB(), 1e-9, r.message());
        assertTrue(r.message().startsWith("tree complete"), r.message());
        assertEquals(Certificate.Kind.VALID_BY_CONSTRUCTION, f.certificate().kind());
        for (double d = -6; d <= 6; d += 1.0 / 64) {
            assertTrue(f.value(new double[] { d }) <= z(d) + 1e-9, "F(" + d + ") = " + f.value(new double[] { d })
                    + " ≤ z = " + z(d));
        }
        // exact on the region the tree explored (notes §5.4: [0, 1])
        for (double d = 0; d <= 1; d += 1.0 / 8) {
            assertEquals(z(d), f.value(new double[] { d }), 1e-9, "F(" + d + ")");
        }
        // not subadditive, as the notes show, and the check says where
        var report = SubadditiveDualCheck.check(example(0.5), f, 1e-9);
        assertFalse(report.feasible());
        assertTrue(report.describe().contains("subadditivity"), report.describe());
        // its conservative field: one gradient inside a piece, 2 at ¼ (z's slope there); at ½, where
        // z has a kink, every leaf is active and the field holds all three slopes (notes §5.4)
        assertEquals(List.of(2.0), f.conservativeField(new double[] { 0.25 }).stream().map(g -> g[0]).toList());
        assertEquals(java.util.Set.of(2.0, -1.0, 0.5), f.conservativeField(new double[] { 0.5 }).stream()
                .map(g -> Math.rint(g[0] * 1e9) / 1e9).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void throughTheWholeTreeItIsTheNotesStrengthenedFunction() {
        // F_BB+ of notes §5.4, row by row of its table (the notes' tree is the depth-first one)
        DualFunction f = new BranchAndBoundDual().construct(example(0.5), DualRequest.of(GLOP).withOption("order",
                "depth")).function().orElseThrow();
        double[][] table = { { -3, -1.5 }, { -2.5, -1.25 }, { -2, -1 }, { -1.5, -0.75 }, { -1, -0.5 }, { -0.5, -0.25 },
            { 0, 0 }, { 0.25, 0.5 }, { 0.5, 1 }, { 0.75, 0.75 }, { 1, 0.5 }, { 1.5, 0.75 }, { 2, 1 }, { 2.5, 1.25 },
            { 3, 1.5 } };
        for (double[] row : table) {
            assertEquals(row[1], f.value(new double[] { row[0] }), 1e-9, "F_BB+(" + row[0] + ")");
        }
        for (double d = -6; d <= 6; d += 1.0 / 64) {
            assertTrue(f.value(new double[] { d }) <= z(d) + 1e-9, "F_BB+(" + d + ") ≤ z");
        }
        assertEquals(java.util.Set.of(2.0, -1.0, 0.5), f.conservativeField(new double[] { 0.5 }).stream()
                .map(g -> Math.rint(g[0] * 1e9) / 1e9).collect(java.util.stream.Collectors.toSet()));
    }

    @ParameterizedTest
    @CsvSource({ "2.25, 1.5", "-1, 1", "-2, 0.5", "0, 0", "3, 1.5" })
    void branchAndBoundIsStrongWhereItIsBuilt(double b, double zb) {
        DualResult r = new BranchAndBoundDual().construct(example(b), DualRequest.of(GLOP));
        assertEquals(zb, z(b), 1e-12);
        assertEquals(zb, r.valueAtB(), 1e-7, r.message());
        DualFunction f = r.function().orElseThrow();
        for (double d = -6; d <= 6; d += 1.0 / 16) {
            assertTrue(f.value(new double[] { d }) <= z(d) + 1e-7, "built at " + b + ": F(" + d + ") ≤ z");
        }
    }

    @Test
    void anIncumbentGivenUpFrontPrunesTheRoot() {
        DualResult r = new BranchAndBoundDual().construct(example(1),
                DualRequest.of(GLOP).withOption("incumbent", "0.5"));
        assertEquals(0.5, r.valueAtB(), 1e-9, r.message());
        assertEquals(1, r.function().orElseThrow().pieces().size(), "the root LP already meets the incumbent");
    }

    @Test
    void refusalsSayWhy() {
        DualResult noDuals = new LpRelaxationDual().construct(example(0.5), DualRequest.of(MilpSolvers.create("ortools-scip")));
        assertTrue(noDuals.message().contains("does not declare LP_DUALS"), noDuals.message());
        DualResult unknown = new BranchAndBoundDual().construct(example(0.5), DualRequest.of(GLOP).withOption("depth", "3"));
        assertTrue(unknown.message().contains("unknown option 'depth'"), unknown.message());
    }
}
