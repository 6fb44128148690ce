package org.tamebnn.experiments;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleProgressTest {

    @Test
    void withoutATerminalItPrintsPlainLines(@TempDir Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (ResultStore store = ResultStore.openDefault(dir)) {
            ExperimentRunner.run(ExperimentRunnerTest.SPEC, new Shard(1, 4), store,
                    (cell, status) -> cell.index() == 4 ? CellResult.error("no solver") : CellResult.builder("OPTIMAL").build(),
                    new ConsoleProgress("runner 1/4", out, false));
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertFalse(text.contains("\r"), text);
        assertFalse(text.contains("\u001b"), "no colour codes: " + text);
        assertTrue(lines.stream().anyMatch(l -> l.contains("runner 1/4") && l.contains("3/3")), text);
        assertTrue(lines.stream().anyMatch(l -> l.contains("ERROR no solver")), text);
        assertTrue(lines.getLast().contains("3 run, 0 skipped, 1 errors"), text);
    }
}
