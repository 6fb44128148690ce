package org.tamebnn.solver.ortools;

import java.time.Duration;

import com.google.ortools.linearsolver.MPSolverResponseStatus;

/**
 * What one MPSolver run produced, copied out of native memory before the solver is deleted.
 * Unknown numbers are NaN (nodes: -1); arrays are null when there is nothing to report.
 *
 * @param status            the backend's status, including those the Java enum lacks (99, 85)
 * @param objective         objective of the returned point, offset included
 * @param bound             dual bound, only where the backend gives a meaningful one
 * @param values            the point, when the status says there is one
 * @param duals             LP row duals (optimal LPs on backends with LP duals)
 * @param timeLimitReached  the time limit had passed when the backend returned
 * @param cancelled         the solve's token was cancelled when the backend returned
 * @param modelTime         translating the model into OR-Tools' form (variables, rows, parameters, hint)
 */
record Outcome(MPSolverResponseStatus status, double objective, double bound, double[] values, double[] duals,
        long nodes, boolean timeLimitReached, boolean cancelled, Duration modelTime) {

    boolean hasPoint() {
        return values != null;
    }

    boolean is(MPSolverResponseStatus s) {
        return status == s;
    }
}
