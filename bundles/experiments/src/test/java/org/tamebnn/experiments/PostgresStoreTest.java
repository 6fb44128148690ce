package org.tamebnn.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store on a real PostgreSQL server, and grids written into it by concurrent writers. The
 * server's JDBC URL comes from the system property {@code tamebnn.postgres.url}, which
 * {@code ./tamebnn test} sets after starting Debian's PostgreSQL; without it these tests are
 * skipped.
 */
class PostgresStoreTest {

    static final String URL_PROPERTY = "tamebnn.postgres.url";

    private String url;

    @BeforeEach
    void needsAServer() {
        url = System.getProperty(URL_PROPERTY, "");
        assumeTrue(!url.isBlank(), "no PostgreSQL server given: run ./tamebnn test (which starts one), or pass -D"
                + URL_PROPERTY + "=jdbc:postgresql://127.0.0.1:5432/DB?user=U&password=P");
    }

    /** A spec name of its own, so that reruns against one database never see each other's rows. */
    private static ExperimentSpec grid() {
        ExperimentSpec base = ExperimentRunnerTest.SPEC;
        return new ExperimentSpec("pg-" + UUID.randomUUID(), base.datasets(), List.of(20, 40, 60), base.testFraction(),
                List.of(List.of(3), List.of(5, 3)), base.variants(), base.weights(), List.of("exact", "ste", "tame"),
                base.losses(), List.of("ojalgo", "highs"), List.of(1L, 2L, 3L), base.timeLimits(),
                Map.of("tame", Map.of("steps", "3")), Set.of("ste"));
    }

    @Test
    void aRecordedRunReadsBackEqual() {
        try (ResultStore store = ResultStore.open(url)) {
            String spec = "pg-" + UUID.randomUUID();
            RunRecord full = ResultStoreTest.run(spec, ResultStoreTest.cell(0, 1), ResultStoreTest.full());
            RunRecord error = ResultStoreTest.run(spec, ResultStoreTest.cell(1, 2), CellResult.error("no licence"));
            assertTrue(store.record(full));
            assertTrue(store.record(error));
            assertEquals(false, store.record(full));
            assertEquals(List.of(full, error), store.runs(spec));
            assertTrue(store.specNames().contains(spec));
        }
    }

    /** Two shards start at once on an empty schema: both migrate it (Flyway serialises them) and write. */
    @Test
    void twoShardsWritingAtOnceRecordEveryCellExactlyOnce() throws Exception {
        String schema = "grid_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String baseUrl = url;
        url = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try {
            ExperimentSpec spec = grid();
            Map<String, Integer> executed = new HashMap<>();
            List<RunSummary> summaries = runConcurrently(spec, List.of(Shard.parse("1/2"), Shard.parse("2/2")), executed);

            assertEquals(spec.cells().size(), summaries.stream().mapToInt(RunSummary::total).sum());
            assertTrue(summaries.stream().allMatch(s -> s.duplicates() == 0 && s.complete()), summaries.toString());
            assertExactlyOnce(spec, executed);
        } finally {
            try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /**
     * Two writers of the same cells (a job array started twice, say): each cell is stored once, the
     * loser of each race is told so, and nothing fails.
     */
    @Test
    void twoWritersOfTheSameCellsStoreEachOnce() throws Exception {
        ExperimentSpec spec = grid();
        Map<String, Integer> executed = new HashMap<>();
        List<RunSummary> summaries = runConcurrently(spec, List.of(Shard.ALL, Shard.ALL), executed);

        int stored = summaries.stream().mapToInt(s -> s.ran() - s.duplicates()).sum();
        assertEquals(spec.cells().size(), stored, summaries.toString());
        try (ResultStore store = ResultStore.open(url)) {
            List<String> keys = store.runs(spec.name()).stream().map(r -> r.cell().key()).toList();
            assertEquals(spec.cells().stream().map(Cell::key).sorted().toList(), keys.stream().sorted().toList());
        }
    }

    /** Each writer opens its own store (migrating at the same moment) and runs its shard. */
    private List<RunSummary> runConcurrently(ExperimentSpec spec, List<Shard> shards, Map<String, Integer> executed)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(shards.size());
        ExecutorService pool = Executors.newFixedThreadPool(shards.size());
        try {
            List<Future<RunSummary>> futures = new ArrayList<>();
            for (Shard shard : shards) {
                Callable<RunSummary> writer = () -> {
                    start.await(30, TimeUnit.SECONDS);
                    try (ResultStore store = ResultStore.open(url)) {
                        return ExperimentRunner.run(spec, shard, store, (cell, status) -> {
                            synchronized (executed) {
                                executed.merge(cell.key(), 1, Integer::sum);
                            }
                            Thread.sleep(1);
                            return CellResult.builder("OPTIMAL").objective((double) cell.index()).build();
                        }, ProgressListener.NONE);
                    }
                };
                futures.add(pool.submit(writer));
            }
            List<RunSummary> summaries = new ArrayList<>();
            for (Future<RunSummary> f : futures) summaries.add(f.get(5, TimeUnit.MINUTES));
            return summaries;
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertExactlyOnce(ExperimentSpec spec, Map<String, Integer> executed) {
        List<Cell> cells = spec.cells();
        try (ResultStore store = ResultStore.open(url)) {
            List<RunRecord> runs = store.runs(spec.name());
            Map<String, Long> rowsPerKey = runs.stream().collect(Collectors.groupingBy(r -> r.cell().key(), Collectors.counting()));
            Map<String, Cell> byKey = cells.stream().collect(Collectors.toMap(Cell::key, Function.identity()));
            assertEquals(cells.size(), runs.size());
            assertEquals(byKey.keySet(), rowsPerKey.keySet());
            assertTrue(rowsPerKey.values().stream().allMatch(n -> n == 1));
            // and no cell was even run twice
            assertEquals(byKey.keySet(), executed.keySet());
            assertTrue(executed.values().stream().allMatch(n -> n == 1));
            // every row holds its cell's parameters
            for (RunRecord r : runs) assertEquals(byKey.get(r.cell().key()).runSpec(), r.cell().runSpec());
        }
    }
}
