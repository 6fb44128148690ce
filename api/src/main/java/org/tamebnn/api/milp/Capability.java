package org.tamebnn.api.milp;

/**
 * What a backend can do. Callers ask ({@link SolverInfo#supports}) before relying on a feature:
 * a backend ignores a parameter it has no capability for, and its declared capabilities are how it
 * says so; nothing it lacks is ever claimed.
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
    CANCELLATION,
    /** Honours {@link SolveParams#nodeLimit()}. @since 2.0 */
    NODE_LIMIT,
    /** Honours {@link SolveParams#solutionLimit()}. @since 2.0 */
    SOLUTION_LIMIT,
    /** Honours {@link SolveParams#iterationLimit()}. @since 2.0 */
    ITERATION_LIMIT,
    /** Takes {@link SolveParams#options()}, the backend's own settings by name, and checks them. @since 2.0 */
    RAW_OPTIONS
}
