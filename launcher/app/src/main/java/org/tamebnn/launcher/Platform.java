package org.tamebnn.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The running OSGi framework with the platform's bundles: everything in the distribution's
 * {@code bundle/} folder, plus, in scripted runs, the jars in {@code plugins/}. In the console,
 * Felix File Install watches {@code plugins/} instead, so jars dropped in or removed take effect
 * while it runs.
 *
 * <p>The framework is found through {@link ServiceLoader}, so any OSGi R7+ framework on the class
 * path works; the distribution ships Apache Felix.
 */
public final class Platform implements AutoCloseable {
    private static final String CONSOLE = "org.apache.felix.gogo.jline";
    private static final String FILE_INSTALL = "org.apache.felix.fileinstall";

    private final Framework framework;
    private final Path storage;

    private Platform(Framework framework, Path storage) {
        this.framework = framework;
        this.storage = storage;
    }

    /**
     * Starts a framework with the bundles of {@code home/bundle}.
     *
     * @param interactive also start the console and File Install on {@code plugins}
     */
    public static Platform start(Path home, Path plugins, boolean interactive) throws IOException, BundleException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IOException("no OSGi framework on the class path"));
        return start(factory, home, plugins, interactive, interactive);
    }

    /**
     * Starts a framework made by {@code factory} (Felix, Equinox, ...) with the bundles of
     * {@code home/bundle}.
     *
     * @param console start the interactive Gogo console on this process's terminal
     * @param watchPlugins let File Install watch {@code plugins}, so jars dropped in or removed
     *     are installed or uninstalled while the platform runs; otherwise the jars there now are
     *     installed once
     */
    public static Platform start(FrameworkFactory factory, Path home, Path plugins, boolean console,
            boolean watchPlugins) throws IOException, BundleException {
        Path bundleDir = home.resolve("bundle");
        if (!Files.isDirectory(bundleDir)) {
            throw new IOException("no bundle folder at " + bundleDir + " (is the distribution built?)");
        }
        Path storage = Files.createTempDirectory("tamebnn-osgi");
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("felix.log.level", "1");
        config.put("tamebnn.home", home.toString());
        config.put("tamebnn.plugins", plugins.toString());
        config.put("felix.fileinstall.dir", plugins.toString());
        config.put("felix.fileinstall.poll", "1000");
        config.put("felix.fileinstall.noInitialDelay", "true");
        config.put("felix.fileinstall.log.level", "1");
        config.put("felix.fileinstall.bundles.new.start", "true");
        config.put("gosh.home", home.toString());
        // Gogo's own default, stated: Equinox sets --nointeractive when gosh.args is unset, which
        // leaves the console without a line reader
        config.put("gosh.args", "");
        Framework fw = factory.newFramework(config);
        try {
            fw.init();
            startBundles(fw, bundleDir, plugins, console, watchPlugins);
            return new Platform(fw, storage);
        } catch (IOException | BundleException | RuntimeException e) {
            new Platform(fw, storage).close();
            throw e;
        }
    }

    private static void startBundles(Framework fw, Path bundleDir, Path plugins, boolean console,
            boolean watchPlugins) throws IOException, BundleException {
        BundleContext ctx = fw.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars(bundleDir)) {
            String bsn = symbolicName(jar);
            boolean wanted = bsn != null && (console || !CONSOLE.equals(bsn))
                    && (watchPlugins || !FILE_INSTALL.equals(bsn));
            if (wanted) {
                installed.add(ctx.installBundle("reference:" + jar.toUri()));
            }
        }
        if (!watchPlugins && Files.isDirectory(plugins)) {
            for (Path jar : jars(plugins)) {
                try {
                    installed.add(ctx.installBundle("reference:" + jar.toUri()));
                } catch (BundleException e) {
                    // a jar that is no bundle, or one installed twice, must not stop the command
                    System.err.println("tamebnn: plugin " + jar.getFileName() + " not installed: " + e.getMessage());
                }
            }
        }
        fw.start();
        Bundle consoleBundle = null;
        for (Bundle b : installed) {
            if (CONSOLE.equals(b.getSymbolicName())) {
                consoleBundle = b;
            } else {
                startQuietly(b);
            }
        }
        if (consoleBundle != null) {
            startConsole(ctx, consoleBundle);
        }
    }

    /**
     * JLine finds its terminal providers (exec, ffm, ...) through the thread context class loader,
     * which the console's thread inherits from here; without JLine's own loader there, every
     * provider is "not found" and the console falls back to a dumb terminal with no line editing.
     */
    private static void startConsole(BundleContext ctx, Bundle console) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        ClassLoader jline = null;
        for (Bundle b : ctx.getBundles()) {
            if ("org.jline".equals(b.getSymbolicName()) && b.adapt(BundleWiring.class) != null) {
                jline = b.adapt(BundleWiring.class).getClassLoader();
            }
        }
        try {
            if (jline != null) {
                current.setContextClassLoader(jline);
            }
            startQuietly(console);
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    private static void startQuietly(Bundle b) {
        if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
            return;
        }
        try {
            b.start();
        } catch (BundleException e) {
            // One broken plugin must not take the platform down; say which and go on.
            System.err.println("tamebnn: bundle " + b.getSymbolicName() + " did not start: " + e.getMessage());
        }
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    public Framework framework() {
        return framework;
    }

    /** Blocks until the framework stops (the console's {@code exit} stops it). */
    public void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    @Override
    public void close() {
        try {
            framework.stop();
            framework.waitForStop(10_000);
        } catch (BundleException | InterruptedException e) {
            // Shutting down anyway; the storage folder is removed below.
        }
        try {
            deleteRecursively(storage);
        } catch (UncheckedIOException e) {
            // a temporary folder left behind must not turn a finished command into a failure
        }
    }

    private static List<Path> jars(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static String symbolicName(Path jar) throws IOException {
        try (JarFile jf = new JarFile(jar.toFile())) {
            var mf = jf.getManifest();
            String bsn = mf == null ? null : mf.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
            return bsn == null ? null : bsn.split(";")[0].trim();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
