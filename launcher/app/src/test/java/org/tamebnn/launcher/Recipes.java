package org.tamebnn.launcher;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The build's resolution results and the distribution's repository index, read as an embedder's
 * tooling reads them: the resolved bndruns' {@code -runbundles} and the index's resources.
 * Framework-neutral, so the Felix and the Equinox integration tests share it.
 */
final class Recipes {
    /** Where bnd-resolver-maven-plugin wrote the resolved bndruns. */
    static final Path BNDRUNS = Path.of(System.getProperty("tamebnn.bndruns", "target/bndrun"));

    private Recipes() {
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
    static Map<String, Map<String, String>> capabilities(Element resource) {
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

    /**
     * The packages each bundle of the index exports, as {@code package version}, sorted: the
     * osgi.wiring.package capabilities the index derived from the manifests.
     */
    static Map<String, Set<String>> exports(Path file) throws Exception {
        Document doc = DocumentBuilderFactory.newNSInstance().newDocumentBuilder().parse(file.toFile());
        Map<String, Set<String>> exports = new TreeMap<>();
        NodeList list = doc.getElementsByTagNameNS("*", "resource");
        for (int i = 0; i < list.getLength(); i++) {
            Element resource = (Element) list.item(i);
            Map<String, String> identity = capabilities(resource).get("osgi.identity");
            if (identity == null || !"osgi.bundle".equals(identity.get("type"))) {
                continue;
            }
            Set<String> packages = new TreeSet<>();
            NodeList caps = resource.getElementsByTagNameNS("*", "capability");
            for (int c = 0; c < caps.getLength(); c++) {
                Element cap = (Element) caps.item(c);
                if (!cap.getAttribute("namespace").equals("osgi.wiring.package")) {
                    continue;
                }
                Map<String, String> attrs = new LinkedHashMap<>();
                NodeList attributes = cap.getElementsByTagNameNS("*", "attribute");
                for (int a = 0; a < attributes.getLength(); a++) {
                    Element at = (Element) attributes.item(a);
                    attrs.put(at.getAttribute("name"), at.getAttribute("value"));
                }
                packages.add(attrs.get("osgi.wiring.package") + " " + attrs.get("version"));
            }
            exports.put(identity.get("osgi.identity"), packages);
        }
        return exports;
    }
}
