package org.tamebnn.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tamebnn.bnn.ClaimCheck;
import org.tamebnn.bnn.Evaluation;
import org.tamebnn.bnn.TrainingResult;
import org.tamebnn.data.Dataset;
import org.tamebnn.data.PreparedData;

/**
 * One trainer's run on one solver, evaluated: the run plus train and test metrics when there is a
 * model. The consistency guard's verdict travels with a MILP trainer's result, and in a comparison
 * the other runs' verified networks check its claims, so a solver's wrong claim shows.
 */
record BnnRow(TrainerRun run, Evaluation train, Evaluation test, String refutation) {

    static BnnRow of(TrainerRun run, PreparedData data) {
        if (run.model().isEmpty()) {
            return new BnnRow(run, null, null, "");
        }
        return new BnnRow(run, evaluate(run, data.train()), evaluate(run, data.test()), "");
    }

    private static Evaluation evaluate(TrainerRun run, Dataset d) {
        int[] predicted = new int[d.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = run.model().orElseThrow().applyAsInt(d.row(i));
        }
        return Evaluation.of(d.labels(), predicted, d.classCount());
    }

    /** The rows with each MILP run's claims checked against the others' verified networks ({@link ClaimCheck}). */
    static List<BnnRow> crossChecked(List<BnnRow> rows) {
        List<Integer> milpRows = new ArrayList<>();
        List<TrainingResult> results = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Optional<TrainingResult> r = rows.get(i).run().milp();
            if (r.isPresent()) {
                milpRows.add(i);
                results.add(r.get());
            }
        }
        List<Optional<String>> refuted = ClaimCheck.refutations(results);
        List<BnnRow> out = new ArrayList<>(rows);
        for (int k = 0; k < milpRows.size(); k++) {
            BnnRow r = rows.get(milpRows.get(k));
            out.set(milpRows.get(k), new BnnRow(r.run, r.train, r.test, refuted.get(k).orElse("")));
        }
        return out;
    }

    boolean hasNetwork() {
        return train != null;
    }

    /** The trainer and solver, as a comparison's first column names them. */
    String label() {
        return TrainerRun.label(run.trainer(), run.solver());
    }

    /** What the user must know beyond the numbers: the run's message and any inconsistency. */
    String note() {
        StringBuilder note = new StringBuilder(refutation);
        if (!run.message().isEmpty()) {
            append(note, run.message());
        }
        run.milp().flatMap(TrainingResult::consistency).filter(c -> !c.consistent()).ifPresent(c -> append(note, c.describe()));
        run.milp().filter(r -> r.hasNetwork() && r.solutionViolation() > SolveRow.FEASIBILITY_TOLERANCE)
                .ifPresent(r -> append(note, "solution violates the model by " + Format.number(r.solutionViolation())));
        return note.toString();
    }

    private static void append(StringBuilder sb, String text) {
        if (!sb.isEmpty()) {
            sb.append("; ");
        }
        sb.append(text);
    }
}
