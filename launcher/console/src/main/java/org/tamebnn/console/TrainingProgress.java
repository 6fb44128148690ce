package org.tamebnn.console;

import java.io.PrintStream;

import org.tamebnn.api.milp.SolveProgress;
import org.tamebnn.api.training.TrainingListener;

/**
 * A run's live status line on standard error ({@link ProgressLine}), one per run of a comparison:
 * each run's start closes the last run's line and opens its own.
 */
final class TrainingProgress implements TrainingListener, AutoCloseable {
    private final PrintStream err;
    private final boolean terminal;
    private ProgressLine line;

    TrainingProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** On standard error, redrawn in place where that is a terminal. */
    static TrainingProgress onStandardError() {
        return new TrainingProgress(System.err, ProgressLine.stderrIsTerminal());
    }

    @Override
    public synchronized void started(String trainer, String solver) {
        close();
        line = new ProgressLine(solver.equals("-") ? trainer : solver, err, terminal);
    }

    @Override
    public synchronized void solverProgress(SolveProgress progress) {
        if (line != null) {
            line.onProgress(progress);
        }
    }

    @Override
    public synchronized void close() {
        if (line != null) {
            line.close();
            line = null;
        }
    }
}
