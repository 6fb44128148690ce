package org.tamebnn.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamebnn.api.milp.MilpSolvers;
import org.tamebnn.experiments.CellExecutor;
import org.tamebnn.experiments.ProgressTrace;
import org.tamebnn.experiments.ResultStore;
import org.tamebnn.experiments.RunRecord;
import org.tamebnn.losses.ZeroOneLoss;

/** exp:run and exp:report as plain objects: a tiny BCW grid into an H2 file under a temporary folder. */
class ExperimentCommandsTest {
    private static final String TINY = """
            name: tiny
            datasets: [bcw]
            trainSizes: [10]
            hidden: [[2]]
            trainers: [exact, ste]
            losses: [zero-one]
            solvers: [ortools-scip]
            seeds: [0, 1]
            timeLimits: [60]
            trainerOptions:
              ste:
                epochs: 20
            """;

    private final SolverRegistry registry = new SolverRegistry();
    private final ExperimentCommands commands = new ExperimentCommands(registry, Training.SERVICE);

    @TempDir
    Path tmp;
    private Path spec;
    private Path results;

    @BeforeEach
    void setUp() throws Exception {
        // SCIP: it reports a bound, so that a gap is recorded
        registry.registerSolver("ortools-scip", MilpSolvers.create("ortools-scip"), "test");
        registry.registerLoss("01", new ZeroOneLoss());
        spec = Files.writeString(tmp.resolve("tiny.yaml"), TINY);
        results = tmp.resolve("results");
    }

    private String run() {
        return commands.run(null, "1/1", "", results.toString(), false, spec.toString());
    }

    private List<RunRecord> stored() {
        try (ResultStore store = ResultStore.openDefault(results)) {
            return store.runs("tiny");
        }
    }

    @Test
    void runsEveryCellRecordsEveryMetricAndSkipsThemWhenRunAgain() {
        String out = run();
        assertTrue(out.startsWith("tiny: 4 cells; 4 run now, 0 skipped as finished, 0 errors; results in jdbc:h2:file:"), out);
        List<RunRecord> runs = stored();
        assertEquals(4, runs.size());
        RunRecord exact = runs.stream().filter(r -> r.cell().trainer().equals("exact")).findFirst().orElseThrow();
        assertEquals("OPTIMAL", exact.result().status(), exact.result().toString());
        assertEquals(0.0, exact.result().gap());
        assertTrue(exact.result().testAccuracy() > 0.5 && exact.result().f1() != null
                && exact.result().buildSeconds() != null && exact.result().solveSeconds() != null, exact.result().toString());
        assertEquals(1.0, exact.result().trainAccuracy());
        assertTrue(exact.bundleVersions().size() >= 3, exact.bundleVersions().toString());
        RunRecord ste = runs.stream().filter(r -> r.cell().trainer().equals("ste")).findFirst().orElseThrow();
        assertEquals("FEASIBLE", ste.result().status(), "gradient descent proves nothing");
        assertEquals("-", ste.cell().solver());
        assertTrue(ste.result().testAccuracy() != null && ste.result().gap() == null, ste.result().toString());

        String again = run();
        assertTrue(again.startsWith("tiny: 4 cells; 0 run now, 4 skipped as finished, 0 errors"), again);
        assertEquals(4, stored().size());
    }

    @Test
    void aSpecNamingAnUnknownSolverFailsBeforeRunningAnything() throws Exception {
        Files.writeString(spec, TINY.replace("solvers: [ortools-scip]", "solvers: [ortools-scip, gurobi]"));
        CommandFailure e = assertThrows(CommandFailure.class, this::run);
        assertEquals("tiny: solvers: unknown name gurobi; available: ortools-scip", e.getMessage());
        assertTrue(!Files.exists(results.resolve("results.mv.db")), "nothing was opened");

        Files.writeString(spec, TINY.replace("epochs: 20", "epoch: 20"));
        e = assertThrows(CommandFailure.class, this::run);
        assertTrue(e.getMessage().startsWith("tiny: trainerOptions.ste: trainer ste has no option 'epoch'"), e.getMessage());

        Files.writeString(spec, TINY.replace("trainSizes: [10]", "trainSizes: [ten]"));
        e = assertThrows(CommandFailure.class, this::run);
        assertTrue(e.getMessage().startsWith(spec + ":3:"), e.getMessage());
    }

    /** An Error out of the executor ends the run as a kill would: the cells recorded stay, the next run does the rest. */
    @Test
    void aRunKilledAfterTwoCellsResumesWithTheRest() {
        AtomicInteger started = new AtomicInteger();
        commands.executorHook = inner -> (cell, status) -> {
            if (started.incrementAndGet() > 2) {
                throw new ThreadDeath();
            }
            return inner.execute(cell, status);
        };
        assertThrows(ThreadDeath.class, this::run);
        assertEquals(2, stored().size());

        commands.executorHook = inner -> inner;
        String out = run();
        assertTrue(out.startsWith("tiny: 4 cells; 2 run now, 2 skipped as finished, 0 errors"), out);
        assertEquals(4, stored().size());
    }

    /** An interrupt (Ctrl-C's effect) stops after the running cell, which is not recorded. */
    @Test
    void anInterruptedRunRecordsNothingOfTheCellInProgressAndSaysHowToResume() {
        AtomicInteger started = new AtomicInteger();
        commands.executorHook = inner -> (CellExecutor) (cell, status) -> {
            if (started.incrementAndGet() == 2) {
                Thread.currentThread().interrupt();
            }
            return inner.execute(cell, status);
        };
        String out;
        try {
            out = run();
        } finally {
            Thread.interrupted();
        }
        assertTrue(out.contains("1 run now") && out.contains("run the same command again to resume (3 cells left)"), out);
        assertEquals(1, stored().size());
        commands.executorHook = inner -> inner;
        assertTrue(run().contains("3 run now, 1 skipped as finished"));
    }

    @Test
    void reportPrintsMeanMinMaxAndWritesFiguresAndCsv() throws Exception {
        run();
        Path csv = tmp.resolve("runs.csv");
        Path plots = tmp.resolve("plots");
        String out = commands.report(null, "", results.toString(), csv.toString(), plots.toString(), spec.toString());
        assertTrue(out.startsWith("tiny: 4 runs of the spec's 4 cells in jdbc:h2:file:"), out);
        assertTrue(out.contains("mean [min, max] over seeds"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("| exact ") && l.matches(".*\\|\\s+2 \\|.*") && l.contains("OPTIMAL")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("| ste ") && l.contains("FEASIBLE")), out);
        // accuracy of two seeds: a mean with its range, unless the two agree
        assertTrue(out.lines().anyMatch(l -> l.startsWith("| exact ") && l.matches(".*\\d+\\.\\d( \\[\\d+\\.\\d, \\d+\\.\\d\\])? +\\|.*")), out);
        for (String figure : List.of("gap-vs-time", "accuracy-per-solver")) {
            assertTrue(Files.size(plots.resolve(figure + ".png")) > 1000, figure);
            assertTrue(Files.readString(plots.resolve(figure + ".svg")).contains("<svg"), figure);
        }
        assertTrue(out.contains("accuracy-vs-train-size: left out (the runs have 1 numeric train size; it needs two)"), out);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(5, lines.size());
        assertTrue(lines.get(0).startsWith("spec,cell_key,cell_index,dataset,train_size"), lines.get(0));
        assertTrue(lines.get(1).contains(",exact,zero-one,ortools-scip,0,60.0,,OPTIMAL,"), lines.get(1));

        // by name, from the store alone
        String byName = commands.report(null, "", results.toString(), "", plots.toString(), "tiny");
        assertTrue(byName.startsWith("tiny: 4 runs in "), byName);
        CommandFailure e = assertThrows(CommandFailure.class,
                () -> commands.report(null, "", results.toString(), "", "", "tinny"));
        assertTrue(e.getMessage().startsWith("no runs of 'tinny' in ") && e.getMessage().endsWith("it holds: tiny"),
                e.getMessage());
    }

    /**
     * Solvers that report progress leave a trace per run: the store keeps it, and the report gives
     * time to first incumbent and the primal integral, and draws the gap against time from it.
     * BCW with 200 points and 5 hidden neurons is not proven in 3 s, so reports keep coming.
     */
    @Test
    void progressTracesAreStoredAndReported() throws Exception {
        registry.registerSolver("highs", MilpSolvers.create("highs"), "test");
        registry.registerSolver("scip", MilpSolvers.create("scip"), "test");
        Path traced = Files.writeString(tmp.resolve("traced.yaml"), """
                name: traced
                datasets: [bcw]
                trainSizes: [200]
                hidden: [[5]]
                trainers: [exact]
                losses: [zero-one]
                solvers: [highs, scip]
                seeds: [0]
                timeLimits: [3]
                """);
        commands.run(null, "1/1", "", results.toString(), false, traced.toString());
        List<RunRecord> runs;
        try (ResultStore store = ResultStore.openDefault(results)) {
            runs = store.runs("traced");
        }
        assertEquals(2, runs.size());
        for (RunRecord r : runs) {
            ProgressTrace trace = r.result().trace();
            assertFalse(trace.isEmpty(), r.cell().solver() + " left no trace");
            assertTrue(trace.timeToFirstIncumbent().isPresent(), r.cell().solver() + ": " + trace);
            assertTrue(trace.points().getLast().seconds() <= r.result().totalSeconds() + 1, trace::toString);
        }
        Path plots = tmp.resolve("traced-plots");
        String out = commands.report(null, "", results.toString(), "", plots.toString(), traced.toString());
        assertTrue(out.contains("1st inc (s)") && out.contains("primal int (s)"), out);
        assertTrue(out.lines().filter(l -> l.startsWith("| exact ")).count() == 2, out);
        assertTrue(out.contains("gap-vs-time (from 2 progress traces): "), out);
        assertTrue(Files.size(plots.resolve("gap-vs-time.png")) > 1000);
    }

    @Test
    void csvFieldsAreQuotedAsRfc4180Says() {
        assertEquals("plain", RunsCsv.quoted("plain"));
        assertEquals("\"a,b\"", RunsCsv.quoted("a,b"));
        assertEquals("\"say \"\"no\"\"\"", RunsCsv.quoted("say \"no\""));
        assertEquals("\"two\nlines\"", RunsCsv.quoted("two\nlines"));
    }
}
