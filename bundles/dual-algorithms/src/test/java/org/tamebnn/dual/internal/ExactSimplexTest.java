package org.tamebnn.dual.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.MilpSolvers;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;

class ExactSimplexTest {

    static BigFraction q(long p, long r) {
        return BigFraction.of(p, r);
    }

    static BigFraction q(long p) {
        return BigFraction.of(p);
    }

    static BigFraction[][] matrix(long[][] a) {
        BigFraction[][] out = new BigFraction[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new BigFraction[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                out[i][j] = q(a[i][j]);
            }
        }
        return out;
    }

    static BigFraction[] vector(long... v) {
        BigFraction[] out = new BigFraction[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = q(v[i]);
        }
        return out;
    }

    @Test
    void smallLpWithItsDualsAndInverse() {
        // min −x − y  s.t. x + 2y + s1 = 4, 3x + y + s2 = 6
        BigFraction[][] a = matrix(new long[][] { { 1, 2, 1, 0 }, { 3, 1, 0, 1 } });
        BigFraction[] b = vector(4, 6);
        BigFraction[] c = vector(-1, -1, 0, 0);
        ExactSimplex.Solution s = ExactSimplex.solve(a, b, c);
        assertTrue(s.optimal());
        assertEquals(q(-14, 5), s.objective());
        assertEquals(q(8, 5), s.x()[0]);
        assertEquals(q(6, 5), s.x()[1]);
        checkOptimality(a, b, c, s);
    }

    @Test
    void infeasibleAndUnbounded() {
        assertEquals(ExactSimplex.Status.INFEASIBLE,
                ExactSimplex.solve(matrix(new long[][] { { 1, 1 } }), vector(-1), vector(1, 1)).status());
        assertEquals(ExactSimplex.Status.UNBOUNDED,
                ExactSimplex.solve(matrix(new long[][] { { 1, -1 } }), vector(1), vector(-1, 0)).status());
    }

    @Test
    void redundantRowsKeepAnArtificialAtZero() {
        BigFraction[][] a = matrix(new long[][] { { 1, 1 }, { 2, 2 } });
        BigFraction[] b = vector(2, 4);
        BigFraction[] c = vector(1, 0);
        ExactSimplex.Solution s = ExactSimplex.solve(a, b, c);
        assertTrue(s.optimal());
        assertEquals(BigFraction.ZERO, s.objective());
        assertTrue(s.basis()[0] == -1 || s.basis()[1] == -1, "one row is redundant");
        checkOptimality(a, b, c, s);
    }

    /** Beale's example, on which the textbook largest-coefficient rule cycles; Bland's rule does not. */
    @Test
    void bealeDoesNotCycle() {
        BigFraction[][] a = {
                { q(1), q(0), q(0), q(1, 4), q(-8), q(-1), q(9) },
                { q(0), q(1), q(0), q(1, 2), q(-12), q(-1, 2), q(3) },
                { q(0), q(0), q(1), q(0), q(0), q(1), q(0) } };
        BigFraction[] b = vector(0, 0, 1);
        BigFraction[] c = { q(0), q(0), q(0), q(-3, 4), q(20), q(-1, 2), q(6) };
        ExactSimplex.Solution s = ExactSimplex.solve(a, b, c);
        assertTrue(s.optimal());
        assertEquals(q(-5, 4), s.objective());
        checkOptimality(a, b, c, s);
    }

    /** Random small LPs against GLOP: same status, same optimum; exact optimality conditions. */
    @Test
    void agreesWithGlopOnRandomLps() {
        MilpSolver glop = MilpSolvers.create("ortools-glop");
        Random rnd = new Random(7);
        int optimal = 0;
        for (int trial = 0; trial < 60; trial++) {
            int m = 1 + rnd.nextInt(4);
            int n = m + 1 + rnd.nextInt(5);
            long[][] a = new long[m][n];
            long[] b = new long[m];
            long[] c = new long[n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] = rnd.nextInt(7) - 3;
                }
                b[i] = rnd.nextInt(11) - 5;
            }
            for (int j = 0; j < n; j++) {
                c[j] = rnd.nextInt(9) - 2;
            }
            ExactSimplex.Solution s = ExactSimplex.solve(matrix(a), vector(b), vector(c));
            MilpModel.Builder mb = MilpModel.builder("lp" + trial);
            for (int j = 0; j < n; j++) {
                mb.continuous("x" + j, 0, Double.POSITIVE_INFINITY);
                mb.objective(j, c[j]);
            }
            for (int i = 0; i < m; i++) {
                var row = mb.row("r" + i);
                for (int j = 0; j < n; j++) {
                    row.term(j, a[i][j]);
                }
                row.equalTo(b[i]);
            }
            SolveResult r = glop.solve(mb.build());
            switch (s.status()) {
                case OPTIMAL -> {
                    optimal++;
                    assertEquals(SolveStatus.OPTIMAL, r.status(), "trial " + trial);
                    assertEquals(r.objective(), s.objective().doubleValue(), 1e-6, "trial " + trial);
                    checkOptimality(matrix(a), vector(b), vector(c), s);
                }
                case INFEASIBLE -> assertTrue(r.status() == SolveStatus.INFEASIBLE
                        || r.status() == SolveStatus.INFEASIBLE_OR_UNBOUNDED, "trial " + trial + ": " + r);
                case UNBOUNDED -> assertTrue(r.status() == SolveStatus.UNBOUNDED
                        || r.status() == SolveStatus.INFEASIBLE_OR_UNBOUNDED, "trial " + trial + ": " + r);
            }
        }
        assertTrue(optimal >= 10, "enough optimal trials: " + optimal);
    }

    /**
     * Rows added to an optimum and re-optimised by the dual simplex give what solving the extended
     * LP [A 0; G −I](x, s) = (b, h) from scratch gives: status, optimum, and exact optimality.
     */
    @Test
    void addedRowsMatchSolvingFromScratch() {
        Random rnd = new Random(3);
        int compared = 0;
        for (int trial = 0; trial < 80; trial++) {
            int m = 1 + rnd.nextInt(3);
            int n = m + 2 + rnd.nextInt(4);
            long[][] a = new long[m][n];
            long[] b = new long[m];
            long[] c = new long[n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] = rnd.nextInt(7) - 3;
                }
                b[i] = rnd.nextInt(11) - 5;
            }
            for (int j = 0; j < n; j++) {
                c[j] = rnd.nextInt(6);
            }
            ExactSimplex lp = ExactSimplex.start(matrix(a), vector(b), vector(c), Long.MAX_VALUE);
            if (lp.status() != ExactSimplex.Status.OPTIMAL) {
                continue;
            }
            int k = 1 + rnd.nextInt(3);
            long[][] g = new long[k][n];
            long[] h = new long[k];
            for (int q = 0; q < k; q++) {
                for (int j = 0; j < n; j++) {
                    g[q][j] = rnd.nextInt(5) - 1;
                }
                h[q] = rnd.nextInt(9) - 2;
                BigFraction[] row = Rationals.zeros(lp.columns());
                for (int j = 0; j < n; j++) {
                    row[j] = q(g[q][j]);
                }
                lp.addRow(row, q(h[q]));
            }
            ExactSimplex.Status status = lp.reoptimize();
            long[][] big = new long[m + k][n + k];
            long[] bigB = new long[m + k];
            long[] bigC = new long[n + k];
            for (int i = 0; i < m; i++) {
                System.arraycopy(a[i], 0, big[i], 0, n);
                bigB[i] = b[i];
            }
            for (int q = 0; q < k; q++) {
                System.arraycopy(g[q], 0, big[m + q], 0, n);
                big[m + q][n + q] = -1;
                bigB[m + q] = h[q];
            }
            System.arraycopy(c, 0, bigC, 0, n);
            ExactSimplex.Solution scratch = ExactSimplex.solve(matrix(big), vector(bigB), vector(bigC));
            assertEquals(scratch.status(), status, "trial " + trial);
            if (status == ExactSimplex.Status.OPTIMAL) {
                compared++;
                ExactSimplex.Solution s = lp.solution();
                assertEquals(scratch.objective(), s.objective(), "trial " + trial);
                checkOptimality(matrix(big), vector(bigB), vector(bigC), s);
            }
        }
        assertTrue(compared >= 20, "enough re-optimised trials: " + compared);
    }

    /** Primal feasibility, dual feasibility (yA ≤ c), equal objectives, and B⁻¹ times the basis is I. */
    static void checkOptimality(BigFraction[][] a, BigFraction[] b, BigFraction[] c, ExactSimplex.Solution s) {
        int m = b.length;
        int n = c.length;
        for (int i = 0; i < m; i++) {
            BigFraction ax = BigFraction.ZERO;
            for (int j = 0; j < n; j++) {
                ax = ax.add(a[i][j].multiply(s.x()[j]));
            }
            assertEquals(b[i], ax, "row " + i);
        }
        for (int j = 0; j < n; j++) {
            assertTrue(s.x()[j].signum() >= 0);
            BigFraction ya = BigFraction.ZERO;
            for (int i = 0; i < m; i++) {
                ya = ya.add(s.duals()[i].multiply(a[i][j]));
            }
            assertTrue(Rationals.compare(ya, c[j]) <= 0, "dual feasibility at column " + j);
        }
        assertEquals(s.objective(), Rationals.dot(s.duals(), b), "strong duality");
        for (int r = 0; r < m; r++) {
            int col = s.basis()[r];
            if (col < 0) {
                continue;
            }
            for (int k = 0; k < m; k++) {
                BigFraction e = BigFraction.ZERO;
                for (int i = 0; i < m; i++) {
                    e = e.add(s.basisInverse()[k][i].multiply(a[i][col]));
                }
                assertEquals(k == r ? BigFraction.ONE : BigFraction.ZERO, e, "B⁻¹B at row " + k + ", basic column "
                        + col);
            }
            assertEquals(s.basicValues()[r], Rationals.dot(s.basisInverse()[r], b));
        }
    }
}
