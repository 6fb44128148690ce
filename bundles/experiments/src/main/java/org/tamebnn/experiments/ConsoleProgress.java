package org.tamebnn.experiments;

import java.io.PrintStream;
import java.time.Duration;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of a grid for a person: one bar over the shard's cells (ETA counted from the cells
 * run now, not those skipped), with the running cell and its live status beside it. On a terminal
 * the bar redraws in place; anywhere else (a log file, a batch job's output) it prints plain ASCII
 * lines: one per finished cell and one a minute while a cell runs, never carriage returns or colour
 * codes.
 */
public final class ConsoleProgress implements ProgressListener {

    private static final int LOG_WIDTH = 160;

    private final String task;
    private final PrintStream out;
    private final boolean terminal;
    private ProgressBar bar;
    private String cellLabel = "";

    /**
     * @param task the bar's title, e.g. the spec name and shard
     * @param out where to draw
     * @param terminal true when {@code out} is an interactive terminal
     */
    public ConsoleProgress(String task, PrintStream out, boolean terminal) {
        this.task = task;
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void started(int total, int alreadyDone) {
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .startsFrom(alreadyDone, Duration.ZERO);
        if (terminal) {
            builder.setConsumer(new ConsoleProgressBarConsumer(out)).setUpdateIntervalMillis(1000);
        } else {
            builder.setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new DelegatingProgressBarConsumer(out::println, LOG_WIDTH))
                    .setUpdateIntervalMillis(60_000);
        }
        bar = builder.build();
        if (alreadyDone > 0) bar.setExtraMessage(alreadyDone + " cells done before");
    }

    @Override
    public synchronized void cellStarted(Cell cell, int done, int total) {
        cellLabel = cell.label();
        if (bar != null) bar.setExtraMessage(cellLabel);
    }

    @Override
    public synchronized void cellStatus(Cell cell, String line) {
        if (bar != null) bar.setExtraMessage(cellLabel + ": " + line);
    }

    @Override
    public synchronized void cellFinished(RunRecord run, boolean stored, int done, int total) {
        if (bar == null) return;
        CellResult r = run.result();
        String outcome = r.isError() ? "ERROR " + r.message() : r.status();
        bar.setExtraMessage(run.cell().label() + ": " + outcome + (stored ? "" : " (already recorded elsewhere)"));
        bar.stepTo(done);
        if (!terminal) bar.refresh();
    }

    @Override
    public synchronized void finished(RunSummary summary) {
        if (bar == null) return;
        bar.setExtraMessage(summary.ran() + " run, " + summary.skipped() + " skipped, " + summary.errors() + " errors"
                + (summary.interrupted() ? ", interrupted" : ""));
        bar.close();
        bar = null;
    }
}
