package org.tamebnn.training.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.loss.OutputKind;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.training.Comparison;
import org.tamebnn.api.training.RunControl;
import org.tamebnn.api.training.RunSpec;
import org.tamebnn.api.training.Scores;
import org.tamebnn.api.training.Task;
import org.tamebnn.api.training.Termination;
import org.tamebnn.api.training.Trainer;
import org.tamebnn.api.training.TrainerOption;
import org.tamebnn.api.training.TrainerOptions;
import org.tamebnn.api.training.TrainerResult;
import org.tamebnn.api.training.TrainingException;
import org.tamebnn.api.training.TrainingOutcome;
import org.tamebnn.api.training.TrainingRequest;
import org.tamebnn.api.training.TrainingService;
import org.tamebnn.bnn.ClaimCheck;
import org.tamebnn.bnn.TrainingResult;

/**
 * The pipeline: a spec checked against what is installed, the data prepared once, each trainer run
 * on each solver, every network scored on the held-out rows, the claims cross-checked. A failure
 * inside a run (a solver's error, a trainer's refusal, a plugin gone mid-run) is that run's
 * {@code ERROR} outcome: the other runs go on and nothing computed is lost.
 */
final class Pipeline implements TrainingService {
    /** Solvers tried in this order when a spec names none: the fastest measured first. */
    static final List<String> PREFERRED = List.of("ortools-highs", "ortools-scip", "ortools-cbc", "ojalgo");

    private final Plugins plugins;

    Pipeline(Plugins plugins) {
        this.plugins = plugins;
    }

    @Override
    public List<Trainer> trainers() {
        return plugins.trainers();
    }

    /** A spec checked against the plugins, with the ones it runs on (no solver for a trainer that needs none). */
    private record Resolved(RunSpec spec, Trainer trainer, Plugins.Solver solver, LossFunction loss) {
    }

    private Resolved resolved(RunSpec spec) {
        Trainer trainer = plugins.requireTrainer(spec.trainer().name());
        LossFunction loss = check(spec, List.of(trainer));
        Plugins.Solver solver = trainer.needsSolver() ? solverFor(spec.solver().name()) : null;
        return new Resolved(spec.withSolver(solver == null ? "" : solver.name()), trainer, solver, loss);
    }

    @Override
    public RunSpec resolve(RunSpec spec, RunControl control) {
        return resolved(spec).spec();
    }

    @Override
    public TrainingOutcome train(RunSpec spec, RunControl control) {
        Resolved r = resolved(spec);
        PreparedRun data = PreparedRun.of(r.spec(), r.loss(), control.directory());
        return run(data, r.spec(), r.trainer(), r.solver(), r.loss(), control);
    }

    @Override
    public Comparison compare(RunSpec spec, List<String> trainerNames, List<String> solverNames, RunControl control) {
        List<Trainer> trainers = (trainerNames.isEmpty() ? List.of(spec.trainer().name()) : trainerNames).stream()
                .map(plugins::requireTrainer).toList();
        LossFunction loss = check(spec, trainers);
        List<Plugins.Solver> solvers = solverNames.isEmpty() ? plugins.milpSolvers()
                : solverNames.stream().map(this::namedMilpSolver).toList();
        PreparedRun data = PreparedRun.of(spec, loss, control.directory());
        List<TrainingOutcome> outcomes = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        for (Trainer t : trainers) {
            RunSpec own = spec.withTrainer(t.name(), optionsOf(t, spec.trainer().options()));
            List<Plugins.Solver> on = t.needsSolver() ? solvers : java.util.Collections.singletonList(null);
            for (Plugins.Solver s : on) {
                if (control.cancel().isCancelled()) {
                    notRun.add(TrainingOutcome.label(t.name(), s == null ? "-" : s.name()));
                } else {
                    outcomes.add(run(data, own.withSolver(s == null ? "" : s.name()), t, s, loss, control));
                }
            }
        }
        return new Comparison(crossChecked(outcomes), notRun);
    }

    /** Checks the task, loss and options against the trainers, and returns the loss; the data is checked as it loads. */
    private LossFunction check(RunSpec spec, List<Trainer> trainers) {
        Task task = spec.data().task();
        LossFunction loss = plugins.requireLoss(spec.loss());
        if (task == Task.REGRESSION && !loss.supports(OutputKind.CONTINUOUS)) {
            throw new TrainingException("loss '" + loss.name() + "' scores classes; --task regression needs a loss on"
                    + " real outputs: absolute or squared");
        }
        Set<TrainerOption> known = new LinkedHashSet<>();
        for (Trainer t : trainers) {
            if (!t.tasks().contains(task)) {
                throw new TrainingException("--task " + task.cliName() + ": trainer " + t.name() + " does not train "
                        + task.cliName() + " networks; the trainers that do: " + String.join(", ", plugins.trainers()
                                .stream().filter(o -> o.tasks().contains(task)).map(Trainer::name).toList()));
            }
            if (!t.supportsLoss(loss.name())) {
                throw new TrainingException("trainer " + t.name() + " does not train under the loss '" + loss.name() + "'");
            }
            known.addAll(t.options());
        }
        String names = String.join(", ", trainers.stream().map(Trainer::name).toList());
        for (String key : spec.trainer().options().keySet()) {
            if (known.stream().noneMatch(o -> o.matches(key))) {
                throw new TrainingException("trainer " + names + " has no option '" + key + "'" + Suggestions.of(key,
                        known.stream().map(TrainerOption::name).toList()) + " (it takes: "
                        + TrainerOptions.names(List.copyOf(known)) + ")");
            }
        }
        trainers.forEach(t -> TrainerOptions.of(t.name(), t.options(), optionsOf(t, spec.trainer().options())));
        return loss;
    }

    /** The options among {@code given} that {@code t} takes (a comparison's options serve several trainers). */
    private static Map<String, String> optionsOf(Trainer t, Map<String, String> given) {
        Map<String, String> own = new LinkedHashMap<>();
        given.forEach((k, v) -> {
            if (t.options().stream().anyMatch(o -> o.matches(k))) {
                own.put(k, v);
            }
        });
        return own;
    }

    /** The named solver, or the first installed of {@link #PREFERRED} when the name is empty. */
    private Plugins.Solver solverFor(String name) {
        if (!name.isEmpty()) {
            return namedMilpSolver(name);
        }
        for (String preferred : PREFERRED) {
            Optional<Plugins.Solver> s = plugins.solver(preferred);
            if (s.isPresent() && s.get().solver().availability().isAvailable()) {
                return s.get();
            }
        }
        throw new TrainingException("no MILP solver installed (see solver:list)");
    }

    private Plugins.Solver namedMilpSolver(String name) {
        Plugins.Solver s = plugins.requireRegistered(name);
        if (!s.solver().info().supports(Capability.INTEGER_VARIABLES)) {
            throw new TrainingException(name + " solves LPs only; training a BNN needs a MILP solver");
        }
        return s;
    }

    private TrainingOutcome run(PreparedRun data, RunSpec spec, Trainer trainer, Plugins.Solver solver,
            LossFunction loss, RunControl control) {
        String solverName = solver == null ? "-" : solver.name();
        control.listener().started(trainer.name(), solverName);
        SolveParams params = SolveParams.defaults().withTimeLimitSeconds(spec.timeLimitSeconds())
                .withSeed(spec.split().seed());
        if (spec.solver().threads() != null) {
            params = params.withThreads(spec.solver().threads());
        }
        if (spec.solver().relativeGap() != null) {
            params = params.withRelativeGap(spec.solver().relativeGap());
        }
        if (spec.solver().nodeLimit() != null) {
            params = params.withNodeLimit(spec.solver().nodeLimit());
        }
        params = params.withOptions(spec.solver().options());
        long start = System.nanoTime();
        TrainerResult result;
        try {
            TrainingRequest request = new TrainingRequest(spec, data.prepared().train(), data.prepared().test(),
                    TrainerOptions.of(trainer.name(), trainer.options(), spec.trainer().options()),
                    loss, Optional.ofNullable(solver).map(Plugins.Solver::solver), params,
                    control.listener(), control.cancel(), control.start());
            result = trainer.train(request, plugins);
        } catch (TrainingException e) {
            result = failed(solverName, e.getMessage(), start);
        } catch (RuntimeException e) {
            result = failed(solverName, trainer.name() + " failed: " + e, start);
        } catch (LinkageError e) {
            // a plugin bundle stopped or updated under a running trainer: its classes are gone
            result = failed(solverName, trainer.name() + " stopped: a bundle it uses went away while it ran (" + e
                    + ")", start);
        }
        result = result.withAttachments(List.of(data.prepared(), data.raw()));
        Optional<Scores> train = Optional.empty();
        Optional<Scores> test = Optional.empty();
        if (result.network().isPresent()) {
            train = Scoring.of(result.network().get(), data.prepared().train(), data.prepared());
            test = Scoring.of(result.network().get(), data.prepared().test(), data.prepared());
        }
        return new TrainingOutcome(spec, trainer.name(), result, train, test, "", data.header());
    }

    private static TrainerResult failed(String solver, String why, long start) {
        return TrainerResult.builder(solver, Termination.error(why)).message(why)
                .totalTime(java.time.Duration.ofNanos(System.nanoTime() - start)).build();
    }

    /** The outcomes with each MILP run's claims checked against the others' verified networks ({@link ClaimCheck}). */
    private static List<TrainingOutcome> crossChecked(List<TrainingOutcome> outcomes) {
        List<Integer> milpRuns = new ArrayList<>();
        List<TrainingResult> results = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Optional<TrainingResult> r = outcomes.get(i).result().attachment(TrainingResult.class);
            if (r.isPresent()) {
                milpRuns.add(i);
                results.add(r.get());
            }
        }
        List<Optional<String>> refuted = ClaimCheck.refutations(results);
        List<TrainingOutcome> out = new ArrayList<>(outcomes);
        for (int k = 0; k < milpRuns.size(); k++) {
            int i = milpRuns.get(k);
            out.set(i, out.get(i).withRefutation(refuted.get(k).orElse("")));
        }
        return out;
    }
}
