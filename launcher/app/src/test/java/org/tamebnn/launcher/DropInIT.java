package org.tamebnn.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.launch.FrameworkFactory;
import org.tamebnn.tck.MiplibInstance;

/**
 * What a user does with a plugin of their own, as the README's "Writing a solver plugin" walks
 * through it: with the platform running and File Install watching {@code plugins/} (as in the
 * console), drop the example solver's jar in, see it in {@code solver:list}, train with it in
 * {@code bnn:compare}, take the jar out, and see it gone. The jar is the one {@code ./tamebnn test}
 * builds from a copy of {@code examples/solver-example} ({@code -Dtamebnn.example.jar}).
 */
class DropInIT {
    private static final String EXAMPLE = "glpk";
    private static final String EXAMPLE_BUNDLES = "org.tamebnn.example";
    /** Generous: File Install polls every second; the times seen are printed for the README. */
    private static final long WAIT_SECONDS = 30;

    @Test
    void aDroppedInSolverIsListedUsedByCompareAndGoneWhenRemoved(@TempDir Path tmp) throws Exception {
        Path jar = PlatformContract.exampleJar("tamebnn.example.jar", "example plugin");
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        try (Platform platform = Platform.start(felix(), PlatformContract.DIST, plugins, false, true)) {
            BundleContext ctx = platform.context();
            assertTrue(GogoSession.awaitCommand(ctx, "bnn", "compare", 30_000), "bnn:compare never registered");
            assertFalse(listed(PlatformContract.gogo(ctx, "solver:list")), "listed before it was dropped in");

            long dropped = System.nanoTime();
            try (NextBundleEvent started = new NextBundleEvent(ctx, BundleEvent.STARTED, EXAMPLE_BUNDLES)) {
                Files.copy(jar, plugins.resolve(jar.getFileName()));
                assertTrue(started.await(), "File Install did not start the dropped-in bundle");
            }
            String list = PlatformContract.gogo(ctx, "solver:list");
            report("dropped in → in solver:list", dropped);
            assertTrue(listed(list), list);

            String compare = PlatformContract.gogo(ctx, "bnn:compare --data bcw --train-size 10 --hidden 2"
                    + " --solvers " + EXAMPLE + ",ortools-scip --time-limit 60");
            String row = compare.lines().filter(l -> l.startsWith("| " + EXAMPLE + " ")).findFirst().orElse("");
            assertFalse(row.isEmpty(), "no " + EXAMPLE + " row in\n" + compare);
            if (compare.contains("glpsol not found")) {
                System.out.println("glpsol is not installed: the example is listed and reports why it cannot solve");
            } else {
                assertTrue(row.contains("OPTIMAL"), compare);
            }

            long removed = System.nanoTime();
            try (NextBundleEvent uninstalled = new NextBundleEvent(ctx, BundleEvent.UNINSTALLED, EXAMPLE_BUNDLES)) {
                Files.delete(plugins.resolve(jar.getFileName()));
                assertTrue(uninstalled.await(), "File Install did not uninstall the removed bundle");
            }
            list = PlatformContract.gogo(ctx, "solver:list");
            report("removed → out of solver:list", removed);
            assertFalse(listed(list), list);
            Exception gone = assertThrows(Exception.class, () -> PlatformContract.gogo(ctx,
                    "bnn:compare --data bcw --train-size 10 --hidden 2 --solvers " + EXAMPLE));
            assertTrue(gone.getMessage().contains(EXAMPLE), gone.getMessage());
            assertEquals(0, Arrays.stream(ctx.getBundles())
                    .filter(b -> b.getSymbolicName().startsWith(EXAMPLE_BUNDLES)).count(), "bundle uninstalled");
        }
    }

    /**
     * The same with a trainer: the embedding example's bundle (built from {@code examples/embedding-example},
     * {@code -Dtamebnn.embedding.jar}) registers the {@code perceptron} trainer, which bnn:trainers
     * lists, bnn:compare and exp:run use beside the shipped ones, and which leaves with its jar.
     */
    @Test
    void aDroppedInTrainerIsListedUsedByCompareAndExpRunAndGoneWhenRemoved(@TempDir Path tmp) throws Exception {
        Path jar = PlatformContract.exampleJar("tamebnn.embedding.jar", "embedding example");
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        try (Platform platform = Platform.start(felix(), PlatformContract.DIST, plugins, false, true)) {
            BundleContext ctx = platform.context();
            assertTrue(GogoSession.awaitCommand(ctx, "bnn", "trainers", 30_000), "bnn:trainers never registered");
            assertFalse(trainerListed(PlatformContract.gogo(ctx, "bnn:trainers")), "listed before it was dropped in");

            long dropped = System.nanoTime();
            try (NextBundleEvent started = new NextBundleEvent(ctx, BundleEvent.STARTED, EXAMPLE_BUNDLES)) {
                Files.copy(jar, plugins.resolve(jar.getFileName()));
                assertTrue(started.await(), "File Install did not start the dropped-in bundle");
            }
            String list = PlatformContract.gogo(ctx, "bnn:trainers");
            report("trainer dropped in → in bnn:trainers", dropped);
            assertTrue(trainerListed(list), list);

            String compare = PlatformContract.gogo(ctx, "bnn:compare --data bcw --train-size 25 --hidden 2"
                    + " --trainers exact,perceptron --solvers ortools-scip --time-limit 60");
            assertTrue(compare.lines().anyMatch(l -> l.startsWith("| perceptron ") && l.contains("FEASIBLE")
                    && l.contains("%")), compare);
            assertTrue(compare.lines().anyMatch(l -> l.startsWith("| ortools-scip ") && l.contains("OPTIMAL")), compare);

            Path spec = Files.writeString(tmp.resolve("perceptron.yaml"), """
                    name: dropped-in-trainer
                    datasets: [bcw]
                    trainSizes: [25]
                    hidden: [[2]]
                    trainers: [perceptron]
                    losses: [zero-one]
                    seeds: [0, 1]
                    timeLimits: [30]
                    """);
            String run = PlatformContract.gogo(ctx, "exp:run --results " + tmp.resolve("results") + " " + spec);
            assertTrue(run.contains("2 cells; 2 run now"), run);

            long removed = System.nanoTime();
            try (NextBundleEvent uninstalled = new NextBundleEvent(ctx, BundleEvent.UNINSTALLED, EXAMPLE_BUNDLES)) {
                Files.delete(plugins.resolve(jar.getFileName()));
                assertTrue(uninstalled.await(), "File Install did not uninstall the removed bundle");
            }
            list = PlatformContract.gogo(ctx, "bnn:trainers");
            report("trainer removed → out of bnn:trainers", removed);
            assertFalse(trainerListed(list), list);
            Exception gone = assertThrows(Exception.class, () -> PlatformContract.gogo(ctx,
                    "bnn:compare --data bcw --train-size 10 --hidden 2 --trainers perceptron"));
            assertTrue(gone.getMessage().contains("no trainer named 'perceptron'"), gone.getMessage());
        }
    }

    /**
     * Gurobi's adapter, the optional drop-in bundle built by {@code solver-gurobi} with Gurobi's jar
     * inside (never part of the distribution; {@code -Dtamebnn.gurobi.jar}, which this module's pom
     * sets): dropped into {@code plugins/}, it resolves and starts in Felix, and {@code solver:list}
     * lists {@code gurobi} with what Gurobi says. Without a licence that is the licence, in Gurobi's
     * own words (which only its native library, loaded from the bundle, can give), and a solve through
     * it is an ERROR saying the same; with one, it is available and solves p0033 to its optimum.
     */
    @Test
    void theGurobiBundleDroppedInStartsAndSaysWhetherItHasALicence(@TempDir Path tmp) throws Exception {
        String property = System.getProperty("tamebnn.gurobi.jar", "");
        Assumptions.assumeFalse(property.isBlank(), "needs -Dtamebnn.gurobi.jar (this module's pom sets it)");
        Path jar = Path.of(property);
        assertTrue(Files.isRegularFile(jar), "no Gurobi bundle at " + jar);
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        try (Platform platform = Platform.start(felix(), PlatformContract.DIST, plugins, false, true)) {
            BundleContext ctx = platform.context();
            assertTrue(GogoSession.awaitCommand(ctx, "solver", "list", 30_000), "solver:list never registered");
            assertTrue(gurobiStatus(PlatformContract.gogo(ctx, "solver:list")).isEmpty(),
                    "listed before it was dropped in");

            long dropped = System.nanoTime();
            try (NextBundleEvent started = new NextBundleEvent(ctx, BundleEvent.STARTED, GUROBI_BUNDLE)) {
                Files.copy(jar, plugins.resolve(jar.getFileName()));
                assertTrue(started.await(), "File Install did not start the Gurobi bundle: "
                        + PlatformContract.problems(ctx));
            }
            String list = PlatformContract.gogo(ctx, "solver:list");
            report("Gurobi dropped in → in solver:list", dropped);
            String status = gurobiStatus(list);
            assertFalse(status.isEmpty(), list);
            System.out.println("solver:list, gurobi's status: " + status);

            Path mps = MiplibInstance.named("p0033").copyTo(tmp);
            String solve = PlatformContract.gogo(ctx, "solver:solve " + mps + " --solver gurobi --time-limit 60");
            if (status.startsWith("unavailable")) {
                assertTrue(status.contains("no usable Gurobi licence") && status.contains("No Gurobi license found"),
                        "the licence, in Gurobi's own words: " + status);
                assertTrue(solve.contains("ERROR") && solve.contains("licence"), solve);
            } else {
                assertEquals("available", status, list);
                assertTrue(solve.contains("OPTIMAL") && solve.contains("3089"), solve);
            }

            try (NextBundleEvent uninstalled = new NextBundleEvent(ctx, BundleEvent.UNINSTALLED, GUROBI_BUNDLE)) {
                Files.delete(plugins.resolve(jar.getFileName()));
                assertTrue(uninstalled.await(), "File Install did not uninstall the removed bundle");
            }
            assertTrue(gurobiStatus(PlatformContract.gogo(ctx, "solver:list")).isEmpty(), "gone with its jar");
        }
    }

    private static final String GUROBI_BUNDLE = "org.tamebnn.solver.gurobi";

    /**
     * The status column of gurobi's row in a solver:list table, its wrapped lines joined (the
     * rows after it with an empty first cell), or "" when gurobi is not listed.
     */
    private static String gurobiStatus(String solverList) {
        StringBuilder status = new StringBuilder();
        boolean inRow = false;
        for (String line : solverList.lines().toList()) {
            String[] cells = line.split("\\|");
            if (cells.length < 3) {
                inRow = false;
                continue;
            }
            String first = cells[1].strip();
            inRow = first.equals("gurobi") || inRow && first.isEmpty();
            if (inRow) {
                status.append(' ').append(cells[cells.length - 1].strip());
            }
        }
        return status.toString().strip().replaceAll(" +", " ");
    }

    private static boolean trainerListed(String trainers) {
        return trainers.lines().anyMatch(l -> l.strip().startsWith("perceptron "));
    }

    @Test
    void stoppingTheLossBundleTakesItsLossAwayAndStartingItBringsItBack(@TempDir Path tmp) throws Exception {
        try (Platform platform = Platform.start(felix(), PlatformContract.DIST, tmp.resolve("plugins"), false, true)) {
            BundleContext ctx = platform.context();
            assertTrue(GogoSession.awaitCommand(ctx, "bnn", "train", 30_000), "bnn:train never registered");
            Bundle losses = Arrays.stream(ctx.getBundles())
                    .filter(b -> "org.tamebnn.losses".equals(b.getSymbolicName())).findFirst().orElseThrow();
            String train = "bnn:train --data bcw --train-size 10 --hidden 2 --solver ortools-scip --time-limit 60";

            losses.stop();
            Exception missing = assertThrows(Exception.class, () -> PlatformContract.gogo(ctx, train));
            assertTrue(missing.getMessage().contains("no loss named 'zero-one'"), missing.getMessage());

            try (NextBundleEvent started = new NextBundleEvent(ctx, BundleEvent.STARTED, "org.tamebnn.losses")) {
                losses.start();
                assertTrue(started.await(), "the losses bundle did not start");
            }
            String out = PlatformContract.gogo(ctx, train);
            assertTrue(out.contains("ortools-scip: OPTIMAL"), out);
        }
    }

    private static boolean listed(String solverList) {
        return solverList.lines().anyMatch(l -> l.startsWith("| " + EXAMPLE + " "));
    }

    /**
     * The next event of one type for a bundle whose symbolic name starts with a prefix, heard by an
     * asynchronous bundle listener. Those hear an event after every synchronous listener has: by
     * then Declarative Services, which registers a starting bundle's components and binds them to
     * the console's references (and unbinds and unregisters them as the bundle stops) in its
     * synchronous handling of the bundle's start and stop, has done its part.
     */
    private static final class NextBundleEvent implements BundleListener, AutoCloseable {
        private final BundleContext ctx;
        private final int type;
        private final String prefix;
        private final CountDownLatch seen = new CountDownLatch(1);

        NextBundleEvent(BundleContext ctx, int type, String prefix) {
            this.ctx = ctx;
            this.type = type;
            this.prefix = prefix;
            ctx.addBundleListener(this);
        }

        @Override
        public void bundleChanged(BundleEvent event) {
            String name = event.getBundle().getSymbolicName();
            if (event.getType() == type && name != null && name.startsWith(prefix)) {
                seen.countDown();
            }
        }

        boolean await() throws InterruptedException {
            return seen.await(WAIT_SECONDS, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            ctx.removeBundleListener(this);
        }
    }

    private static void report(String what, long sinceNanos) {
        System.out.printf(Locale.ROOT, "plugin swap: %s in %.2f s%n", what, (System.nanoTime() - sinceNanos) / 1e9);
    }

    private static FrameworkFactory felix() {
        return ServiceLoader.load(FrameworkFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.getClass().getName().startsWith("org.apache.felix")).findFirst().orElseThrow();
    }
}
