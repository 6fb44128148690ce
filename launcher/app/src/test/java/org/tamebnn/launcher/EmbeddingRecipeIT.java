package org.tamebnn.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.osgi.launch.EquinoxFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What an embedding OSGi platform gets: the repository index shipped in the distribution
 * ({@code index.xml}), the resolve recipe ({@code tamebnn.bndrun}, resolved by the build against that
 * index alone for Felix and, as {@code tamebnn-equinox.bndrun}, for Equinox), and the resolved bundle
 * set, which must run: it is installed from the index's own URLs into Equinox, and must start, register
 * every solver and train a BNN.
 */
class EmbeddingRecipeIT {
    private static final Path BNDRUNS = Path.of(System.getProperty("tamebnn.bndruns", "target/bndrun"));

    /**
     * The resolution of tamebnn.bndrun: its eleven requirements, plus what they need (Declarative
     * Services, Gogo's runtime for the commands, Jackson, Protocol Buffers, OR-Tools' library) and
     * nothing else; in particular none of the interactive console (Gogo's shell and commands, JLine)
     * or File Install, which the distribution ships for its own launcher.
     */
    static final Set<String> RESOLVED = Set.of(
            "org.tamebnn.api", "org.tamebnn.data", "org.tamebnn.losses", "org.tamebnn.bnn",
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
        index = readIndex(PlatformContract.DIST.resolve("index.xml"));
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
        assertEquals(RESOLVED, runBundles(BNDRUNS.resolve("tamebnn.bndrun")), "Felix");
        assertEquals(RESOLVED, runBundles(BNDRUNS.resolve("tamebnn-equinox.bndrun")), "Equinox");
    }

    /** The resolved set, nothing more, installed from the index's URLs: the platform an embedder gets. */
    @Test
    void theResolvedBundlesRunOnEquinox(@TempDir Path home) throws Exception {
        Set<String> resolved = runBundles(BNDRUNS.resolve("tamebnn-equinox.bndrun"));
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

    /** The symbolic names of a resolved bndrun's -runbundles. */
    static Set<String> runBundles(Path bndrun) throws IOException {
        assertTrue(Files.isRegularFile(bndrun), bndrun + " (written by bnd-resolver-maven-plugin at package)");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(bndrun)) {
            p.load(r);
        }
        String value = p.getProperty("-runbundles");
        assertNotNull(value, "-runbundles in " + bndrun);
        // clauses are separated by commas outside quotes: bsn;version='[1.0.0,1.0.1)',...
        Set<String> names = new TreeSet<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : (value + ",").toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                names.add(clause.toString().split(";")[0].trim());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        names.remove("");
        return names;
    }

    /** Reads an OSGi Repository 1.0 index: each bundle resource's identity and content URL. */
    static Map<String, String> readIndex(Path file) throws Exception {
        assertTrue(Files.isRegularFile(file), file + " (written by bnd-indexer-maven-plugin at package)");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(file.toFile());
        Map<String, String> resources = new TreeMap<>();
        NodeList list = doc.getElementsByTagNameNS("*", "resource");
        for (int i = 0; i < list.getLength(); i++) {
            Map<String, Map<String, String>> caps = capabilities((Element) list.item(i));
            Map<String, String> identity = caps.get("osgi.identity");
            Map<String, String> content = caps.get("osgi.content");
            if (identity != null && "osgi.bundle".equals(identity.get("type")) && content != null) {
                resources.put(identity.get("osgi.identity"), content.get("url"));
            }
        }
        return resources;
    }

    /** The first capability of each namespace of a resource, as attribute name to value. */
    private static Map<String, Map<String, String>> capabilities(Element resource) {
        Map<String, Map<String, String>> caps = new LinkedHashMap<>();
        NodeList list = resource.getElementsByTagNameNS("*", "capability");
        for (int i = 0; i < list.getLength(); i++) {
            Element cap = (Element) list.item(i);
            Map<String, String> attrs = new LinkedHashMap<>();
            NodeList attributes = cap.getElementsByTagNameNS("*", "attribute");
            for (int j = 0; j < attributes.getLength(); j++) {
                Element a = (Element) attributes.item(j);
                attrs.put(a.getAttribute("name"), a.getAttribute("value"));
            }
            caps.putIfAbsent(cap.getAttribute("namespace"), attrs);
        }
        return caps;
    }
}
