package org.tamebnn.console;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.SolveProgress;
import org.tamebnn.api.training.RunControl;
import org.tamebnn.api.training.Scores;
import org.tamebnn.api.training.TrainerResult;
import org.tamebnn.api.training.TrainingException;
import org.tamebnn.api.training.TrainingListener;
import org.tamebnn.api.training.TrainingOutcome;
import org.tamebnn.api.training.TrainingService;
import org.tamebnn.bnn.TrainingResult;
import org.tamebnn.experiments.Cell;
import org.tamebnn.experiments.CellExecutor;
import org.tamebnn.experiments.CellResult;
import org.tamebnn.experiments.ProgressTrace;

/**
 * Runs one cell of an experiment grid through the {@link TrainingService}, as {@code bnn:train}
 * runs: the cell's seed splits the data and seeds the trainer, with the solver's progress as the
 * cell's live status.
 *
 * <p>A run cut short by Ctrl-C or a thread interrupt is not a result: it throws
 * {@link InterruptedException}, so nothing is recorded and the next {@code exp:run} runs that cell
 * again from the start.
 */
final class TrainerCells implements CellExecutor {
    private final TrainingService training;
    private final Path specFile;
    private final CancellationToken cancel;

    /**
     * @param specFile the spec's file, against whose folder CSV datasets resolve (null: none)
     * @param cancel   cancelled by Ctrl-C: the running solver stops and nothing new starts
     */
    TrainerCells(TrainingService training, Path specFile, CancellationToken cancel) {
        this.training = training;
        this.specFile = specFile;
        this.cancel = cancel;
    }

    @Override
    public CellResult execute(Cell cell, LiveStatus status) throws Exception {
        Thread caller = Thread.currentThread();
        stopIfAsked(caller);
        long start = System.nanoTime();
        List<ProgressTrace.Point> trace = new CopyOnWriteArrayList<>();
        // a trace is of one MILP: a trainer that solves several (local search, lexicographic stages,
        // robust masters) shows it by a solve's clock starting again, and keeps no trace
        AtomicReference<Duration> lastElapsed = new AtomicReference<>(Duration.ZERO);
        AtomicBoolean severalSolves = new AtomicBoolean();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void solverProgress(SolveProgress progress) {
                // a solver deep in native code never sees the interrupt: its progress calls pass it on
                if (caller.isInterrupted()) {
                    cancel.cancel();
                }
                if (progress.elapsed().compareTo(lastElapsed.getAndSet(progress.elapsed())) < 0) {
                    severalSolves.set(true);
                }
                trace.add(new ProgressTrace.Point((System.nanoTime() - start) / 1e9, progress.incumbent(),
                        progress.bound()));
                status.update(describe(progress));
            }
        };
        Path folder = specFile == null ? Path.of("") : specFile.toAbsolutePath().getParent();
        TrainingOutcome o;
        try {
            o = training.train(cell.runSpec(), new RunControl(listener, cancel, folder));
        } catch (TrainingException e) {
            throw new CommandFailure(e.getMessage());
        }
        stopIfAsked(caller);
        return result(o, severalSolves.get() ? ProgressTrace.empty() : trace((System.nanoTime() - start) / 1e9, trace, o));
    }

    /**
     * The reports, closed by the run's final incumbent and bound at its end, so that a trace ends
     * where the run did even when the last report came earlier.
     */
    static ProgressTrace trace(double endSeconds, List<ProgressTrace.Point> reports, TrainingOutcome o) {
        if (reports.isEmpty()) {
            return ProgressTrace.empty();
        }
        List<ProgressTrace.Point> points = new ArrayList<>(reports);
        Optional<TrainingResult> milp = o.result().attachment(TrainingResult.class);
        double last = points.getLast().seconds();
        milp.filter(TrainingResult::hasNetwork).ifPresent(m -> points.add(new ProgressTrace.Point(
                Math.max(last, endSeconds), m.objective(), m.bestBound())));
        return new ProgressTrace(points);
    }

    private void stopIfAsked(Thread caller) throws InterruptedException {
        if (cancel.isCancelled() || caller.isInterrupted()) {
            throw new InterruptedException("cancelled");
        }
    }

    /** Every metric the store keeps, unknown ones null. */
    static CellResult result(TrainingOutcome o, ProgressTrace trace) {
        TrainerResult r = o.result();
        Optional<TrainingResult> milp = r.attachment(TrainingResult.class);
        CellResult.Builder b = CellResult.builder(o.termination().label())
                .trainingLoss(known(r.trainingLoss()))
                // the loss against its bound, as bnn:compare reports it; a heuristic has no bound of its
                // own, and then its last MILP's gap is the one the paper reports for it
                .gap(known(Double.isNaN(r.gap()) ? milp.map(TrainingResult::gap).orElse(Double.NaN) : r.gap()))
                .totalSeconds(r.totalTime().toNanos() / 1e9);
        milp.ifPresent(m -> b.objective(known(m.objective())).bound(known(m.bestBound()))
                .buildSeconds(m.buildTime().toNanos() / 1e9).solveSeconds(m.solveTime().toNanos() / 1e9)
                .nodes(m.nodes() < 0 ? null : m.nodes()));
        if (o.train().orElse(null) instanceof Scores.Classification train
                && o.test().orElse(null) instanceof Scores.Classification test) {
            b.trainAccuracy(known(train.accuracy())).testAccuracy(known(test.accuracy()))
                    .precision(known(test.precision())).recall(known(test.recall())).f1(known(test.f1()));
        }
        String note = o.note();
        return b.message(note.isEmpty() ? null : note).trace(trace).build();
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
