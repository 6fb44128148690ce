package org.tamebnn.solver.lpsolve;

import java.time.Duration;

/**
 * What one lp_solve run produced, copied out of native memory before the model is deleted.
 *
 * @param code             {@code solve()}'s return value, or {@code TIMEOUT} when the time was
 *                         gone before lp_solve started
 * @param values           {@code get_variables}' point, when lp_solve gave one (unchecked)
 * @param rowDuals         row duals in the kit's convention (LPs solved to optimality only)
 * @param nodes            branch-and-bound nodes, -1 for an LP
 * @param timeLimitReached the time limit had passed when lp_solve returned
 * @param cancelled        the solve's token was cancelled when lp_solve returned
 * @param modelTime        time spent translating the model and setting lp_solve's parameters
 */
record Outcome(int code, double[] values, double[] rowDuals, long nodes, boolean timeLimitReached,
        boolean cancelled, Duration modelTime) {

    boolean is(SolveCode c) {
        return SolveCode.of(code) == c;
    }

    boolean hasPoint() {
        return values != null;
    }
}
