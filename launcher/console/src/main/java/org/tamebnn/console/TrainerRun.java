package org.tamebnn.console;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

import org.tamebnn.bnn.TrainingResult;

/**
 * One trainer's run in the console's terms, whatever the trainer: a MILP trainer's full
 * {@link TrainingResult} where there is one (for the consistency guard, claim checks and
 * {@code dual:build}), a model to evaluate, the loss with its bound, the time, a loss curve where
 * the trainer iterates, and lines of detail (iterations, steps, restarts).
 *
 * @param trainer      the trainer's name
 * @param solver       the MILP solver it used, "-" for none
 * @param status       how it ended (a solver status, or the trainer's own word)
 * @param message      what the user must know beyond the numbers, empty when nothing
 * @param milp         the MILP training result, for MILP trainers
 * @param model        the trained model's class prediction, when there is one
 * @param trainingLoss the training loss (the loss the trainers share: misclassifications for 0-1)
 * @param lossBound    a lower bound on the optimal training loss, NaN without one
 * @param time         the whole run's wall time
 * @param lossCurve    the training loss per iteration or epoch (empty when the trainer does not iterate)
 * @param details      further lines for the single-run report
 */
record TrainerRun(String trainer, String solver, String status, String message, Optional<TrainingResult> milp,
        Optional<ToIntFunction<double[]>> model, double trainingLoss, double lossBound, Duration time,
        double[] lossCurve, List<String> details) {

    /** A MILP trainer's run from its training result, with the trainer's own time, curve and details. */
    static TrainerRun of(String trainer, TrainingResult r, Duration time, double[] lossCurve, List<String> details) {
        return new TrainerRun(trainer, r.solver(), r.status().name(), r.message(), Optional.of(r),
                r.network().map(n -> n::predict), r.trainingLoss(), r.lossBound(), time, lossCurve, details);
    }

    /** How a comparison names a run: the solver for the exact trainer, the trainer alone without a solver ("-"). */
    static String label(String trainer, String solver) {
        return trainer.equals("exact") ? solver : solver.equals("-") ? trainer : trainer + " / " + solver;
    }

    /** The relative gap between loss and bound, NaN when either is unknown. */
    double gap() {
        return org.tamebnn.api.milp.SolveResult.relativeGap(trainingLoss, lossBound);
    }

    boolean hasModel() {
        return model.isPresent();
    }
}
