package org.tamebnn.solver.ortools;

import java.util.Random;

import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.VariableType;

/** Small models with answers worked out by hand, and generated hard ones for limits. */
final class TestModels {
    private TestModels() {
    }

    /** max 3x + 2.5y + 10, x + y ≤ 4, x + 3.5y ≤ 6.5, x ≤ 3.5, x, y ∈ Z+: x=3, y=1, value 21.5. */
    static MilpModel smallMilp() {
        MilpModel.Builder b = MilpModel.builder("small-milp");
        int x = b.integer("x", 0, Double.POSITIVE_INFINITY);
        int y = b.integer("y", 0, Double.POSITIVE_INFINITY);
        b.row("c1").term(x, 1).term(y, 1).atMost(4);
        b.row("c2").term(x, 1).term(y, 3.5).atMost(6.5);
        b.row("c3").term(x, 1).atMost(3.5);
        b.objective(x, 3).objective(y, 2.5).objectiveOffset(10).sense(Sense.MAXIMIZE);
        return b.build();
    }

    /**
     * Guzelsoy and Ralphs' running example at b = -1: min ½x1 + 2y1 + y2,
     * x1 − 1.5x2 + y1 − y2 = −1, x ∈ Z+², y ∈ R+²; value 1 (e.g. x2 = 1, y1 = 0.5).
     */
    static MilpModel mixedMilp() {
        MilpModel.Builder b = MilpModel.builder("guzelsoy-ralphs");
        int x1 = b.integer("x1", 0, Double.POSITIVE_INFINITY);
        int x2 = b.integer("x2", 0, Double.POSITIVE_INFINITY);
        int y1 = b.continuous("y1", 0, Double.POSITIVE_INFINITY);
        int y2 = b.continuous("y2", 0, Double.POSITIVE_INFINITY);
        b.row("b").term(x1, 1).term(x2, -1.5).term(y1, 1).term(y2, -1).equalTo(-1);
        b.objective(x1, 0.5).objective(y1, 2).objective(y2, 1);
        return b.build();
    }

    /**
     * min x + y + 1, x + 2y ≥ 2, 3x + y ≥ 3, x + y ≤ 10, x, y ≥ 0: x = 0.8, y = 0.6, value 2.4,
     * row duals 0.4, 0.2, 0.
     */
    static MilpModel minLp() {
        MilpModel.Builder b = MilpModel.builder("min-lp");
        int x = b.continuous("x", 0, Double.POSITIVE_INFINITY);
        int y = b.continuous("y", 0, Double.POSITIVE_INFINITY);
        b.row("c1").term(x, 1).term(y, 2).atLeast(2);
        b.row("c2").term(x, 3).term(y, 1).atLeast(3);
        b.row("c3").term(x, 1).term(y, 1).atMost(10);
        b.objective(x, 1).objective(y, 1).objectiveOffset(1);
        return b.build();
    }

    /** max 3x + 2y, x + y ≤ 4, x + 3y ≤ 6, x, y ≥ 0: x = 4, y = 0, value 12, row duals 3, 0. */
    static MilpModel maxLp() {
        MilpModel.Builder b = MilpModel.builder("max-lp");
        int x = b.continuous("x", 0, Double.POSITIVE_INFINITY);
        int y = b.continuous("y", 0, Double.POSITIVE_INFINITY);
        b.row("c1").term(x, 1).term(y, 1).atMost(4);
        b.row("c2").term(x, 1).term(y, 3).atMost(6);
        b.objective(x, 3).objective(y, 2).sense(Sense.MAXIMIZE);
        return b.build();
    }

    /** x + y ≥ 5 and x + y ≤ 3 on [0, 10]². */
    static MilpModel infeasible(VariableType type) {
        MilpModel.Builder b = MilpModel.builder("infeasible-" + type);
        int x = b.addVariable("x", 0, 10, type);
        int y = b.addVariable("y", 0, 10, type);
        b.row("low").term(x, 1).term(y, 1).atLeast(5);
        b.row("high").term(x, 1).term(y, 1).atMost(3);
        b.objective(x, 1);
        return b.build();
    }

    /** max x + y, x − y ≥ 1, x, y ≥ 0: feasible, unbounded. */
    static MilpModel unbounded(VariableType type) {
        MilpModel.Builder b = MilpModel.builder("unbounded-" + type);
        int x = b.addVariable("x", 0, Double.POSITIVE_INFINITY, type);
        int y = b.addVariable("y", 0, Double.POSITIVE_INFINITY, type);
        b.row("r").term(x, 1).term(y, -1).atLeast(1);
        b.objective(x, 1).objective(y, 1).sense(Sense.MAXIMIZE);
        return b.build();
    }

    /**
     * A 30-row multi-dimensional 0-1 knapsack with {@code n} items: every MILP backend here needs
     * well over a second to prove it optimal at n = 250, and finds good solutions early.
     */
    static MilpModel knapsack(int n, long seed) {
        Random r = new Random(seed);
        MilpModel.Builder b = MilpModel.builder("knapsack-" + n + "-" + seed);
        for (int j = 0; j < n; j++) {
            b.binary("x" + j);
        }
        for (int i = 0; i < 30; i++) {
            MilpModel.RowBuilder row = b.row("r" + i);
            double sum = 0;
            for (int j = 0; j < n; j++) {
                double w = 10 + r.nextInt(90);
                row.term(j, w);
                sum += w;
            }
            row.atMost(Math.floor(sum / 2));
        }
        for (int j = 0; j < n; j++) {
            b.objective(j, 10 + r.nextInt(90));
        }
        return b.sense(Sense.MAXIMIZE).build();
    }

    /** A random sparse packing LP, {@code n} columns by {@code m} rows, slow for simplex codes. */
    static MilpModel bigLp(int n, int m, long seed) {
        Random r = new Random(seed);
        MilpModel.Builder b = MilpModel.builder("lp-" + n + "x" + m);
        for (int j = 0; j < n; j++) {
            b.continuous("x" + j, 0, 10);
            b.objective(j, 1 + r.nextInt(50));
        }
        for (int i = 0; i < m; i++) {
            MilpModel.RowBuilder row = b.row("r" + i);
            java.util.Set<Integer> used = new java.util.HashSet<>();
            while (used.size() < 30) {
                int j = r.nextInt(n);
                if (used.add(j)) {
                    row.term(j, 1 + r.nextInt(20));
                }
            }
            row.atMost(100 + r.nextInt(100));
        }
        return b.sense(Sense.MAXIMIZE).build();
    }
}
