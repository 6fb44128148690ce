package org.tamebnn.bench;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.tamebnn.launcher.Platform;
import org.tamebnn.tck.MiplibInstance;

/**
 * Whether updating a solver bundle leaks: starts the distribution in Felix, then updates and
 * refreshes one adapter bundle again and again, solving a MIPLIB instance through the new
 * revision after each update (so that its classes are really loaded), and records the heap after
 * a full GC and the loaded-class count every few cycles. Flat figures mean the old revisions'
 * class loaders are collected; a climb means something holds on to them.
 *
 * <p>The solve goes through reflection on the framework's own API classes: the benchmark's class
 * path has API classes of its own, which are not the ones the bundles see.
 */
final class LeakBench {
    private LeakBench() {
    }

    static String run(Path root, String bundleName, String solverName, int cycles, int every, int idleSeconds)
            throws Exception {
        Path dist = root.resolve("launcher/app/target/tamebnn");
        Path plugins = Files.createTempDirectory("tamebnn-leak-plugins");
        Path mps = MiplibInstance.named("p0033").copyTo(Files.createTempDirectory("tamebnn-leak"));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "`%s` updated and refreshed %d times in a running Felix, `%s` solving"
                + " p0033 after every update; heap used after a full GC and classes loaded:%n%n", bundleName, cycles,
                solverName));
        sb.append("| after update | heap after GC | classes loaded | classes unloaded (total) | seconds per cycle |\n");
        sb.append("|---|---|---|---|---|\n");
        try (Platform platform = Platform.start(dist, plugins, false)) {
            BundleContext ctx = platform.context();
            Bundle bundle = Arrays.stream(ctx.getBundles()).filter(b -> bundleName.equals(b.getSymbolicName()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no bundle " + bundleName));
            solve(ctx, solverName, mps);
            row(sb, "0", memory, classes, Double.NaN);
            long last = System.nanoTime();
            for (int i = 1; i <= cycles; i++) {
                bundle.update();
                CountDownLatch refreshed = new CountDownLatch(1);
                ctx.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle),
                        e -> refreshed.countDown());
                if (!refreshed.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("refresh of " + bundleName + " did not finish");
                }
                solve(ctx, solverName, mps);
                if (i % every == 0) {
                    double perCycle = (System.nanoTime() - last) / 1e9 / every;
                    row(sb, String.valueOf(i), memory, classes, perCycle);
                    last = System.nanoTime();
                }
            }
            // pools inside a backend may keep an old revision's threads (and so its class loader)
            // until they idle out; a row after waiting tells a delayed release from a leak
            Thread.sleep(TimeUnit.SECONDS.toMillis(idleSeconds));
            row(sb, cycles + ", then " + idleSeconds + " s idle", memory, classes, Double.NaN);
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String label, MemoryMXBean memory,
            ClassLoadingMXBean classes, double perCycle) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        sb.append(String.format(Locale.ROOT, "| %s | %.1f MiB | %d | %d | %s |%n", label,
                memory.getHeapMemoryUsage().getUsed() / 1048576.0, classes.getLoadedClassCount(),
                classes.getUnloadedClassCount(), Double.isNaN(perCycle) ? "-" : String.format(Locale.ROOT, "%.2f",
                        perCycle)));
    }

    /** Solves {@code mps} with the solver service named {@code name}; fails unless it is OPTIMAL. */
    private static void solve(BundleContext ctx, String name, Path mps) throws Exception {
        ServiceReference<?> ref = awaitSolver(ctx, name);
        Object solver = ctx.getService(ref);
        try {
            Bundle api = Arrays.stream(ctx.getBundles()).filter(b -> "org.tamebnn.api".equals(b.getSymbolicName()))
                    .findFirst().orElseThrow();
            Class<?> reader = api.loadClass("org.tamebnn.api.mps.MpsReader");
            Class<?> modelType = api.loadClass("org.tamebnn.api.milp.MilpModel");
            Class<?> solverType = api.loadClass("org.tamebnn.api.milp.MilpSolver");
            Object model = reader.getMethod("read", Path.class).invoke(null, mps);
            Object result = solverType.getMethod("solve", modelType).invoke(solver, model);
            Method status = result.getClass().getMethod("status");
            String s = String.valueOf(status.invoke(result));
            if (!s.equals("OPTIMAL")) {
                throw new IllegalStateException(name + " answered " + result);
            }
        } finally {
            ctx.ungetService(ref);
        }
    }

    private static ServiceReference<?> awaitSolver(BundleContext ctx, String name) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            ServiceReference<?>[] refs = ctx.getAllServiceReferences("org.tamebnn.api.milp.MilpSolver",
                    "(tamebnn.solver.name=" + name + ")");
            if (refs != null) {
                return refs[0];
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no solver service " + name + " after 30 s");
    }
}
