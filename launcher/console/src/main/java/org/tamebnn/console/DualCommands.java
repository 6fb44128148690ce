package org.tamebnn.console;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tamebnn.api.dual.DualConstructor;
import org.tamebnn.api.dual.DualFunction;
import org.tamebnn.api.dual.DualProgress;
import org.tamebnn.api.dual.DualRequest;
import org.tamebnn.api.dual.DualResult;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;

/**
 * The {@code dual} scope: dual functions of MILPs (Guzelsoy &amp; Ralphs, Section 4) from the
 * installed {@link DualConstructor} plugins, on an MPS file or on the training MILP of the last
 * {@code bnn:train} in this console; their values and conservative fields; and the Taming paper's
 * Definition 8.
 */
@Component(service = DualCommands.class, property = {
        "osgi.command.scope=dual",
        "osgi.command.function=list",
        "osgi.command.function=build",
        "osgi.command.function=eval",
        "osgi.command.function=nice",
        "osgi.command.function=example",
        "osgi.command.function=plot" })
public class DualCommands {
    /** Session variable holding the last function built, for {@code dual:eval}. */
    static final String LAST_DUAL = "tamebnn.dual.last";
    private static final List<String> LP_BACKENDS = List.of("ortools-glop", "ortools-clp", "lpsolve");
    private static final List<String> MILP_BACKENDS = List.of("ortools-scip", "ortools-highs", "ortools-cbc", "ojalgo");

    @Reference
    SolverRegistry registry;

    /** For the framework. */
    public DualCommands() {
    }

    /** Outside OSGi (tests, embedding). */
    DualCommands(SolverRegistry registry) {
        this.registry = registry;
    }

    @Descriptor("list the installed dual-function methods: name, what the backend needs, what they certify, where they apply")
    public String list() {
        List<DualConstructor> duals = registry.duals();
        if (duals.isEmpty()) {
            return "no dual-function methods installed (the org.tamebnn.dual bundle provides them)";
        }
        return DualTables.methods(duals);
    }

    @Descriptor("build a dual function of an MPS file's MILP (or, without a file, of the last bnn:train's training MILP)"
            + " and report F(b) beside the MILP's optimum and bound")
    public String build(CommandSession session,
            @Descriptor("the method (see dual:list)") @Parameter(names = { "-m", "--method" }, absentValue = "bb") String method,
            @Descriptor("the solver the method runs on (default: an LP solver with duals, or a MILP solver, as the method needs)")
            @Parameter(names = { "-b", "--backend" }, absentValue = "") String backend,
            @Descriptor("the MILP solver giving the optimum to compare with (default ortools-scip)")
            @Parameter(names = { "--milp" }, absentValue = "") String milp,
            @Descriptor("rows whose right-hand side varies, by name, comma-separated (default: every row)")
            @Parameter(names = { "--rows" }, absentValue = "") String rows,
            @Descriptor("method options as name=value, comma-separated (see the method's description)")
            @Parameter(names = { "-o", "--options" }, absentValue = "") String options,
            @Descriptor("time limit in seconds, for the construction and for the MILP solve each (default 60)")
            @Parameter(names = { "-t", "--time-limit" }, absentValue = "60") double timeLimit,
            @Descriptor("the MPS file; none: the last bnn:train's MILP") String... file) {
        Subject subject = subject(session, file);
        MilpModel model = subject.model();
        DualConstructor dual = registry.requireDual(method);
        SolveParams params = SolverCommands.withTimeLimit(timeLimit);
        RegisteredSolver on = backend.isEmpty() ? defaultBackend(dual) : registry.requireSolver(backend);
        Map<String, String> opts = options(options);
        KnownOptimum optimum = subject.known().orElseGet(() -> solveMilp(model, milp, params));
        if (!opts.containsKey("incumbent") && dual.options().contains("incumbent") && Double.isFinite(optimum.objective())) {
            // the MILP solver's incumbent lets a tree prune by bound from its root, and aims subgradient steps
            opts.put("incumbent", Double.toString(optimum.objective()));
        }
        DualRequest request = new DualRequest(rowIndices(model, rows), Optional.empty(), on.solver(), params, opts);
        DualResult result;
        // a tree shows its progress on standard error, and Ctrl-C stops it with the function it has so far
        try (CtrlC ctrlC = CtrlC.cancels(session, System.err);
                ProgressLine line = new ProgressLine(dual.name(), System.err, ProgressLine.stderrIsTerminal())) {
            result = dual.construct(model, request.withCancellation(ctrlC.token())
                    .withListener(p -> line.onDetail(describe(p))));
        }
        result.function().ifPresent(f -> { if (session != null) { session.put(LAST_DUAL, f); } });
        return DualTables.built(subject.describe(), model, dual, on.name(), result, optimum);
    }

    /** A tree's progress for the status line: LPs, open nodes, bound, incumbent and their gap. */
    static String describe(DualProgress p) {
        return p.lps() + " LPs  " + (p.open() >= 0 ? p.open() + " open  " : "") + "bound "
                + Format.number(p.bound()) + "  incumbent " + Format.number(p.incumbent()) + "  gap "
                + Format.percent(SolveResult.relativeGap(p.incumbent(), p.bound()));
    }

    @Descriptor("evaluate the last built dual function at right-hand sides: F(d) and its conservative field (gradients of the active pieces)")
    public String eval(CommandSession session,
            @Descriptor("right-hand sides, each with its coordinates comma-separated (such as 0.5 or 1,2)") String... points) {
        Object last = session == null ? null : session.get(LAST_DUAL);
        if (!(last instanceof DualFunction f)) {
            throw new CommandFailure("no dual function built in this console yet (run dual:build first)");
        }
        if (points.length == 0) {
            throw new CommandFailure("give at least one right-hand side, such as dual:eval 0.5 1");
        }
        List<double[]> ds = new ArrayList<>();
        for (String p : points) {
            double[] d = numbers(p, "right-hand side");
            if (d.length != f.dimension()) {
                throw new CommandFailure("right-hand side " + p + " has " + d.length + " coordinates; the function has "
                        + f.dimension());
            }
            ds.add(d);
        }
        return f.describe() + System.lineSeparator() + f.certificate().describe() + System.lineSeparator()
                + DualTables.values(f, ds);
    }

    @Descriptor("check the Taming paper's Definition 8 on an MPS file's MILP: (A) feasible, (B) the dual of its continuous"
            + " relaxation feasible, (C) finitely many non-differentiable points of the objective")
    public String nice(CommandSession session,
            @Descriptor("the MILP solver for (A) (default ortools-scip)") @Parameter(names = { "--milp" }, absentValue = "") String milp,
            @Descriptor("the LP solver for (B) (default ortools-glop)") @Parameter(names = { "--lp" }, absentValue = "") String lp,
            @Descriptor("time limit in seconds per solve (default 60)") @Parameter(names = { "-t", "--time-limit" }, absentValue = "60") double timeLimit,
            @Descriptor("the MPS file") String file) {
        Path path = SolverCommands.resolve(session, file);
        MilpModel model = SolverCommands.readModel(path);
        SolveParams params = SolverCommands.withTimeLimit(timeLimit);
        RegisteredSolver milpSolver = milp.isEmpty() ? first(MILP_BACKENDS, Capability.INTEGER_VARIABLES) : registry.requireSolver(milp);
        RegisteredSolver lpSolver = lp.isEmpty() ? first(LP_BACKENDS, null) : registry.requireSolver(lp);
        return Niceness.check(model, milpSolver, lpSolver, params).describe(path.getFileName().toString());
    }

    @Descriptor("the Taming paper's running example (10)/(11): the exact value function on [-4, 4] with its breakpoints,"
            + " every installed method's dual function on one grid with F <= z checked, (12) put through the check of (7),"
            + " and the best k-piece fits (14)")
    public String example(
            @Descriptor("the right-hand side the dual functions are built at (default 0.5)")
            @Parameter(names = { "--at" }, absentValue = "0.5") double at,
            @Descriptor("time limit per construction in seconds (default 60)")
            @Parameter(names = { "-t", "--time-limit" }, absentValue = "60") double timeLimit) {
        return report(at, timeLimit).text();
    }

    @Descriptor("draw the running example's value function and dual functions (the paper's Figure 4) as PNG and SVG")
    public String plot(CommandSession session,
            @Descriptor("the right-hand side the dual functions are built at (default 0.5)")
            @Parameter(names = { "--at" }, absentValue = "0.5") double at,
            @Descriptor("the image file, without or with .png/.svg (default dual-functions)")
            @Parameter(names = { "-o", "--out" }, absentValue = "dual-functions") String out,
            @Descriptor("time limit per construction in seconds (default 60)")
            @Parameter(names = { "-t", "--time-limit" }, absentValue = "60") double timeLimit) {
        Path file = SolverCommands.output(session, out.replaceFirst("(?i)\\.(png|svg)$", "") + ".png");
        try {
            var written = report(at, timeLimit).plot(file);
            return "wrote " + written.png() + System.lineSeparator() + "wrote " + written.svg();
        } catch (java.io.IOException e) {
            throw new CommandFailure("cannot write " + file + ": " + e.getMessage());
        }
    }

    private RunningExampleReport report(double at, double timeLimit) {
        SolverCommands.withTimeLimit(timeLimit);
        return RunningExampleReport.build(at, registry.duals(), first(MILP_BACKENDS, Capability.INTEGER_VARIABLES)
                .solver(), first(LP_BACKENDS, null).solver(), timeLimit);
    }

    /** A MILP to build for, with what is already known of its optimum. */
    record Subject(String describe, MilpModel model, Optional<KnownOptimum> known) {
    }

    /** A MILP solver's answer to set a dual bound beside: objective NaN without a solution, bound NaN when unknown. */
    record KnownOptimum(String solver, org.tamebnn.api.milp.SolveStatus status, double objective, double bound) {
        static KnownOptimum of(SolveResult r) {
            return new KnownOptimum(r.solver(), r.status(), r.hasSolution() ? r.objective() : Double.NaN, r.dualBound());
        }
    }

    private Subject subject(CommandSession session, String[] file) {
        if (file != null && file.length > 1) {
            throw new CommandFailure("give one MPS file, not " + file.length);
        }
        if (file != null && file.length == 1) {
            Path path = SolverCommands.resolve(session, file[0]);
            return new Subject(path.getFileName().toString(), SolverCommands.readModel(path), Optional.empty());
        }
        Object last = session == null ? null : session.get(BnnCommands.LAST_TRAINING);
        if (last instanceof BnnCommands.LastTraining t) {
            return new Subject("the training MILP of the last bnn:train (" + t.describe() + ")", t.model(),
                    Optional.of(t.optimum()));
        }
        throw new CommandFailure("give an MPS file, or run bnn:train first in this console to certify its training MILP");
    }

    private KnownOptimum solveMilp(MilpModel model, String milp, SolveParams params) {
        RegisteredSolver s = milp.isEmpty() ? first(MILP_BACKENDS, Capability.INTEGER_VARIABLES) : registry.requireSolver(milp);
        return KnownOptimum.of(s.solver().solve(model, params));
    }

    private RegisteredSolver defaultBackend(DualConstructor dual) {
        List<String> preferred = dual.needs().contains(Capability.LP_DUALS) ? LP_BACKENDS : MILP_BACKENDS;
        for (String name : preferred) {
            var s = registry.solver(name);
            if (s.isPresent() && s.get().solver().availability().isAvailable()
                    && dual.needs().stream().allMatch(s.get().solver().info()::supports)) {
                return s.get();
            }
        }
        return registry.solvers().stream().filter(s -> !s.composite() && s.solver().availability().isAvailable()
                && dual.needs().stream().allMatch(s.solver().info()::supports)).findFirst()
                .orElseThrow(() -> new CommandFailure("no installed solver has what " + dual.name() + " needs: "
                        + dual.needs()));
    }

    private RegisteredSolver first(List<String> names, Capability needed) {
        for (String name : names) {
            var s = registry.solver(name);
            if (s.isPresent() && s.get().solver().availability().isAvailable()
                    && (needed == null || s.get().solver().info().supports(needed))) {
                return s.get();
            }
        }
        throw new CommandFailure("none of " + String.join(", ", names) + " is installed and available");
    }

    private static int[] rowIndices(MilpModel model, String rows) {
        if (rows.isBlank()) {
            return new int[0];
        }
        return Arrays.stream(rows.split(",")).map(String::strip).mapToInt(name -> model.rowIndex(name)
                .orElseThrow(() -> new CommandFailure("no row named '" + name + "' in model " + model.name()))).toArray();
    }

    private static Map<String, String> options(String options) {
        Map<String, String> map = new HashMap<>();
        if (options.isBlank()) {
            return map;
        }
        for (String pair : options.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new CommandFailure("option '" + pair + "' is not name=value");
            }
            map.put(kv[0].strip(), kv[1].strip());
        }
        return map;
    }

    static double[] numbers(String text, String what) {
        try {
            return Arrays.stream(text.split(",")).map(String::strip).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            throw new CommandFailure(what + " '" + text + "' is not a comma-separated list of numbers");
        }
    }

    /** The sign turning the model's objective into the minimisation sense dual functions use. */
    static double sign(MilpModel model) {
        return model.sense() == Sense.MAXIMIZE ? -1 : 1;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.9g", v);
    }
}
