package org.tamebnn.dual.internal;

import java.util.Arrays;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * A dense simplex method in exact rationals for small standard-form LPs
 *
 * <pre>
 *   min c·x  s.t.  A x = b,  x ≥ 0
 * </pre>
 *
 * that can take extra rows g·x − s = h (cuts with a surplus s ≥ 0) after an optimum and
 * re-optimise from there. It exists because the cutting-plane dual (notes §4.1) needs what no
 * solver exposes: the exact optimal basis and the rows β of B⁻¹ from which Gomory cuts and their
 * derivations are read, and an LP dual that is exactly feasible, so that the dual function built
 * from it is a bound with no tolerance.
 *
 * <p>Phase 1 starts from artificial columns (rows with b_i &lt; 0 negated first) and minimises
 * their sum; artificials left basic at zero are pivoted out where the row has a nonzero structural
 * entry, and otherwise mark a redundant row, where they stay basic at zero and can never move.
 * Phase 2 minimises c·x over the structural columns. Both phases price by the most negative
 * reduced cost and switch to Bland's rule (smallest entering index, smallest leaving basic index
 * among ratio ties) after {@value #DEGENERATE_RUN} degenerate pivots in a row, which makes them
 * terminate. {@link #addRow} keeps the tableau optimal for the dual (the new surplus is basic,
 * possibly negative) and {@link #reoptimize} runs the dual simplex with the smallest-index rule
 * (leaving: the infeasible row whose basic variable has the smallest index; entering: the
 * smallest ratio, ties to the smallest index), so adding a round of cuts costs a few pivots.
 *
 * <p>Each pivot costs O(m·(n + m)) rational operations on a dense tableau whose entries grow with
 * the problem, so it is meant for tens of rows and columns ({@link #MAX_ROWS},
 * {@link #MAX_COLUMNS} are the limits of the standard forms its users hand it), not for real
 * models.
 */
final class ExactSimplex {
    /** The largest standard form (rows) the cutting-plane and corrected-linear duals hand it, before cuts. */
    static final int MAX_ROWS = 30;
    /** The largest standard form (columns) they hand it, before cuts. */
    static final int MAX_COLUMNS = 120;
    /** Degenerate pivots in a row after which the rule becomes Bland's. */
    static final int DEGENERATE_RUN = 20;

    enum Status {
        OPTIMAL,
        INFEASIBLE,
        UNBOUNDED
    }

    /** Raised when the deadline passes during the pivots. */
    static final class TimeUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimeUp() {
            super("time limit reached in the exact simplex", null, false, false);
        }
    }

    /**
     * An outcome. At an optimum: x, the objective, the basis (the basic column of each row; −1 for
     * an artificial left in a redundant row), B⁻¹ in the rows' original orientation, the tableau
     * B⁻¹A and B⁻¹b, and the duals y = c_B B⁻¹, which satisfy y·a_j ≤ c_j for every column and are
     * ∂z/∂b. Otherwise only the status and pivot count.
     */
    record Solution(Status status, BigFraction objective, BigFraction[] x, int[] basis, BigFraction[][] basisInverse,
            BigFraction[][] tableau, BigFraction[] basicValues, BigFraction[] duals, int pivots) {

        boolean optimal() {
            return status == Status.OPTIMAL;
        }
    }

    private int m;
    private int n;
    private BigFraction[][] t; // m × n: B⁻¹A of the sign-adjusted rows
    private BigFraction[][] inv; // m × m: the artificial block, B⁻¹Σ
    private BigFraction[] rhs; // B⁻¹Σb
    private BigFraction[] reduced; // n reduced costs of the current phase
    private BigFraction[] cost; // n phase-2 costs
    private int[] basis; // structural index, or −1 − k for the artificial of row k
    private int[] sign; // σ_k: −1 where row k was negated for phase 1
    private final long deadline;
    private int pivots;
    private Status status;

    private ExactSimplex(BigFraction[][] a, BigFraction[] b, BigFraction[] c, long deadlineNanos) {
        this.m = b.length;
        this.n = c.length;
        this.deadline = deadlineNanos;
        this.t = new BigFraction[m][n];
        this.inv = new BigFraction[m][m];
        this.rhs = new BigFraction[m];
        this.basis = new int[m];
        this.sign = new int[m];
        this.cost = c.clone();
        for (int i = 0; i < m; i++) {
            sign[i] = b[i].signum() < 0 ? -1 : 1;
            for (int j = 0; j < n; j++) {
                t[i][j] = sign[i] < 0 ? a[i][j].negate() : a[i][j];
            }
            for (int k = 0; k < m; k++) {
                inv[i][k] = k == i ? BigFraction.ONE : BigFraction.ZERO;
            }
            rhs[i] = sign[i] < 0 ? b[i].negate() : b[i];
            basis[i] = -1 - i;
        }
    }

    /** Solves min c·x, Ax = b, x ≥ 0 (a is m×n, dense). */
    static Solution solve(BigFraction[][] a, BigFraction[] b, BigFraction[] c) {
        return solve(a, b, c, Long.MAX_VALUE);
    }

    /**
     * As {@link #solve(BigFraction[][], BigFraction[], BigFraction[])}, stopping with
     * {@link TimeUp} once {@link System#nanoTime()} passes {@code deadlineNanos}.
     */
    static Solution solve(BigFraction[][] a, BigFraction[] b, BigFraction[] c, long deadlineNanos) {
        return start(a, b, c, deadlineNanos).solution();
    }

    /** Solves the LP and keeps its tableau for {@link #addRow} and {@link #reoptimize}. */
    static ExactSimplex start(BigFraction[][] a, BigFraction[] b, BigFraction[] c, long deadlineNanos) {
        for (BigFraction[] row : a) {
            if (row.length != c.length) {
                throw new IllegalArgumentException("a row of " + row.length + " entries for " + c.length + " columns");
            }
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " rows but a right-hand side of " + b.length);
        }
        ExactSimplex s = new ExactSimplex(a, b, c, deadlineNanos);
        s.run();
        return s;
    }

    int rows() {
        return m;
    }

    int columns() {
        return n;
    }

    Status status() {
        return status;
    }

    private void run() {
        // phase 1: minimise the sum of the artificials
        price(true);
        primal();
        if (objectiveSign(true) != 0) {
            status = Status.INFEASIBLE;
            return;
        }
        // artificials basic at zero: pivot them out where the row allows it
        for (int i = 0; i < m; i++) {
            if (basis[i] < 0) {
                for (int j = 0; j < n; j++) {
                    if (!t[i][j].isZero()) {
                        pivot(i, j);
                        break;
                    }
                }
            }
        }
        // phase 2: the true costs, artificials at cost 0 and never entering
        price(false);
        status = primal() ? Status.OPTIMAL : Status.UNBOUNDED;
    }

    private BigFraction costOf(int column, boolean phase1) {
        if (column < 0) {
            return phase1 ? BigFraction.ONE : BigFraction.ZERO;
        }
        return phase1 ? BigFraction.ZERO : cost[column];
    }

    /** Sets the reduced costs of the phase's costs for the current basis. */
    private void price(boolean phase1) {
        reduced = new BigFraction[n];
        for (int j = 0; j < n; j++) {
            BigFraction r = costOf(j, phase1);
            for (int i = 0; i < m; i++) {
                BigFraction cb = costOf(basis[i], phase1);
                if (!cb.isZero() && !t[i][j].isZero()) {
                    r = r.subtract(cb.multiply(t[i][j]));
                }
            }
            reduced[j] = r;
        }
    }

    /** The sign of the phase's objective value Σ c_B b̄. */
    private int objectiveSign(boolean phase1) {
        BigFraction z = BigFraction.ZERO;
        for (int i = 0; i < m; i++) {
            BigFraction cb = costOf(basis[i], phase1);
            if (!cb.isZero()) {
                z = z.add(cb.multiply(rhs[i]));
            }
        }
        return z.signum();
    }

    private void checkTime() {
        if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
            throw new TimeUp();
        }
    }

    /** Primal simplex to optimality; false when the objective is unbounded below. */
    private boolean primal() {
        int degenerate = 0;
        while (true) {
            checkTime();
            boolean bland = degenerate >= DEGENERATE_RUN;
            int e = -1;
            for (int j = 0; j < n; j++) {
                if (reduced[j].signum() < 0 && (e < 0 || (!bland && Rationals.compare(reduced[j], reduced[e]) < 0))) {
                    e = j;
                    if (bland) {
                        break;
                    }
                }
            }
            if (e < 0) {
                return true;
            }
            int r = -1;
            BigFraction best = null;
            for (int i = 0; i < m; i++) {
                if (t[i][e].signum() > 0) {
                    BigFraction ratio = rhs[i].divide(t[i][e]);
                    int cmp = best == null ? -1 : Rationals.compare(ratio, best);
                    if (cmp < 0 || (cmp == 0 && order(basis[i]) < order(basis[r]))) {
                        best = ratio;
                        r = i;
                    }
                }
            }
            if (r < 0) {
                return false;
            }
            degenerate = best.isZero() ? degenerate + 1 : 0;
            pivot(r, e);
        }
    }

    /** The order of basic variables for the smallest-index rules: structural first, then artificials. */
    private int order(int column) {
        return column >= 0 ? column : Integer.MAX_VALUE / 2 - column;
    }

    private void pivot(int r, int e) {
        pivots++;
        BigFraction p = t[r][e];
        if (!p.isOne()) {
            scale(t[r], p);
            scale(inv[r], p);
            rhs[r] = rhs[r].divide(p);
        }
        for (int i = 0; i < m; i++) {
            if (i != r && !t[i][e].isZero()) {
                BigFraction f = t[i][e];
                eliminate(t[i], t[r], f);
                eliminate(inv[i], inv[r], f);
                if (!rhs[r].isZero()) {
                    rhs[i] = rhs[i].subtract(f.multiply(rhs[r]));
                }
            }
        }
        if (!reduced[e].isZero()) {
            eliminate(reduced, t[r], reduced[e]);
        }
        basis[r] = e;
    }

    private static void scale(BigFraction[] row, BigFraction p) {
        for (int j = 0; j < row.length; j++) {
            if (!row[j].isZero()) {
                row[j] = row[j].divide(p);
            }
        }
    }

    /** row −= factor·pivotRow, skipping the zeros of the pivot row. */
    private static void eliminate(BigFraction[] row, BigFraction[] pivotRow, BigFraction factor) {
        for (int j = 0; j < row.length; j++) {
            if (!pivotRow[j].isZero()) {
                row[j] = row[j].subtract(factor.multiply(pivotRow[j]));
            }
        }
    }

    /**
     * Adds the row g·x − s = h with a new surplus column s ≥ 0 (cost 0, index {@link #columns()}
     * before the call), basic in the new row. Only at an optimum; {@link #reoptimize} restores
     * primal feasibility when the row cuts the current point off.
     */
    void addRow(BigFraction[] g, BigFraction h) {
        if (status != Status.OPTIMAL) {
            throw new IllegalStateException("rows are added at an optimum, not " + status);
        }
        if (g.length != n) {
            throw new IllegalArgumentException("a row of " + g.length + " entries for " + n + " columns");
        }
        // the new row in tableau form: −(g, −1 | e_new | h) + Σ_i g_{B_i}·(row i), so that s has coefficient 1
        BigFraction[] row = new BigFraction[n + 1];
        BigFraction[] block = new BigFraction[m + 1];
        BigFraction value = h.negate();
        for (int j = 0; j < n; j++) {
            row[j] = g[j].negate();
        }
        row[n] = BigFraction.ONE;
        Arrays.fill(block, BigFraction.ZERO);
        block[m] = BigFraction.ONE.negate();
        for (int i = 0; i < m; i++) {
            BigFraction gb = basis[i] >= 0 ? g[basis[i]] : BigFraction.ZERO;
            if (gb.isZero()) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                if (!t[i][j].isZero()) {
                    row[j] = row[j].add(gb.multiply(t[i][j]));
                }
            }
            for (int k = 0; k < m; k++) {
                if (!inv[i][k].isZero()) {
                    block[k] = block[k].add(gb.multiply(inv[i][k]));
                }
            }
            value = value.add(gb.multiply(rhs[i]));
        }
        BigFraction[][] t2 = new BigFraction[m + 1][];
        BigFraction[][] inv2 = new BigFraction[m + 1][];
        for (int i = 0; i < m; i++) {
            t2[i] = Arrays.copyOf(t[i], n + 1);
            t2[i][n] = BigFraction.ZERO;
            inv2[i] = Arrays.copyOf(inv[i], m + 1);
            inv2[i][m] = BigFraction.ZERO;
        }
        t2[m] = row;
        inv2[m] = block;
        t = t2;
        inv = inv2;
        rhs = Arrays.copyOf(rhs, m + 1);
        rhs[m] = value;
        reduced = Arrays.copyOf(reduced, n + 1);
        reduced[n] = BigFraction.ZERO;
        cost = Arrays.copyOf(cost, n + 1);
        cost[n] = BigFraction.ZERO;
        basis = Arrays.copyOf(basis, m + 1);
        basis[m] = n;
        sign = Arrays.copyOf(sign, m + 1);
        sign[m] = 1;
        m++;
        n++;
    }

    /** The dual simplex from a dual-feasible basis; the new status (OPTIMAL or INFEASIBLE). */
    Status reoptimize() {
        while (true) {
            checkTime();
            int r = -1;
            for (int i = 0; i < m; i++) {
                if (rhs[i].signum() < 0 && (r < 0 || order(basis[i]) < order(basis[r]))) {
                    r = i;
                }
            }
            if (r < 0) {
                status = Status.OPTIMAL;
                return status;
            }
            int e = -1;
            BigFraction best = null;
            for (int j = 0; j < n; j++) {
                if (t[r][j].signum() < 0) {
                    BigFraction ratio = reduced[j].divide(t[r][j].negate());
                    int cmp = best == null ? -1 : Rationals.compare(ratio, best);
                    if (cmp < 0) {
                        best = ratio;
                        e = j;
                    }
                }
            }
            if (e < 0) {
                status = Status.INFEASIBLE;
                return status;
            }
            pivot(r, e);
        }
    }

    /** The current outcome (see {@link Solution}). */
    Solution solution() {
        if (status != Status.OPTIMAL) {
            return new Solution(status, null, null, null, null, null, null, null, pivots);
        }
        BigFraction[] x = Rationals.zeros(n);
        int[] basicColumn = new int[m];
        BigFraction[] values = rhs.clone();
        for (int i = 0; i < m; i++) {
            basicColumn[i] = basis[i] >= 0 ? basis[i] : -1;
            if (basis[i] >= 0) {
                x[basis[i]] = rhs[i];
            }
        }
        // the artificial block is B⁻¹Σ of the sign-adjusted system; B⁻¹ = (B⁻¹Σ)Σ
        BigFraction[][] inverse = new BigFraction[m][m];
        BigFraction[][] tableau = new BigFraction[m][];
        for (int r = 0; r < m; r++) {
            for (int i = 0; i < m; i++) {
                inverse[r][i] = sign[i] < 0 ? inv[r][i].negate() : inv[r][i];
            }
            tableau[r] = t[r].clone();
        }
        BigFraction[] y = Rationals.zeros(m);
        for (int r = 0; r < m; r++) {
            if (basis[r] >= 0 && !cost[basis[r]].isZero()) {
                BigFraction cb = cost[basis[r]];
                for (int i = 0; i < m; i++) {
                    if (!inverse[r][i].isZero()) {
                        y[i] = y[i].add(cb.multiply(inverse[r][i]));
                    }
                }
            }
        }
        return new Solution(Status.OPTIMAL, Rationals.dot(cost, x), x, basicColumn, inverse, tableau, values, y, pivots);
    }
}
