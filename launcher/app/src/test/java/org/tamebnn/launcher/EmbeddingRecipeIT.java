package org.tamebnn.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;


import org.eclipse.osgi.launch.EquinoxFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an embedding OSGi platform gets: the repository index shipped in the distribution
 * ({@code index.xml}), the resolve recipe ({@code tamebnn.bndrun}, resolved by the build against that
 * index alone for Felix and, as {@code tamebnn-equinox.bndrun}, for Equinox), and the resolved bundle
 * set, which must run: it is installed from the index's own URLs into Equinox, and must start, register
 * every solver and train a BNN.
 */
class EmbeddingRecipeIT {

    /**
     * The resolution of tamebnn.bndrun: its eleven requirements, plus what they need (Declarative
     * Services, Gogo's runtime for the commands, Jackson, Protocol Buffers, OR-Tools' library) and
     * nothing else; in particular none of the interactive console (Gogo's shell and commands, JLine)
     * or File Install, which the distribution ships for its own launcher.
     */
    static final Set<String> RESOLVED = Set.of(
            "org.tamebnn.api", "org.tamebnn.data", "org.tamebnn.losses", "org.tamebnn.bnn", "org.tamebnn.trainers",
            "org.tamebnn.training",
            "org.tamebnn.solver.ojalgo", "org.tamebnn.solver.ortools", "org.tamebnn.ortools.library",
            "org.tamebnn.solver.lpsolve", "org.tamebnn.solver.portfolio", "org.tamebnn.dual", "org.tamebnn.baseline.dnn",
            "org.tamebnn.console", "org.tamebnn.experiments", "com.h2database", "org.postgresql.jdbc",
            "com.fasterxml.jackson.dataformat.jackson-dataformat-yaml", "org.yaml.snakeyaml",
            "org.apache.felix.scr", "org.osgi.service.component", "org.osgi.util.promise", "org.osgi.util.function",
            "org.apache.felix.gogo.runtime", "com.fasterxml.jackson.core.jackson-databind",
            "com.fasterxml.jackson.core.jackson-core", "com.fasterxml.jackson.core.jackson-annotations",
            "com.google.protobuf");

    /** Resources of the index: symbolic name to URL as written (relative to the index). */
    private static Map<String, String> index;

    @BeforeAll
    static void readIndex() throws Exception {
        Assumptions.assumeTrue(PlatformContract.present("org.eclipse.osgi.launch.EquinoxFactory"),
                "Equinox is not on this execution's class path");
        index = Recipes.readIndex(PlatformContract.DIST.resolve("index.xml"));
    }

    @Test
    void theIndexListsEveryBundleOfTheDistributionWithRelativeUrls() throws IOException {
        Set<String> jars = new TreeSet<>();
        try (Stream<Path> s = Files.list(PlatformContract.DIST.resolve("bundle"))) {
            s.filter(p -> p.toString().endsWith(".jar")).forEach(p -> jars.add("bundle/" + p.getFileName()));
        }
        assertEquals(jars, new TreeSet<>(index.values()), "one resource per jar of bundle/, at its relative URL");
        assertEquals(PlatformContract.symbolicNames(PlatformContract.DIST.resolve("bundle")), index.keySet());
        for (String url : index.values()) {
            assertFalse(URI.create(url).isAbsolute(), "relative, so the folder can move: " + url);
        }
    }

    @Test
    void theRecipeResolvesToTheSameBundlesForFelixAndEquinox() throws IOException {
        assertEquals(RESOLVED, Recipes.runBundles(Recipes.BNDRUNS.resolve("tamebnn.bndrun")), "Felix");
        assertEquals(RESOLVED, Recipes.runBundles(Recipes.BNDRUNS.resolve("tamebnn-equinox.bndrun")), "Equinox");
    }

    /** The resolved set, nothing more, installed from the index's URLs: the platform an embedder gets. */
    @Test
    void theResolvedBundlesRunOnEquinox(@TempDir Path home) throws Exception {
        Set<String> resolved = Recipes.runBundles(Recipes.BNDRUNS.resolve("tamebnn-equinox.bndrun"));
        Path bundles = Files.createDirectories(home.resolve("bundle"));
        for (String bsn : resolved) {
            String url = index.get(bsn);
            assertNotNull(url, bsn + " is in the index");
            Path jar = PlatformContract.DIST.resolve(url).toAbsolutePath();
            assertTrue(Files.isRegularFile(jar), url + " found relative to the index");
            Files.createSymbolicLink(bundles.resolve(jar.getFileName()), jar);
        }
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        try (Platform platform = Platform.start(new EquinoxFactory(), home, plugins, false, false)) {
            assertEquals(resolved.size() + 1, platform.context().getBundles().length, "the system bundle and the set");
            List<String> problems = PlatformContract.problems(platform.context());
            assertTrue(problems.isEmpty(), "bundles not active: " + problems);
            assertEquals(PlatformContract.SOLVERS, PlatformContract.solverNames(platform.context()));
            PlatformContract.assertTrainsABnn(platform.context(), "ortools-scip");
        }
    }
}
