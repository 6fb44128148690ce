package org.tamebnn.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentRunnerTest {

    @TempDir
    Path dir;

    static final ExperimentSpec SPEC = ExperimentSpecTest.parse("""
            name: runner
            datasets: [bcw]
            trainSizes: [20, 40]
            hidden: [[3]]
            trainers: [exact, ste]
            losses: [zero-one]
            solvers: [ojalgo]
            seeds: [1, 2, 3]
            timeLimits: [5]
            """);

    /** Counts executions per cell key; fails like a killed process after {@code stopAfter} cells. */
    static final class CountingExecutor implements CellExecutor {
        final Map<String, Integer> runs = Collections.synchronizedMap(new HashMap<>());
        final int stopAfter;
        final AtomicInteger started = new AtomicInteger();

        CountingExecutor(int stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public CellResult execute(Cell cell, LiveStatus status) {
            if (started.incrementAndGet() > stopAfter) throw new Kill();
            runs.merge(cell.key(), 1, Integer::sum);
            status.update("incumbent 3, bound 2");
            return CellResult.builder(cell.usesSolver() ? "OPTIMAL" : "DONE").trainingLoss((double) cell.seed()).build();
        }
    }

    static final class Kill extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aKilledRunResumesWithOnlyTheMissingCells() {
        int total = SPEC.cells().size();
        CountingExecutor first = new CountingExecutor(5);
        try (ResultStore store = ResultStore.openDefault(dir)) {
            assertThrows(Kill.class, () -> ExperimentRunner.run(SPEC, Shard.ALL, store, first, ProgressListener.NONE));
            assertEquals(5, store.finishedKeys(SPEC.name()).size(), "every cell finished before the kill is kept");
        }
        CountingExecutor second = new CountingExecutor(Integer.MAX_VALUE);
        try (ResultStore store = ResultStore.openDefault(dir)) {
            RunSummary summary = ExperimentRunner.run(SPEC, Shard.ALL, store, second, ProgressListener.NONE);
            assertEquals(new RunSummary(total, 5, total - 5, 0, 0, false), summary);
            assertTrue(summary.complete());
            assertEquals(total, store.runs(SPEC.name()).size());
        }
        // none twice, none missing
        for (Cell c : SPEC.cells()) {
            assertEquals(1, first.runs.getOrDefault(c.key(), 0) + second.runs.getOrDefault(c.key(), 0), c.label());
        }
        // a third run has nothing to do
        try (ResultStore store = ResultStore.openDefault(dir)) {
            CountingExecutor third = new CountingExecutor(0);
            assertEquals(new RunSummary(total, total, 0, 0, 0, false),
                    ExperimentRunner.run(SPEC, Shard.ALL, store, third, ProgressListener.NONE));
        }
    }

    @Test
    void aFailingCellIsRecordedAsAnErrorAndTheRestRuns() {
        CellExecutor executor = (cell, status) -> {
            if (cell.index() == 2) throw new IllegalStateException("lp_solve is not installed");
            if (cell.index() == 3) throw new RuntimeException();
            return CellResult.builder("OPTIMAL").build();
        };
        try (ResultStore store = ResultStore.openDefault(dir)) {
            RunSummary summary = ExperimentRunner.run(SPEC, Shard.ALL, store, executor, ProgressListener.NONE);
            assertEquals(2, summary.errors());
            assertTrue(summary.complete());
            List<RunRecord> runs = store.runs(SPEC.name());
            assertEquals(SPEC.cells().size(), runs.size());
            assertEquals(CellResult.ERROR, runs.get(2).result().status());
            assertEquals("lp_solve is not installed", runs.get(2).result().message());
            assertEquals("RuntimeException", runs.get(3).result().message());
            assertEquals("OPTIMAL", runs.get(4).result().status());

            // errors count as done, unless retried
            CountingExecutor again = new CountingExecutor(Integer.MAX_VALUE);
            assertEquals(0, ExperimentRunner.run(SPEC, Shard.ALL, store, again, ProgressListener.NONE).ran());
            RunSummary retried = ExperimentRunner.run(SPEC, Shard.ALL, store, again, ProgressListener.NONE,
                    RunOptions.defaults().withRetryErrors(true));
            assertEquals(2, retried.ran());
            assertEquals(0, retried.errors());
            assertTrue(store.runs(SPEC.name()).stream().noneMatch(r -> r.result().isError()));
        }
    }

    @Test
    void theListenerHearsProgressAndLiveStatus() {
        List<String> events = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void started(int total, int alreadyDone) {
                events.add("started " + total + " " + alreadyDone);
            }

            @Override
            public void cellStarted(Cell cell, int done, int total) {
                events.add("cell " + cell.index() + " " + done + "/" + total);
            }

            @Override
            public void cellStatus(Cell cell, String line) {
                events.add("status " + line);
            }

            @Override
            public void cellFinished(RunRecord run, boolean stored, int done, int total) {
                events.add("finished " + run.result().status() + " " + stored + " " + done + "/" + total);
            }

            @Override
            public void finished(RunSummary summary) {
                events.add("end " + summary.ran());
            }
        };
        try (ResultStore store = ResultStore.openDefault(dir)) {
            ExperimentRunner.run(SPEC, new Shard(2, 4), store, new CountingExecutor(99), listener,
                    RunOptions.defaults().withBundleVersions(Map.of("org.tamebnn.experiments", "0.1.0")));
            // shard 2/4 of 12 cells: indices 1 (exact), 5 (ste), 9 (ste)
            assertEquals(List.of("started 3 0",
                    "cell 1 0/3", "status incumbent 3, bound 2", "finished OPTIMAL true 1/3",
                    "cell 5 1/3", "status incumbent 3, bound 2", "finished DONE true 2/3",
                    "cell 9 2/3", "status incumbent 3, bound 2", "finished DONE true 3/3",
                    "end 3"), events);
            RunRecord stored = store.runs(SPEC.name()).getFirst();
            assertEquals(Map.of("org.tamebnn.experiments", "0.1.0"), stored.bundleVersions());
            assertEquals(Machine.current(), stored.machine());
            assertFalse(stored.finished().isBefore(stored.started()));
        }
    }

    @Test
    void anInterruptStopsTheGridWithoutRecordingTheCellInProgress() {
        CellExecutor executor = (cell, status) -> {
            if (cell.index() == 3) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("solve cancelled");
            }
            return CellResult.builder("OPTIMAL").build();
        };
        try (ResultStore store = ResultStore.openDefault(dir)) {
            RunSummary summary = ExperimentRunner.run(SPEC, Shard.ALL, store, executor, ProgressListener.NONE);
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
            assertTrue(summary.interrupted());
            assertFalse(summary.complete());
            assertEquals(3, summary.ran());
            assertEquals(3, store.finishedKeys(SPEC.name()).size());
        }
    }
}
