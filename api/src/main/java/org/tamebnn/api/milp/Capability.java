package org.tamebnn.api.milp;

/**
 * What a backend can do. Callers ask before relying on a feature; a backend never silently
 * ignores a request it cannot honour (see {@link SolverInfo#supports}).
 */
public enum Capability {
    /** Accepts integer variables (a MILP solver); without it only LPs. */
    INTEGER_VARIABLES,
    /** Returns row duals of an LP. */
    LP_DUALS,
    /** Honours {@link SolveParams#timeLimit()}. */
    TIME_LIMIT,
    /** Honours {@link SolveParams#threads()}. */
    THREADS,
    /** Honours {@link SolveParams#relativeGap()}. */
    RELATIVE_GAP,
    /** Honours {@link SolveParams#seed()}. */
    RANDOM_SEED,
    /** Reports a proven bound on the optimum of a MILP (else it is unknown, NaN). */
    BEST_BOUND,
    /** Accepts a starting solution for a MILP. */
    MIP_START,
    /** Calls {@link SolveListener} with incumbent and bound while solving. */
    PROGRESS,
    /** Stops promptly when its {@link CancellationToken} is cancelled. */
    CANCELLATION
}
