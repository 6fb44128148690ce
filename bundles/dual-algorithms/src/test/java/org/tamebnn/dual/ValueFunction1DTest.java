package org.tamebnn.dual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.numbers.fraction.Fraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.dual.DualFunction;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolvers;
import org.tamebnn.api.milp.Sense;

/**
 * The exact value function in one right-hand side: the running example's breakpoint table (notes
 * §5.1) on SCIP and HiGHS, the closed form at random points, row senses, a maximisation, isolated
 * points, and random small MILPs against enumeration of their integer part.
 */
class ValueFunction1DTest {
    /** One computation per backend, shared by the tests that read it. */
    private static final Map<String, ValueFunction1D> EXAMPLE = new ConcurrentHashMap<>();

    static ValueFunction1D example(String solver) {
        return EXAMPLE.computeIfAbsent(solver, s -> {
            ValueFunction1D z = ValueFunction1D.compute(RunningExample.model(0), RunningExample.ROW, RunningExample.LO,
                    RunningExample.HI, MilpSolvers.create(s));
            // informal timing for the "under a second" (no assertion: machines differ)
            System.out.println("value function of (10) on [-4, 4] on " + s + ": " + z.time().toMillis() + " ms, "
                    + z.milpSolves() + " MILP + " + z.lpSolves() + " LP solves (first use includes loading the backend)");
            return z;
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ortools-scip", "ortools-highs", "highs"})
    void reproducesEveryBreakpointOfTheNotesTable(String solver) {
        ValueFunction1D z = example(solver);
        List<RunningExample.Breakpoint> table = RunningExample.breakpointTable();
        assertTrue(z.certified(), z.toTable());
        assertEquals(table.size(), z.breakpointCount(), z.toTable());
        double[] t = z.breakpoints();
        double[] v = z.values();
        double[] left = z.leftSlopes();
        double[] right = z.rightSlopes();
        for (int k = 0; k < table.size(); k++) {
            RunningExample.Breakpoint row = table.get(k);
            assertEquals(row.b().doubleValue(), t[k], 1e-9, "breakpoint " + k + "\n" + z.toTable());
            assertEquals(row.z().doubleValue(), v[k], 1e-9, "z at " + row.b());
            if (row.slopeLeft() != null) {
                assertEquals(row.slopeLeft().doubleValue(), left[k], 1e-9, "left slope at " + row.b());
            }
            if (row.slopeRight() != null) {
                assertEquals(row.slopeRight().doubleValue(), right[k], 1e-9, "right slope at " + row.b());
            }
            String kind = switch (row.kind()) {
                case END -> "end";
                case LOCAL_MIN -> "local min";
                case LOCAL_MAX -> "local max";
            };
            assertEquals(kind, z.kind(k), "kind at " + row.b());
        }
        assertTrue(z.isContinuous());
        assertEquals(13, z.linearPieceCount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ortools-scip", "ortools-highs"})
    void matchesTheClosedFormAt500RandomPoints(String solver) {
        ValueFunction1D z = example(solver);
        Random r = new Random(500);
        for (int i = 0; i < 500; i++) {
            // exact rationals k/480 (breakpoints among them), and arbitrary doubles
            Fraction b = Fraction.of(r.nextInt(3841) - 1920, 480);
            assertEquals(RunningExample.valueFunction(b).doubleValue(), z.value(b.doubleValue()), 1e-9, "z(" + b + ")");
            double d = -4 + 8 * r.nextDouble();
            assertEquals(RunningExample.valueFunction(d), z.value(d), 1e-9, "z(" + d + ")");
        }
    }

    @Test
    void asADualFunctionItIsZOnTheIntervalAndMinusInfinityOutside() {
        ValueFunction1D z = example("ortools-scip");
        DualFunction f = z.asDualFunction();
        assertEquals(Certificate.Kind.VALID_BY_CONSTRUCTION, f.certificate().kind(), "exact on [lo, hi], −∞ outside");
        assertTrue(f.certificate().evidence().startsWith("the value function itself (exact on [-4, 4] to tolerance"),
                f.certificate().evidence());
        assertEquals(0.5, f.value(new double[] {1}), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, f.value(new double[] {4.5}));
        assertEquals(Double.NEGATIVE_INFINITY, f.value(new double[] {-4.0001}));
        // the field at the local minimum 0 holds both slopes, as (13) does for (12)
        List<double[]> field = f.conservativeField(new double[] {0});
        assertEquals(2, field.size());
        assertEquals(-1, Math.min(field.get(0)[0], field.get(1)[0]), 1e-9);
        assertEquals(2, Math.max(field.get(0)[0], field.get(1)[0]), 1e-9);
        assertEquals(1, f.conservativeField(new double[] {0.25}).size());
        assertTrue(f.conservativeField(new double[] {5}).isEmpty());
        assertFalse(f.pieces().isEmpty());
    }

    @Test
    void aMaximisationIsTurnedIntoAMinimisation() {
        MilpModel m = RunningExample.model(0);
        MilpModel.Builder b = m.toBuilder("negated");
        for (int j = 0; j < m.variableCount(); j++) {
            b.objective(j, -m.objectiveCoefficient(j));
        }
        ValueFunction1D z = ValueFunction1D.compute(b.sense(Sense.MAXIMIZE).build(), 0, -1.5, 1.5,
                MilpSolvers.create("ortools-scip"));
        for (double d = -1.5; d <= 1.5; d += 0.125) {
            assertEquals(RunningExample.valueFunction(d), z.value(d), 1e-9, "z(" + d + ")");
        }
    }

    @Test
    void aGreaterOrEqualRowGivesTheNondecreasingValueFunction() {
        // min{cx : a·x ≥ b} = min over b' ≥ b of z(b'); for the example that is 0 for b ≤ 0 and
        // min(z(b), ⌈b⌉/2) for b > 0, the minima of z right of b being at the integers
        MilpModel m = RunningExample.model(0);
        MilpModel atLeast = m.toBuilder("at-least").rowBounds(0, 0, Double.POSITIVE_INFINITY).build();
        ValueFunction1D z = ValueFunction1D.compute(atLeast, 0, -2, 3, MilpSolvers.create("ortools-scip"));
        assertTrue(z.certified(), z.toTable());
        for (double d = -2; d <= 3; d += 1.0 / 32) {
            double want = d <= 0 ? 0 : Math.min(RunningExample.valueFunction(d), Math.ceil(d) / 2);
            assertEquals(want, z.value(d), 1e-9, "z≥(" + d + ")\n" + z.toTable());
        }
    }

    @Test
    void aPureIntegerProgramHasIsolatedPointsAndInfiniteStretches() {
        // min x s.t. 2x = b, x ∈ {0..3}: finite only at b = 0, 2, 4, 6
        MilpModel.Builder b = MilpModel.builder("pure");
        int x = b.integer("x", 0, 3);
        b.objective(x, 1);
        b.addRow("r", 0, 0, new int[] {x}, new double[] {2});
        ValueFunction1D z = ValueFunction1D.compute(b.build(), 0, -1, 7, MilpSolvers.create("ortools-scip"));
        assertTrue(z.certified(), z.toTable());
        for (int n = 0; n <= 3; n++) {
            assertEquals(n, z.value(2 * n), 1e-12);
            assertEquals(Double.POSITIVE_INFINITY, z.value(2 * n + 1));
            assertEquals(Double.POSITIVE_INFINITY, z.value(2 * n + 0.001));
        }
        int at4 = java.util.Arrays.binarySearch(z.breakpoints(), 4.0);
        assertTrue(at4 > 0, z.toTable());
        assertEquals("isolated point", z.kind(at4));
        assertEquals(0, z.linearPieceCount());
        // a dual function may be +∞ where z is: still a bound
        assertEquals(Double.POSITIVE_INFINITY, z.asDualFunction().value(new double[] {3}));
    }

    @Test
    void anLpOnlyBackendIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ValueFunction1D.compute(RunningExample.model(0), 0, -1, 1,
                MilpSolvers.create("ortools-glop")));
    }

    @Test
    void randomSmallMilpsAgreeWithEnumeration() {
        // one equality row, 2–3 bounded integer columns and 1–2 continuous ones with small integer
        // coefficients, costs ≥ 0: jumps, infinite stretches and kinks of every kind
        qt().withFixedSeed(20_240_607L).withExamples(20).forAll(SmallMilp.generator()).checkAssert(p -> {
            ValueFunction1D z = ValueFunction1D.compute(p.model(), 0, -5, 5, MilpSolvers.create("ortools-scip"));
            assertTrue(z.certified(), p + "\n" + z.toTable());
            List<Double> points = new ArrayList<>();
            Random r = new Random(p.hashCode());
            for (int i = 0; i < 150; i++) {
                points.add(-5 + 10 * r.nextDouble());
            }
            // the copies' positions a_I·x carry every jump and kink: at them and just either side
            for (double a : p.reachable()) {
                for (double d : new double[] {a - 1e-3, a, a + 1e-3}) {
                    if (d >= -5 && d <= 5) {
                        points.add(d);
                    }
                }
            }
            for (double b : points) {
                double want = p.value(b);
                double got = z.value(b);
                if (Double.isInfinite(want)) {
                    assertEquals(want, got, p + ": z(" + b + ")\n" + z.toTable());
                } else {
                    assertEquals(want, got, 1e-6 * Math.max(1, Math.abs(want)), p + ": z(" + b + ")\n" + z.toTable());
                }
            }
        });
    }
}
