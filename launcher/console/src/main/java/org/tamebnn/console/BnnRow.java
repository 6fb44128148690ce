package org.tamebnn.console;

import org.tamebnn.bnn.Evaluation;
import org.tamebnn.bnn.TrainingResult;
import org.tamebnn.data.PreparedData;

/**
 * One solver's training run, evaluated: the result plus train and test metrics when there is a
 * network. The consistency guard's verdict travels with it, so a solver's wrong claim shows.
 */
record BnnRow(String solver, TrainingResult result, Evaluation train, Evaluation test) {

    static BnnRow of(String solver, TrainingResult r, PreparedData data) {
        if (!r.hasNetwork()) {
            return new BnnRow(solver, r, null, null);
        }
        return new BnnRow(solver, r, Evaluation.of(r.networkOrThrow(), data.train()),
                Evaluation.of(r.networkOrThrow(), data.test()));
    }

    boolean hasNetwork() {
        return train != null;
    }

    /** What the user must know beyond the numbers: the solver's message and any inconsistency. */
    String note() {
        StringBuilder note = new StringBuilder(result.message());
        result.consistency().filter(c -> !c.consistent()).ifPresent(c -> append(note, c.describe()));
        if (hasNetwork() && result.solutionViolation() > SolveRow.FEASIBILITY_TOLERANCE) {
            append(note, "solution violates the model by " + Format.number(result.solutionViolation()));
        }
        return note.toString();
    }

    private static void append(StringBuilder sb, String text) {
        if (!sb.isEmpty()) {
            sb.append("; ");
        }
        sb.append(text);
    }
}
