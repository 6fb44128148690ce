package org.tamebnn.api.milp;

/**
 * What stopped a solve that ended without a proof ({@link SolveStatus#FEASIBLE} or
 * {@link SolveStatus#NO_SOLUTION_FOUND}); {@link #NONE} for every other status.
 *
 * @since 2.0
 */
public enum Limit {
    /** Nothing stopped it: the solve ended with a proof, an unconfirmed optimum, or an error. */
    NONE,
    /** {@link SolveParams#timeLimit()}. */
    TIME,
    /** {@link SolveParams#nodeLimit()}. */
    NODES,
    /** {@link SolveParams#solutionLimit()}. */
    SOLUTIONS,
    /** {@link SolveParams#iterationLimit()}. */
    ITERATIONS,
    /** Cancelled through its {@link CancellationToken} (the caller, or its solver bundle stopping). */
    INTERRUPTED,
    /** A limit of the backend's own (a raw option, memory, stalling); the raw status says which. */
    OTHER
}
