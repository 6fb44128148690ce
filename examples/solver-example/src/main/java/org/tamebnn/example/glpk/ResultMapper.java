package org.tamebnn.example.glpk;

import java.time.Duration;
import java.util.Optional;

import org.tamebnn.api.milp.Deadline;
import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Row;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;

/**
 * Turns one glpsol run into a {@link SolveResult} that does not overstate: every point is checked
 * against the model before it is reported, the objective is recomputed from the point (with the
 * model's constant, which glpsol never saw), and what stopped the search is named.
 */
final class ResultMapper {
    /**
     * Largest accepted violation of a bound or row, relative to max(1, |bound|), and of
     * integrality, absolute. GLPK's own tolerances are tighter (1e-7 relative for rows and
     * bounds, and it rounds integer columns in a MIP solution), so a point beyond this is wrong.
     */
    static final double TOLERANCE = 1e-6;

    /**
     * glpsol prints the bound with 10 significant digits; it is moved outwards by half a unit in
     * the last one, so that rounding never makes it claim more than GLPK proved.
     */
    private static final double PRINTED_PRECISION = 5e-10;

    private final MilpModel model;
    private final Optional<Deadline> deadline;

    ResultMapper(MilpModel model, Optional<Deadline> deadline) {
        this.model = model;
        this.deadline = deadline;
    }

    /**
     * @param cancelled the run was stopped through its token (glpsol was killed, or had just ended)
     * @param exitCode  glpsol's exit code
     * @param solution  the solution file, or null when glpsol wrote none
     * @param problem   why the solution file could not be read, when it exists but is broken
     */
    SolveResult map(boolean cancelled, int exitCode, GlpkSolution solution, String problem, GlpsolLog log) {
        if (cancelled) {
            // killed glpsol writes nothing; one that had just finished still has its point checked
            double[] x = solution == null ? null : checkedOrNull(solution);
            return SolveResult.stopped(GlpkSolver.NAME, Limit.INTERRUPTED, "killed", x == null
                    ? "cancelled; glpsol was stopped before writing a solution"
                    : "cancelled after glpsol had finished; its solution is returned",
                    x == null ? Double.NaN : model.objectiveValue(x), Double.NaN, x, -1);
        }
        if (exitCode != 0 || solution == null) {
            String why = problem != null ? problem : "glpsol ended with exit code " + exitCode;
            return error(why + (log.last().isEmpty() ? "" : "; glpsol said: " + log.last()));
        }
        int rows = (int) model.rows().stream().filter(ResultMapper::kept).count();
        if (solution.rows() != rows || solution.columns().length != model.variableCount()) {
            return error("glpsol's solution has " + solution.rows() + " rows and " + solution.columns().length
                    + " columns; the model has " + rows + " (free rows left out) and " + model.variableCount());
        }
        return solution.mip() ? mip(solution, log) : lp(solution, log);
    }

    private SolveResult mip(GlpkSolution s, GlpsolLog log) {
        return switch (s.status()) {
            case 'o' -> optimal(s, null);
            case 'n' -> result(SolveStatus.INFEASIBLE, "", null, Double.NaN, null);
            case 'f' -> stopped(log, s.columns(), mipBound(log));
            default -> {
                if (log.timeLimit()) {
                    yield stopped(log, null, mipBound(log));
                }
                if (log.noDualFeasible()) {
                    // an unbounded relaxation: the MILP is unbounded if it has a feasible point
                    // (Meyer 1974, for rational data), which GLPK did not look for
                    yield result(SolveStatus.INFEASIBLE_OR_UNBOUNDED, "GLPK found the LP relaxation unbounded",
                            null, Double.NaN, null);
                }
                yield error("glpsol ended without a MIP solution or a reason; glpsol said: " + log.last());
            }
        };
    }

    /**
     * An LP, solved without glpsol's presolver, so that the primal and dual statuses are set
     * whatever the outcome (the presolver leaves them undefined unless the LP is solved).
     */
    private SolveResult lp(GlpkSolution s, GlpsolLog log) {
        char primal = s.status();
        char dual = s.dual();
        if (primal == 'f' && dual == 'f') {
            return optimal(s, lpDuals(s));
        }
        if (primal == 'n') {
            return result(SolveStatus.INFEASIBLE, "", null, Double.NaN, null);
        }
        if (dual == 'n') {
            // dual infeasible: unbounded when a feasible point is known, else infeasible or unbounded
            return primal == 'f' ? result(SolveStatus.UNBOUNDED, "", null, Double.NaN, null)
                    : result(SolveStatus.INFEASIBLE_OR_UNBOUNDED, "GLPK found the LP dual infeasible", null,
                            Double.NaN, null);
        }
        if (log.timeLimit()) {
            return stopped(log, primal == 'f' ? s.columns() : null, Double.NaN);
        }
        return error("glpsol ended with LP statuses primal '" + primal + "', dual '" + dual + "'; glpsol said: "
                + log.last());
    }

    private SolveResult optimal(GlpkSolution s, double[] duals) {
        MilpModel.Violation violation = model.worstRelativeViolation(s.columns());
        if (violation.amount() > TOLERANCE) {
            return error("glpsol reported an optimum, but its point violates " + violation.where() + " by "
                    + violation.amount() + " (not reported)");
        }
        return result(SolveStatus.OPTIMAL, "", s.columns(), Double.NaN, duals);
    }

    /** A time limit, a gap, or another stop: the point only if it passes the check. */
    private SolveResult stopped(GlpsolLog log, double[] point, double bound) {
        Limit limit = log.timeLimit() ? Limit.TIME : Limit.OTHER;
        String why = log.timeLimit() ? "time limit of " + deadline.map(Deadline::describe).orElse("?") + " reached"
                : log.gapReached() ? "relative gap tolerance reached" : "GLPK stopped before proving optimality";
        MilpModel.Violation violation = point == null ? null : model.worstRelativeViolation(point);
        if (violation != null && violation.amount() > TOLERANCE) {
            why += "; glpsol's point violates " + violation.where() + " by " + violation.amount() + " and is not reported";
            point = null;
        } else {
            why += point == null ? "; no solution found" : "; best solution found returned";
        }
        return SolveResult.stopped(GlpkSolver.NAME, limit, log.last(), why,
                point == null ? Double.NaN : model.objectiveValue(point), bound, point, -1);
    }

    /** The MIP bound from glpsol's last progress line, in the model's terms (with its constant), NaN if none. */
    private double mipBound(GlpsolLog log) {
        double b = log.bound();
        if (Double.isNaN(b)) {
            return b;
        }
        double widen = PRINTED_PRECISION * Math.abs(b);
        return b + model.objectiveOffset() + (model.sense() == Sense.MINIMIZE ? -widen : widen);
    }

    /** One dual per model row; a free row, which glpsol dropped, has dual 0. */
    private double[] lpDuals(GlpkSolution s) {
        double[] duals = new double[model.rowCount()];
        int k = 0;
        for (int i = 0; i < duals.length; i++) {
            if (kept(model.row(i))) {
                duals[i] = s.rowDuals()[k++];
            }
        }
        return duals;
    }

    private double[] checkedOrNull(GlpkSolution s) {
        boolean fits = s.columns().length == model.variableCount() && s.status() != 'u' && s.status() != 'n';
        return fits && model.maxRelativeViolation(s.columns()) <= TOLERANCE ? s.columns() : null;
    }

    /** glpsol drops free rows (no finite side) when it reads an MPS file. */
    private static boolean kept(Row r) {
        return r.lower() != Double.NEGATIVE_INFINITY || r.upper() != Double.POSITIVE_INFINITY;
    }

    /**
     * The objective is recomputed from the point, with the model's constant. An OPTIMAL result's
     * bound is its objective: an LP optimum, or a MIP whose search tree is empty. GLPK's node
     * count is not reported (-1).
     */
    private SolveResult result(SolveStatus status, String message, double[] x, double bound, double[] duals) {
        double objective = x == null ? Double.NaN : model.objectiveValue(x);
        return SolveResult.ended(GlpkSolver.NAME, status, "glpsol: " + status.name().toLowerCase(java.util.Locale.ROOT),
                message, objective, status == SolveStatus.OPTIMAL ? objective : bound, x, duals, -1);
    }

    private static SolveResult error(String message) {
        return SolveResult.error(GlpkSolver.NAME, message, Duration.ZERO);
    }
}
