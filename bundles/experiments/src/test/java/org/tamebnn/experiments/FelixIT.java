package org.tamebnn.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The bundle as it ships, in a real Felix with only the bundles it imports (H2, the PostgreSQL
 * driver, Jackson core and YAML, the API and the data sets): it resolves, Flyway (embedded) migrates from inside it, and a
 * grid runs into the embedded store, and into PostgreSQL when a server is given.
 */
class FelixIT {

    @Test
    void aGridRunsFromInsideFelix(@TempDir Path storage) throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put("org.osgi.framework.storage", storage.resolve("felix").toString());
        config.put("org.osgi.framework.storage.clean", "onFirstInit");
        Framework felix = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(config);
        felix.start();
        try {
            BundleContext context = felix.getBundleContext();
            List<Bundle> installed = new ArrayList<>();
            for (String library : List.of("org.h2.Driver", "org.postgresql.Driver",
                    "com.fasterxml.jackson.core.JsonFactory", "com.fasterxml.jackson.annotation.JsonProperty",
                    "com.fasterxml.jackson.databind.ObjectMapper", "org.yaml.snakeyaml.Yaml",
                    "com.fasterxml.jackson.dataformat.yaml.YAMLFactory",
                    // a cell is a run specification; spec files name data sources as the training service reads them
                    "org.tamebnn.api.training.RunSpec", "org.tamebnn.data.DataSources")) {
                installed.add(context.installBundle(jarOf(Class.forName(library)).toUri().toString()));
            }
            Path jar = Path.of(System.getProperty("tamebnn.experiments.bundle"));
            assertTrue(Files.isRegularFile(jar), "the packaged bundle " + jar);
            Bundle experiments = context.installBundle(jar.toUri().toString());
            installed.add(experiments);
            for (Bundle b : installed) b.start();
            assertEquals(Bundle.ACTIVE, experiments.getState());

            Path specFile = storage.resolve("grid.yaml");
            Files.writeString(specFile, ExperimentSpecTest.example().replace("name: bcw-example",
                    "name: felix-" + UUID.randomUUID()));
            assertEquals(24, runGrid(experiments, specFile, "openDefault", storage.resolve("results")));

            String pg = System.getProperty(PostgresStoreTest.URL_PROPERTY, "");
            if (!pg.isBlank()) assertEquals(24, runGrid(experiments, specFile, "open", pg));
        } finally {
            felix.stop();
            felix.waitForStop(10_000);
        }
    }

    /** Loads the spec, opens a store and runs the grid, all through the bundle's own classes. */
    private static int runGrid(Bundle bundle, Path specFile, String opener, Object where) throws Exception {
        Class<?> specType = bundle.loadClass("org.tamebnn.experiments.ExperimentSpec");
        Class<?> storeType = bundle.loadClass("org.tamebnn.experiments.ResultStore");
        Class<?> shardType = bundle.loadClass("org.tamebnn.experiments.Shard");
        Class<?> executorType = bundle.loadClass("org.tamebnn.experiments.CellExecutor");
        Class<?> listenerType = bundle.loadClass("org.tamebnn.experiments.ProgressListener");
        Class<?> resultType = bundle.loadClass("org.tamebnn.experiments.CellResult");
        Class<?> runner = bundle.loadClass("org.tamebnn.experiments.ExperimentRunner");

        java.util.function.Predicate<String> needsSolver = trainer -> !trainer.equals("ste");
        Object spec = specType.getMethod("load", Path.class, java.util.function.Predicate.class)
                .invoke(null, specFile, needsSolver);
        Object store = where instanceof Path p ? storeType.getMethod(opener, Path.class).invoke(null, p)
                : storeType.getMethod(opener, String.class).invoke(null, where);
        try {
            Method builder = resultType.getMethod("builder", String.class);
            Object executor = Proxy.newProxyInstance(executorType.getClassLoader(), new Class<?>[] { executorType },
                    (proxy, method, args) -> {
                        if (!method.getName().equals("execute")) return method.invoke(proxy, args);
                        Object b = builder.invoke(null, "OPTIMAL");
                        return b.getClass().getMethod("build").invoke(b);
                    });
            Object all = shardType.getField("ALL").get(null);
            Object none = listenerType.getField("NONE").get(null);
            runner.getMethod("run", specType, shardType, storeType, executorType, listenerType)
                    .invoke(null, spec, all, store, executor, none);
            String name = (String) specType.getMethod("name").invoke(spec);
            return ((List<?>) storeType.getMethod("runs", String.class).invoke(store, name)).size();
        } finally {
            ((AutoCloseable) store).close();
        }
    }

    private static Path jarOf(Class<?> c) throws Exception {
        Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isRegularFile(p), c.getName() + " comes from " + p + ", not a jar: run this through mvn verify");
        return p;
    }
}
