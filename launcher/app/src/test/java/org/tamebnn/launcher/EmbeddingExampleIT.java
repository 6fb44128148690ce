package org.tamebnn.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A third party's bundle in a platform without Gogo and without the console: the bundles the
 * README's "Embedding tamebnn" lists (tamebnn-embedded.bndrun, resolved by the build against the
 * distribution's index) plus the example of {@code examples/embedding-example}, built on its own
 * against the published API ({@code -Dtamebnn.embedding.jar}). It gets the TrainingService, trains
 * BCW with the exact trainer on an installed MILP solver, compares its own trainer beside it, and
 * publishes what it got. Runs in the framework on this execution's class path: Felix, then Equinox.
 */
class EmbeddingExampleIT {
    /** Training BCW's 25 points exactly takes well under a second; this only bounds a hang. */
    private static final long WAIT_MILLIS = 120_000;

    @Test
    void theExampleTrainsThroughTheServiceWithoutAConsole(@TempDir Path home) throws Exception {
        Path example = PlatformContract.exampleJar("tamebnn.embedding.jar", "embedding example");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
        boolean equinox = factory.getClass().getName().startsWith("org.eclipse");
        Set<String> resolved = Recipes.runBundles(Recipes.BNDRUNS
                .resolve(equinox ? "tamebnn-embedded-equinox.bndrun" : "tamebnn-embedded.bndrun"));
        assertFalse(resolved.stream().anyMatch(b -> b.contains("gogo") || b.equals("org.tamebnn.console")),
                "no console in " + resolved);
        Map<String, String> index = Recipes.readIndex(PlatformContract.DIST.resolve("index.xml"));
        Path bundles = Files.createDirectories(home.resolve("bundle"));
        for (String bsn : resolved) {
            Path jar = PlatformContract.DIST.resolve(index.get(bsn)).toAbsolutePath();
            Files.createSymbolicLink(bundles.resolve(jar.getFileName()), jar);
        }
        Files.createSymbolicLink(bundles.resolve(example.getFileName()), example.toAbsolutePath());
        Path plugins = Files.createDirectories(home.resolve("plugins"));

        try (Platform platform = Platform.start(factory, home, plugins, false, false)) {
            BundleContext ctx = platform.context();
            assertEquals(resolved.size() + 2, ctx.getBundles().length, "the system bundle, the set and the example");
            List<String> problems = PlatformContract.problems(ctx);
            assertTrue(problems.isEmpty(), "bundles not active: " + problems);
            assertTrue(Arrays.stream(ctx.getBundles()).map(Bundle::getSymbolicName)
                    .noneMatch(n -> n.contains("gogo") || n.equals("org.tamebnn.console")));

            ServiceReference<?> report = await(ctx, "(tamebnn.example.report=bcw)");
            assertNotNull(report, "the example never reported");
            assertEquals(null, report.getProperty("error"), "the example's training failed");
            // 25 points admit a network without training error, which the MILP proves; which of the many
            // such networks the solver returns decides the test accuracy (75% on HiGHS, 93% on SCIP), so
            // the check is that it beats the majority class (91 of the 140 test rows are benign)
            assertEquals("OPTIMAL", report.getProperty("exact.status"));
            assertEquals(0.0, ((Number) report.getProperty("exact.trainingLoss")).doubleValue());
            assertTrue((Double) report.getProperty("exact.testAccuracy") > 91 / 140.0,
                    report.getProperty("exact.testAccuracy")::toString);
            assertEquals("FEASIBLE", report.getProperty("perceptron.status"));
            assertTrue((Double) report.getProperty("perceptron.testAccuracy") > 0.85,
                    report.getProperty("perceptron.testAccuracy")::toString);
            // its trainer is a service like the shipped ones
            assertNotNull(await(ctx, "(tamebnn.trainer.name=perceptron)"));
            assertNotNull(await(ctx, "(tamebnn.trainer.name=exact)"));
            System.out.println("EmbeddingExampleIT (" + (equinox ? "Equinox" : "Felix") + "): exact on "
                    + report.getProperty("exact.solver") + " " + report.getProperty("exact.status") + ", test accuracy "
                    + report.getProperty("exact.testAccuracy") + "; perceptron " + report.getProperty("perceptron.testAccuracy"));
        }
    }

    /** Waits for a service matching {@code filter}, whatever its class (this class path has its own API copy). */
    private static ServiceReference<?> await(BundleContext ctx, String filter) throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(ctx, ctx.createFilter(filter), null);
        tracker.open(true);
        try {
            tracker.waitForService(WAIT_MILLIS);
            return tracker.getServiceReference();
        } finally {
            tracker.close();
        }
    }
}
