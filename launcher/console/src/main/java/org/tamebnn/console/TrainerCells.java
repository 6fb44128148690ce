package org.tamebnn.console;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.apache.felix.service.command.CommandSession;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveProgress;
import org.tamebnn.bnn.Evaluation;
import org.tamebnn.bnn.TrainingResult;
import org.tamebnn.experiments.Cell;
import org.tamebnn.experiments.CellExecutor;
import org.tamebnn.experiments.CellResult;
import org.tamebnn.experiments.ExperimentSpec;

/**
 * Runs one cell of an experiment grid the way {@code bnn:train} runs: the same data preparation
 * (the cell's seed splits the data and seeds the trainer), network spec, formulation, trainer
 * catalog and evaluation, with the solver's progress as the cell's live status.
 *
 * <p>A run cut short by Ctrl-C or a thread interrupt is not a result: it throws
 * {@link InterruptedException}, so nothing is recorded and the next {@code exp:run} runs that cell
 * again from the start.
 */
final class TrainerCells implements CellExecutor {
    private final SolverRegistry registry;
    private final CommandSession session;
    private final Path specFile;
    private final CancellationToken cancel;

    /**
     * @param specFile the spec's file, against whose folder CSV datasets resolve (null: none)
     * @param cancel   cancelled by Ctrl-C: the running solver stops and nothing new starts
     */
    TrainerCells(SolverRegistry registry, CommandSession session, Path specFile, CancellationToken cancel) {
        this.registry = registry;
        this.session = session;
        this.specFile = specFile;
        this.cancel = cancel;
    }

    @Override
    public CellResult execute(Cell cell, LiveStatus status) throws Exception {
        Thread caller = Thread.currentThread();
        stopIfAsked(caller);
        Trainers.Trainer trainer = Trainers.require(cell.trainer());
        TrainerSettings settings = TrainerSettings.of(cell.trainerOptions());
        String data = ExperimentSpec.datasetFile(cell.dataset(), specFile).map(Path::toString).orElse(cell.dataset());
        DataChoice dataChoice = new DataChoice(data, "", "", "median", cell.trainSize(), cell.seed(),
                cell.testFraction());
        TrainingChoice choice = new TrainingChoice(cell.hiddenText(), cell.variant(), cell.weights(), "step", 0,
                "default", false, "pocket");
        PreparedRun run = PreparedRun.of(registry, session, dataChoice, choice, cell.loss(),
                SolverCommands.withTimeLimit(cell.timeLimitSeconds()).withSeed(cell.seed()));
        RegisteredSolver solver = trainer.usesSolver() ? registry.requireSolver(cell.solver()) : null;
        SolveListener listener = progress -> {
            // a solver deep in native code never sees the interrupt: its progress calls pass it on
            if (caller.isInterrupted()) {
                cancel.cancel();
            }
            status.update(describe(progress));
        };
        TrainerRun r = run.train(trainer, solver, settings, cancel, listener);
        stopIfAsked(caller);
        return result(BnnRow.of(r, run.data()));
    }

    private void stopIfAsked(Thread caller) throws InterruptedException {
        if (cancel.isCancelled() || caller.isInterrupted()) {
            throw new InterruptedException("cancelled");
        }
    }

    /** Every metric the store keeps, unknown ones null. */
    static CellResult result(BnnRow row) {
        TrainerRun r = row.run();
        Optional<TrainingResult> milp = r.milp();
        CellResult.Builder b = CellResult.builder(r.status())
                .trainingLoss(known(r.trainingLoss()))
                // the loss against its bound, as bnn:compare reports it; a heuristic has no bound of its
                // own, and then its last MILP's gap is the one the paper reports for it
                .gap(known(Double.isNaN(r.gap()) ? milp.map(TrainingResult::gap).orElse(Double.NaN) : r.gap()))
                .totalSeconds(r.time().toNanos() / 1e9);
        milp.ifPresent(m -> b.objective(known(m.objective())).bound(known(m.bestBound()))
                .buildSeconds(m.buildTime().toNanos() / 1e9).solveSeconds(m.solveTime().toNanos() / 1e9)
                .nodes(m.nodes() < 0 ? null : m.nodes()));
        if (row.hasNetwork()) {
            Evaluation.ClassScores test = row.test().weightedAverage();
            b.trainAccuracy(known(row.train().accuracy())).testAccuracy(known(row.test().accuracy()))
                    .precision(known(test.precision())).recall(known(test.recall())).f1(known(test.f1()));
        }
        String note = row.note();
        return b.message(note.isEmpty() ? null : note).build();
    }

    private static Double known(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static String describe(SolveProgress p) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%.1f s", p.elapsed().toNanos() / 1e9));
        line.append("  incumbent ").append(Format.number(p.incumbent()));
        line.append("  bound ").append(Format.number(p.bound()));
        line.append("  gap ").append(Format.percent(p.gap()));
        if (p.nodes() >= 0) {
            line.append("  nodes ").append(p.nodes());
        }
        return line.toString();
    }
}
