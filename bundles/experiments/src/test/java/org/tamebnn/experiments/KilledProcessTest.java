package org.tamebnn.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grid whose process dies abruptly (no shutdown hooks, no closing of the database) keeps every
 * cell it recorded, and the next run runs only the rest.
 */
class KilledProcessTest {

    static final int KILLED_AT = 6;

    /** The child: runs the grid into the store in {@code args[0]} and halts the JVM in cell {@link #KILLED_AT}. */
    public static void main(String[] args) {
        ResultStore store = ResultStore.openDefault(Path.of(args[0]));
        ExperimentRunner.run(ExperimentRunnerTest.SPEC, Shard.ALL, store, (cell, status) -> {
            if (cell.index() == KILLED_AT - 1) Runtime.getRuntime().halt(137);
            return CellResult.builder("OPTIMAL").build();
        }, ProgressListener.NONE);
    }

    @Test
    void aKilledProcessLosesOnlyTheCellInProgress(@TempDir Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledProcessTest.class.getName(), dir.toString()));
        Process child = new ProcessBuilder(command).inheritIO().start();
        if (!child.waitFor(2, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("the child did not stop");
        }
        assertEquals(137, child.exitValue());

        List<Cell> cells = ExperimentRunnerTest.SPEC.cells();
        try (ResultStore store = ResultStore.openDefault(dir)) {
            Set<String> kept = store.finishedKeys(ExperimentRunnerTest.SPEC.name());
            assertEquals(Set.copyOf(cells.subList(0, KILLED_AT - 1).stream().map(Cell::key).toList()), kept);

            List<Integer> ranNow = new ArrayList<>();
            RunSummary summary = ExperimentRunner.run(ExperimentRunnerTest.SPEC, Shard.ALL, store, (cell, status) -> {
                ranNow.add(cell.index());
                return CellResult.builder("OPTIMAL").build();
            }, ProgressListener.NONE);
            assertEquals(cells.subList(KILLED_AT - 1, cells.size()).stream().map(Cell::index).toList(), ranNow);
            assertEquals(KILLED_AT - 1, summary.skipped());
            assertEquals(cells.size(), store.runs(ExperimentRunnerTest.SPEC.name()).size());
        }
    }
}
