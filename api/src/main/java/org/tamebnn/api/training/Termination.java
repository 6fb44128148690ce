package org.tamebnn.api.training;

import java.util.Objects;

import org.tamebnn.api.milp.SolveStatus;

/**
 * How a training run ended, in one vocabulary for every trainer. It never overstates: only a proof
 * is {@link Reason#OPTIMAL}; a run stopped by a limit says which limit, and whether it has a
 * network is the outcome's {@code network()}.
 *
 * @param reason what the run came to
 * @param limit  what stopped it when it ended without a proof ({@link Limit#NONE} otherwise, or when
 *               a heuristic or gradient trainer simply finished its own schedule)
 * @param detail why, in words (the solver's or trainer's message; empty when there is nothing to add)
 */
public record Termination(Reason reason, Limit limit, String detail) {

    /** What a run came to. */
    public enum Reason {
        /** Proven optimal: the loss equals a proven lower bound (within tolerances). */
        OPTIMAL,
        /**
         * The solver called its network optimal without a bound that confirms it (ojAlgo): a network,
         * optimality claimed, not proven.
         *
         * @since 2.0
         */
        OPTIMAL_UNCONFIRMED,
        /** A network without a proof of optimality: stopped at {@link #limit()}, or a heuristic's answer. */
        FEASIBLE,
        /** Stopped at {@link #limit()} before finding any network. */
        NO_SOLUTION,
        /** Proven that no network satisfies the model (e.g. a sparsity budget too tight). */
        INFEASIBLE,
        /** Cancelled by the caller (Ctrl-C, a cancellation token); a network found before is kept. */
        CANCELLED,
        /** Failed; {@link #detail()} says why. */
        ERROR
    }

    /** What stopped a run that ended without a proof. */
    public enum Limit {
        NONE, TIME, NODES, ITERATIONS, GAP, OTHER,
        /** @since 2.0 */
        SOLUTIONS
    }

    public Termination {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(detail, "detail");
    }

    public static Termination optimal() {
        return new Termination(Reason.OPTIMAL, Limit.NONE, "");
    }

    /** A network without a proof, from a trainer that finished its own schedule (a heuristic, gradient descent). */
    public static Termination finished() {
        return new Termination(Reason.FEASIBLE, Limit.NONE, "");
    }

    /** Cancelled by the caller; {@code detail} says what was kept (a network found before, or none). */
    public static Termination cancelled(String detail) {
        return new Termination(Reason.CANCELLED, Limit.NONE, detail);
    }

    public static Termination error(String why) {
        return new Termination(Reason.ERROR, Limit.NONE, why);
    }

    /**
     * A MILP solve's ending in this vocabulary.
     *
     * @param status      why the solve ended
     * @param limit       what stopped it (for {@link SolveStatus#FEASIBLE} and {@link SolveStatus#NO_SOLUTION_FOUND})
     * @param hasSolution whether the solve left a network
     */
    public static Termination of(SolveStatus status, org.tamebnn.api.milp.Limit limit, boolean hasSolution,
            String detail) {
        return switch (status) {
            case OPTIMAL -> new Termination(Reason.OPTIMAL, Limit.NONE, detail);
            case OPTIMAL_UNCONFIRMED -> new Termination(Reason.OPTIMAL_UNCONFIRMED, Limit.NONE, detail);
            case FEASIBLE, NO_SOLUTION_FOUND -> limit == org.tamebnn.api.milp.Limit.INTERRUPTED
                    ? new Termination(Reason.CANCELLED, Limit.NONE, detail)
                    : new Termination(hasSolution ? Reason.FEASIBLE : Reason.NO_SOLUTION, switch (limit) {
                        case TIME -> Limit.TIME;
                        case NODES -> Limit.NODES;
                        case SOLUTIONS -> Limit.SOLUTIONS;
                        case ITERATIONS -> Limit.ITERATIONS;
                        case NONE, OTHER, INTERRUPTED -> Limit.OTHER;
                    }, detail);
            case INFEASIBLE, INFEASIBLE_OR_UNBOUNDED -> new Termination(Reason.INFEASIBLE, Limit.NONE, detail);
            // a training loss is never negative: an unbounded training MILP is a solver's error
            case UNBOUNDED -> new Termination(Reason.ERROR, Limit.NONE, detail.isEmpty() ? "the solver called the"
                    + " training MILP unbounded, which a non-negative loss cannot be" : detail);
            case ERROR -> new Termination(Reason.ERROR, Limit.NONE, detail);
        };
    }

    /** True for a proof (optimal or infeasible). */
    public boolean isProven() {
        return reason == Reason.OPTIMAL || reason == Reason.INFEASIBLE;
    }

    /**
     * The status word tables print and stores keep: the reason, or the limit that stopped the run
     * ({@code TIME_LIMIT}, {@code NODE_LIMIT}, {@code ITERATION_LIMIT}, {@code GAP_LIMIT}).
     */
    public String label() {
        if (reason != Reason.FEASIBLE && reason != Reason.NO_SOLUTION) {
            return reason.name();
        }
        return switch (limit) {
            case TIME -> "TIME_LIMIT";
            case NODES -> "NODE_LIMIT";
            case ITERATIONS -> "ITERATION_LIMIT";
            case GAP -> "GAP_LIMIT";
            case SOLUTIONS -> "SOLUTION_LIMIT";
            case NONE, OTHER -> reason.name();
        };
    }
}
