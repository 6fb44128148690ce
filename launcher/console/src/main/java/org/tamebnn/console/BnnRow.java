package org.tamebnn.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tamebnn.bnn.ClaimCheck;
import org.tamebnn.bnn.Evaluation;
import org.tamebnn.bnn.TrainingResult;
import org.tamebnn.data.PreparedData;

/**
 * One solver's training run, evaluated: the result plus train and test metrics when there is a
 * network. The consistency guard's verdict travels with it, and in a comparison the other
 * solvers' verified networks check its claims, so a solver's wrong claim shows.
 */
record BnnRow(String solver, TrainingResult result, Evaluation train, Evaluation test, String refutation) {

    static BnnRow of(String solver, TrainingResult r, PreparedData data) {
        if (!r.hasNetwork()) {
            return new BnnRow(solver, r, null, null, "");
        }
        return new BnnRow(solver, r, Evaluation.of(r.networkOrThrow(), data.train()),
                Evaluation.of(r.networkOrThrow(), data.test()), "");
    }

    /** The rows with each one's claims checked against the others' verified networks ({@link ClaimCheck}). */
    static List<BnnRow> crossChecked(List<BnnRow> rows) {
        List<Optional<String>> refuted = ClaimCheck.refutations(rows.stream().map(BnnRow::result).toList());
        List<BnnRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            BnnRow r = rows.get(i);
            out.add(new BnnRow(r.solver, r.result, r.train, r.test, refuted.get(i).orElse("")));
        }
        return out;
    }

    boolean hasNetwork() {
        return train != null;
    }

    /** What the user must know beyond the numbers: the solver's message and any inconsistency. */
    String note() {
        StringBuilder note = new StringBuilder(refutation);
        if (!result.message().isEmpty()) {
            append(note, result.message());
        }
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
