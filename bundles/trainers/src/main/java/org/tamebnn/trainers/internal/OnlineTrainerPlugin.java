package org.tamebnn.trainers.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.training.Trainer;
import org.tamebnn.api.training.TrainerOption;
import org.tamebnn.api.training.TrainerResult;
import org.tamebnn.api.training.TrainingContext;
import org.tamebnn.api.training.TrainingRequest;
import org.tamebnn.bnn.OnlineResult;
import org.tamebnn.bnn.OnlineTrainer;

/** Trains on the first rows, then adds the rest in batches, each solve started from the last network. */
@Component(service = Trainer.class, property = Trainer.NAME_PROPERTY + "=online")
public final class OnlineTrainerPlugin implements Trainer {
    @Override
    public String name() {
        return "online";
    }

    @Override
    public String description() {
        return "trains on the first rows, adds the rest in batches, re-solving from the last network (warm vs cold timed)";
    }

    @Override
    public List<TrainerOption> options() {
        return List.of(TrainerOption.integer("initial", 1, "rows of the first solve (default half of them)"),
                TrainerOption.integer("batch", 1, "rows added per step (default a third of the rest)"),
                TrainerOption.choice("cold", "on", List.of("on", "off"),
                        "also solve each step from nothing, to time what the warm start saves"));
    }

    @Override
    public boolean needsSolver() {
        return true;
    }

    @Override
    public TrainerResult train(TrainingRequest request, TrainingContext context) {
        long start = System.nanoTime();
        MilpRun run = MilpRun.of(request);
        int size = run.train().size();
        int initial = Math.min(size, request.options().integer("initial", Math.max(1, size / 2)));
        int batch = request.options().integer("batch", Math.max(1, (size - initial + 2) / 3));
        OnlineTrainer t = new OnlineTrainer(initial, batch).withColdComparison(request.options().text("cold").equals("on"));
        OnlineResult r;
        try {
            r = t.train(run.train(), run.spec(), run.formulation(), request.loss(), request.requireSolver(),
                    request.params(), run.progress(), request.cancel());
        } catch (IllegalArgumentException e) {
            throw MilpRun.refused(name(), e);
        }
        return MilpRun.result(r.result(), MilpRun.since(start)).details(r.describe().lines().skip(1).toList()).attach(r)
                .build();
    }
}
