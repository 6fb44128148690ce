package org.tamebnn.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;
import org.tamebnn.tck.MiplibInstance;

/**
 * What every OSGi framework must do with the distribution's bundles: resolve and start them all,
 * register the same solver services, and run solves and a BNN training through the service registry
 * and Gogo, also while solver bundles are stopped, updated and refreshed. {@link PlatformIT} runs
 * these checks on Apache Felix (the shipped framework), {@link EquinoxIT} on Eclipse Equinox; the
 * framework is the only difference.
 *
 * <p>Each subclass runs in a JVM whose class path holds its framework only (see the failsafe
 * executions in this module's pom): both jars carry the OSGi API classes, both install a JVM-wide
 * URL handler factory, and {@code ServiceLoader} would find both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlatformContract {
    static final Path DIST = Path.of(System.getProperty("tamebnn.dist", "target/tamebnn"));
    static final String MILP_SOLVER = "org.tamebnn.api.milp.MilpSolver";

    /** The solver services the distribution registers, whatever the framework. */
    static final Set<String> SOLVERS = Set.of("highs", "lpsolve", "ojalgo", "ortools-cbc", "ortools-clp", "ortools-cpsat",
            "ortools-glop", "ortools-highs", "ortools-pdlp", "ortools-scip", "portfolio", "scip");

    /** Bundles of bundle/ that Platform installs only with the console or the plugins watch. */
    private static final Set<String> INTERACTIVE_ONLY = Set.of("org.apache.felix.gogo.jline",
            "org.apache.felix.fileinstall");

    protected Platform platform;
    protected Path work;

    /** A class of the framework implementation, present only on that framework's class path. */
    abstract String frameworkClass();

    /** The framework's system bundle symbolic name. */
    abstract String systemBundle();

    /** Starts the framework under test with the bundles of {@code home/bundle}, no console. */
    abstract Platform start(Path home, Path plugins) throws Exception;

    @BeforeAll
    void startPlatform() throws Exception {
        // under -Dit.test=... the other framework's execution sees this class too: skip it there
        Assumptions.assumeTrue(present(frameworkClass()), frameworkClass() + " is not on this execution's class path");
        work = Files.createTempDirectory("tamebnn-it");
        Files.createDirectories(work.resolve("plugins"));
        platform = start(DIST, work.resolve("plugins"));
    }

    @AfterAll
    void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void runsOnTheIntendedFramework() {
        assertEquals(systemBundle(), platform.context().getBundle(0).getSymbolicName());
    }

    /**
     * Equinox defaults {@code gosh.args} to {@code --nointeractive} (Felix leaves it unset), which
     * starts the console with no line reader: Platform states Gogo's default for every framework.
     */
    @Test
    void theConsoleWouldStartInteractive() {
        assertEquals("", platform.context().getProperty("gosh.args"));
    }

    @Test
    void everyBundleResolvesAndStarts() throws IOException {
        List<String> problems = problems(platform.context());
        assertTrue(problems.isEmpty(), "bundles not active (fragments: not resolved): " + problems);
        Set<String> installed = new TreeSet<>();
        for (Bundle b : platform.context().getBundles()) {
            installed.add(b.getSymbolicName());
        }
        Set<String> missing = new TreeSet<>(symbolicNames(DIST.resolve("bundle")));
        missing.removeAll(INTERACTIVE_ONLY);
        missing.removeAll(installed);
        assertTrue(missing.isEmpty(), "bundles of bundle/ not installed: " + missing);
    }

    @Test
    void solversAreRegisteredServices() throws Exception {
        assertEquals(SOLVERS, solverNames(platform.context()));
    }

    /** OR-Tools' natives are unpacked from the library bundle's entries, which each framework names its own way. */
    @Test
    void solverListThroughGogoFindsEveryBackendAvailable() throws Exception {
        String out = gogo("solver:list");
        assertTrue(out.contains("org.tamebnn.solver.ojalgo"), "the bundle column names the providing bundle: " + out);
        for (String solver : SOLVERS) {
            boolean lpSolveMissing = solver.equals("lpsolve") && out.contains("lp_solve not found");
            assertTrue(lpSolveMissing || out.lines().anyMatch(l -> l.startsWith("| " + solver + " ")
                    && l.matches(".*\\| available +\\|")), solver + " available in\n" + out);
        }
    }

    @Test
    void solveThroughGogoUsesTheRegistry(@TempDir Path tmp) throws Exception {
        Path mps = MiplibInstance.named("p0033").copyTo(tmp);
        String out = gogo("solver:solve " + mps + " --solver ojalgo --time-limit 60");
        assertTrue(out.contains("OPTIMAL"), out);
        assertTrue(out.contains("3089"), out);
    }

    /** Dual-function methods are services too; a branch-and-bound dual on p0033 meets SCIP's optimum. */
    @Test
    void dualFunctionsAreBuiltThroughGogo(@TempDir Path tmp) throws Exception {
        String list = gogo("dual:list");
        for (String method : List.of("bb", "lp", "lagrangian")) {
            assertTrue(list.lines().anyMatch(l -> l.startsWith("| " + method + " ")), method + " in\n" + list);
        }
        Path mps = MiplibInstance.named("p0033").copyTo(tmp);
        String out = gogo("dual:build " + mps + " --method lp --time-limit 60");
        assertTrue(out.contains("dual bound F(b) = 2520.57"), out); // p0033's LP bound
        assertTrue(out.contains("objective 3089.00000"), out);
        // the plotting library is embedded in the dual bundle: Figure 4 renders inside the framework
        String plot = gogo("dual:plot --out " + tmp.resolve("figure4"));
        assertTrue(Files.size(tmp.resolve("figure4.png")) > 1000, plot);
        assertTrue(Files.readString(tmp.resolve("figure4.svg")).contains("<svg"), plot);
    }

    /** lp_solve is called through FFM from a bundle class loader: the JVM must grant it native access. */
    @Test
    void lpSolveSolvesThroughTheForeignFunctionApi(@TempDir Path tmp) throws Exception {
        Path mps = MiplibInstance.named("p0033").copyTo(tmp);
        String out = gogo("solver:solve " + mps + " --solver lpsolve --time-limit 60");
        Assumptions.assumeFalse(out.contains("lp_solve not found"), "lp_solve is not installed here");
        assertTrue(out.contains("OPTIMAL") && out.contains("3089"), out);
    }

    @Test
    void thePortfolioRacesTheInstalledSolversAndNamesTheWinner(@TempDir Path tmp) throws Exception {
        Path mps = MiplibInstance.named("p0033").copyTo(tmp);
        String out = gogo("solver:solve " + mps + " --solver portfolio --time-limit 60");
        assertTrue(out.contains("OPTIMAL") && out.contains("3089"), out);
        assertTrue(out.contains("won by "), out);
    }

    @Test
    void bnnTrainingRunsThroughTheRegistry() throws Exception {
        assertTrainsABnn(platform.context(), "ortools-highs");
    }

    /**
     * The trainers inside the framework: the gradient baselines (the dnn bundle embeds Smile, which
     * reaches OpenBLAS through FFM) and the tame trainer (the dual-function plugins as services).
     */
    @Test
    void everyKindOfTrainerRunsInsideTheFramework() throws Exception {
        String out = gogo("bnn:compare --data bcw --train-size 25 --hidden 3 --solvers ortools-scip"
                + " --trainers ste,dnn,tame --trainer-options epochs=30,iterations=2 --time-limit 60");
        assertTrue(out.lines().anyMatch(l -> l.startsWith("| ste ") && l.contains("FEASIBLE")), out);
        if (openBlasFoundByTheDnnBundle()) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith("| dnn ") && l.contains("FEASIBLE")), out);
        } else {
            assertTrue(out.lines().anyMatch(l -> l.startsWith("| dnn ") && l.contains("ERROR")), out);
            assertTrue(out.contains("dnn needs OpenBLAS"), out);
        }
        assertTrue(out.lines().anyMatch(l -> l.startsWith("| tame / ortools-scip ") && l.contains("FEASIBLE")), out);
    }

    /**
     * An experiment grid inside the framework: the experiments bundle reads the spec, Flyway
     * (embedded) migrates an H2 file, the console's trainers run the cells, a second run skips them,
     * and the report prints its table and renders its figures.
     */
    @Test
    void anExperimentRunsAndReportsThroughGogo(@TempDir Path tmp) throws Exception {
        Path spec = Files.writeString(tmp.resolve("tiny.yaml"), """
                name: tiny
                datasets: [bcw]
                trainSizes: [10, 20]
                hidden: [[2]]
                trainers: [exact, ste]
                losses: [zero-one]
                solvers: [ortools-scip]
                seeds: [0, 1]
                timeLimits: [60]
                """);
        Path results = tmp.resolve("results");
        String run = gogo("exp:run " + spec + " --results " + results);
        assertTrue(run.contains("tiny: 8 cells; 8 run now, 0 skipped as finished, 0 errors"), run);
        String again = gogo("exp:run " + spec + " --results " + results);
        assertTrue(again.contains("0 run now, 8 skipped as finished"), again);
        String report = gogo("exp:report " + spec + " --results " + results + " --csv " + tmp.resolve("runs.csv")
                + " --plots " + tmp.resolve("plots"));
        assertTrue(report.lines().anyMatch(l -> l.startsWith("| 10 ") && l.contains("exact") && l.contains("OPTIMAL")), report);
        assertTrue(Files.size(tmp.resolve("plots/accuracy-vs-train-size.png")) > 1000, report);
        assertTrue(Files.readString(tmp.resolve("plots/runtime-vs-train-size.svg")).contains("<svg"), report);
        assertEquals(9, Files.readAllLines(tmp.resolve("runs.csv")).size(), "a header and 8 runs");
    }

    /** bnn:explain reads the network bnn:train left in the same Gogo session. */
    @Test
    void bnnExplainReadsTheLastTrainingOfTheSession() throws Exception {
        String out = gogo("bnn:train --data bcw --train-size 10 --hidden 2 --solver ortools-scip; bnn:explain");
        assertTrue(out.contains("rules of the last bnn:train (9-2-1 BDNN"), out);
        assertTrue(out.contains("check: the rules reproduce the network's predictions on all 140 test rows"), out);
    }

    /**
     * Stopping a solver's bundle while it solves ends its row with ERROR "solver bundle stopped
     * during the solve" (Declarative Services deactivates the component, which cancels the solve);
     * the comparison goes on with the next solver and nothing already computed is lost.
     *
     * <p>The bundle is stopped once ojAlgo's solve is running: the adapter runs every solve on a
     * thread of its own, "ojalgo-solve", and the JDK's flight recorder reports that thread's start.
     * ojAlgo needs far longer than that report takes for 100 points (it runs to its limit).
     */
    @Test
    void stoppingASolverBundleMidSolveEndsItsRowAndTheComparisonGoesOn() throws Exception {
        Bundle ojalgo = bundle("org.tamebnn.solver.ojalgo");
        CompletableFuture<String> compare;
        try (RecordingStream threads = new RecordingStream()) {
            CompletableFuture<Void> solving = new CompletableFuture<>();
            threads.enable("jdk.ThreadStart");
            threads.onEvent("jdk.ThreadStart", e -> {
                RecordedThread started = e.getThread("thread");
                if (started != null && "ojalgo-solve".equals(started.getJavaName())) {
                    solving.complete(null);
                }
            });
            threads.startAsync();
            compare = CompletableFuture.supplyAsync(() -> {
                try {
                    return gogo("bnn:compare --data bcw --train-size 100 --hidden 5 --start none"
                            + " --solvers ojalgo,ortools-scip --time-limit 60");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            CompletableFuture.anyOf(solving, compare).get(120, TimeUnit.SECONDS);
            assertTrue(solving.isDone(), () -> "the comparison ended before ojAlgo's solve began: " + compare.join());
        }
        ojalgo.stop();
        try {
            String out = compare.get(180, TimeUnit.SECONDS);
            assertTrue(out.lines().anyMatch(l -> l.startsWith("| ojalgo ") && l.contains("ERROR")), out);
            assertTrue(out.contains("solver bundle stopped during the solve"), out);
            assertTrue(out.lines().anyMatch(l -> l.startsWith("| ortools-scip ") && l.contains("OPTIMAL")), out);
        } finally {
            ojalgo.start();
        }
    }

    /**
     * Adapter bundles are hot-swappable: the native code stays in what is not swapped (OR-Tools'
     * library bundle; lp_solve's system library, loaded through FFM), so updating and refreshing an
     * adapter ten times never fails with "already loaded in another classloader", and it solves
     * after every update.
     */
    @Test
    void solverAdaptersUpdateTenTimesAndSolveAfterEach(@TempDir Path tmp) throws Exception {
        Path mps = MiplibInstance.named("p0033").copyTo(tmp);
        for (String[] adapter : List.of(new String[] {"org.tamebnn.solver.ortools", "ortools-scip"},
                new String[] {"org.tamebnn.solver.lpsolve", "lpsolve"})) {
            Bundle bundle = bundle(adapter[0]);
            for (int i = 1; i <= 10; i++) {
                bundle.update();
                CountDownLatch refreshed = new CountDownLatch(1);
                platform.context().getBundle(0).adapt(FrameworkWiring.class)
                        .refreshBundles(List.of(bundle), e -> refreshed.countDown());
                assertTrue(refreshed.await(60, TimeUnit.SECONDS), "refresh of " + adapter[0]);
                assertTrue(awaitSolver(adapter[1]), adapter[1] + " registered again after update " + i);
                String out = gogo("solver:solve " + mps + " --solver " + adapter[1] + " --time-limit 60");
                if (out.contains("lp_solve not found")) {
                    break; // lp_solve is not installed here: its adapter still comes back, and says why
                }
                assertTrue(out.contains("OPTIMAL") && out.contains("3089"), adapter[1] + " after update " + i
                        + ":\n" + out);
            }
        }
    }

    Bundle bundle(String symbolicName) {
        return Arrays.stream(platform.context().getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }

    /**
     * Waits for the solver service {@code name} to be registered (at once if it is): a service
     * tracker is told of the registration. It tracks references only, using no service, and all of
     * them, since the launcher cannot see the API package and class-space filtering would hide them.
     */
    boolean awaitSolver(String name) throws Exception {
        BundleContext ctx = platform.context();
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(ctx, ctx.createFilter("(&(objectClass="
                + MILP_SOLVER + ")(tamebnn.solver.name=" + name + "))"), null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                return reference;
            }

            @Override
            public void removedService(ServiceReference<Object> reference, Object service) {
            }
        };
        tracker.open(true);
        try {
            return tracker.waitForService(TimeUnit.SECONDS.toMillis(30)) != null;
        } finally {
            tracker.close();
        }
    }

    /**
     * Whether the dnn bundle finds the BLAS Smile will load: its own probe, OpenBlas.availability(),
     * asked inside the framework.
     */
    boolean openBlasFoundByTheDnnBundle() throws Exception {
        Object blas = bundle("org.tamebnn.baseline.dnn").loadClass("org.tamebnn.baseline.dnn.OpenBlas")
                .getMethod("availability").invoke(null);
        return (Boolean) blas.getClass().getMethod("available").invoke(blas);
    }

    String gogo(String line) throws Exception {
        return gogo(platform.context(), line);
    }

    // ---- checks shared with EmbeddingRecipeIT, which runs a framework of its own ----

    /**
     * The jar of an example that {@code ./tamebnn test} builds and passes as {@code -Dproperty=PATH};
     * the test is skipped without it and fails when the file is not there.
     */
    static Path exampleJar(String property, String what) {
        String value = System.getProperty(property, "");
        Assumptions.assumeTrue(!value.isBlank(), "needs -D" + property + ": ./tamebnn test builds the " + what
                + " and passes it");
        Path jar = Path.of(value);
        assertTrue(Files.isRegularFile(jar), "no " + what + " jar at " + jar);
        return jar;
    }

    static boolean present(String className) {
        try {
            Class.forName(className, false, PlatformContract.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Bundles that are not ACTIVE, and fragments that are not RESOLVED, with their state. */
    static List<String> problems(BundleContext ctx) {
        List<String> problems = new ArrayList<>();
        for (Bundle b : ctx.getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (b.getState() != expected) {
                problems.add(b.getSymbolicName() + " state " + b.getState());
            }
        }
        return problems;
    }

    /** The names of the registered MilpSolver services. */
    static Set<String> solverNames(BundleContext ctx) throws Exception {
        // "All": the launcher itself cannot see the API package, so class-space filtering would hide them.
        ServiceReference<?>[] refs = ctx.getAllServiceReferences(MILP_SOLVER, null);
        assertNotNull(refs, "no MilpSolver services registered");
        Set<String> names = new TreeSet<>();
        for (ServiceReference<?> r : refs) {
            names.add(String.valueOf(r.getProperty("tamebnn.solver.name")));
        }
        return names;
    }

    /** A small BNN training through Gogo's command and the registry's solver, checked by a forward pass. */
    static void assertTrainsABnn(BundleContext ctx, String solver) throws Exception {
        String out = gogo(ctx, "bnn:train --data bcw --train-size 10 --hidden 2 --solver " + solver
                + " --time-limit 60");
        assertTrue(out.contains(solver + ": OPTIMAL"), out);
        assertTrue(out.contains("check: consistent"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("| test") && l.contains("%")), out);
    }

    static String gogo(BundleContext ctx, String line) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (GogoSession s = GogoSession.open(ctx, new ByteArrayInputStream(new byte[0]), ps, ps, 10_000)) {
            String result = s.execute(line);
            return out.toString(StandardCharsets.UTF_8) + (result == null ? "" : result);
        }
    }

    /** The Bundle-SymbolicName of every jar in {@code dir}. */
    static Set<String> symbolicNames(Path dir) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> jars = Files.list(dir)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (JarFile jf = new JarFile(jar.toFile())) {
                    String bsn = jf.getManifest().getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
                    if (bsn != null) {
                        names.add(bsn.split(";")[0].trim());
                    }
                }
            }
        }
        return names;
    }
}
