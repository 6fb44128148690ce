package org.tamebnn.solver.lpsolve;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.tamebnn.api.milp.Deadline;
import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;

/**
 * Turns what lp_solve said into a {@link SolveResult} that does not overstate: every point is
 * checked against the model before it is reported, a limit or a cancellation is named, and an
 * "unbounded" is re-checked with a feasibility solve.
 */
final class OutcomeMapper {
    private final MilpModel model;
    private final Optional<Deadline> deadline;
    private final Supplier<Outcome> feasibilitySolve;

    /**
     * @param feasibilitySolve runs the model with a zero objective, within what is left of the
     *                         time limit
     */
    OutcomeMapper(MilpModel model, Optional<Deadline> deadline, Supplier<Outcome> feasibilitySolve) {
        this.model = model;
        this.deadline = deadline;
        this.feasibilitySolve = feasibilitySolve;
    }

    /** The result, with the first run's model translation time (a feasibility solve's is not counted). */
    SolveResult map(Outcome o) {
        return mapStatus(o).withModelTime(o.modelTime());
    }

    private SolveResult mapStatus(Outcome o) {
        SolveCode code = SolveCode.of(o.code());
        if (code == SolveCode.OPTIMAL || code == SolveCode.PRESOLVED) {
            return optimal(o);
        }
        // A search cut short proves nothing, whatever lp_solve calls it then: only the clock or the
        // token is certain.
        if (o.cancelled() || o.timeLimitReached() || code == SolveCode.SUBOPTIMAL) {
            return stopped(o, code);
        }
        if (code == SolveCode.INFEASIBLE) {
            return result(SolveStatus.INFEASIBLE, "", o, null);
        }
        if (code == SolveCode.UNBOUNDED) {
            return unbounded(o);
        }
        return SolveResult.error(LpSolveSolver.NAME, "lp_solve ended with " + SolveCode.describe(o.code())
                + " on model '" + model.name() + "'", Duration.ZERO);
    }

    private SolveResult optimal(Outcome o) {
        if (!o.hasPoint()) {
            return SolveResult.error(LpSolveSolver.NAME, "lp_solve reported OPTIMAL on model '" + model.name()
                    + "' but gave no solution", Duration.ZERO);
        }
        String violation = PointCheck.violation(model, o.values());
        if (violation != null) {
            return SolveResult.error(LpSolveSolver.NAME, "lp_solve reported OPTIMAL on model '" + model.name()
                    + "', but its point " + violation + " (not reported: a numerical failure)", Duration.ZERO);
        }
        // lp_solve's branch and bound has called suboptimal points optimal (LpSolveSettings), and it
        // reports no bound that would confirm a MILP optimum: its MILP optimum is a claim.
        if (model.hasIntegers()) {
            return result(SolveStatus.OPTIMAL_UNCONFIRMED, "lp_solve's claim: it reports no bound to confirm it", o,
                    o.values());
        }
        return result(SolveStatus.OPTIMAL, "", o, o.values());
    }

    /** Time limit, cancellation, or a B&B limit: the point, if any, only after it passes the check. */
    private SolveResult stopped(Outcome o, SolveCode code) {
        Limit limit;
        String why;
        if (o.cancelled()) {
            limit = Limit.INTERRUPTED;
            why = "cancelled";
        } else if (o.timeLimitReached()) {
            limit = Limit.TIME;
            why = "time limit of " + deadline.map(Deadline::describe).orElse("?") + " reached";
        } else {
            limit = Limit.OTHER;
            why = "lp_solve stopped before proving optimality";
        }
        why += " (lp_solve: " + SolveCode.describe(o.code()) + ")";
        double[] point = o.hasPoint() ? o.values() : null;
        String violation = point == null ? null : PointCheck.violation(model, point);
        if (point != null && violation == null) {
            return stopped(limit, why + "; best solution found returned", o, point);
        }
        if (point != null && code == SolveCode.SUBOPTIMAL) {
            // lp_solve claimed a feasible solution: that it is not one is worth saying
            return stopped(limit, why + "; its point " + violation + " and is not reported", o, null);
        }
        // at a timeout or abort before any incumbent, lp_solve's "solution" is a relaxation's
        return stopped(limit, why + "; no solution found", o, null);
    }

    private SolveResult stopped(Limit limit, String message, Outcome o, double[] point) {
        return SolveResult.stopped(LpSolveSolver.NAME, limit, SolveCode.describe(o.code()), message,
                point == null ? Double.NaN : model.objectiveValue(point), Double.NaN, point, o.nodes());
    }

    /**
     * With a zero objective nothing is unbounded, so a feasibility solve decides: a feasible point
     * proves the model unbounded (for a MILP, its relaxation being unbounded, by Meyer's theorem
     * for rational data); infeasibility proves it infeasible.
     */
    private SolveResult unbounded(Outcome first) {
        if (deadline.map(Deadline::expired).orElse(false)) {
            return result(SolveStatus.INFEASIBLE_OR_UNBOUNDED,
                    "lp_solve reported unbounded; no time was left to check that the model is feasible", first, null);
        }
        Outcome check = feasibilitySolve.get();
        SolveCode c = SolveCode.of(check.code());
        boolean feasible = (c == SolveCode.OPTIMAL || c == SolveCode.SUBOPTIMAL || c == SolveCode.PRESOLVED)
                && check.hasPoint() && PointCheck.violation(model, check.values()) == null;
        if (feasible) {
            return result(SolveStatus.UNBOUNDED, "", first, null);
        }
        if (c == SolveCode.INFEASIBLE && !check.timeLimitReached() && !check.cancelled()) {
            return result(SolveStatus.INFEASIBLE, "lp_solve reported unbounded, but the model has no feasible point",
                    first, null);
        }
        return result(SolveStatus.INFEASIBLE_OR_UNBOUNDED, "lp_solve reported unbounded; a zero-objective solve "
                + "to check feasibility ended with " + SolveCode.describe(check.code()), first, null);
    }

    private SolveResult result(SolveStatus status, String message, Outcome o, double[] point) {
        double objective = point == null ? Double.NaN : model.objectiveValue(point);
        // an LP optimum is its own bound; lp_solve reports none for a MILP, so it stays unknown
        double bound = status == SolveStatus.OPTIMAL && !model.hasIntegers() ? objective : Double.NaN;
        double[] duals = status == SolveStatus.OPTIMAL ? o.rowDuals() : null;
        return SolveResult.ended(LpSolveSolver.NAME, status, SolveCode.describe(o.code()), message, objective, bound,
                point, duals, o.nodes());
    }
}
