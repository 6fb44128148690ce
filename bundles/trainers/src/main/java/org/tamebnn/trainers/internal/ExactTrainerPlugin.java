package org.tamebnn.trainers.internal;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.training.Task;
import org.tamebnn.api.training.Trainer;
import org.tamebnn.api.training.TrainerOption;
import org.tamebnn.api.training.TrainerResult;
import org.tamebnn.api.training.TrainingContext;
import org.tamebnn.api.training.TrainingRequest;
import org.tamebnn.bnn.RunSpecs;
import org.tamebnn.bnn.TrainingResult;

/** The MILP of Theorem 2 (Bah &amp; Kurtz), solved to optimality or the time limit. */
@Component(service = Trainer.class, property = Trainer.NAME_PROPERTY + "=exact")
public final class ExactTrainerPlugin implements Trainer {
    @Override
    public String name() {
        return "exact";
    }

    @Override
    public String description() {
        return "the MILP of Theorem 2 (Bah & Kurtz), to optimality or the time limit";
    }

    @Override
    public List<TrainerOption> options() {
        return List.of();
    }

    @Override
    public boolean needsSolver() {
        return true;
    }

    @Override
    public Set<Task> tasks() {
        return Set.of(Task.CLASSIFICATION, Task.REGRESSION);
    }

    @Override
    public TrainerResult train(TrainingRequest request, TrainingContext context) {
        long start = System.nanoTime();
        MilpRun run = MilpRun.of(request);
        TrainingResult r;
        try {
            r = RunSpecs.exactTrainer(request.spec(), request.start()).train(run.train(), run.spec(), run.formulation(), request.loss(),
                    request.requireSolver(), request.params(), run.progress(), request.cancel());
        } catch (IllegalArgumentException e) {
            throw MilpRun.refused(name(), e);
        }
        return MilpRun.result(r, MilpRun.since(start)).build();
    }
}
