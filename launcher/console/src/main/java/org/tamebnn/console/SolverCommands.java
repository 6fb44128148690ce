package org.tamebnn.console;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.mps.MpsException;
import org.tamebnn.api.mps.MpsReader;

/**
 * The {@code solver} scope: {@code solver:list} and {@code solver:solve}. Solvers come and go with
 * their bundles; each command sees the registry as it is when it runs.
 */
@Component(service = SolverCommands.class, property = {
        "osgi.command.scope=solver",
        "osgi.command.function=list",
        "osgi.command.function=solve" })
public class SolverCommands {
    /** The embedded default: pure Java, always there. */
    static final String DEFAULT_SOLVER = "ojalgo";

    @Reference
    SolverRegistry registry;

    /** For the framework. */
    public SolverCommands() {
    }

    /** Outside OSGi (tests, embedding). */
    SolverCommands(SolverRegistry registry) {
        this.registry = registry;
    }

    List<RegisteredSolver> registered() {
        return registry.solvers();
    }

    @Descriptor("list the installed solvers: name, backend, version, bundle, capabilities, and whether each can run here")
    public String list() {
        List<RegisteredSolver> list = registered();
        if (list.isEmpty()) {
            return "no solvers installed (drop a solver bundle into plugins/)";
        }
        return Tables.solverList(list);
    }

    @Descriptor("solve an MPS file (fixed or free, gzipped or not) on one solver, or on every solver with --all")
    public String solve(CommandSession session,
            @Descriptor("solver to use (see solver:list); default " + DEFAULT_SOLVER)
            @Parameter(names = { "-s", "--solver" }, absentValue = "") String solver,
            @Descriptor("solve on every installed solver, one table row each")
            @Parameter(names = { "-a", "--all" }, presentValue = "true", absentValue = "false") boolean all,
            @Descriptor("time limit per solver in seconds (default 60)")
            @Parameter(names = { "-t", "--time-limit" }, absentValue = "60") double timeLimit,
            @Descriptor("threads per solver, where the solver supports it (default: the solver's own)")
            @Parameter(names = { "--threads" }, absentValue = "0") int threads,
            @Descriptor("solve the LP relaxation: integer variables made continuous")
            @Parameter(names = { "--relax" }, presentValue = "true", absentValue = "false") boolean relax,
            @Descriptor(BnnCommands.SOLVER_OPTION)
            @Parameter(names = { "--option" }, absentValue = "") String option,
            @Descriptor(BnnCommands.NODE_LIMIT)
            @Parameter(names = { "--node-limit" }, absentValue = "0") long nodeLimit,
            @Descriptor("stop at the N-th feasible solution found, where the solver supports it (default: none)")
            @Parameter(names = { "--solution-limit" }, absentValue = "0") int solutionLimit,
            @Descriptor("the MPS file") String file) {
        Path path = resolve(session, file);
        MilpModel model = readModel(path);
        if (relax) {
            model = model.relaxation();
        }
        SolveParams params = params(timeLimit, threads).withOptions(RunSpecOptions.pairs("--option", option));
        if (nodeLimit(nodeLimit) != null) {
            params = params.withNodeLimit(nodeLimit);
        }
        if (solutionLimit < 0) {
            throw new CommandFailure("--solution-limit must be at least 1, got " + solutionLimit);
        }
        if (solutionLimit > 0) {
            params = params.withSolutionLimit(solutionLimit);
        }
        List<RegisteredSolver> chosen = choose(solver, all);
        PrintStream err = System.err;
        boolean terminal = ProgressLine.stderrIsTerminal();
        List<SolveRow> rows = new ArrayList<>();
        try (CtrlC ctrlC = CtrlC.cancels(session, err)) {
            for (RegisteredSolver s : chosen) {
                rows.add(ctrlC.pressed() ? SolveRow.skipped(s.name(), "not started: cancelled (Ctrl-C)")
                        : solveOne(s, model, params, err, terminal, all, ctrlC.token()));
            }
        }
        return Tables.modelHeader(path.getFileName().toString(), model, params) + System.lineSeparator()
                + Tables.solveResults(rows);
    }

    private SolveRow solveOne(RegisteredSolver s, MilpModel model, SolveParams params, PrintStream err,
            boolean terminal, boolean all, CancellationToken cancellation) {
        if (all && model.hasIntegers() && !s.solver().info().supports(Capability.INTEGER_VARIABLES)) {
            return SolveRow.skipped(s.name(), "LP-only solver; --relax solves the LP relaxation");
        }
        SolveResult r;
        try (ProgressLine progress = new ProgressLine(s.name(), err, terminal)) {
            r = s.solver().solve(model, params, progress, cancellation);
        }
        return SolveRow.of(model, r);
    }

    private List<RegisteredSolver> choose(String name, boolean all) {
        List<RegisteredSolver> list = registered();
        if (all) {
            if (!name.isEmpty()) {
                throw new CommandFailure("give either --solver NAME or --all, not both");
            }
            if (list.isEmpty()) {
                throw new CommandFailure("no solvers installed");
            }
            return list;
        }
        return List.of(registry.requireSolver(name.isEmpty() ? DEFAULT_SOLVER : name));
    }

    private static SolveParams params(double timeLimit, int threads) {
        if (threads < 0) {
            throw new CommandFailure("--threads must be at least 1, got " + threads);
        }
        SolveParams p = withTimeLimit(timeLimit);
        return threads > 0 ? p.withThreads(threads) : p;
    }

    /** {@code --node-limit N}, checked: null for 0 (not given). */
    static Long nodeLimit(long nodes) {
        if (nodes < 0) {
            throw new CommandFailure("--node-limit must be at least 1, got " + nodes);
        }
        return nodes == 0 ? null : nodes;
    }

    /** Solve parameters with {@code --time-limit SECONDS}, checked. */
    static SolveParams withTimeLimit(double seconds) {
        return SolveParams.defaults().withTimeLimitSeconds(checkTimeLimit(seconds));
    }

    /** {@code --time-limit SECONDS}, checked: from 1 ms to a year. */
    static double checkTimeLimit(double seconds) {
        if (!(seconds >= 0.001 && seconds <= 365 * 24 * 3600.0)) {
            throw new CommandFailure("--time-limit must be a number of seconds from 0.001 to 31536000, got " + seconds);
        }
        return seconds;
    }

    /** A file to read, relative to the session's folder; it must exist. */
    static Path resolve(CommandSession session, String file) {
        Path p = inSessionFolder(session, file);
        if (!Files.isRegularFile(p)) {
            throw new CommandFailure("no such file: " + file);
        }
        return p.normalize();
    }

    /** {@code file} as the user meant it: relative names are in the console's current folder. */
    private static Path inSessionFolder(CommandSession session, String file) {
        Path p = Path.of(file);
        return p.isAbsolute() ? p : folder(session).resolve(p);
    }

    /** The console's current folder, where relative file names resolve. */
    static Path folder(CommandSession session) {
        Path base = session == null ? null : session.currentDir();
        return base == null ? Path.of(System.getProperty("user.dir")) : base;
    }

    /** A file to write, relative to the session's folder; its folder must exist. */
    static Path output(CommandSession session, String file) {
        Path p = inSessionFolder(session, file);
        Path parent = p.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new CommandFailure("cannot write " + file + ": no folder " + parent);
        }
        return p.normalize();
    }

    /** An MPS file's model; a user's error (unreadable, malformed) as a one-line command failure. */
    static MilpModel readModel(Path path) {
        try {
            return MpsReader.read(path);
        } catch (MpsException e) {
            throw new CommandFailure(e.getMessage());
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + path + ": " + e.getMessage());
        }
    }
}
