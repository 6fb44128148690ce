package org.tamebnn.trainers.internal;

import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.training.Termination;
import org.tamebnn.api.training.Trainer;
import org.tamebnn.api.training.TrainerOption;
import org.tamebnn.api.training.TrainerResult;
import org.tamebnn.api.training.TrainingContext;
import org.tamebnn.api.training.TrainingRequest;
import org.tamebnn.bnn.SteOptions;
import org.tamebnn.bnn.SteResult;
import org.tamebnn.bnn.SteTrainer;

/** The same network by gradient descent with the straight-through estimator. */
@Component(service = Trainer.class, property = Trainer.NAME_PROPERTY + "=ste")
public final class SteTrainerPlugin implements Trainer {
    @Override
    public String name() {
        return "ste";
    }

    @Override
    public String description() {
        return "the same network by gradient descent with the straight-through estimator (the baseline the Taming paper argues against)";
    }

    @Override
    public List<TrainerOption> options() {
        SteOptions d = SteOptions.defaults();
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
        long start = System.nanoTime();
        MilpRun run = MilpRun.of(request);
        SteOptions o = SteOptions.defaults().withSeed(request.seed()).withEpochs(request.options().integer("epochs"))
                .withBatchSize(request.options().integer("batch")).withLearningRate(request.options().number("rate"));
        SteResult r;
        try {
            r = new SteTrainer().train(run.train(), run.spec(), request.loss(), o, request.listener());
        } catch (IllegalArgumentException e) {
            throw MilpRun.refused(name(), e);
        }
        return TrainerResult.builder("-", Termination.finished()).network(r.network())
                .loss(r.trainingLoss(), Double.NaN).totalTime(MilpRun.since(start))
                .lossCurve(Arrays.stream(r.trainingErrors()).asDoubleStream().toArray()).detail(r.describe())
                .attach(r).build();
    }
}
