package org.tamebnn.trainers.internal;

import java.time.Duration;
import java.util.Locale;

import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.training.Consistency;
import org.tamebnn.api.training.Termination;
import org.tamebnn.api.training.TrainerResult;
import org.tamebnn.api.training.TrainingException;
import org.tamebnn.api.training.TrainingRequest;
import org.tamebnn.bnn.BnnSpec;
import org.tamebnn.bnn.FormulationOptions;
import org.tamebnn.bnn.RunSpecs;
import org.tamebnn.bnn.TrainingResult;
import org.tamebnn.data.Dataset;

/**
 * A request in the BNN bundle's terms (rows, network, formulation, progress), and a MILP training
 * result in the training API's: the pieces every trainer of this bundle shares.
 */
record MilpRun(Dataset train, BnnSpec spec, FormulationOptions formulation, SolveListener progress) {

    static MilpRun of(TrainingRequest request) {
        Dataset train = Dataset.from(request.train());
        return new MilpRun(train, RunSpecs.network(request.spec(), train), RunSpecs.formulation(request.spec()),
                request.listener()::solverProgress);
    }

    /**
     * {@code r} as a result: its status in the shared vocabulary, network, loss and bound, times,
     * the forward-pass check, the MILP; {@code r} itself attached for callers that read more of it.
     */
    static TrainerResult.Builder result(TrainingResult r, Duration total) {
        TrainerResult.Builder b = TrainerResult.builder(r.solver(), Termination.of(r.status(), r.limit(), r.hasNetwork(), r.message()))
                .network(r.network().orElse(null)).loss(r.trainingLoss(), r.lossBound())
                .objective(r.objective(), r.bestBound()).nodes(r.nodes())
                .times(r.buildTime(), r.solveTime(), total).solutionViolation(r.solutionViolation())
                .message(r.message()).milp(r.milp().model()).attach(r);
        r.consistency().ifPresent(c -> b.consistency(new Consistency(c.consistent(), c.forwardLoss(), c.describe())));
        return b;
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** A trainer's refusal of its inputs (the BNN bundle's {@link IllegalArgumentException}) as one line. */
    static TrainingException refused(String trainer, RuntimeException e) {
        return new TrainingException(trainer + ": " + e.getMessage(), e);
    }

    /** A loss or bound as the tables print it: "-" when unknown, whole numbers without decimals. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.10g", v).replaceFirst("\\.?0+(e|$)", "$1");
    }
}
