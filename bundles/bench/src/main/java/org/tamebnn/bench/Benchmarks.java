package org.tamebnn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs the benchmarks and writes their tables to {@code bundles/bench/results/}, which the README
 * quotes. Usage: {@code Benchmarks ROOT [startup|training|solvers|leak|duals|mnist|all] [--smoke] [--report]
 * [--per-class N,N] [--seeds S] [--note TEXT]} with ROOT the
 * repository (the distribution must be built for {@code startup}); {@code --smoke} runs tiny grids
 * into {@code target/} to check the harness, leaving the quoted results alone; {@code --report}
 * makes the training tables again from the recorded runs; {@code --note TEXT} adds a sentence
 * about the run (e.g. what else the machine was doing) to the line at the top of each table file.
 */
public final class Benchmarks {
    /** What {@code --note} said about the run, or null. */
    private static String note;

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        String what = args.length > 1 ? args[1] : "all";
        boolean smoke = java.util.Arrays.asList(args).contains("--smoke");
        if (!java.util.Set.of("startup", "training", "solvers", "leak", "duals", "mnist", "tabular", "all").contains(what)) {
            System.err.println("tamebnn bench: expected startup, training, solvers, leak, duals, mnist, tabular or all,"
                    + " not '"
                    + what + "'");
            System.exit(2);
        }
        note = value(args, "--note");
        Path results = root.resolve(smoke ? "bundles/bench/target/smoke" : "bundles/bench/results");
        Files.createDirectories(results);
        if (what.equals("startup") || what.equals("all") && !smoke) {
            String table = StartupBench.run(root, 10);
            write(results.resolve("startup.md"), table);
            System.out.println(table);
        }
        if (what.equals("training") || what.equals("all")) {
            var grid = smoke ? TrainingBench.Grid.smoke() : TrainingBench.Grid.full();
            Path csv = results.resolve("training-runs.csv");
            // --report: the tables again from the runs already recorded, nothing solved
            String table = java.util.Arrays.asList(args).contains("--report") ? TrainingBench.report(grid, csv)
                    : TrainingBench.run(grid, csv);
            write(results.resolve("training.md"), table);
            System.out.println(table);
        }
        if (what.equals("leak") || what.equals("all")) {
            String table = smoke ? LeakBench.run(root, "org.tamebnn.solver.ojalgo", "ojalgo", 4, 2, 1)
                    : LeakBench.run(root, "org.tamebnn.solver.ortools", "ortools-scip", 50, 10, 70)
                            + System.lineSeparator()
                            + LeakBench.run(root, "org.tamebnn.solver.ojalgo", "ojalgo", 50, 10, 70);
            write(results.resolve("leak.md"), table);
            System.out.println(table);
        }
        if (what.equals("duals") || what.equals("all")) {
            String table = smoke ? DualBench.run(10, DualBench.smokeInstances()) : DualBench.run(60, java.util.List.of());
            write(results.resolve("duals.md"), table);
            System.out.println(table);
        }
        if (what.equals("mnist") || what.equals("all")) {
            FewShotBench.Grid grid = smoke ? FewShotBench.Grid.smoke() : FewShotBench.Grid.full();
            grid = FewShotBench.Grid.narrowed(grid, value(args, "--per-class"), value(args, "--seeds"),
                    value(args, "--methods"));
            // --out NAME: NAME.md and NAME-runs.csv, so that two parts of the grid can run side by side
            String name = value(args, "--out") == null ? "mnist" : value(args, "--out");
            // --report: the table again from the runs already recorded, nothing trained
            String table = java.util.Arrays.asList(args).contains("--report")
                    ? FewShotBench.report(grid, results.resolve(name + "-runs.csv"))
                    : FewShotBench.run(grid, results.resolve(name + "-runs.csv"));
            write(results.resolve(name + ".md"), table);
            System.out.println(table);
        }
        if (what.equals("tabular") || what.equals("all")) {
            FewShotBench.Grid grid = FewShotBench.Grid.narrowed(FewShotBench.Grid.tabular(), null, value(args, "--seeds"),
                    value(args, "--methods"));
            String table = java.util.Arrays.asList(args).contains("--report")
                    ? FewShotBench.report(grid, results.resolve("tabular-runs.csv"))
                    : FewShotBench.run(grid, results.resolve("tabular-runs.csv"));
            write(results.resolve("tabular.md"), table);
            System.out.println(table);
        }
        if (what.equals("solvers") || what.equals("all")) {
            Path scratch = Files.createTempDirectory("tamebnn-bench");
            String table = smoke
                    ? SolverBench.run(scratch, 5, java.util.List.of(25), 1, false, results.resolve("solvers-runs.csv"), 1)
                    : SolverBench.run(scratch, 20, java.util.List.of(25, 50, 100, 200, SolverBench.ALL), 10, true,
                            results.resolve("solvers-runs.csv"), 3);
            write(results.resolve("solvers.md"), table);
            System.out.println(table);
        }
    }

    /** The value after {@code flag} in {@code args}, or null. */
    private static String value(String[] args, String flag) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(flag)) {
                return args[i + 1];
            }
        }
        return null;
    }

    static void write(Path file, String table) throws IOException {
        String header = String.format(Locale.ROOT, "Measured %s on %s (%d cores, %s, Java %s).%s%n%n",
                java.time.LocalDate.now(), machine(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                System.getProperty("java.version"), note == null ? "" : " " + note);
        Files.writeString(file, header + table);
    }

    static String machine() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
