package org.tamebnn.solver.ortools;

import static com.google.ortools.linearsolver.MPSolverResponseStatus.MPSOLVER_FEASIBLE;
import static com.google.ortools.linearsolver.MPSolverResponseStatus.MPSOLVER_INFEASIBLE;
import static com.google.ortools.linearsolver.MPSolverResponseStatus.MPSOLVER_MODEL_INVALID;
import static com.google.ortools.linearsolver.MPSolverResponseStatus.MPSOLVER_NOT_SOLVED;
import static com.google.ortools.linearsolver.MPSolverResponseStatus.MPSOLVER_OPTIMAL;
import static com.google.ortools.linearsolver.MPSolverResponseStatus.MPSOLVER_UNKNOWN_STATUS;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

import org.tamebnn.api.milp.Deadline;
import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;

/**
 * Turns what a backend said into a {@link SolveResult} that does not overstate: a limit or a
 * cancellation is named, an "infeasible" that may mean "unbounded" is re-checked, and a point nobody
 * proved is checked against the model. (An optimum a bound does not confirm is typed unconfirmed by
 * {@code AbstractMilpSolver}, for every backend alike.)
 */
final class ResultMapper {
    /** OR-Tools' default relative MIP gap (also HiGHS'). */
    static final double OPTIMALITY_GAP = 1e-4;

    private final Backend backend;
    private final MilpModel model;
    private final Optional<Deadline> deadline;
    private final OptionalDouble gapLimit;
    private final Supplier<Outcome> feasibilitySolve;

    /**
     * @param gapLimit         the relative gap the backend was asked to stop at, if any
     * @param feasibilitySolve runs the model with a zero objective on the same backend, within
     *                         what is left of the time limit
     */
    ResultMapper(Backend backend, MilpModel model, Optional<Deadline> deadline, OptionalDouble gapLimit,
            Supplier<Outcome> feasibilitySolve) {
        this.backend = backend;
        this.model = model;
        this.deadline = deadline;
        this.gapLimit = gapLimit;
        this.feasibilitySolve = feasibilitySolve;
    }

    SolveResult map(Outcome o) {
        return mapStatus(o).withModelTime(o.modelTime());
    }

    private SolveResult mapStatus(Outcome o) {
        return switch (o.status()) {
            case MPSOLVER_OPTIMAL -> optimal(o);
            case MPSOLVER_UNBOUNDED -> result(SolveStatus.UNBOUNDED, "", o, false);
            case MPSOLVER_INFEASIBLE -> backend.conflatesInfeasibleAndUnbounded()
                    ? infeasibleOrUnbounded(o, "reported infeasible")
                    : result(SolveStatus.INFEASIBLE, "", o, false);
            default -> stopped(o);
        };
    }

    private SolveResult optimal(Outcome o) {
        if (backend == Backend.HIGHS && model.hasIntegers() && gapLimit.orElse(0) > OPTIMALITY_GAP) {
            // HiGHS says OPTIMAL when it reaches mip_rel_gap and OR-Tools hands back the objective
            // as the bound, so the gap actually reached is unknown: no bound is reported, and the
            // optimum stays unconfirmed
            Outcome unproven = new Outcome(o.status(), o.objective(), Double.NaN, o.values(), o.duals(), o.nodes(),
                    o.timeLimitReached(), o.cancelled(), o.modelTime());
            return result(SolveStatus.OPTIMAL, "HiGHS stopped within the relative gap limit "
                    + gapLimit.getAsDouble() + "; the gap reached and the bound are not reported", unproven, true);
        }
        // whether the bound confirms the optimum (within the gap asked for) is decided for every
        // backend alike by AbstractMilpSolver
        return result(SolveStatus.OPTIMAL, "", o, true);
    }

    /** Everything that is not a proof: limits, cancellation, backend failures. */
    private SolveResult stopped(Outcome o) {
        if (o.cancelled()) {
            return withCheckedPoint(Limit.INTERRUPTED, "cancelled", o);
        }
        if (o.timeLimitReached()) {
            String why = "time limit of " + deadline.map(Deadline::describe).orElse("?") + " reached";
            if (backend == Backend.HIGHS && !o.hasPoint()) {
                why += " (HiGHS through OR-Tools returns no solution at a limit)";
            }
            return withCheckedPoint(Limit.TIME, why, o);
        }
        if (o.is(MPSOLVER_FEASIBLE)) {
            return withCheckedPoint(Limit.OTHER,
                    backend.displayName() + " stopped with a feasible solution before proving optimality", o);
        }
        if (backend == Backend.CP_SAT && o.is(MPSOLVER_UNKNOWN_STATUS)) {
            return infeasibleOrUnbounded(o, "ended with an unknown status (its presolve's 'infeasible or unbounded')");
        }
        return SolveResult.error(name(), error(o), Duration.ZERO);
    }

    private String error(Outcome o) {
        if (backend == Backend.CP_SAT && o.is(MPSOLVER_MODEL_INVALID)) {
            // Said briefly, since tables show it: rounding those variables would make CP-SAT's optimum wrong.
            return "CP-SAT needs integer models: continuous variables it cannot scale exactly (use SCIP, HiGHS"
                    + " or CBC)";
        }
        if (backend == Backend.PDLP && o.is(MPSOLVER_NOT_SOLVED)) {
            return "PDLP stopped without an answer on model '" + model.name() + "': OR-Tools reports PDLP's"
                    + " 'unbounded' (dual infeasible), iteration limit and numerical failure all as NOT_SOLVED,"
                    + " so which of these happened is unknown";
        }
        return backend.displayName() + " ended with status " + o.status() + " on model '" + model.name() + "'";
    }

    /**
     * The backend said "infeasible" or "unknown" where that may mean "infeasible or unbounded".
     * With a zero objective nothing is unbounded, so a feasibility solve decides: a feasible
     * point proves the model unbounded, infeasibility proves it infeasible.
     */
    private SolveResult infeasibleOrUnbounded(Outcome first, String what) {
        String said = backend.displayName() + " " + what;
        if (first.cancelled() || deadline.map(Deadline::expired).orElse(false)) {
            return result(SolveStatus.INFEASIBLE_OR_UNBOUNDED, said + "; no time was left to tell which", first, false);
        }
        Outcome check = feasibilitySolve.get();
        if (check.is(MPSOLVER_OPTIMAL) || check.is(MPSOLVER_FEASIBLE)) {
            return result(SolveStatus.UNBOUNDED, said + ", and the model has a feasible point: unbounded", first,
                    false);
        }
        if (check.is(MPSOLVER_INFEASIBLE)) {
            return result(SolveStatus.INFEASIBLE, "", first, false);
        }
        return result(SolveStatus.INFEASIBLE_OR_UNBOUNDED, said + "; a zero-objective solve to tell which ended "
                + (check.timeLimitReached() ? "at the time limit" : "with " + check.status()), first, false);
    }

    /** A stopped result carrying the backend's point only if the point satisfies the model. */
    private SolveResult withCheckedPoint(Limit limit, String message, Outcome o) {
        boolean keep = o.hasPoint();
        String why = message + "; best solution found returned";
        if (!o.hasPoint()) {
            why = message + "; no solution found";
        } else if (model.maxRelativeViolation(o.values()) > PointCheck.TOLERANCE) {
            keep = false;
            why = message + "; the point " + backend.displayName() + " returned violates the model (relative"
                    + " violation " + model.maxRelativeViolation(o.values()) + ") and is not reported";
        }
        return SolveResult.stopped(name(), limit, String.valueOf(o.status()), why, o.objective(),
                keep ? o.bound() : Double.NaN, keep ? o.values() : null, o.nodes());
    }

    private SolveResult result(SolveStatus status, String message, Outcome o, boolean withPoint) {
        return SolveResult.ended(name(), status, String.valueOf(o.status()), message,
                withPoint ? o.objective() : Double.NaN, withPoint ? o.bound() : Double.NaN,
                withPoint ? o.values() : null, withPoint ? o.duals() : null, o.nodes());
    }

    private String name() {
        return backend.solverName();
    }
}
