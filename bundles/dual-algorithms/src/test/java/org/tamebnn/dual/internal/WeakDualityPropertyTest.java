package org.tamebnn.dual.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.dual.AffinePiece;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.dual.DualConstructor;
import org.tamebnn.api.dual.DualFunction;
import org.tamebnn.api.dual.DualRequest;
import org.tamebnn.api.dual.DualResult;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.MilpSolvers;
import org.tamebnn.dual.SubadditiveDualCheck;

/**
 * Weak duality for every installed method (notes §6.1): on random small MILPs with one equality row,
 * whose value function is found by enumerating the integer part, F(d) ≤ z(d) at sampled d wherever
 * a method builds a function; where it claims subadditive-dual feasibility the check of (7) accepts
 * it, and rejects it once perturbed to break a column's condition (notes §6.3).
 */
class WeakDualityPropertyTest {
    private static final MilpSolver GLOP = MilpSolvers.create("ortools-glop");
    private static final MilpSolver SCIP = MilpSolvers.create("ortools-scip");

    /**
     * A random MILP: 2 or 3 integer columns with coefficients in ±{1, 2, 3} (and ±1.5) and costs in
     * [0.5, 3], and two continuous columns +s and −s with costs in [0.5, 3], so that z is finite
     * everywhere, z(0) = 0, and every optimal integer part is bounded by z(d) / 0.5.
     */
    record Instance(double[] a, double[] c, int integers, double b) {
        MilpModel model() {
            MilpModel.Builder m = MilpModel.builder("random");
            int[] cols = new int[a.length];
            for (int j = 0; j < a.length; j++) {
                cols[j] = j < integers ? m.integer("x" + j, 0, Double.POSITIVE_INFINITY)
                        : m.continuous("y" + j, 0, Double.POSITIVE_INFINITY);
                m.objective(cols[j], c[j]);
            }
            m.addRow("r", b, b, cols, a);
            return m.build();
        }

        /** z(d) by enumeration of the integer part, with the continuous part's LP in closed form. */
        double z(double d) {
            int bound = (int) Math.ceil(zContinuous(d) / 0.5) + 1;
            double best = zContinuous(d);
            int[] x = new int[integers];
            while (next(x, bound)) {
                double cost = 0;
                double rest = d;
                for (int j = 0; j < integers; j++) {
                    cost += c[j] * x[j];
                    rest -= a[j] * x[j];
                }
                if (cost < best) {
                    best = Math.min(best, cost + zContinuous(rest));
                }
            }
            return best;
        }

        private double zContinuous(double t) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = integers; j < a.length; j++) {
                if (t * a[j] >= 0 && a[j] != 0) {
                    best = Math.min(best, c[j] * t / a[j]);
                }
            }
            return best;
        }

        private static boolean next(int[] x, int bound) {
            for (int j = 0; j < x.length; j++) {
                if (++x[j] <= bound) {
                    return true;
                }
                x[j] = 0;
            }
            return false;
        }

        static Instance random(long seed) {
            Random r = new Random(seed);
            int integers = 2 + r.nextInt(2);
            double[] coefficients = { 1, 2, 3, 1.5, -1, -2, -3, -1.5 };
            double[] a = new double[integers + 2];
            double[] c = new double[integers + 2];
            for (int j = 0; j < integers; j++) {
                a[j] = coefficients[r.nextInt(coefficients.length)];
                c[j] = 0.5 * (1 + r.nextInt(6));
            }
            double s = 1 + r.nextInt(2);
            a[integers] = s;
            a[integers + 1] = -s;
            c[integers] = 0.5 * (1 + r.nextInt(6));
            c[integers + 1] = 0.5 * (1 + r.nextInt(6));
            return new Instance(a, c, integers, 0.5 * (r.nextInt(9) - 4));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "a=%s c=%s integers=%d b=%s", java.util.Arrays.toString(a),
                    java.util.Arrays.toString(c), integers, b);
        }
    }

    private static List<DualConstructor> methods() {
        List<DualConstructor> all = new ArrayList<>();
        ServiceLoader.load(DualConstructor.class).forEach(all::add);
        return all;
    }

    /** Each method on a backend with what it needs; the subgradient method with fewer steps, to keep the test short. */
    private static DualRequest request(DualConstructor method) {
        DualRequest r = DualRequest.of(method.needs().contains(Capability.LP_DUALS) ? GLOP : SCIP);
        return method.name().equals("lagrangian") ? r.withOption("iterations", "20") : r;
    }

    @Test
    void everyMethodBoundsTheValueFunctionFromBelow() {
        List<DualConstructor> methods = methods();
        assertTrue(methods.size() >= 3, "methods on the class path: " + methods.size());
        qt().withExamples(12).withShrinkCycles(0).forAll(longs().between(0, 1_000_000)).checkAssert(seed -> {
            Instance instance = Instance.random(seed);
            MilpModel model = instance.model();
            double[] grid = new double[33];
            double[] zGrid = new double[grid.length];
            for (int k = 0; k < grid.length; k++) {
                grid[k] = -4 + 0.25 * k;
                zGrid[k] = instance.z(grid[k]);
            }
            double zb = instance.z(instance.b());
            for (DualConstructor method : methods) {
                DualResult r = method.construct(model, request(method));
                if (!r.hasFunction()) {
                    continue; // "not applicable: why" is an answer; a wrong bound is not
                }
                DualFunction f = r.function().orElseThrow();
                double tolerance = Math.max(1e-6, f.certificate().tolerance());
                assertTrue(r.valueAtB() <= zb + tolerance,
                        () -> method.name() + " F(b) = " + r.valueAtB() + " > z(b) = " + zb + " on " + instance);
                for (int k = 0; k < grid.length; k++) {
                    double fd = f.value(new double[] { grid[k] });
                    double zd = zGrid[k];
                    double at = grid[k];
                    assertTrue(fd <= zd + tolerance, () -> method.name() + " F(" + at + ") = " + fd + " > z = " + zd
                            + " on " + instance);
                }
                if (f.certificate().kind() == Certificate.Kind.SUBADDITIVE_DUAL_FEASIBLE) {
                    var report = SubadditiveDualCheck.check(model, f, tolerance);
                    assertTrue(report.feasible(), () -> method.name() + " on " + instance + ": " + report.describe());
                    assertFalse(SubadditiveDualCheck.check(model, perturbed(model, f), tolerance).feasible(),
                            () -> method.name() + " perturbed, still accepted on " + instance);
                }
            }
        });
    }

    /**
     * F plus a linear term that lifts column 0 past its cost: F'(a₀) = c₀ + 0.1 (or F̄' for a
     * continuous column), so (7) fails there while F' stays subadditive with F'(0) = 0.
     */
    private static DualFunction perturbed(MilpModel model, DualFunction f) {
        double a0 = SubadditiveDualCheck.columnOf(model, f.rows(), 0)[0];
        double c0 = model.objectiveCoefficient(0);
        double slack = c0 - (model.variable(0).isInteger() ? f.value(new double[] { a0 })
                : SubadditiveDualCheck.upperDerivativeOf(f, new double[] { a0 }));
        double slope = (Math.max(0, slack) + 0.1) / a0;
        return new DualFunction() {
            @Override
            public int[] rows() {
                return f.rows();
            }

            @Override
            public double value(double[] d) {
                return f.value(d) + slope * d[0];
            }

            @Override
            public List<double[]> conservativeField(double[] d) {
                return f.conservativeField(d).stream().map(g -> new double[] { g[0] + slope }).toList();
            }

            @Override
            public List<AffinePiece> pieces() {
                return f.pieces().stream().map(p -> new AffinePiece(new double[] { p.gradient()[0] + slope },
                        p.intercept())).toList();
            }

            @Override
            public Certificate certificate() {
                return Certificate.notABound("perturbed for the test");
            }

            @Override
            public String describe() {
                return "perturbed " + f.describe();
            }
        };
    }
}
