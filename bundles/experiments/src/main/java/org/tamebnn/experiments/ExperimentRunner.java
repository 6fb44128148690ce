package org.tamebnn.experiments;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Runs a shard of a grid: every cell of the shard not yet recorded for the spec, in grid order,
 * each recorded as soon as it finishes. A killed process so loses at most the cell in progress, and
 * running the same spec again runs only what is missing.
 */
public final class ExperimentRunner {

    private ExperimentRunner() {}

    /** Runs with {@link RunOptions#defaults()}. */
    public static RunSummary run(ExperimentSpec spec, Shard shard, ResultStore store, CellExecutor executor,
            ProgressListener listener) {
        return run(spec, shard, store, executor, listener, RunOptions.defaults());
    }

    /**
     * Runs the shard's missing cells. A cell whose executor throws is recorded as
     * {@link CellResult#ERROR} with the message, and the grid goes on; an {@link Error} ends the run
     * without recording the cell (as a kill would); an interrupt ends it after recording nothing
     * more.
     *
     * @throws StoreException when the store cannot be read or written (the run stops there)
     */
    public static RunSummary run(ExperimentSpec spec, Shard shard, ResultStore store, CellExecutor executor,
            ProgressListener listener, RunOptions options) {
        List<Cell> mine = shard.select(spec.cells());
        Map<String, String> recorded = store.statuses(spec.name());
        List<Cell> todo = mine.stream().filter(c -> {
            String status = recorded.get(c.key());
            return status == null || (options.retryErrors() && CellResult.ERROR.equals(status));
        }).toList();
        int total = mine.size();
        int skipped = total - todo.size();
        listener.started(total, skipped);

        int done = skipped;
        int ran = 0;
        int errors = 0;
        int duplicates = 0;
        boolean interrupted = false;
        for (Cell cell : todo) {
            if (Thread.currentThread().isInterrupted()) {
                interrupted = true;
                break;
            }
            listener.cellStarted(cell, done, total);
            Instant started = now();
            CellResult result;
            try {
                result = executor.execute(cell, line -> listener.cellStatus(cell, line));
                if (result == null) result = CellResult.error("the executor returned no result");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                interrupted = true;
                break;
            } catch (Exception e) {
                if (Thread.currentThread().isInterrupted()) {
                    // a cell stopped by an interrupt did not fail: it is left for the next run
                    interrupted = true;
                    break;
                }
                result = CellResult.error(describe(e));
            }
            RunRecord run = new RunRecord(spec.name(), cell, result, started, now(), options.bundleVersions(),
                    options.machine());
            boolean stored = store.record(run);
            ran++;
            done++;
            if (result.isError()) errors++;
            if (!stored) duplicates++;
            listener.cellFinished(run, stored, done, total);
        }
        RunSummary summary = new RunSummary(total, skipped, ran, errors, duplicates, interrupted);
        listener.finished(summary);
        return summary;
    }

    // databases keep microseconds: truncating here makes a stored run read back equal
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The exception in words: its message, or its kind when it has none, with its cause's message. */
    static String describe(Throwable e) {
        String m = e.getMessage();
        String text = m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !text.contains(cause.getMessage())) {
            text += " (" + cause.getMessage() + ")";
        }
        return text;
    }
}
