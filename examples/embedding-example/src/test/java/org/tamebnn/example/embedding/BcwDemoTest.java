package org.tamebnn.example.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.tamebnn.api.training.Comparison;
import org.tamebnn.api.training.RunControl;
import org.tamebnn.api.training.RunSpec;
import org.tamebnn.api.training.Trainer;
import org.tamebnn.api.training.TrainingException;
import org.tamebnn.api.training.TrainingOutcome;
import org.tamebnn.api.training.TrainingService;
import org.tamebnn.training.TrainingServices;

/** The demo's work over the real plugins found on the class path, and its component life cycle on stubs. */
class BcwDemoTest {

    @Test
    void theExactMilpIsOptimalAndBothNetworksAreScored() {
        // the class path has the shipped plugins and, through this bundle's META-INF/services, the perceptron
        TrainingService service = TrainingServices.fromServiceLoader(getClass().getClassLoader());
        assertTrue(service.trainers().stream().map(Trainer::name).toList().contains("perceptron"));

        Map<String, Object> report = BcwDemo.report(service, RunControl.none());

        assertFalse(report.containsKey("error"), () -> String.valueOf(report.get("error")));
        assertEquals("bcw", report.get("tamebnn.example.report"));
        assertEquals("OPTIMAL", report.get("exact.status"));
        assertEquals("ortools-highs", report.get("exact.solver"), "the service's preferred solver");
        assertEquals(0.0, report.get("exact.trainingLoss"), "25 BCW points are separable by a 9-5-1 BDNN");
        double exact = assertInstanceOf(Double.class, report.get("exact.testAccuracy"));
        assertTrue(exact > 0.6 && exact <= 1, () -> "exact test accuracy " + exact);
        assertEquals("FEASIBLE", report.get("perceptron.status"));
        double perceptron = assertInstanceOf(Double.class, report.get("perceptron.testAccuracy"));
        // measured 0.936 (131 of the 140 held-out rows)
        assertTrue(perceptron > 0.9 && perceptron <= 1, () -> "perceptron test accuracy " + perceptron);
    }

    @Test
    void aRunThatCannotStartIsReportedAsAnError() {
        Map<String, Object> report = BcwDemo.report(TrainingServices.builder().build(), RunControl.none());

        assertEquals("bcw", report.get("tamebnn.example.report"));
        assertTrue(String.valueOf(report.get("error")).startsWith("no trainer named 'exact'"), report::toString);
        assertFalse(report.containsKey("exact.status"));
    }

    @Test
    void theReportIsRegisteredFromItsOwnThreadAndUnregisteredOnDeactivation() throws Exception {
        Thread activator = Thread.currentThread();
        BlockingQueue<Dictionary<String, ?>> registered = new ArrayBlockingQueue<>(1);
        AtomicInteger unregistered = new AtomicInteger();
        BcwDemo demo = new BcwDemo();
        inject(demo, new StubService() {
            @Override
            public TrainingOutcome train(RunSpec spec, RunControl control) {
                assertFalse(Thread.currentThread() == activator, "never on the activating thread");
                throw new TrainingException("no data today");
            }
        });

        demo.activate(context((properties) -> registered.add(properties), unregistered));
        Dictionary<String, ?> properties = registered.poll(10, TimeUnit.SECONDS);

        assertEquals("bcw", properties.get("tamebnn.example.report"));
        assertEquals("no data today", properties.get("error"));
        demo.deactivate();
        assertEquals(1, unregistered.get());
    }

    @Test
    void deactivationCancelsARunningDemoAndRegistersNothing() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        AtomicInteger registrations = new AtomicInteger();
        BcwDemo demo = new BcwDemo();
        inject(demo, new StubService() {
            @Override
            public TrainingOutcome train(RunSpec spec, RunControl control) {
                running.countDown();
                while (!control.cancel().isCancelled()) {
                    Thread.onSpinWait();
                }
                throw new TrainingException("cancelled");
            }
        });

        demo.activate(context(p -> registrations.incrementAndGet(), new AtomicInteger()));
        assertTrue(running.await(10, TimeUnit.SECONDS));
        demo.deactivate();

        assertEquals(0, registrations.get());
    }

    private static void inject(BcwDemo demo, TrainingService service) throws ReflectiveOperationException {
        var field = BcwDemo.class.getDeclaredField("training");
        field.setAccessible(true);
        field.set(demo, service);
    }

    /** A bundle context that only registers services: it hands their properties to {@code onRegister}. */
    private static BundleContext context(java.util.function.Consumer<Dictionary<String, ?>> onRegister,
            AtomicInteger unregistered) {
        ServiceRegistration<?> registration = (ServiceRegistration<?>) Proxy.newProxyInstance(
                BcwDemoTest.class.getClassLoader(), new Class<?>[] {ServiceRegistration.class}, (p, m, args) -> {
                    if (m.getName().equals("unregister")) {
                        unregistered.incrementAndGet();
                        return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        return (BundleContext) Proxy.newProxyInstance(BcwDemoTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (p, m, args) -> {
                    if (m.getName().equals("registerService") && args[0] == Runnable.class) {
                        @SuppressWarnings("unchecked")
                        Dictionary<String, ?> properties = (Dictionary<String, ?>) args[2];
                        onRegister.accept(properties);
                        return registration;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    /** A training service with nothing installed; a test overrides what it needs. */
    private abstract static class StubService implements TrainingService {
        @Override
        public List<Trainer> trainers() {
            return List.of();
        }

        @Override
        public RunSpec resolve(RunSpec spec, RunControl control) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Comparison compare(RunSpec spec, List<String> trainers, List<String> solvers, RunControl control) {
            throw new UnsupportedOperationException();
        }
    }
}
