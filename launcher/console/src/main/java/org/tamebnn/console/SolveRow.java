package org.tamebnn.console;

import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.SolveResult;

/**
 * One row of a solve table: the solver's result, or why it was not run, plus an independent check
 * of the returned solution against the model (a solver's claim is not taken on trust).
 */
record SolveRow(String solver, SolveResult result, String note) {
    /** Largest violation tolerated before the row flags the solution. */
    static final double FEASIBILITY_TOLERANCE = 1e-5;

    static SolveRow skipped(String solver, String why) {
        return new SolveRow(solver, null, why);
    }

    static SolveRow of(MilpModel model, SolveResult r) {
        String note = r.message();
        if (r.hasSolution()) {
            double violation = model.maxViolation(r.values());
            if (violation > FEASIBILITY_TOLERANCE) {
                note = "solution violates the model by " + Format.number(violation)
                        + (note.isEmpty() ? "" : "; " + note);
            }
        }
        return new SolveRow(r.solver(), r, note);
    }
}
