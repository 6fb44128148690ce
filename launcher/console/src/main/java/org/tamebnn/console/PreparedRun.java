package org.tamebnn.console;

import java.io.PrintStream;
import java.util.Locale;

import org.apache.felix.service.command.CommandSession;
import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.bnn.BnnSpec;
import org.tamebnn.bnn.ExactTrainer;
import org.tamebnn.bnn.FormulationOptions;
import org.tamebnn.data.PreparedData;
import org.tamebnn.data.RawDataset;

/**
 * One prepared training run, ready to go with any trainer on any solver: the data loaded, split and
 * scaled, the network spec, formulation, loss and solve parameters. Shared by {@code bnn:train},
 * {@code bnn:compare} and each cell of {@code exp:run}, so that a grid trains exactly as the
 * console does.
 */
record PreparedRun(RawDataset raw, PreparedData data, BnnSpec spec, FormulationOptions options, ExactTrainer exact,
        LossFunction loss, SolveParams params, SolverRegistry registry) {

    static PreparedRun of(SolverRegistry registry, CommandSession session, DataChoice dataChoice, TrainingChoice choice,
            String lossName, SolveParams params) {
        LossFunction loss = registry.requireLoss(lossName);
        if (dataChoice.regression() && !loss.supports(org.tamebnn.api.loss.OutputKind.CONTINUOUS)) {
            throw new CommandFailure("loss '" + lossName + "' scores classes; --task regression needs a loss on real"
                    + " outputs: absolute or squared");
        }
        RawDataset raw = dataChoice.load(session);
        PreparedData data = dataChoice.prepare(raw);
        BnnSpec spec = choice.spec(data.train());
        return new PreparedRun(raw, data, spec, choice.options(), choice.trainer(), loss, params, registry);
    }

    /** Trains with a live status line on standard error, as the {@code bnn} commands show it. */
    TrainerRun train(Trainers.Trainer trainer, RegisteredSolver s, TrainerSettings settings,
            CancellationToken cancellation) {
        PrintStream err = System.err;
        String name = s == null ? trainer.name() : s.name();
        try (ProgressLine progress = new ProgressLine(name, err, ProgressLine.stderrIsTerminal())) {
            return train(trainer, s, settings, cancellation, progress);
        }
    }

    /** Trains, reporting the solver's progress to {@code listener}. */
    TrainerRun train(Trainers.Trainer trainer, RegisteredSolver s, TrainerSettings settings,
            CancellationToken cancellation, SolveListener listener) {
        try {
            return trainer.run(new Trainers.Job(data, spec, options, exact, loss, s, params, listener, cancellation,
                    settings, registry));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    String header() {
        return data.describe().strip() + System.lineSeparator() + String.format(Locale.ROOT,
                "network %s; formulation %s; loss %s; start %s; time limit %s", spec.describe(),
                options.describe(), loss.name(), exact.heuristicStart() ? "pocket" : "none",
                params.timeLimit().map(Format::seconds).orElse("none"));
    }
}
