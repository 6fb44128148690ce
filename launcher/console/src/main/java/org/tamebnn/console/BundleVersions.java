package org.tamebnn.console;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Which versions of tamebnn's bundles ran an experiment, stored with every run so that results
 * from different builds can be told apart. Inside OSGi they come from the framework (the project's
 * bundles and the framework itself); outside it, from the manifests of the jars (or build folders)
 * the classes were loaded from, and "unknown" where there is none.
 */
final class BundleVersions {
    private static final String PREFIX = "org.tamebnn";

    /** Classes of the bundles a grid runs on, for when there is no framework to ask. */
    private static final Class<?>[] PARTS = { BundleVersions.class, org.tamebnn.experiments.ExperimentRunner.class,
            org.tamebnn.bnn.ExactTrainer.class, org.tamebnn.data.DataPipeline.class,
            org.tamebnn.api.milp.MilpSolver.class };

    private BundleVersions() {
    }

    static Map<String, String> current() {
        Bundle self = FrameworkUtil.getBundle(BundleVersions.class);
        BundleContext context = self == null ? null : self.getBundleContext();
        return context == null ? fromManifests() : fromFramework(context);
    }

    private static Map<String, String> fromFramework(BundleContext context) {
        Map<String, String> versions = new TreeMap<>();
        for (Bundle b : context.getBundles()) {
            String name = b.getSymbolicName();
            if (name != null && (name.startsWith(PREFIX) || b.getBundleId() == 0)) {
                versions.put(name, b.getVersion().toString());
            }
        }
        return versions;
    }

    private static Map<String, String> fromManifests() {
        Map<String, String> versions = new TreeMap<>();
        for (Class<?> c : PARTS) {
            Manifest m = manifest(c);
            String name = m == null ? null : m.getMainAttributes().getValue("Bundle-SymbolicName");
            String version = m == null ? null : m.getMainAttributes().getValue("Bundle-Version");
            String key = name == null ? c.getPackageName() : name.split(";")[0].strip();
            versions.put(key, version == null ? "unknown" : version);
        }
        return versions;
    }

    private static Manifest manifest(Class<?> c) {
        try {
            URL location = c.getProtectionDomain().getCodeSource().getLocation();
            Path p = Path.of(location.toURI());
            if (Files.isDirectory(p)) {
                Path mf = p.resolve("META-INF/MANIFEST.MF");
                if (!Files.isRegularFile(mf)) {
                    return null;
                }
                try (InputStream in = Files.newInputStream(mf)) {
                    return new Manifest(in);
                }
            }
            try (JarFile jar = new JarFile(p.toFile())) {
                return jar.getManifest();
            }
        } catch (Exception | LinkageError e) {
            // no code source, not a file, unreadable: the version is simply not known
            return null;
        }
    }
}
