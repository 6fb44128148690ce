package org.tamebnn.api.milp;

/**
 * Why a solve ended: what it came to, apart from the {@link Limit} that stopped it (as OR-Tools
 * MathOpt's {@code TerminationReason} beside its {@code Limit}). Statuses never overstate: only an
 * optimum a bound confirms, or the backend's own proof, is {@link #OPTIMAL}; a solve a limit stopped
 * is {@link #FEASIBLE} or {@link #NO_SOLUTION_FOUND} and its result names the limit.
 */
public enum SolveStatus {
    /**
     * Proven optimal within the backend's tolerances (and the requested relative gap): the proven
     * bound confirms the incumbent, or, for an LP, the backend's own optimality proof.
     */
    OPTIMAL,
    /**
     * The backend calls its solution optimal but offers no bound that confirms it (ojAlgo's
     * branch and bound, for one). A feasible solution, optimality claimed, not proven.
     */
    OPTIMAL_UNCONFIRMED,
    /** Stopped by a limit ({@link SolveResult#limit()}) with a feasible solution, optimality not proven. */
    FEASIBLE,
    /** Stopped by a limit ({@link SolveResult#limit()}) before any feasible solution was found. */
    NO_SOLUTION_FOUND,
    /** Proven infeasible. */
    INFEASIBLE,
    /** Proven unbounded (or a feasible model whose relaxation is unbounded). */
    UNBOUNDED,
    /** Infeasible or unbounded; the backend did not tell which. */
    INFEASIBLE_OR_UNBOUNDED,
    /** The solver failed; the result's message says why. */
    ERROR;

    /** True when the solve ended with a proof (optimal, infeasible or unbounded). */
    public boolean isProven() {
        return this == OPTIMAL || this == INFEASIBLE || this == UNBOUNDED || this == INFEASIBLE_OR_UNBOUNDED;
    }

    /** True when the backend calls its solution optimal, confirmed or not. */
    public boolean claimsOptimum() {
        return this == OPTIMAL || this == OPTIMAL_UNCONFIRMED;
    }

    /** True for the two statuses a limit stopped ({@link #FEASIBLE}, {@link #NO_SOLUTION_FOUND}). */
    public boolean isStopped() {
        return this == FEASIBLE || this == NO_SOLUTION_FOUND;
    }
}
