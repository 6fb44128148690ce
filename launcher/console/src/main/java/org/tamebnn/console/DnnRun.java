package org.tamebnn.console;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.tamebnn.baseline.dnn.DnnBaseline;
import org.tamebnn.baseline.dnn.DnnOptions;
import org.tamebnn.baseline.dnn.DnnResult;
import org.tamebnn.baseline.dnn.DnnUnavailableException;

/**
 * The dnn trainer's run, in a class of its own: the console imports the dnn bundle's package
 * optionally, and only loading this class needs it, so without that bundle only {@code dnn} fails
 * (with a message), not the console.
 */
final class DnnRun {
    private DnnRun() {
    }

    static TrainerRun run(Trainers.Job j, String name) {
        int hidden = j.spec().hiddenWidths().isEmpty() ? 5 : j.spec().hiddenWidths().get(0);
        DnnOptions o = DnnOptions.of(hidden).withSeed(j.params().seed().orElse(0));
        o = o.withEpochs(j.settings().integer("epochs", o.epochs(), 1))
                .withBatchSize(j.settings().integer("batch", o.batchSize(), 1))
                .withLearningRate(j.settings().number("rate", o.learningRate()));
        long start = System.nanoTime();
        try {
            DnnResult r = DnnBaseline.train(j.data().train(), o);
            double[] curve = java.util.Arrays.stream(r.trainingErrors()).asDoubleStream().toArray();
            return new TrainerRun(name, "-", "DONE", "", Optional.empty(), Optional.of(r.model()::predict),
                    r.trainingLoss(), Double.NaN, Duration.ofNanos(System.nanoTime() - start), curve, List.of(r.describe()));
        } catch (DnnUnavailableException e) {
            return new TrainerRun(name, "-", "ERROR", e.getMessage(), Optional.empty(), Optional.empty(), Double.NaN,
                    Double.NaN, Duration.ofNanos(System.nanoTime() - start), new double[0], List.of());
        }
    }
}
