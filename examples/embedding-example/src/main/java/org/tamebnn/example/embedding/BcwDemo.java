package org.tamebnn.example.embedding;

import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.training.Comparison;
import org.tamebnn.api.training.RunControl;
import org.tamebnn.api.training.RunSpec;
import org.tamebnn.api.training.Scores;
import org.tamebnn.api.training.TrainingException;
import org.tamebnn.api.training.TrainingOutcome;
import org.tamebnn.api.training.TrainingService;

/**
 * A client of the {@link TrainingService}: once the platform's service is there, it trains the
 * console's default run (Bah &amp; Kurtz's exact MILP on 25 Breast Cancer Wisconsin points, on the
 * service's preferred solver), then compares that trainer with the perceptron of this bundle on
 * the same data, and publishes the numbers as the properties of a {@link Runnable} service
 * ({@value #REPORT_PROPERTY}{@code =bcw}): a test or another bundle can wait for it with a filter
 * and read them without sharing a class with this bundle.
 */
@Component(immediate = true)
public final class BcwDemo {
    static final String REPORT_PROPERTY = "tamebnn.example.report";
    static final String PREFIX = "embedding-example: ";

    // static policy: the service does not come and go under a running demo, SCR restarts it instead
    @Reference
    private TrainingService training;

    private final CancellationToken cancel = CancellationToken.none();
    private final Object lock = new Object();
    private Thread worker;
    private ServiceRegistration<Runnable> registration;
    private boolean stopped;

    @Activate
    void activate(BundleContext context) {
        TrainingService service = training;
        // a MILP solve takes seconds; SCR's activation thread must not wait for it
        worker = Thread.ofPlatform().daemon().name("embedding-example bcw").unstarted(() -> {
            Map<String, Object> properties;
            try {
                properties = report(service, RunControl.none().withCancel(cancel));
            } catch (RuntimeException e) {
                // a waiting test should see why rather than time out
                properties = failure(e.toString());
            }
            publish(context, properties);
        });
        worker.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        ServiceRegistration<Runnable> published;
        synchronized (lock) {
            stopped = true;
            published = registration;
            registration = null;
        }
        // outside the lock: the framework calls service listeners synchronously
        if (published != null) {
            published.unregister();
        }
        // interrupting alone does not stop a native solver; the token does
        cancel.cancel();
        worker.interrupt();
        worker.join(5_000);
    }

    private void publish(BundleContext context, Map<String, Object> properties) {
        synchronized (lock) {
            if (stopped) {
                return; // nobody wants a stopped component's report, and its context may be invalid
            }
        }
        ServiceRegistration<Runnable> published;
        try {
            published = context.registerService(Runnable.class, () -> {
            }, new Hashtable<>(properties));
        } catch (IllegalStateException e) {
            return; // the bundle stopped between the check and the registration
        }
        synchronized (lock) {
            if (!stopped) {
                registration = published;
                return;
            }
        }
        // deactivated while registering: take it back, unless the framework already did
        try {
            published.unregister();
        } catch (IllegalStateException e) {
            // already unregistered with the bundle
        }
    }

    /**
     * The demo's work, on the caller's thread: the exact MILP on the default spec, then a comparison
     * of it with the perceptron on the solver it ran on. Prints a few lines and returns the report
     * service's properties; a run that cannot start gives a report with {@code error} instead.
     */
    static Map<String, Object> report(TrainingService training, RunControl control) {
        try {
            TrainingOutcome exact = training.train(RunSpec.defaults(), control);
            print("train", exact);
            Comparison comparison = training.compare(RunSpec.defaults(), List.of("exact", PerceptronTrainer.NAME),
                    List.of(exact.solver()), control);
            comparison.outcomes().forEach(o -> print("compare", o));
            comparison.notRun().forEach(label -> System.out.println(PREFIX + "compare " + label + ": not run"));

            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put(REPORT_PROPERTY, "bcw");
            properties.put("exact.status", exact.termination().label());
            properties.put("exact.solver", exact.solver());
            properties.put("exact.trainingLoss", exact.result().trainingLoss());
            properties.put("exact.testAccuracy", testAccuracy(exact));
            Optional<TrainingOutcome> perceptron = comparison.outcomes().stream()
                    .filter(o -> o.trainer().equals(PerceptronTrainer.NAME)).findFirst();
            properties.put("perceptron.status", perceptron.map(o -> o.termination().label()).orElse("NOT_RUN"));
            properties.put("perceptron.trainingLoss", perceptron.map(o -> o.result().trainingLoss()).orElse(Double.NaN));
            properties.put("perceptron.testAccuracy", perceptron.map(BcwDemo::testAccuracy).orElse(Double.NaN));
            return properties;
        } catch (TrainingException e) {
            System.out.println(PREFIX + "cannot train: " + e.getMessage());
            return failure(e.getMessage());
        }
    }

    private static Map<String, Object> failure(String message) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(REPORT_PROPERTY, "bcw");
        properties.put("error", message);
        return properties;
    }

    /** The accuracy on the held-out rows; NaN when the run left no network. */
    private static double testAccuracy(TrainingOutcome outcome) {
        return outcome.test().map(s -> s instanceof Scores.Classification c ? c.accuracy() : Double.NaN)
                .orElse(Double.NaN);
    }

    private static void print(String step, TrainingOutcome o) {
        String note = o.note();
        System.out.println(String.format(Locale.ROOT, "%s%s %s%s: %s, training loss %s, test accuracy %.3f%s", PREFIX,
                step, o.trainer(), o.solver().equals("-") ? "" : " on " + o.solver(), o.termination().label(),
                number(o.result().trainingLoss()), testAccuracy(o), note.isEmpty() ? "" : " (" + note + ")"));
    }

    private static String number(double x) {
        return x == Math.rint(x) && !Double.isInfinite(x) ? String.valueOf((long) x) : String.valueOf(x);
    }
}
