package org.tamebnn.solver.gurobi;

import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;

import com.gurobi.gurobi.GRB;

/**
 * What one of Gurobi's status codes ({@code GRB.Status}) means here: a reason of its own
 * ({@code reason}, with {@link Limit#NONE}), or the limit that stopped the solve ({@code reason}
 * null). {@code failure} is set for the stops that are a failure when they leave no point
 * (SUBOPTIMAL, NUMERIC, and codes a finished solve should never have); it is the message then.
 *
 * @param rawStatus Gurobi's name of the code ({@code TIME_LIMIT}, {@code INF_OR_UNBD}, ...)
 * @param reason    why it ended, or null when a limit stopped it
 * @param limit     the limit that stopped it, {@link Limit#NONE} when it ended for a reason
 * @param message   what the result says about it (empty for the ordinary outcomes)
 * @param failure   true when the stop is an ERROR unless Gurobi kept a point
 */
record GurobiStatus(String rawStatus, SolveStatus reason, Limit limit, String message, boolean failure) {

    /**
     * The meaning of a Gurobi status code: the one place where Gurobi's statuses become
     * tamebnn's. Pure, so that it is tested without a licence.
     */
    static GurobiStatus of(int code) {
        return switch (code) {
            case GRB.Status.OPTIMAL -> ended("OPTIMAL", SolveStatus.OPTIMAL);
            case GRB.Status.INFEASIBLE -> ended("INFEASIBLE", SolveStatus.INFEASIBLE);
            case GRB.Status.INF_OR_UNBD -> ended("INF_OR_UNBD", SolveStatus.INFEASIBLE_OR_UNBOUNDED);
            case GRB.Status.UNBOUNDED -> ended("UNBOUNDED", SolveStatus.UNBOUNDED);
            case GRB.Status.TIME_LIMIT -> stopped("TIME_LIMIT", Limit.TIME, "");
            case GRB.Status.NODE_LIMIT -> stopped("NODE_LIMIT", Limit.NODES, "");
            case GRB.Status.SOLUTION_LIMIT -> stopped("SOLUTION_LIMIT", Limit.SOLUTIONS, "");
            case GRB.Status.ITERATION_LIMIT -> stopped("ITERATION_LIMIT", Limit.ITERATIONS, "");
            case GRB.Status.INTERRUPTED -> stopped("INTERRUPTED", Limit.INTERRUPTED, "");
            // limits of Gurobi's own, set through raw options: a stop, with or without a point
            case GRB.Status.USER_OBJ_LIMIT -> stopped("USER_OBJ_LIMIT", Limit.OTHER,
                    "Gurobi reached its objective limit (BestObjStop or BestBdStop)");
            case GRB.Status.WORK_LIMIT -> stopped("WORK_LIMIT", Limit.OTHER,
                    "Gurobi reached its work limit (WorkLimit)");
            case GRB.Status.MEM_LIMIT -> stopped("MEM_LIMIT", Limit.OTHER,
                    "Gurobi reached its memory limit (MemLimit)");
            case GRB.Status.CUTOFF -> stopped("CUTOFF", Limit.OTHER,
                    "Gurobi proved the optimum worse than its Cutoff parameter");
            // trouble: a stop when Gurobi kept a point, an error otherwise
            case GRB.Status.SUBOPTIMAL -> failed("SUBOPTIMAL", "Gurobi could not reach its optimality tolerances");
            case GRB.Status.NUMERIC -> failed("NUMERIC", "Gurobi stopped on numerical difficulties");
            case GRB.Status.LOADED -> failed("LOADED", "Gurobi returned without solving");
            case GRB.Status.INPROGRESS -> failed("INPROGRESS", "Gurobi returned while still solving");
            default -> failed("STATUS_" + code, "Gurobi ended with a status this adapter does not know");
        };
    }

    private static GurobiStatus ended(String raw, SolveStatus reason) {
        return new GurobiStatus(raw, reason, Limit.NONE, "", false);
    }

    private static GurobiStatus stopped(String raw, Limit limit, String message) {
        return new GurobiStatus(raw, null, limit, message, false);
    }

    private static GurobiStatus failed(String raw, String message) {
        return new GurobiStatus(raw, null, Limit.OTHER, message + " (" + raw + ")", true);
    }

    /**
     * The result of a solve that ended with this status.
     *
     * @param objective Gurobi's ObjVal, NaN without a point
     * @param bound     the proven bound (ObjBound), NaN when unknown
     * @param values    the point, one value per variable, or null when Gurobi kept none
     * @param rowDuals  the LP row duals, or null
     * @param nodes     branch-and-bound nodes explored
     */
    SolveResult result(double objective, double bound, double[] values, double[] rowDuals, long nodes) {
        if (reason == SolveStatus.OPTIMAL) {
            if (values == null) {
                return SolveResult.ended(GurobiSolver.NAME, SolveStatus.ERROR, rawStatus,
                        "Gurobi reported OPTIMAL without a solution", Double.NaN, Double.NaN, null, null, nodes);
            }
            return SolveResult.ended(GurobiSolver.NAME, reason, rawStatus, message, objective, bound, values, rowDuals,
                    nodes);
        }
        if (reason != null) {
            return SolveResult.ended(GurobiSolver.NAME, reason, rawStatus, message, Double.NaN, Double.NaN, null, null,
                    nodes);
        }
        if (failure && values == null) {
            return SolveResult.ended(GurobiSolver.NAME, SolveStatus.ERROR, rawStatus, message, Double.NaN, Double.NaN,
                    null, null, nodes);
        }
        return SolveResult.stopped(GurobiSolver.NAME, limit, rawStatus, message, objective, bound, values, nodes);
    }
}
