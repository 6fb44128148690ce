package org.tamebnn.api.training;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run as the service returns it: the run specification it ran (defaults resolved, the solver
 * named), the trainer's result, the network's scores on the training and the held-out rows, and the
 * claims other runs of a comparison refuted.
 *
 * @param spec        what ran, with the solver it ran on
 * @param trainer     the trainer's name
 * @param result      what the trainer returned
 * @param train       the network's scores on the training rows (empty without a network)
 * @param test        its scores on the test rows, which the training never saw (empty without a network)
 * @param refutation  {@code WRONG CLAIM: ...} when another run's verified network refutes this run's
 *                    optimality claim or bound; empty otherwise
 * @param preparation lines saying how the data was prepared (rows, classes, imputation, scaling)
 */
public record TrainingOutcome(RunSpec spec, String trainer, TrainerResult result, Optional<Scores> train,
        Optional<Scores> test, String refutation, List<String> preparation) {

    public TrainingOutcome {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(refutation, "refutation");
        preparation = List.copyOf(preparation);
    }

    public Termination termination() {
        return result.termination();
    }

    public Optional<Network> network() {
        return result.network();
    }

    /** The solver it ran on, "-" for none. */
    public String solver() {
        return result.solver();
    }

    /** How a comparison names it: the solver for the exact trainer, the trainer alone without a solver. */
    public String label() {
        return label(trainer, solver());
    }

    /** How a comparison names the run of {@code trainer} on {@code solver}. */
    public static String label(String trainer, String solver) {
        return trainer.equals("exact") ? solver : solver.equals("-") ? trainer : trainer + " / " + solver;
    }

    /** This outcome with a refutation (the comparison's cross-check). */
    public TrainingOutcome withRefutation(String text) {
        return new TrainingOutcome(spec, trainer, result, train, test, text, preparation);
    }

    /**
     * What the user must know beyond the numbers, as one line: a refutation, the trainer's message,
     * a disagreement with the forward pass, a solution that violates its model.
     */
    public String note() {
        StringBuilder note = new StringBuilder(refutation);
        append(note, result.message());
        result.consistency().filter(c -> !c.consistent()).ifPresent(c -> append(note, c.describe()));
        if (result.network().isPresent() && result.solutionViolation() > FEASIBILITY_TOLERANCE) {
            append(note, "solution violates the model by "
                    + String.format(java.util.Locale.ROOT, "%.10g", result.solutionViolation())
                            .replaceFirst("\\.?0+(e|$)", "$1"));
        }
        return note.toString();
    }

    /** A solution's violation of its model above this is reported in {@link #note()}. */
    public static final double FEASIBILITY_TOLERANCE = 1e-5;

    private static void append(StringBuilder sb, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!sb.isEmpty()) {
            sb.append("; ");
        }
        sb.append(text);
    }
}
