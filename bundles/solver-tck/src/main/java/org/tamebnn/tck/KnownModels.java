package org.tamebnn.tck;

import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Sense;

/**
 * Small models whose answers are worked out by hand (in the comments), each aimed at one feature a
 * backend must translate correctly. Public so that other suites (console, integration tests) can
 * reuse them.
 */
public final class KnownModels {
    private static final double INF = Double.POSITIVE_INFINITY;

    private KnownModels() {
    }

    /** min x + 2y, x + y = 3, x ≤ 2 (a row), y ≥ 0.5 (a row): x = 2, y = 1, objective 4. */
    public static MilpModel equalityAndOneSidedRows() {
        MilpModel.Builder b = MilpModel.builder("equality_and_one_sided");
        int x = b.continuous("x", 0, INF);
        int y = b.continuous("y", 0, INF);
        b.objective(x, 1).objective(y, 2);
        b.row("sum").term(x, 1).term(y, 1).equalTo(3);
        b.row("x_cap").term(x, 1).atMost(2);
        b.row("y_floor").term(y, 1).atLeast(0.5);
        return b.build();
    }

    /** max x + y, 1 ≤ x − y ≤ 2 (ranged), 0 ≤ x, y ≤ 5: x = 5, y = 4, objective 9. */
    public static MilpModel rangedRow() {
        MilpModel.Builder b = MilpModel.builder("ranged_row").sense(Sense.MAXIMIZE);
        int x = b.continuous("x", 0, 5);
        int y = b.continuous("y", 0, 5);
        b.objective(x, 1).objective(y, 1);
        b.row("band").term(x, 1).term(y, -1).between(1, 2);
        return b.build();
    }

    /** min x + y, x − y ≥ −3, x free, −5 ≤ y ≤ −2: y = −5, x = −8, objective −13. */
    public static MilpModel freeAndNegativeVariables() {
        MilpModel.Builder b = MilpModel.builder("free_and_negative");
        int x = b.continuous("x", Double.NEGATIVE_INFINITY, INF);
        int y = b.continuous("y", -5, -2);
        b.objective(x, 1).objective(y, 1);
        b.row("link").term(x, 1).term(y, -1).atLeast(-3);
        return b.build();
    }

    /** min x + y, x fixed at 4, 0 ≤ y ≤ 10, x + y ≥ 6: y = 2, objective 6. */
    public static MilpModel fixedVariable() {
        MilpModel.Builder b = MilpModel.builder("fixed_variable");
        int x = b.continuous("x", 4, 4);
        int y = b.continuous("y", 0, 10);
        b.objective(x, 1).objective(y, 1);
        b.row("need").term(x, 1).term(y, 1).atLeast(6);
        return b.build();
    }

    /** max 3x + 2y + 10, x + y ≤ 4, x + 3y ≤ 6, 0 ≤ x ≤ 3: x = 3, y = 1, objective 21. */
    public static MilpModel maximisationWithOffset() {
        MilpModel.Builder b = MilpModel.builder("max_with_offset").sense(Sense.MAXIMIZE).objectiveOffset(10);
        int x = b.continuous("x", 0, 3);
        int y = b.continuous("y", 0, INF);
        b.objective(x, 3).objective(y, 2);
        b.row("r1").term(x, 1).term(y, 1).atMost(4);
        b.row("r2").term(x, 1).term(y, 3).atMost(6);
        return b.build();
    }

    /** x + y ≤ 1 and x + y ≥ 2: infeasible. */
    public static MilpModel infeasibleLp() {
        MilpModel.Builder b = MilpModel.builder("infeasible_lp");
        int x = b.continuous("x", 0, INF);
        int y = b.continuous("y", 0, INF);
        b.objective(x, 1);
        b.row("low").term(x, 1).term(y, 1).atMost(1);
        b.row("high").term(x, 1).term(y, 1).atLeast(2);
        return b.build();
    }

    /** max x, x − y ≤ 1, x, y ≥ 0: unbounded. */
    public static MilpModel unboundedLp() {
        MilpModel.Builder b = MilpModel.builder("unbounded_lp").sense(Sense.MAXIMIZE);
        int x = b.continuous("x", 0, INF);
        int y = b.continuous("y", 0, INF);
        b.objective(x, 1);
        b.row("r").term(x, 1).term(y, -1).atMost(1);
        return b.build();
    }

    /**
     * min 2x + 3y, x + y ≥ 4 (row "demand"), x ≤ 3 (row "cap"), x, y ≥ 0: x = 3, y = 1, objective 9.
     * Row duals in the kit's convention (∂ optimum / ∂ right-hand side): demand 3, cap −1.
     */
    public static MilpModel lpWithKnownDuals() {
        MilpModel.Builder b = MilpModel.builder("lp_duals");
        int x = b.continuous("x", 0, INF);
        int y = b.continuous("y", 0, INF);
        b.objective(x, 2).objective(y, 3);
        b.row("demand").term(x, 1).term(y, 1).atLeast(4);
        b.row("cap").term(x, 1).atMost(3);
        return b.build();
    }

    /**
     * max x + y, x + 2y ≤ 4, 3x + y ≤ 6: optimum 2.8 at (1.6, 1.2); in the kit's convention
     * (∂optimum/∂rhs) its row duals are 0.4 and 0.2, for backends whose maximisation duals are checked.
     *
     * @since 3.1
     */
    public static MilpModel maxLpWithKnownDuals() {
        MilpModel.Builder b = MilpModel.builder("max_duals").sense(Sense.MAXIMIZE);
        int x = b.continuous("x", 0, INF);
        int y = b.continuous("y", 0, INF);
        b.objective(x, 1).objective(y, 1);
        b.row("r1").term(x, 1).term(y, 2).atMost(4);
        b.row("r2").term(x, 3).term(y, 1).atMost(6);
        return b.build();
    }

    /**
     * max 5a + 4b + 3c over binaries, 2a + 3b + c ≤ 5, 4a + b + 2c ≤ 11, 3a + 4b + 2c ≤ 8:
     * a = b = 1, c = 0, objective 9 (the LP relaxation is higher, so branching is needed).
     */
    public static MilpModel binaryKnapsack() {
        MilpModel.Builder b = MilpModel.builder("binary_knapsack").sense(Sense.MAXIMIZE);
        int a = b.binary("a");
        int bb = b.binary("b");
        int c = b.binary("c");
        b.objective(a, 5).objective(bb, 4).objective(c, 3);
        b.row("k1").term(a, 2).term(bb, 3).term(c, 1).atMost(5);
        b.row("k2").term(a, 4).term(bb, 1).term(c, 2).atMost(11);
        b.row("k3").term(a, 3).term(bb, 4).term(c, 2).atMost(8);
        return b.build();
    }

    /**
     * max x + y, −2x + 2y ≥ 1, −8x + 10y ≤ 13, x, y ≥ 0 integer: the LP optimum is (4, 4.5) with 8.5,
     * the integer optimum (1, 2) with 3.
     */
    public static MilpModel generalIntegers() {
        MilpModel.Builder b = MilpModel.builder("general_integers").sense(Sense.MAXIMIZE);
        int x = b.integer("x", 0, INF);
        int y = b.integer("y", 0, INF);
        b.objective(x, 1).objective(y, 1);
        b.row("r1").term(x, -2).term(y, 2).atLeast(1);
        b.row("r2").term(x, -8).term(y, 10).atMost(13);
        return b.build();
    }

    /** min 3x + y, x + y ≥ −4.5, x integer in [−3, 3], 0 ≤ y ≤ 10: x = −3, y = 0, objective −9. */
    public static MilpModel negativeIntegers() {
        MilpModel.Builder b = MilpModel.builder("negative_integers");
        int x = b.integer("x", -3, 3);
        int y = b.continuous("y", 0, 10);
        b.objective(x, 3).objective(y, 1);
        b.row("r").term(x, 1).term(y, 1).atLeast(-4.5);
        return b.build();
    }

    /** 2x + 2y = 1 with x, y integer in [0, 5]: the LP is feasible, the MILP is not. */
    public static MilpModel integerInfeasible() {
        MilpModel.Builder b = MilpModel.builder("integer_infeasible");
        int x = b.integer("x", 0, 5);
        int y = b.integer("y", 0, 5);
        b.objective(x, 1).objective(y, 1);
        b.row("odd").term(x, 2).term(y, 2).equalTo(1);
        return b.build();
    }

    /** max x + y, x − y ≤ 0.5, x, y ≥ 0 integer: unbounded. */
    public static MilpModel integerUnbounded() {
        MilpModel.Builder b = MilpModel.builder("integer_unbounded").sense(Sense.MAXIMIZE);
        int x = b.integer("x", 0, INF);
        int y = b.integer("y", 0, INF);
        b.objective(x, 1).objective(y, 1);
        b.row("r").term(x, 1).term(y, -1).atMost(0.5);
        return b.build();
    }

    /**
     * max 1e-6·x + 1e6·y with 1e6·x ≤ 3e12 and 1e-6·y ≤ 2.5e-6, x, y ≥ 0: coefficients twelve
     * orders of magnitude apart. x = 3e6, y = 2.5 (objective 2500003), or with y integer y = 2
     * (objective 2000003).
     */
    public static MilpModel extremeCoefficients(boolean integerY) {
        MilpModel.Builder b = MilpModel.builder(integerY ? "extreme_coefficients_int" : "extreme_coefficients")
                .sense(Sense.MAXIMIZE);
        int x = b.continuous("x", 0, INF);
        int y = integerY ? b.integer("y", 0, INF) : b.continuous("y", 0, INF);
        b.objective(x, 1e-6).objective(y, 1e6);
        b.row("big").term(x, 1e6).atMost(3e12);
        b.row("small").term(y, 1e-6).atMost(2.5e-6);
        return b.build();
    }

    /** min x − 2y with only bounds, x ∈ [1, 5], y ∈ [−2, 3] (integer or not), no rows: x = 1, y = 3, objective −5. */
    public static MilpModel noRows(boolean integerY) {
        MilpModel.Builder b = MilpModel.builder(integerY ? "no_rows_int" : "no_rows");
        int x = b.continuous("x", 1, 5);
        int y = integerY ? b.integer("y", -2, 3) : b.continuous("y", -2, 3);
        b.objective(x, 1).objective(y, -2);
        return b.build();
    }

    /** max x + y, 2x + y ≤ 4, x + 3y ≤ 6, x, y ≥ 0 continuous: a fractional vertex (1.2, 1.6), objective 2.8. */
    public static MilpModel fractionalLp() {
        MilpModel.Builder b = MilpModel.builder("fractional_lp").sense(Sense.MAXIMIZE);
        int x = b.continuous("x", 0, INF);
        int y = b.continuous("y", 0, INF);
        b.objective(x, 1).objective(y, 1);
        b.row("r1").term(x, 2).term(y, 1).atMost(4);
        b.row("r2").term(x, 1).term(y, 3).atMost(6);
        return b.build();
    }

    /**
     * A market split instance (Cornuéjols &amp; Dawande 1998), known to be very hard for branch and
     * bound: m rows Σ_j a_ij·x_j + s⁺_i − s⁻_i = b_i over n binaries x with a_ij uniform in
     * [0, 99], integer slacks, minimising Σ (s⁺ + s⁻). Its LP bound is 0 and no solver closes the
     * gap in seconds at m = 5, n = 40, while x = 0 is a feasible start, so a run is stopped by its
     * limit, not by a proof. With {@code planted} the right-hand side is A·x* for a random x*, so
     * that x* is an optimal solution of value 0 (see {@link #plantedSolution}); otherwise
     * b_i = ⌊Σ_j a_ij / 2⌋, the classic choice.
     */
    public static MilpModel marketSplit(int m, int n, long seed, boolean planted) {
        java.util.Random random = new java.util.Random(seed);
        int[][] a = new int[m][n];
        for (int[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextInt(100);
            }
        }
        boolean[] star = plantedBits(n, seed);
        MilpModel.Builder b = MilpModel.builder("market_split_" + m + "x" + n + (planted ? "_planted" : ""));
        int[] x = new int[n];
        for (int j = 0; j < n; j++) {
            x[j] = b.binary("x" + j);
        }
        for (int i = 0; i < m; i++) {
            long rhs = 0;
            long total = 0;
            for (int j = 0; j < n; j++) {
                total += a[i][j];
                rhs += star[j] ? a[i][j] : 0;
            }
            if (!planted) {
                rhs = total / 2;
            }
            int plus = b.integer("sp" + i, 0, total);
            int minus = b.integer("sm" + i, 0, total);
            b.objective(plus, 1).objective(minus, 1);
            var row = b.row("split" + i).term(plus, 1).term(minus, -1);
            for (int j = 0; j < n; j++) {
                row.term(x[j], a[i][j]);
            }
            row.equalTo(rhs);
        }
        return b.build();
    }

    /** The optimal point of {@code marketSplit(m, n, seed, true)}: x*, then zero slacks. */
    public static double[] plantedSolution(int m, int n, long seed) {
        boolean[] star = plantedBits(n, seed);
        double[] point = new double[n + 2 * m];
        for (int j = 0; j < n; j++) {
            point[j] = star[j] ? 1 : 0;
        }
        return point;
    }

    private static boolean[] plantedBits(int n, long seed) {
        java.util.Random random = new java.util.Random(seed ^ 0x5DEECE66DL);
        boolean[] star = new boolean[n];
        for (int j = 0; j < n; j++) {
            star[j] = random.nextBoolean();
        }
        return star;
    }
}
