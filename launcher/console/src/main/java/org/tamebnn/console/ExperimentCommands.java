package org.tamebnn.console;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tamebnn.api.training.Trainer;
import org.tamebnn.api.training.TrainerOptions;
import org.tamebnn.api.training.TrainingException;
import org.tamebnn.api.training.TrainingService;
import org.tamebnn.experiments.Cell;
import org.tamebnn.experiments.CellExecutor;
import org.tamebnn.experiments.ConsoleProgress;
import org.tamebnn.experiments.ExperimentRunner;
import org.tamebnn.experiments.ExperimentSpec;
import org.tamebnn.experiments.Machine;
import org.tamebnn.experiments.ResultStore;
import org.tamebnn.experiments.RunOptions;
import org.tamebnn.experiments.RunRecord;
import org.tamebnn.experiments.RunSummary;
import org.tamebnn.experiments.Shard;
import org.tamebnn.experiments.SpecException;
import org.tamebnn.experiments.StoreException;

/**
 * The {@code exp} scope: {@code exp:run SPEC} runs an experiment grid (or one shard of it) into a
 * result store, resuming where an earlier run stopped; {@code exp:report} prints its tables, writes
 * its figures and exports its runs as CSV.
 */
@Component(service = ExperimentCommands.class, property = {
        "osgi.command.scope=exp",
        "osgi.command.function=run",
        "osgi.command.function=report" })
public class ExperimentCommands {
    private static final String DB = "JDBC URL of the result store, credentials in the URL"
            + " (e.g. jdbc:postgresql://host/db?user=u&password=p); default: the H2 file in --results";
    private static final String RESULTS = "folder of the default H2 result store, results.mv.db (default results)";

    @Reference
    SolverRegistry registry;

    @Reference
    TrainingService training;

    /** Wraps each grid's executor; tests stop a run part-way with it, as a killed process would. */
    UnaryOperator<CellExecutor> executorHook = UnaryOperator.identity();

    /** For the framework. */
    public ExperimentCommands() {
    }

    /** Outside OSGi (tests, embedding). */
    ExperimentCommands(SolverRegistry registry, TrainingService training) {
        this.registry = registry;
        this.training = training;
    }

    @Descriptor("run an experiment grid (a YAML or JSON spec) into the result store: only the cells not yet"
            + " recorded, each recorded as it finishes, so a killed run resumes; Ctrl-C stops the running cell")
    public String run(CommandSession session,
            @Descriptor("run only the i-th of N parts of the grid, e.g. 2/8 (for batch job arrays)")
            @Parameter(names = { "--shard" }, absentValue = "1/1") String shard,
            @Descriptor(DB) @Parameter(names = { "--db" }, absentValue = "") String db,
            @Descriptor(RESULTS) @Parameter(names = { "--results" }, absentValue = "results") String results,
            @Descriptor("run again the cells recorded as ERROR")
            @Parameter(names = { "--retry-errors" }, presentValue = "true", absentValue = "false") boolean retryErrors,
            @Descriptor("the spec file (see specs/ and bundles/experiments' example.yaml)") String specFile) {
        Path file = SolverCommands.resolve(session, specFile);
        ExperimentSpec spec = load(file);
        checkNames(spec);
        Shard part;
        try {
            part = Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
        RunOptions options = new RunOptions(BundleVersions.current(), Machine.current(), retryErrors);
        PrintStream err = System.err;
        String task = spec.name() + (part.equals(Shard.ALL) ? "" : " " + part);
        RunSummary summary;
        String url;
        try (ResultStore store = open(session, db, results); CtrlC ctrlC = CtrlC.cancels(session, err)) {
            url = store.url();
            CellExecutor cells = executorHook.apply(new TrainerCells(training, file, ctrlC.token()));
            summary = ExperimentRunner.run(spec, part, store, cells,
                    new ConsoleProgress(task, err, ProgressLine.stderrIsTerminal()), options);
        } catch (StoreException e) {
            throw new CommandFailure(e.getMessage());
        }
        return summary(task, summary, url);
    }

    @Descriptor("print an experiment's results: one row per configuration with mean [min, max] over the seeds of"
            + " test accuracy, precision, recall, F1, gap and time; write its figures (PNG and SVG) and, with --csv,"
            + " every run as CSV")
    public String report(CommandSession session,
            @Descriptor(DB) @Parameter(names = { "--db" }, absentValue = "") String db,
            @Descriptor(RESULTS) @Parameter(names = { "--results" }, absentValue = "results") String results,
            @Descriptor("write every run, with every parameter and metric, to this CSV file")
            @Parameter(names = { "--csv" }, absentValue = "") String csv,
            @Descriptor("folder for the figures (default RESULTS/plots/SPEC-NAME)")
            @Parameter(names = { "--plots" }, absentValue = "") String plots,
            @Descriptor("a spec file, or the name of a spec in the store") String specOrName) {
        Path file = Path.of(specOrName).isAbsolute() || session == null ? Path.of(specOrName)
                : session.currentDir() == null ? Path.of(specOrName) : session.currentDir().resolve(specOrName);
        ExperimentSpec spec = Files.isRegularFile(file) ? load(file) : null;
        String name = spec == null ? specOrName : spec.name();
        List<RunRecord> runs;
        String url;
        try (ResultStore store = open(session, db, results)) {
            url = store.url();
            runs = store.runs(name);
            if (runs.isEmpty()) {
                List<String> names = store.specNames();
                throw new CommandFailure("no runs of " + (spec == null ? "'" + name + "'" : "spec " + name + " (" + specOrName + ")")
                        + " in " + url + (names.isEmpty() ? "; it holds none" : "; it holds: " + String.join(", ", names)));
            }
        } catch (StoreException e) {
            throw new CommandFailure(e.getMessage());
        }
        StringBuilder out = new StringBuilder();
        int recorded = runs.size();
        if (spec != null) {
            // runs of cells the spec no longer has (it was edited) would mix old and new grids
            Set<String> keys = spec.cells().stream().map(Cell::key).collect(Collectors.toSet());
            runs = runs.stream().filter(r -> keys.contains(r.cell().key())).toList();
        }
        long errors = runs.stream().filter(r -> r.result().isError()).count();
        out.append(String.format(Locale.ROOT, "%s: %d runs%s%s in %s%n", name, runs.size(),
                spec == null ? "" : " of the spec's " + spec.cells().size() + " cells",
                errors == 0 ? "" : " (" + errors + " failed)", url));
        if (recorded > runs.size()) {
            out.append(recorded - runs.size()).append(" recorded runs are of cells no longer in the spec: left out")
                    .append(System.lineSeparator());
        }
        if (runs.isEmpty()) {
            return out.toString().strip();
        }
        out.append("metrics: mean [min, max] over seeds; accuracy, precision, recall, F1 and gap in %;"
                + " precision, recall and F1 weighted over the classes").append(System.lineSeparator());
        out.append(ExperimentTables.of(RunGroup.of(runs))).append(System.lineSeparator());
        Path plotDir = plots.isEmpty()
                ? SolverCommands.output(session, results).resolve("plots").resolve(fileName(name))
                : SolverCommands.output(session, plots);
        out.append("figures:").append(System.lineSeparator());
        for (String line : ExperimentPlots.write(plotDir, runs)) {
            out.append("  ").append(line).append(System.lineSeparator());
        }
        if (!csv.isEmpty()) {
            Path csvFile = SolverCommands.output(session, csv);
            RunsCsv.write(csvFile, runs);
            out.append(runs.size()).append(" runs written to ").append(csvFile).append(System.lineSeparator());
        }
        return out.toString().strip();
    }

    /** The spec in {@code file}, its trainers' need for a solver as the installed trainers say. */
    private ExperimentSpec load(Path file) {
        try {
            // an unknown trainer counts as needing one: checkNames refuses it by name
            return ExperimentSpec.load(file, name -> installed(name).map(Trainer::needsSolver).orElse(true));
        } catch (SpecException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    /** Every trainer, loss, solver and trainer option of the spec must be installed and known. */
    private void checkNames(ExperimentSpec spec) {
        try {
            spec.requireKnown("trainers", training.trainers().stream().map(Trainer::name).collect(Collectors.toSet()));
            spec.requireKnown("losses", registry.lossNames());
            spec.requireKnown("solvers", registry.solvers().stream().map(RegisteredSolver::name).collect(Collectors.toSet()));
        } catch (SpecException e) {
            throw new CommandFailure(e.getMessage());
        }
        for (Map.Entry<String, Map<String, String>> e : spec.trainerOptions().entrySet()) {
            Trainer trainer = installed(e.getKey()).orElseThrow(() -> new CommandFailure(spec.name()
                    + ": trainerOptions." + e.getKey() + ": no trainer named '" + e.getKey() + "'"));
            try {
                TrainerOptions.of(trainer.name(), trainer.options(), e.getValue());
            } catch (TrainingException f) {
                throw new CommandFailure(spec.name() + ": trainerOptions." + e.getKey() + ": " + f.getMessage());
            }
        }
    }

    /** The installed trainer called {@code name}. */
    private Optional<Trainer> installed(String name) {
        return training.trainers().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static ResultStore open(CommandSession session, String db, String results) {
        return db.isEmpty() ? ResultStore.openDefault(SolverCommands.output(session, results))
                : ResultStore.open(db);
    }

    private static String summary(String task, RunSummary s, String url) {
        List<String> parts = new ArrayList<>();
        parts.add(s.ran() + " run now");
        parts.add(s.skipped() + " skipped as finished");
        parts.add(s.errors() + (s.errors() == 1 ? " error" : " errors"));
        if (s.duplicates() > 0) {
            parts.add(s.duplicates() + " recorded by another runner first");
        }
        String line = String.format(Locale.ROOT, "%s: %d cells; %s; results in %s", task, s.total(),
                String.join(", ", parts), url);
        if (s.interrupted()) {
            line += System.lineSeparator() + "stopped before the end: the cell in progress was not recorded;"
                    + " run the same command again to resume (" + (s.total() - s.skipped() - s.ran()) + " cells left)";
        } else if (s.errors() > 0) {
            line += System.lineSeparator() + "exp:report shows the errors' messages in its CSV (--csv FILE);"
                    + " --retry-errors runs those cells again";
        }
        return line;
    }

    /** A spec name as a folder name: anything but letters, digits, '.', '_' and '-' becomes '-'. */
    static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
