package org.tamebnn.solver.lpsolve;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.tamebnn.api.milp.Deadline;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Row;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.Variable;

/**
 * One lp_solve model ({@code lprec}) from {@code make_lp} to {@code delete_lp}: the translation of
 * a {@link MilpModel}, its parameters, and what is read back. {@link #close()} frees it and the
 * native buffers on every path; nothing read from it survives except copies.
 */
final class LpProblem implements AutoCloseable {
    private final LpSolveFunctions f;
    private final Arena arena;
    private final MemorySegment lp;
    private final MilpModel model;

    private LpProblem(LpSolveFunctions f, Arena arena, MemorySegment lp, MilpModel model) {
        this.f = f;
        this.arena = arena;
        this.lp = lp;
        this.model = model;
    }

    /**
     * Translates {@code model}.
     *
     * @param withObjective false for a zero objective: the feasibility solve that tells an
     *                      infeasible model from an unbounded one
     * @param withDuals     have lp_solve compute duals during the solve (LPs only)
     */
    static LpProblem of(LpSolveFunctions f, MilpModel model, LpSolveSettings settings, boolean withObjective,
            boolean withDuals) {
        Arena arena = Arena.ofConfined();
        MemorySegment lp;
        try {
            lp = f.makeLp(0, model.variableCount());
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
        if (lp.address() == 0) {
            arena.close();
            throw new IllegalStateException("lp_solve's make_lp could not create a model of "
                    + model.variableCount() + " columns (out of memory?)");
        }
        LpProblem p = new LpProblem(f, arena, lp, model);
        try {
            // make_lp's default verbosity (NORMAL) would print to the console while building and solving
            f.setVerbose(lp, LpConstants.CRITICAL);
            p.translate(withObjective);
            settings.applyTo(f, lp);
            if (withDuals) {
                // duals are computed during the solve only when asked for beforehand; -1: lp_solve's loop default
                f.setPresolve(lp, LpConstants.PRESOLVE_SENSDUALS, -1);
            }
            return p;
        } catch (RuntimeException | Error e) {
            p.close();
            throw e;
        }
    }

    private void translate(boolean withObjective) {
        double inf = f.getInfinite(lp);
        int longest = 1;
        for (Row row : model.rows()) {
            longest = Math.max(longest, row.size());
        }
        MemorySegment values = arena.allocate(JAVA_DOUBLE, Math.max(longest, model.variableCount()));
        MemorySegment columns = arena.allocate(JAVA_INT, Math.max(longest, model.variableCount()));
        // row entry mode makes add_constraintex append in O(row) instead of rebuilding the matrix
        f.setAddRowmode(lp, true);
        for (int i = 0; i < model.rowCount(); i++) {
            addRow(model.row(i), values, columns, inf);
        }
        f.setAddRowmode(lp, false);
        for (int i = 0; i < model.rowCount(); i++) {
            Row row = model.row(i);
            if (isRanged(row, inf) && !f.setRhRange(lp, i + 1, row.upper() - row.lower())) {
                throw refused("the range of row '" + row.name() + "'");
            }
        }
        if (withObjective) {
            setObjective(values, columns);
        }
        if (model.sense() == Sense.MAXIMIZE) {
            f.setMaxim(lp);
        } else {
            f.setMinim(lp);
        }
        for (int j = 0; j < model.variableCount(); j++) {
            setColumn(j + 1, model.variable(j), inf);
        }
    }

    /**
     * lp_solve rows have one right-hand side and a type; a ranged row is added as {@code ≥ lower}
     * and given its width with {@code set_rh_range} afterwards. A free row becomes {@code ≤ ∞}, so
     * that rows keep their indices (and their duals their places).
     */
    private void addRow(Row row, MemorySegment values, MemorySegment columns, double inf) {
        int n = row.size();
        for (int k = 0; k < n; k++) {
            values.setAtIndex(JAVA_DOUBLE, k, row.coefficient(k));
            columns.setAtIndex(JAVA_INT, k, row.column(k) + 1);
        }
        double lo = clamp(row.lower(), inf);
        double hi = clamp(row.upper(), inf);
        int type;
        double rhs;
        if (row.isEquality()) {
            type = LpConstants.EQ;
            rhs = lo;
        } else if (lo <= -inf) {
            type = LpConstants.LE;
            rhs = hi;
        } else {
            type = LpConstants.GE;
            rhs = lo;
        }
        if (!f.addConstraintex(lp, n, values, columns, type, rhs)) {
            throw refused("row '" + row.name() + "'");
        }
    }

    private static boolean isRanged(Row row, double inf) {
        return !row.isEquality() && clamp(row.lower(), inf) > -inf && clamp(row.upper(), inf) < inf;
    }

    /**
     * The objective without its constant: objectives are recomputed from the returned point with
     * {@link MilpModel#objectiveValue}, offset included, rather than trusting lp_solve's sign rules.
     */
    private void setObjective(MemorySegment values, MemorySegment columns) {
        int n = 0;
        for (int j = 0; j < model.variableCount(); j++) {
            double c = model.objectiveCoefficient(j);
            if (c != 0.0) {
                values.setAtIndex(JAVA_DOUBLE, n, c);
                columns.setAtIndex(JAVA_INT, n, j + 1);
                n++;
            }
        }
        if (!f.setObjFnex(lp, n, values, columns)) {
            throw refused("the objective");
        }
    }

    private void setColumn(int column, Variable v, double inf) {
        double lo = clamp(v.lower(), inf);
        double hi = clamp(v.upper(), inf);
        boolean ok = lo <= -inf && hi >= inf ? f.setUnbounded(lp, column) : f.setBounds(lp, column, lo, hi);
        if (!ok) {
            throw refused("the bounds of variable '" + v.name() + "'");
        }
        if (v.isInteger() && !f.setInt(lp, column, true)) {
            throw refused("variable '" + v.name() + "' as integer");
        }
    }

    /** lp_solve reads any magnitude from its infinity (1e30) up as infinite; so does the translation. */
    private static double clamp(double value, double inf) {
        return Math.max(-inf, Math.min(inf, value));
    }

    private IllegalStateException refused(String what) {
        return new IllegalStateException("lp_solve refused " + what + " of model '" + model.name() + "'");
    }

    /**
     * Runs {@code solve()}.
     *
     * @param deadline lp_solve's own timeout ({@code set_timeout}) and the abort function's
     * @param abort    lp_solve stops (USERABORT) soon after this flag is set
     * @return solve()'s return code
     */
    int solve(Optional<Deadline> deadline, AtomicBoolean abort) {
        deadline.ifPresent(d -> f.setTimeout(lp, d.remainingSeconds()));
        long end = deadline.map(Deadline::endNanos).orElse(AbortFunction.NO_DEADLINE);
        f.putAbortfunc(lp, AbortFunction.of(abort, end, arena), MemorySegment.NULL);
        return f.solve(lp);
    }

    /** The point lp_solve holds (its best solution), or null when it gives none. */
    double[] values() {
        int n = model.variableCount();
        if (f.getNcolumns(lp) != n) {
            throw new IllegalStateException("lp_solve ended with " + f.getNcolumns(lp) + " columns for the "
                    + n + " of model '" + model.name() + "'");
        }
        MemorySegment out = arena.allocate(JAVA_DOUBLE, Math.max(1, n));
        return f.getVariables(lp, out) ? out.asSlice(0, n * JAVA_DOUBLE.byteSize()).toArray(JAVA_DOUBLE) : null;
    }

    /**
     * Row duals, or null when lp_solve has none. {@code get_dual_solution} fills 1 + rows + columns
     * values: slot 0 unused, then the rows' duals, then the reduced costs. lp_solve's row duals are
     * already ∂ optimum / ∂ right-hand side, the kit's convention, for minimisation and
     * maximisation, ≤, ≥ and ranged rows alike (checked in LpSolveSolverTest), so they are copied
     * as they are.
     */
    double[] rowDuals() {
        int m = model.rowCount();
        if (f.getNrows(lp) != m) {
            return null;
        }
        MemorySegment out = arena.allocate(JAVA_DOUBLE, 1 + m + model.variableCount());
        if (!f.getDualSolution(lp, out)) {
            return null;
        }
        double[] duals = new double[m];
        for (int i = 0; i < m; i++) {
            duals[i] = out.getAtIndex(JAVA_DOUBLE, 1 + i);
        }
        return duals;
    }

    long nodes() {
        return f.getTotalNodes(lp);
    }

    @Override
    public void close() {
        try {
            f.deleteLp(lp);
        } finally {
            arena.close();
        }
    }
}
