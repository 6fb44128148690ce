package org.tamebnn.baseline.dnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;
import org.tamebnn.data.Dataset;

/**
 * The bundle as it ships, in a real Felix with the data bundle and its dependencies: it resolves
 * (Smile embedded, nothing of it imported but optional packages), and trains a DNN there where the
 * bundle finds OpenBLAS, or says in the words a user reads that it is missing where it does not.
 */
class FelixIT {

    @Test
    void theBundleResolvesAndTrainsInFelix(@TempDir Path storage) throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put("org.osgi.framework.storage", storage.toString());
        config.put("org.osgi.framework.storage.clean", "onFirstInit");
        Framework felix = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(config);
        felix.start();
        try {
            BundleContext context = felix.getBundleContext();
            List<Bundle> installed = new ArrayList<>();
            // the data bundle carries commons-csv inside it; with the API it is all the DNN bundle imports,
            // and Declarative Services (with the OSGi promise and function packages) registers its trainer
            installed.add(context.installBundle(jarOf(Dataset.class).toUri().toString()));
            for (String library : List.of("org.tamebnn.api.training.Trainer", "org.apache.felix.scr.info.ScrInfo",
                    "org.osgi.service.component.ComponentContext", "org.osgi.util.promise.Promise",
                    "org.osgi.util.function.Function")) {
                installed.add(context.installBundle(jarOf(Class.forName(library)).toUri().toString()));
            }
            Path dnnJar = Path.of(System.getProperty("tamebnn.dnn.bundle"));
            assertTrue(Files.isRegularFile(dnnJar), "the packaged bundle " + dnnJar);
            Bundle dnn = context.installBundle(dnnJar.toUri().toString());
            installed.add(dnn);
            for (Bundle b : installed) {
                b.start();
            }
            assertEquals(Bundle.ACTIVE, dnn.getState());
            ServiceTracker<Object, Object> trainers = new ServiceTracker<>(context,
                    context.createFilter("(&(objectClass=org.tamebnn.api.training.Trainer)(tamebnn.trainer.name=dnn))"),
                    null);
            // all services: this test's class path has its own copy of the API, which the bundle's is not
            trainers.open(true);
            assertNotNull(trainers.waitForService(30_000), "the dnn trainer is a service");
            trainers.close();

            Object data = xorLike(installed.getFirst());
            Class<?> baseline = dnn.loadClass("org.tamebnn.baseline.dnn.DnnBaseline");
            Method train = baseline.getMethod("train", data.getClass(), int.class, long.class, int.class);
            // the bundle's own probe, inside Felix, of the BLAS Smile will load decides which outcome is due
            Object blas = dnn.loadClass("org.tamebnn.baseline.dnn.OpenBlas").getMethod("availability").invoke(null);
            if ((Boolean) blas.getClass().getMethod("available").invoke(blas)) {
                Object result = train.invoke(null, data, 4, 0L, 300);
                Object model = result.getClass().getMethod("model").invoke(result);
                Method predict = model.getClass().getMethod("predict", double[].class);
                assertEquals(0, predict.invoke(model, (Object) new double[] {0.1, 0.1}));
                assertEquals(1, predict.invoke(model, (Object) new double[] {0.9, 0.9}));
            } else {
                Throwable cause = assertThrows(InvocationTargetException.class,
                        () -> train.invoke(null, data, 4, 0L, 300)).getCause();
                assertEquals("org.tamebnn.baseline.dnn.DnnUnavailableException", cause.getClass().getName(),
                        () -> "without a BLAS it must say so: " + cause);
                assertTrue(cause.getMessage().startsWith("dnn needs OpenBLAS: install libopenblas-dev"),
                        cause::getMessage);
                System.out.println("FelixIT: " + cause.getMessage());
            }
        } finally {
            felix.stop();
            felix.waitForStop(10_000);
        }
    }

    /** Two well separated classes, built through the data bundle's own classes. */
    private static Object xorLike(Bundle dataBundle) throws Exception {
        Class<?> dataset = dataBundle.loadClass("org.tamebnn.data.Dataset");
        Class<?> mapping = dataBundle.loadClass("org.tamebnn.data.LabelMapping");
        Object labels = mapping.getMethod("fromLabels", java.util.Collection.class).invoke(null, List.of("low", "high"));
        double[][] x = new double[40][];
        int[] y = new int[40];
        for (int i = 0; i < 40; i++) {
            double v = (i % 20) / 100.0;
            x[i] = i < 20 ? new double[] {v, 0.2 - v} : new double[] {0.8 + v, 1 - v};
            y[i] = i < 20 ? 0 : 1;
        }
        return dataset.getMethod("of", String.class, List.class, double[][].class, int[].class, mapping)
                .invoke(null, "separable", List.of("a", "b"), x, y, labels);
    }

    private static Path jarOf(Class<?> c) throws Exception {
        Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isRegularFile(p), c.getName() + " comes from " + p + ", not a jar: run this through mvn verify");
        return p;
    }
}
