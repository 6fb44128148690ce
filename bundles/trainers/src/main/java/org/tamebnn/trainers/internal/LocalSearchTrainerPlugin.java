package org.tamebnn.trainers.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.training.Trainer;
import org.tamebnn.api.training.TrainerOption;
import org.tamebnn.api.training.TrainerResult;
import org.tamebnn.api.training.TrainingContext;
import org.tamebnn.api.training.TrainingRequest;
import org.tamebnn.bnn.LocalSearchResult;
import org.tamebnn.bnn.LocalSearchTrainer;

/** Bah &amp; Kurtz's heuristic (Section 3.1, Algorithm 1). */
@Component(service = Trainer.class, property = Trainer.NAME_PROPERTY + "=local-search")
public final class LocalSearchTrainerPlugin implements Trainer {
    @Override
    public String name() {
        return "local-search";
    }

    @Override
    public String description() {
        return "Bah & Kurtz's heuristic (Section 3.1, Algorithm 1): two half-size MILPs alternately, seeded restarts";
    }

    @Override
    public List<TrainerOption> options() {
        return List.of(TrainerOption.integer("restarts", 1, 1, "runs from seeded random starts; the best is kept"),
                TrainerOption.integer("max-iterations", LocalSearchTrainer.DEFAULT_MAX_ITERATIONS, 1,
                        "alternating MILPs per restart at most"));
    }

    @Override
    public boolean needsSolver() {
        return true;
    }

    @Override
    public TrainerResult train(TrainingRequest request, TrainingContext context) {
        MilpRun run = MilpRun.of(request);
        LocalSearchTrainer t = new LocalSearchTrainer().withRestarts(request.options().integer("restarts"))
                .withMaxIterations(request.options().integer("max-iterations")).withProgress(request.listener());
        LocalSearchResult r;
        try {
            r = t.train(run.train(), run.spec(), run.formulation(), request.loss(), request.requireSolver(),
                    request.params(), run.progress(), request.cancel());
        } catch (IllegalArgumentException e) {
            throw MilpRun.refused(name(), e);
        }
        List<Double> curve = new ArrayList<>();
        r.restarts().forEach(restart -> restart.iterations().forEach(i -> curve.add(i.solverObjective())));
        return MilpRun.result(r.result(), r.time())
                .lossCurve(curve.stream().mapToDouble(Double::doubleValue).toArray())
                .details(r.describe().lines().skip(1).toList()).attach(r).build();
    }
}
