package org.tamebnn.trainers.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.training.Trainer;
import org.tamebnn.api.training.TrainerOption;
import org.tamebnn.api.training.TrainerResult;
import org.tamebnn.api.training.TrainingContext;
import org.tamebnn.api.training.TrainingRequest;
import org.tamebnn.bnn.TameTrainer;

/** The first layer stepped by conservative fields of a dual function of the rest (Taming paper, (9)). */
@Component(service = Trainer.class, property = Trainer.NAME_PROPERTY + "=tame")
public final class TameTrainerPlugin implements Trainer {
    @Override
    public String name() {
        return "tame";
    }

    @Override
    public String description() {
        return "the first layer stepped by conservative fields of a dual function of the rest (Taming paper, (9), Corollary 1)";
    }

    @Override
    public List<TrainerOption> options() {
        TameTrainer.Options d = TameTrainer.Options.defaults();
        return List.of(TrainerOption.integer("iterations", d.iterations(), 1, "steps of the first layer"),
                TrainerOption.positive("alpha", d.alpha0(), "the first step size α₀"),
                TrainerOption.choice("schedule", "sqrt", List.of("sqrt", "harmonic", "constant"),
                        "how the step shrinks: α₀/√(k+1), α₀/(k+1) or α₀"),
                TrainerOption.text("dual", "bb", "the dual-function construction (dual:list)"),
                TrainerOption.text("dual-backend", "ortools-glop", "the LP solver the construction runs on"),
                TrainerOption.integer("samples", d.samples(), 0, "points around d the field is averaged over"),
                TrainerOption.number("sigma", d.sigma(), 0, "the spread of those points"),
                TrainerOption.choice("start", "pocket", List.of("pocket", "random"), "the first layer to start from"),
                TrainerOption.prefix("dual.", "options of the dual construction (e.g. dual.nodes=500)"));
    }

    @Override
    public boolean needsSolver() {
        return true;
    }

    @Override
    public TrainerResult train(TrainingRequest request, TrainingContext context) {
        var s = request.options();
        TameTrainer.Options o = TameTrainer.Options.defaults().withIterations(s.integer("iterations"))
                .withAlpha0(s.number("alpha"))
                .withSchedule(TameTrainer.Schedule.valueOf(s.text("schedule").toUpperCase(Locale.ROOT)))
                .withSmoothing(s.integer("samples"), s.number("sigma"))
                .withRandomStart(s.text("start").equals("random")).withDualOptions(s.prefixed("dual."));
        var dual = context.requireDual(s.text("dual"));
        var backend = context.requireSolver(s.text("dual-backend"));
        Duration budget = request.params().timeLimit().orElse(Duration.ofSeconds(60));
        long t0 = System.nanoTime();
        MilpRun run = MilpRun.of(request);
        TameTrainer.Result r;
        try {
            r = new TameTrainer(o).train(run.train(), run.spec(), run.formulation(), request.loss(),
                    request.requireSolver(), dual, backend, request.params(), budget, request.cancel());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw MilpRun.refused(name(), e);
        }
        TrainerResult.Builder b = MilpRun.result(r.best(), MilpRun.since(t0)).lossCurve(r.lossCurve())
                .detail("stopped: " + r.stop()).attach(r);
        r.iterations().forEach(i -> b.detail(String.format(Locale.ROOT,
                "iteration %d: loss %s, F(d) %s, field norm %.3g, step %.3g, %.2f s", i.k(), MilpRun.number(i.loss()),
                MilpRun.number(i.dualValue()), i.fieldNorm(), i.step(), i.elapsed().toNanos() / 1e9)));
        return b.build();
    }
}
