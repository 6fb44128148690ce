package org.tamebnn.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamebnn.api.training.RunSpec;

/**
 * A store written by the release before run specifications (src/test/resources/stores/: the H2 file
 * its exp:run wrote for v1-grid.yaml, 2 exact and 2 ste cells) opens, reads as it was, resumes
 * without running anything again, and takes new runs.
 */
class StoreMigrationTest {
    @TempDir
    Path dir;

    private ExperimentSpec spec() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/stores/v1-grid.yaml")) {
            return ExperimentSpec.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    "v1-grid.yaml", null, ExperimentSpecTest.NEEDS_SOLVER);
        }
    }

    private void copyStore() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/stores/v1-store.mv.db")) {
            Files.copy(in, dir.resolve("results.mv.db"));
        }
    }

    @Test
    void anOldStoreKeepsItsRunsAndResumesUnderTheNewKeys() throws Exception {
        copyStore();
        ExperimentSpec spec = spec();
        try (ResultStore store = ResultStore.openDefault(dir)) {
            List<RunRecord> runs = store.runs("v1-grid");
            assertEquals(4, runs.size());
            // the numbers are those the old release recorded (its exp:report CSV)
            Map<String, Double> accuracy = runs.stream().collect(Collectors.toMap(
                    r -> r.cell().trainer() + "/" + r.cell().seed(), r -> r.result().testAccuracy()));
            assertEquals(Map.of("exact/0", 0.9285714285714286, "exact/1", 0.9642857142857143,
                    "ste/0", 0.8642857142857143, "ste/1", 0.9214285714285714), accuracy);
            assertEquals(List.of("OPTIMAL", "OPTIMAL", "FEASIBLE", "FEASIBLE"),
                    runs.stream().map(r -> r.result().status()).toList(), "DONE is FEASIBLE now");
            // every stored key is the hash of the cell's run specification now
            assertEquals(spec.cells().stream().map(Cell::key).sorted().toList(),
                    store.statuses("v1-grid").keySet().stream().sorted().toList());

            ExperimentRunnerTest.CountingExecutor executor = new ExperimentRunnerTest.CountingExecutor(0);
            RunSummary summary = ExperimentRunner.run(spec, Shard.ALL, store, executor, ProgressListener.NONE);
            assertEquals(new RunSummary(4, 4, 0, 0, 0, false), summary, "resumed: nothing runs again");
        }
        // opened again: the migration has run once and is not repeated
        try (ResultStore store = ResultStore.openDefault(dir)) {
            assertEquals(4, store.runs("v1-grid").size());
        }
    }

    @Test
    void newRunsStoreTheirRunSpecification() throws Exception {
        ExperimentSpec spec = spec();
        try (ResultStore store = ResultStore.openDefault(dir)) {
            ExperimentRunner.run(spec, Shard.ALL, store, new ExperimentRunnerTest.CountingExecutor(Integer.MAX_VALUE),
                    ProgressListener.NONE);
            Map<String, String> specs = store.runSpecs("v1-grid");
            assertEquals(4, specs.size());
            specs.forEach((key, json) -> assertTrue(json.startsWith("{\"data\":{"), json));
            Cell first = spec.cells().get(0);
            assertEquals(first.runSpec().canonicalJson(), specs.get(first.key()));
            assertEquals(RunSpec.defaults().formulation(), first.runSpec().formulation());
        }
    }
}
