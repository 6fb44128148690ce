package org.tamebnn.dual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.dual.DualFunction;
import org.tamebnn.api.milp.MilpSolvers;
import org.tamebnn.dual.PiecewiseLinearFit.Fit;
import org.tamebnn.dual.PiecewiseLinearFit.Kind;
import org.tamebnn.dual.PiecewiseLinearFit.Target;

/** Best k-piece fits (the paper's (14) and after): monotone errors, staying below z, exact fits. */
class PiecewiseLinearFitTest {

    /** z of (10) on [lo, hi] through its closed-form breakpoints (the notes' table and its period). */
    static Target example(double lo, double hi) {
        TreeSet<Double> t = new TreeSet<>();
        t.add(lo);
        t.add(hi);
        for (int k = 0; k <= 24; k++) {
            // minima at the integers n ≥ 0 and at −3k/2, maxima at n + ½ and −3k/2 − 1 (notes §5.1)
            for (double b : new double[] {k, k + 0.5, -1.5 * k + 0.0, -1.5 * k - 1}) {
                if (b > lo && b < hi) {
                    t.add(b);
                }
            }
        }
        double[] ts = t.stream().mapToDouble(Double::doubleValue).toArray();
        double[] vs = Arrays.stream(ts).map(RunningExample::valueFunction).toArray();
        return Target.continuous(ts, vs, RunningExample.ROW, true, 1e-12, "z of (10)");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void errorsDoNotIncreaseWithK(Kind kind) {
        List<Fit> fits = PiecewiseLinearFit.bestUpTo(example(-4, 4), 6, kind);
        assertEquals(6, fits.size());
        for (int k = 1; k < fits.size(); k++) {
            assertEquals(k + 1, fits.get(k).pieces());
            assertTrue(fits.get(k).error() <= fits.get(k - 1).error() + 1e-9,
                    "k = " + (k + 1) + ": " + fits.get(k) + " after " + fits.get(k - 1));
        }
        System.out.println("best k-piece fits (14) of z on [-4, 4], " + kind + ":");
        fits.forEach(f -> System.out.println("  " + f));
    }

    @Test
    void theReportedErrorIsTheTrueMaximumError() {
        Target z = example(-4, 4);
        for (Kind kind : Kind.values()) {
            for (Fit f : PiecewiseLinearFit.bestUpTo(z, 4, kind)) {
                // the maximum of |F − z| is at a breakpoint of z or a knot of F; a fine grid adds nothing
                double worst = 0;
                for (double b : points(z, f, 8001)) {
                    double gap = RunningExample.valueFunction(b) - f.value(b);
                    worst = Math.max(worst, kind == Kind.BELOW ? gap : Math.abs(gap));
                }
                assertEquals(worst, f.error(), 1e-9, f.toString());
            }
        }
    }

    private static double[] points(Target z, Fit f, int grid) {
        TreeSet<Double> s = new TreeSet<>();
        for (double b : z.t()) {
            s.add(b);
        }
        for (double b : f.knots()) {
            s.add(b);
        }
        for (int i = 0; i < grid; i++) {
            s.add(z.lo() + (z.hi() - z.lo()) * i / (grid - 1));
        }
        return s.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void theConstrainedFitStaysBelowZOnAFineGrid() {
        Target z = example(-4, 4);
        for (boolean origin : new boolean[] {false, true}) {
            for (Fit f : PiecewiseLinearFit.bestUpTo(z, 6, Kind.BELOW, origin)) {
                for (double b : points(z, f, 20001)) {
                    assertTrue(f.value(b) <= RunningExample.valueFunction(b) + 1e-12,
                            "F(" + b + ") = " + f.value(b) + " > z = " + RunningExample.valueFunction(b) + ": " + f);
                }
                if (origin) {
                    assertEquals(0, f.value(0), 0, f.toString());
                }
            }
        }
    }

    @Test
    void asManyPiecesAsZHasGiveAnExactFit() {
        // z on [−1.5, 1.5] has 5 pieces: −1.5, −1, 0, ½, 1, 1.5
        Target z = example(-1.5, 1.5);
        assertEquals(5, z.finitePieces());
        for (Kind kind : Kind.values()) {
            List<Fit> fits = PiecewiseLinearFit.bestUpTo(z, 6, kind);
            assertTrue(fits.get(3).error() > 0.1, "4 pieces cannot follow 5: " + fits.get(3));
            assertEquals(0, fits.get(4).error(), 1e-9, fits.get(4).toString());
            assertEquals(0, fits.get(5).error(), 1e-9, fits.get(5).toString());
        }
    }

    @Test
    void theKnotSearchFindsTheBruteForceOptimumOnAGrid() {
        // every choice of interior knots on a 0.05 grid, each with its exact LP step
        Target z = example(-1.5, 1.5);
        for (Kind kind : Kind.values()) {
            for (int k = 2; k <= 3; k++) {
                double brute = Double.POSITIVE_INFINITY;
                for (int[] pick : subsets(59, k - 1)) {
                    double[] knots = new double[k + 1];
                    knots[0] = -1.5;
                    knots[k] = 1.5;
                    for (int i = 0; i < k - 1; i++) {
                        knots[i + 1] = -1.5 + 0.05 * (pick[i] + 1);
                    }
                    Fit f = PiecewiseLinearFit.withKnots(z, knots, kind, false);
                    if (f != null) {
                        brute = Math.min(brute, f.error());
                    }
                }
                Fit found = PiecewiseLinearFit.best(z, k, kind);
                assertTrue(found.error() <= brute + 1e-9, kind + " k = " + k + ": " + found + ", brute force " + brute);
            }
        }
    }

    private static List<int[]> subsets(int n, int r) {
        List<int[]> out = new ArrayList<>();
        int[] pick = new int[r];
        for (int i = 0; i < r; i++) {
            pick[i] = i;
        }
        while (true) {
            out.add(pick.clone());
            int i = r - 1;
            while (i >= 0 && pick[i] == n - r + i) {
                i--;
            }
            if (i < 0) {
                return out;
            }
            pick[i]++;
            for (int j = i + 1; j < r; j++) {
                pick[j] = pick[j - 1] + 1;
            }
        }
    }

    @Test
    void fitsOfAValueFunctionWithJumpsRespectBothLimits() {
        // z jumps up at 0 (lower semicontinuous) and is a sawtooth of copies right of it
        SmallMilp p = new SmallMilp(new int[] {3, 3, 2}, new int[] {3, 3, 3}, 2, new int[] {-2, -1}, new int[] {3, 3});
        ValueFunction1D vf = ValueFunction1D.compute(p.model(), 0, -5, 5, MilpSolvers.create("ortools-scip"));
        Target z = Target.of(vf);
        for (Fit f : PiecewiseLinearFit.bestUpTo(z, 4, Kind.BELOW)) {
            for (int i = 0; i <= 10_000; i++) {
                double b = -5 + i / 1000.0;
                assertTrue(f.value(b) <= p.value(b) + 1e-9, "F(" + b + ") = " + f.value(b) + " > z = " + p.value(b));
            }
        }
        List<Fit> free = PiecewiseLinearFit.bestUpTo(z, 4, Kind.UNCONSTRAINED);
        for (int k = 1; k < free.size(); k++) {
            assertTrue(free.get(k).error() <= free.get(k - 1).error() + 1e-9);
        }
    }

    @Test
    void certificates() {
        Target z = example(-4, 4);
        DualFunction below = PiecewiseLinearFit.best(z, 3, Kind.BELOW).asDualFunction();
        assertEquals(Certificate.Kind.VALID_BY_CONSTRUCTION, below.certificate().kind());
        assertTrue(below.certificate().evidence().contains("SubadditiveDualCheck"), below.certificate().evidence());
        assertEquals(Double.NEGATIVE_INFINITY, below.value(new double[] {4.5}));
        DualFunction free = PiecewiseLinearFit.best(z, 3, Kind.UNCONSTRAINED).asDualFunction();
        assertEquals(Certificate.Kind.NOT_A_BOUND, free.certificate().kind());
        Target given = Target.continuous(z.t(), z.value(), 0, false, Double.NaN, "some function");
        assertEquals(Certificate.Kind.NOT_A_BOUND,
                PiecewiseLinearFit.best(given, 2, Kind.BELOW).asDualFunction().certificate().kind());
    }
}
