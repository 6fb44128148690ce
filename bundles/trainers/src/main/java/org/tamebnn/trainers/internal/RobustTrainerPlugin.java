package org.tamebnn.trainers.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.training.Termination;
import org.tamebnn.api.training.Termination.Limit;
import org.tamebnn.api.training.Termination.Reason;
import org.tamebnn.api.training.Trainer;
import org.tamebnn.api.training.TrainerOption;
import org.tamebnn.api.training.TrainerResult;
import org.tamebnn.api.training.TrainingContext;
import org.tamebnn.api.training.TrainingRequest;
import org.tamebnn.bnn.PerturbationNorm;
import org.tamebnn.bnn.RobustIteration;
import org.tamebnn.bnn.RobustResult;
import org.tamebnn.bnn.RobustTrainer;

/** Bah &amp; Kurtz §4, problem (11), by column-and-constraint generation. */
@Component(service = Trainer.class, property = Trainer.NAME_PROPERTY + "=robust")
public final class RobustTrainerPlugin implements Trainer {
    @Override
    public String name() {
        return "robust";
    }

    @Override
    public String description() {
        return "Bah & Kurtz §4, problem (11): column-and-constraint generation against every disturbance in a ball of"
                + " radius r around each training point; lower and upper bounds per round, robust test accuracy";
    }

    @Override
    public List<TrainerOption> options() {
        return List.of(TrainerOption.number("radius", 0.05, 0, "the disturbance ball's radius, on the [0, 1] scale"),
                TrainerOption.choice("norm", "linf", List.of("linf", "l1"), "the ball's norm"),
                TrainerOption.number("gap", 0, 0, "stop when upper − lower bound ≤ this"),
                TrainerOption.integer("max-iterations", 50, 1, "rounds at most"),
                TrainerOption.choice("deepest", "off", List.of("on", "off"),
                        "add the deepest misclassified disturbance of each point as its scenario"));
    }

    @Override
    public boolean needsSolver() {
        return true;
    }

    @Override
    public TrainerResult train(TrainingRequest request, TrainingContext context) {
        MilpRun run = MilpRun.of(request);
        RobustTrainer t = RobustTrainer.of(PerturbationNorm.parse(request.options().text("norm")),
                request.options().number("radius")).withGap(request.options().number("gap"))
                .withMaxIterations(request.options().integer("max-iterations"))
                .withDeepestScenarios(request.options().text("deepest").equals("on"));
        RobustResult r;
        try {
            r = t.train(run.train(), run.spec(), run.formulation(), request.loss(), request.requireSolver(),
                    request.params(), run.progress(), request.listener(), request.cancel());
        } catch (IllegalArgumentException e) {
            throw MilpRun.refused(name(), e);
        }
        TrainerResult.Builder b = TrainerResult.builder(r.solver(), termination(r)).network(r.network().orElse(null))
                .loss(r.upperBound(), r.lowerBound()).totalTime(r.totalTime()).message(r.message()).attach(r)
                .lossCurve(r.iterations().stream().mapToDouble(RobustIteration::upperBound).toArray());
        for (RobustIteration i : r.iterations()) {
            b.round(i.iteration(), i.lowerBound(), i.upperBound()).detail(i.describe());
        }
        // the robust test accuracy: the adversary's verdict on each held-out point, a report only
        r.network().ifPresent(net -> b.detail("test: " + t.adversary().evaluate(net,
                org.tamebnn.data.Dataset.from(request.test()), request.requireSolver(), request.params(), request.cancel())));
        return b.build();
    }

    private static Termination termination(RobustResult r) {
        boolean found = r.network().isPresent();
        return switch (r.stop()) {
            case CONVERGED -> new Termination(Reason.OPTIMAL, Limit.NONE, r.message());
            case TIME_LIMIT -> new Termination(found ? Reason.FEASIBLE : Reason.NO_SOLUTION, Limit.TIME, r.message());
            case ITERATION_LIMIT -> new Termination(found ? Reason.FEASIBLE : Reason.NO_SOLUTION, Limit.ITERATIONS,
                    r.message());
            case CANCELLED -> new Termination(Reason.CANCELLED, Limit.NONE, r.message());
            case UNCONFIRMED -> new Termination(Reason.OPTIMAL_UNCONFIRMED, Limit.NONE, r.message());
            case MASTER_STOPPED -> new Termination(found ? Reason.FEASIBLE : Reason.NO_SOLUTION, Limit.OTHER,
                    r.message());
            case FAILED -> Termination.error(r.message());
        };
    }
}
