package org.tamebnn.dual.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tamebnn.api.dual.DualFunction;
import org.tamebnn.api.dual.DualRequest;
import org.tamebnn.api.dual.DualResult;
import org.tamebnn.api.dual.RightHandSide;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.MilpSolvers;
import org.tamebnn.api.mps.MpsReader;
import org.tamebnn.tck.MiplibInstance;

/**
 * The best-bound tree (diving between, pseudo-costs, reduced-cost tightening) against the
 * depth-first one on MIPLIB instances: its bound never falls as it grows, it needs no more LPs to
 * close a small instance, and its dual function stays certified (exact at b₀, below z elsewhere).
 */
class BestBoundTreeTest {
    private static final MilpSolver GLOP = MilpSolvers.create("ortools-glop");

    private static MilpModel read(String name, Path tmp) throws IOException {
        return MpsReader.read(MiplibInstance.named(name).copyTo(tmp));
    }

    private static LpTreeSearch.Outcome tree(MilpModel model, LpTreeSearch.Order order, int nodes) {
        int[] rows = new int[model.rowCount()];
        java.util.Arrays.setAll(rows, i -> i);
        double[] b = RightHandSide.of(model, rows);
        return new LpTreeSearch(model, rows, b, DualRequest.of(GLOP), System.nanoTime(), nodes, true,
                LpTreeSearch.Farkas.LAZY, order).run(Double.POSITIVE_INFINITY);
    }

    /** The tree's bound after each node never falls (up to the LPs' tolerance). */
    @ParameterizedTest
    @CsvSource({"p0033", "lseu", "egout"})
    void theBoundRisesMonotonically(String name, @TempDir Path tmp) throws IOException {
        LpTreeSearch.Outcome out = tree(read(name, tmp), LpTreeSearch.Order.BEST, 2000);
        List<Double> trace = out.boundTrace;
        assertTrue(trace.size() > 10, name + ": " + trace.size() + " nodes");
        for (int i = 1; i < trace.size(); i++) {
            double before = trace.get(i - 1);
            double now = trace.get(i);
            assertTrue(now >= before - 1e-7 * Math.max(1, Math.abs(before)),
                    name + ": the bound fell from " + before + " to " + now + " at node " + i);
        }
    }

    /**
     * Closing a small instance, the best-bound tree solves no more LPs than depth first (which does
     * not close flugpl within 20,000).
     */
    @ParameterizedTest
    @CsvSource({"p0033", "flugpl"})
    void bestBoundNeedsNoMoreLpsThanDepthFirst(String name, @TempDir Path tmp) throws IOException {
        MilpModel model = read(name, tmp);
        LpTreeSearch.Outcome best = tree(model, LpTreeSearch.Order.BEST, 20000);
        LpTreeSearch.Outcome depth = tree(model, LpTreeSearch.Order.DEPTH, 20000);
        System.out.printf(Locale.ROOT, "[tree] %-8s best bound: %d LPs, %d ranges cut off; depth first: %d LPs%n", name,
                best.solved, best.tightened, depth.solved);
        assertEquals("", best.stop, "the best-bound tree closed " + name);
        if (depth.stop.isEmpty()) {
            assertEquals(depth.incumbent, best.incumbent, 1e-6 * Math.max(1, Math.abs(depth.incumbent)));
        }
        assertTrue(best.solved <= depth.solved, name + ": best bound " + best.solved + " LPs, depth first " + depth.solved);
    }

    /** Through dual:build's construction: exact at b₀ and certified; the bound reached where depth first stops short. */
    @ParameterizedTest
    @CsvSource({"p0033, 3089", "lseu, 1120"})
    void theDualFunctionStaysCertified(String name, double optimum, @TempDir Path tmp) throws IOException {
        MilpModel model = read(name, tmp);
        DualResult r = new BranchAndBoundDual().construct(model, DualRequest.of(GLOP).withOption("nodes", "3000")
                .withOption("order", "best"));
        DualFunction f = r.function().orElseThrow(() -> new AssertionError(r.message()));
        System.out.printf(Locale.ROOT, "[tree] %-8s F(b) = %.6g (optimum %.6g): %s%n", name, r.valueAtB(), optimum,
                r.message());
        assertTrue(r.valueAtB() <= optimum + 1e-6 * optimum, r.message());
        int[] rows = new int[model.rowCount()];
        java.util.Arrays.setAll(rows, i -> i);
        double[] b = RightHandSide.of(model, rows);
        assertEquals(r.valueAtB(), f.value(b), 1e-9);
    }

    /**
     * A growing tree reports its progress, and a cancel (here from the listener, on its second
     * report) stops it with the certified function it has so far.
     */
    @org.junit.jupiter.api.Test
    void aCancelledTreeReturnsWhatItHasCertified(@TempDir Path tmp) throws IOException {
        MilpModel model = read("lseu", tmp);
        org.tamebnn.api.milp.CancellationToken cancel = new org.tamebnn.api.milp.CancellationToken();
        List<org.tamebnn.api.dual.DualProgress> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        DualResult r = new BranchAndBoundDual().construct(model, DualRequest.of(GLOP).withOption("order", "best")
                .withCancellation(cancel).withListener(p -> {
                    heard.add(p);
                    if (heard.size() == 2) {
                        cancel.cancel();
                    }
                }));
        assertTrue(r.message().startsWith("tree stopped (cancelled) after "), r.message());
        assertEquals(2, heard.size(), heard::toString);
        assertTrue(heard.get(1).lps() > heard.get(0).lps() && heard.get(1).bound() >= heard.get(0).bound() - 1e-9,
                heard::toString);
        DualFunction f = r.function().orElseThrow(() -> new AssertionError(r.message()));
        assertTrue(r.valueAtB() <= 1120 + 1e-6, r.message());
        assertTrue(r.valueAtB() >= heard.getLast().bound() - 1e-6, () -> "F(b) = " + r.valueAtB()
                + ": what it returns is at least the last bound it reported, " + heard.getLast().bound());
        int[] rows = new int[model.rowCount()];
        java.util.Arrays.setAll(rows, i -> i);
        assertEquals(r.valueAtB(), f.value(RightHandSide.of(model, rows)), 1e-9);
    }
}
