package org.tamebnn.dual.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.dual.DualConstructor;
import org.tamebnn.api.dual.DualFunction;
import org.tamebnn.api.dual.DualRequest;
import org.tamebnn.api.dual.DualResult;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.MilpSolvers;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.dual.StandardFormDual;

/**
 * Properties of the three constructions on random one-row MILPs whose value function is known by
 * enumeration (notes §6): F(d) ≤ z(d) on a grid, F(0) = 0, F(a_j) ≤ c_j on integer columns,
 * F̄(a_j) ≤ c_j on continuous ones, subadditivity on random pairs, and strength where claimed.
 */
class DualPropertiesTest {
    static final MilpSolver GLOP = MilpSolvers.create("ortools-glop");
    static final MilpSolver SCIP = MilpSolvers.create("ortools-scip");
    static final double EPS = 1e-9;

    /**
     * min c·x s.t. a·x = b, x ≥ 0, some x_j integer. Integer columns cost at least 1, so the
     * enumeration below can prove it found the optimum.
     */
    record OneRow(double[] a, double[] c, boolean[] integer, double b) {

        MilpModel model() {
            MilpModel.Builder m = MilpModel.builder("one_row");
            var row = m.row("row");
            for (int j = 0; j < a.length; j++) {
                if (integer[j]) {
                    m.integer("x" + j, 0, Double.POSITIVE_INFINITY);
                } else {
                    m.continuous("y" + j, 0, Double.POSITIVE_INFINITY);
                }
                m.objective(j, c[j]);
                row.term(j, a[j]);
            }
            row.equalTo(b);
            return m.build();
        }

        /**
         * z(d) by enumerating the integer part in [0, K]^I and solving the continuous part in
         * closed form (z_C(t) = η⁺t for t &gt; 0, η⁻|t| for t &lt; 0, notes §2.5); NaN when the box
         * cannot be shown to contain an optimum, +∞ when it is empty and provably so.
         */
        double z(double d) {
            final int k = 16;
            double up = Double.POSITIVE_INFINITY;
            double down = Double.POSITIVE_INFINITY;
            double minIntegerCost = Double.POSITIVE_INFINITY;
            int[] ints = java.util.stream.IntStream.range(0, a.length).filter(j -> integer[j]).toArray();
            for (int j = 0; j < a.length; j++) {
                if (integer[j]) {
                    minIntegerCost = Math.min(minIntegerCost, c[j]);
                } else if (a[j] > 0) {
                    up = Math.min(up, c[j] / a[j]);
                } else {
                    down = Math.min(down, c[j] / -a[j]);
                }
            }
            double best = Double.POSITIVE_INFINITY;
            int[] x = new int[ints.length];
            while (true) {
                double t = d;
                double cost = 0;
                for (int q = 0; q < ints.length; q++) {
                    t -= a[ints[q]] * x[q];
                    cost += c[ints[q]] * x[q];
                }
                double rest = Math.abs(t) < 1e-12 ? 0 : t > 0 ? up * t : down * -t;
                best = Math.min(best, cost + rest);
                int q = 0;
                while (q < x.length && ++x[q] > k) {
                    x[q] = 0;
                    q++;
                }
                if (q == x.length) {
                    break;
                }
            }
            if (ints.length == 0) {
                return best;
            }
            // an optimum outside the box would cost more than k·min c_I ≥ best
            if (Double.isFinite(best) && best <= k * minIntegerCost) {
                return best;
            }
            return Double.NaN;
        }

        @Override
        public String toString() {
            return "min " + Arrays.toString(c) + "·x s.t. " + Arrays.toString(a) + "·x = " + b + ", integer "
                    + Arrays.toString(integer);
        }
    }

    static final double[] COEFFICIENTS = { -3, -2, -1.5, -1, 1, 1.5, 2, 3 };

    /** A random one-row MILP: pure integer or with one or two continuous columns. */
    static OneRow oneRow(long seed, boolean mixed) {
        Random r = new Random(seed);
        int ni = 1 + r.nextInt(3);
        int nc = mixed ? 1 + r.nextInt(2) : 0;
        double[] a = new double[ni + nc];
        double[] c = new double[ni + nc];
        boolean[] integer = new boolean[ni + nc];
        for (int j = 0; j < a.length; j++) {
            integer[j] = j < ni;
            a[j] = COEFFICIENTS[r.nextInt(COEFFICIENTS.length)];
            c[j] = integer[j] ? 1 + r.nextInt(5) : r.nextInt(6);
        }
        double b = (r.nextInt(17) - 8) / 2.0;
        return new OneRow(a, c, integer, b);
    }

    /** A random pure integer program with A ≥ 0 (notes §4.2, §4.4): a_j ∈ 1..4, c_j ∈ 0..6, b ∈ 0..10. */
    static OneRow nonnegative(long seed) {
        Random r = new Random(seed);
        int n = 2 + r.nextInt(2);
        double[] a = new double[n];
        double[] c = new double[n];
        boolean[] integer = new boolean[n];
        for (int j = 0; j < n; j++) {
            a[j] = 1 + r.nextInt(4);
            c[j] = r.nextInt(7);
            integer[j] = true;
        }
        return new OneRow(a, c, integer, r.nextInt(11));
    }

    /** z on 0..max for A ≥ 0 integral, by dynamic programming over d (exact; +∞ where unreachable). */
    static double[] zTable(OneRow p, int max) {
        double[] z = new double[max + 1];
        Arrays.fill(z, Double.POSITIVE_INFINITY);
        z[0] = 0;
        for (int d = 1; d <= max; d++) {
            for (int j = 0; j < p.a().length; j++) {
                int aj = (int) p.a()[j];
                if (aj <= d && z[d - aj] + p.c()[j] < z[d]) {
                    z[d] = z[d - aj] + p.c()[j];
                }
            }
        }
        return z;
    }

    /**
     * The subadditive dual's conditions (notes §3.1, §6.3) on a one-row model in the form of (7):
     * F(0) = 0, F(a_j) ≤ c_j (j ∈ I), F̄(a_j) ≤ c_j (j ∈ C), F(d₁ + d₂) ≤ F(d₁) + F(d₂) on pairs.
     */
    static void checkSubadditiveDual(OneRow p, DualFunction f, double[][] pairs, double tolerance) {
        assertEquals(0, f.value(new double[] { 0 }), tolerance, "F(0)");
        StandardFormDual sd = (StandardFormDual) f;
        assertTrue(sd.standardForm().isDirect(), "a one-row equality model in x ≥ 0 is its own standard form");
        for (int j = 0; j < p.a().length; j++) {
            double[] aj = { p.a()[j] };
            double v = p.integer()[j] ? f.value(aj) : sd.standardUpperDerivative(aj);
            assertTrue(v <= p.c()[j] + tolerance, (p.integer()[j] ? "F" : "F̄") + "(a_" + j + ") = " + v + " > c = "
                    + p.c()[j]);
        }
        for (double[] pair : pairs) {
            double left = f.value(new double[] { pair[0] + pair[1] });
            double right = f.value(new double[] { pair[0] }) + f.value(new double[] { pair[1] });
            assertTrue(left <= right + tolerance, "F(" + pair[0] + " + " + pair[1] + ") = " + left + " > " + right);
        }
    }

    static double[][] pairs(Random r, int count, double lo, double hi, double step) {
        int steps = (int) Math.round((hi - lo) / step);
        double[][] out = new double[count][];
        for (int k = 0; k < count; k++) {
            out[k] = new double[] { lo + step * r.nextInt(steps + 1), lo + step * r.nextInt(steps + 1) };
        }
        return out;
    }

    private static void gomoryProperties(long seed, boolean mixed) {
        OneRow p = oneRow(seed, mixed);
        DualResult r = new CuttingPlaneDual().construct(p.model(), DualRequest.of(GLOP));
        if (!r.hasFunction()) {
            // only when the LP relaxation at b has no solution
            assertTrue(r.message().contains("infeasible"), p + ": " + r.message());
            assertEquals(SolveStatus.INFEASIBLE, GLOP.solve(p.model().relaxation()).status(), p.toString());
            return;
        }
        DualFunction f = r.function().orElseThrow();
        for (int k = -24; k <= 24; k++) {
            double d = k / 4.0;
            double z = p.z(d);
            if (!Double.isNaN(z)) {
                assertTrue(f.value(new double[] { d }) <= z + EPS, p + ": F(" + d + ") = " + f.value(new double[] { d })
                        + " > z = " + z);
            }
        }
        checkSubadditiveDual(p, f, pairs(new Random(seed), 60, -6, 6, 0.125), EPS);
        if (r.message().startsWith("strong")) {
            double zb = p.z(p.b());
            if (!Double.isNaN(zb)) {
                assertEquals(zb, r.valueAtB(), 1e-9, p + ": strong at b");
            }
        }
    }

    @Test
    void gomoryOnPureIntegerRows() {
        qt().withFixedSeed(11).withExamples(40).withShrinkCycles(0).forAll(longs().all())
                .checkAssert(seed -> gomoryProperties(seed, false));
    }

    @Test
    void gomoryOnMixedRows() {
        qt().withFixedSeed(12).withExamples(40).withShrinkCycles(0).forAll(longs().all())
                .checkAssert(seed -> gomoryProperties(seed, true));
    }

    @Test
    void correctedLinearOnNonnegativeRows() {
        qt().withFixedSeed(13).withExamples(15).withShrinkCycles(0).forAll(longs().all()).checkAssert(seed -> {
            OneRow p = nonnegative(seed);
            double[] z = zTable(p, 24);
            DualConstructor method = new CorrectedLinearDual();
            DualResult r = method.construct(p.model(), DualRequest.of(SCIP));
            assertTrue(r.hasFunction(), p + ": " + r.message());
            DualFunction f = r.function().orElseThrow();
            for (int d = 0; d <= 24; d++) {
                assertTrue(f.value(new double[] { d }) <= z[d] + 1e-6, p + ": F(" + d + ") > z = " + z[d]);
            }
            if (Double.isFinite(z[(int) p.b()])) {
                assertEquals(z[(int) p.b()], r.valueAtB(), 1e-6, p + ": the search stops at a strong α");
            }
            checkSubadditiveDual(p, f, pairs(new Random(seed), 40, 0, 12, 0.5), 1e-6);
        });
    }

    @Test
    void linearRepresentationOnNonnegativeRows() {
        qt().withFixedSeed(14).withExamples(25).withShrinkCycles(0).forAll(longs().all()).checkAssert(seed -> {
            OneRow p = nonnegative(seed);
            int b = (int) p.b();
            double[] z = zTable(p, b);
            DualResult r = new LinearRepresentationDual().construct(p.model(), DualRequest.of(GLOP));
            assertTrue(r.hasFunction(), p + ": " + r.message());
            DualFunction f = r.function().orElseThrow();
            assertTrue(f.certificate().evidence().contains("verified exactly"), f.certificate().evidence());
            for (int d = 0; d <= b; d++) {
                double fd = f.value(new double[] { d });
                assertTrue(fd <= z[d] + EPS, p + ": F(" + d + ") = " + fd + " > z = " + z[d]);
                if (Double.isFinite(z[d])) {
                    assertEquals(z[d], fd, EPS, p + ": the value function on the box");
                }
            }
            assertEquals(0, f.value(new double[] { 0 }));
            for (int j = 0; j < p.a().length; j++) {
                if (p.a()[j] <= b) {
                    assertTrue(f.value(new double[] { p.a()[j] }) <= p.c()[j] + EPS);
                }
            }
            // subadditive on D: the pairs whose sum stays in the box
            for (int d1 = 0; d1 <= b; d1++) {
                for (int d2 = 0; d1 + d2 <= b; d2++) {
                    assertTrue(f.value(new double[] { d1 + d2 }) <= f.value(new double[] { d1 })
                            + f.value(new double[] { d2 }) + EPS, p + ": subadditivity at " + d1 + ", " + d2);
                }
            }
        });
    }
}
