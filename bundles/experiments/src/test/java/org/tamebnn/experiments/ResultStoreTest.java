package org.tamebnn.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {

    @TempDir
    Path dir;

    static Cell cell(int index, long seed) {
        return new Cell(index, "bcw", 100, 0.2, List.of(5, 3), "bdnn", "real", "exact", "zero-one", "ojalgo", seed,
                60.0, Map.of("iterations", "2"));
    }

    static RunRecord run(String spec, Cell cell, CellResult result) {
        Instant t = Instant.parse("2026-11-02T10:15:30.123456Z");
        return new RunRecord(spec, cell, result, t, t.plus(42, ChronoUnit.SECONDS),
                Map.of("org.tamebnn.bnn", "0.1.0", "org.tamebnn.solver.ojalgo", "0.1.0"),
                new Machine("node-1", 2, "Linux 6.1 amd64", "Eclipse Adoptium 25.0.3"));
    }

    static CellResult full() {
        return CellResult.builder("OPTIMAL").trainingLoss(3.0).objective(3.0).bound(2.5).gap(1.0 / 6).buildSeconds(0.25)
                .solveSeconds(4.5).totalSeconds(5.0).trainAccuracy(0.97).testAccuracy(0.95).precision(0.9).recall(0.8)
                .f1(0.847).nodes(1234L).message("fine").trace(new ProgressTrace(List.of(
                        new ProgressTrace.Point(0.5, null, 0.0), new ProgressTrace.Point(1.25, 9.0, 1.0),
                        new ProgressTrace.Point(5.0, 3.0, 2.5)))).build();
    }

    @Test
    void aRecordedRunReadsBackEqual() {
        try (ResultStore store = ResultStore.openDefault(dir)) {
            RunRecord full = run("s", cell(0, 1), full());
            RunRecord sparse = run("s", cell(1, 2), CellResult.builder("TIME_LIMIT").objective(7.0).build());
            assertTrue(store.record(full));
            assertTrue(store.record(sparse));
            assertEquals(List.of(full, sparse), store.runs("s"));
            assertEquals(Map.of(cell(0, 1).key(), "OPTIMAL", cell(1, 2).key(), "TIME_LIMIT"), store.statuses("s"));
            assertEquals(List.of(), store.runs("other"));
            assertEquals(List.of("s"), store.specNames());
        }
        assertTrue(Files.exists(dir.resolve("results.mv.db")), "one file in the results folder");
    }

    /** A failed cell run again replaces its row, and the trace of the old row goes with it. */
    @Test
    void aReRunReplacesTheFailedRowAndItsTrace() {
        try (ResultStore store = ResultStore.openDefault(dir)) {
            CellResult failed = CellResult.builder(CellResult.ERROR).message("killed").trace(new ProgressTrace(List.of(
                    new ProgressTrace.Point(0.1, 4.0, 0.0)))).build();
            assertTrue(store.record(run("s", cell(0, 1), failed)));
            assertTrue(store.record(run("s", cell(0, 1), full())));
            List<RunRecord> runs = store.runs("s");
            assertEquals(1, runs.size());
            assertEquals(full().trace(), runs.get(0).result().trace());
        }
    }

    @Test
    void aFewShotCellKeepsItsPointsPerClass() {
        Cell fewShot = new Cell(0, "mnist", ExperimentSpec.ALL_TRAINING_POINTS, 0.2, List.of(), "bdnn", "ternary",
                "ensemble", "zero-one", "ortools-scip", 1, 30.0, Map.of(), 10);
        try (ResultStore store = ResultStore.openDefault(dir)) {
            RunRecord run = run("few", fewShot, full());
            assertTrue(store.record(run));
            Cell back = store.runs("few").get(0).cell();
            assertEquals(fewShot, back);
            assertEquals(10, back.runSpec().split().perClass());
            assertEquals("10/class", back.trainSizeText());
            assertEquals(Map.of(fewShot.key(), "OPTIMAL"), store.statuses("few"));
        }
    }

    @Test
    void runsSurviveReopeningAndMigrationRunsOnce() {
        try (ResultStore store = ResultStore.openDefault(dir)) {
            store.record(run("s", cell(0, 1), full()));
        }
        try (ResultStore store = ResultStore.openDefault(dir)) {
            assertEquals(1, store.runs("s").size());
            assertTrue(store.url().startsWith("jdbc:h2:file:"));
        }
    }

    @Test
    void aCellIsRecordedOncePerSpec() {
        try (ResultStore store = ResultStore.openDefault(dir)) {
            assertTrue(store.record(run("s", cell(0, 1), full())));
            assertFalse(store.record(run("s", cell(0, 1), CellResult.builder("FEASIBLE").build())));
            assertEquals("OPTIMAL", store.runs("s").getFirst().result().status());
            // another spec may hold the same cell
            assertTrue(store.record(run("t", cell(0, 1), full())));
            // and the store is still usable after the refused insert
            assertTrue(store.record(run("s", cell(1, 2), full())));
        }
    }

    @Test
    void anErrorIsReplacedByANewResult() {
        try (ResultStore store = ResultStore.openDefault(dir)) {
            store.record(run("s", cell(0, 1), CellResult.error("solver crashed")));
            assertEquals("solver crashed", store.runs("s").getFirst().result().message());
            assertTrue(store.record(run("s", cell(0, 1), full())));
            assertEquals(List.of("OPTIMAL"), store.runs("s").stream().map(r -> r.result().status()).toList());
        }
    }

    @Test
    void longMessagesAreCutToTheColumn() {
        try (ResultStore store = ResultStore.openDefault(dir)) {
            store.record(run("s", cell(0, 1), CellResult.error("x".repeat(20_000))));
            assertEquals(10_000, store.runs("s").getFirst().result().message().length());
        }
    }

    @Test
    void anUnknownDatabaseIsReportedByUrlWithoutPassword() {
        StoreException e = assertThrows(StoreException.class,
                () -> ResultStore.open("jdbc:nosuch://host/db?user=a&password=secret"));
        assertTrue(e.getMessage().contains("password=***"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        assertTrue(e.getMessage().contains("no JDBC driver"), e.getMessage());
    }
}
