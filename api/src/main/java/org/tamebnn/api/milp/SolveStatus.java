package org.tamebnn.api.milp;

/** How a solve ended. Statuses never overstate: a solver stopped by a limit says so. */
public enum SolveStatus {
    /** Proven optimal (within the backend's optimality tolerances). */
    OPTIMAL,
    /** A feasible solution, optimality not proven, stopped for a reason other than a time limit (gap reached, node limit). */
    FEASIBLE,
    /** Proven infeasible. */
    INFEASIBLE,
    /** Proven unbounded (or a feasible model whose relaxation is unbounded). */
    UNBOUNDED,
    /** Infeasible or unbounded; the backend did not tell which. */
    INFEASIBLE_OR_UNBOUNDED,
    /** The time limit stopped the solve; the result holds the incumbent if one was found. */
    TIME_LIMIT,
    /** Cancelled through its {@link CancellationToken}; the result holds the incumbent if known. */
    CANCELLED,
    /** The solver failed; the result's message says why. */
    ERROR;

    /** True when the solve ended with a proof (optimal, infeasible or unbounded). */
    public boolean isProven() {
        return this == OPTIMAL || this == INFEASIBLE || this == UNBOUNDED || this == INFEASIBLE_OR_UNBOUNDED;
    }
}
