package org.tamebnn.baseline.dnn.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.training.Network;
import org.tamebnn.api.training.Termination;
import org.tamebnn.api.training.Trainer;
import org.tamebnn.api.training.TrainerOption;
import org.tamebnn.api.training.TrainerResult;
import org.tamebnn.api.training.TrainingContext;
import org.tamebnn.api.training.TrainingRequest;
import org.tamebnn.baseline.dnn.DnnBaseline;
import org.tamebnn.baseline.dnn.DnnModel;
import org.tamebnn.baseline.dnn.DnnOptions;
import org.tamebnn.baseline.dnn.DnnResult;
import org.tamebnn.baseline.dnn.DnnUnavailableException;
import org.tamebnn.data.Dataset;

/**
 * Bah &amp; Kurtz's DNN baseline as a trainer: one ReLU hidden layer as wide as the spec's first
 * hidden layer (5 without one), softmax and cross-entropy, on Smile's MLP. Without OpenBLAS it ends
 * as an error that says what to install; the rest of the platform is unaffected.
 */
@Component(service = Trainer.class, property = Trainer.NAME_PROPERTY + "=dnn")
public final class DnnTrainer implements Trainer {
    @Override
    public String name() {
        return "dnn";
    }

    @Override
    public String description() {
        return "the paper's baseline: one ReLU hidden layer (the first --hidden width), softmax, cross-entropy (Smile's MLP)";
    }

    @Override
    public List<TrainerOption> options() {
        DnnOptions d = DnnOptions.of(5);
        return List.of(TrainerOption.integer("epochs", d.epochs(), 1, "passes over the training rows"),
                TrainerOption.integer("batch", d.batchSize(), 1, "rows per gradient step"),
                TrainerOption.positive("rate", d.learningRate(), "the learning rate"));
    }

    @Override
    public boolean needsSolver() {
        return false;
    }

    @Override
    public TrainerResult train(TrainingRequest request, TrainingContext context) {
        List<Integer> widths = request.spec().network().hidden();
        DnnOptions o = DnnOptions.of(widths.isEmpty() ? 5 : widths.get(0)).withSeed(request.seed())
                .withEpochs(request.options().integer("epochs")).withBatchSize(request.options().integer("batch"))
                .withLearningRate(request.options().number("rate"));
        long start = System.nanoTime();
        try {
            DnnResult r = DnnBaseline.train(Dataset.from(request.train()), o);
            return TrainerResult.builder("-", Termination.finished()).network(new Mlp(r.model(), o.hidden()))
                    .loss(r.trainingLoss(), Double.NaN).totalTime(since(start))
                    .lossCurve(Arrays.stream(r.trainingErrors()).asDoubleStream().toArray()).detail(r.describe())
                    .attach(r).build();
        } catch (DnnUnavailableException e) {
            return TrainerResult.builder("-", Termination.error(e.getMessage())).message(e.getMessage())
                    .totalTime(since(start)).build();
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The MLP as the training API reads a network. */
    private record Mlp(DnnModel model, int hidden) implements Network {
        public int classify(double[] row) {
            return model.predict(row);
        }

        public double[] outputs(double[] row) {
            return model.probabilities(row);
        }

        public String describe() {
            return "ReLU MLP " + model.inputWidth() + "-" + hidden + "-" + model.classCount();
        }
    }
}
