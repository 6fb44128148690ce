package org.tamebnn.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.bnn.BnnSpec;
import org.tamebnn.bnn.ExactTrainer;
import org.tamebnn.bnn.FormulationOptions;
import org.tamebnn.bnn.LocalSearchResult;
import org.tamebnn.bnn.LocalSearchTrainer;
import org.tamebnn.bnn.OnlineResult;
import org.tamebnn.bnn.OnlineTrainer;
import org.tamebnn.bnn.SteOptions;
import org.tamebnn.bnn.SteResult;
import org.tamebnn.bnn.SteTrainer;
import org.tamebnn.bnn.TameTrainer;
import org.tamebnn.bnn.TrainingResult;
import org.tamebnn.data.PreparedData;

/**
 * The trainers {@code bnn:train --trainer} and {@code bnn:compare --trainers} choose from: thin
 * adapters from each trainer's own API to a {@link TrainerRun}. MILP trainers run once per solver
 * in a comparison; the others (the gradient baselines) once.
 */
final class Trainers {
    private Trainers() {
    }

    /** Everything one training run needs. */
    record Job(PreparedData data, BnnSpec spec, FormulationOptions options, ExactTrainer exact, LossFunction loss,
            RegisteredSolver solver, SolveParams params, SolveListener listener, CancellationToken cancel,
            TrainerSettings settings, SolverRegistry registry) {
    }

    /** One trainer: its name, what it does, the options it takes, whether it solves MILPs, and the run. */
    interface Trainer {
        String name();

        String description();

        Set<String> options();

        boolean usesSolver();

        TrainerRun run(Job job);
    }

    private static final Map<String, Trainer> ALL = new LinkedHashMap<>();

    static {
        add(new Exact());
        add(new LocalSearch());
        add(new Online());
        add(new Robust());
        add(new Ste());
        add(new Dnn());
        add(new Tame());
    }

    private static void add(Trainer t) {
        ALL.put(t.name(), t);
    }

    static List<Trainer> all() {
        return List.copyOf(ALL.values());
    }

    static Trainer require(String name) {
        Trainer t = ALL.get(name);
        if (t == null) {
            throw new CommandFailure("no trainer named '" + name + "'; trainers: " + String.join(", ", ALL.keySet()));
        }
        return t;
    }

    /** One line per trainer with its options, for the commands' help. */
    static String help() {
        StringBuilder sb = new StringBuilder();
        for (Trainer t : ALL.values()) {
            sb.append(String.format("%n  %-13s %s%s", t.name(), t.description(),
                    t.options().isEmpty() ? "" : " (options: " + String.join(", ", new java.util.TreeSet<>(t.options())) + ")"));
        }
        return sb.toString();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static final class Exact implements Trainer {
        public String name() {
            return "exact";
        }

        public String description() {
            return "the MILP of Theorem 2 (Bah & Kurtz), to optimality or the time limit";
        }

        public Set<String> options() {
            return Set.of();
        }

        public boolean usesSolver() {
            return true;
        }

        public TrainerRun run(Job j) {
            long start = System.nanoTime();
            TrainingResult r = j.exact().train(j.data().train(), j.spec(), j.options(), j.loss(), j.solver().solver(),
                    j.params(), j.listener(), j.cancel());
            return TrainerRun.of(name(), r, since(start), new double[0], List.of());
        }
    }

    private static final class LocalSearch implements Trainer {
        public String name() {
            return "local-search";
        }

        public String description() {
            return "Bah & Kurtz's heuristic (Section 3.1, Algorithm 1): two half-size MILPs alternately, seeded restarts";
        }

        public Set<String> options() {
            return Set.of("restarts", "max-iterations");
        }

        public boolean usesSolver() {
            return true;
        }

        public TrainerRun run(Job j) {
            LocalSearchTrainer t = new LocalSearchTrainer().withRestarts(j.settings().integer("restarts", 1, 1))
                    .withMaxIterations(j.settings().integer("max-iterations", LocalSearchTrainer.DEFAULT_MAX_ITERATIONS, 1));
            LocalSearchResult r = t.train(j.data().train(), j.spec(), j.options(), j.loss(), j.solver().solver(),
                    j.params(), j.listener(), j.cancel());
            List<Double> curve = new ArrayList<>();
            r.restarts().forEach(restart -> restart.iterations().forEach(i -> curve.add(i.solverObjective())));
            List<String> details = new ArrayList<>(r.describe().lines().skip(1).toList());
            return TrainerRun.of(name(), r.result(), r.time(), curve.stream().mapToDouble(Double::doubleValue).toArray(),
                    details);
        }
    }

    private static final class Online implements Trainer {
        public String name() {
            return "online";
        }

        public String description() {
            return "trains on the first rows, adds the rest in batches, re-solving from the last network (warm vs cold timed)";
        }

        public Set<String> options() {
            return Set.of("initial", "batch", "cold");
        }

        public boolean usesSolver() {
            return true;
        }

        public TrainerRun run(Job j) {
            int size = j.data().train().size();
            int initial = Math.min(size, j.settings().integer("initial", Math.max(1, size / 2), 1));
            int batch = j.settings().integer("batch", Math.max(1, (size - initial + 2) / 3), 1);
            OnlineTrainer t = new OnlineTrainer(initial, batch)
                    .withColdComparison(!"off".equals(j.settings().string("cold", "on")));
            long start = System.nanoTime();
            OnlineResult r = t.train(j.data().train(), j.spec(), j.options(), j.loss(), j.solver().solver(),
                    j.params(), j.listener(), j.cancel());
            return TrainerRun.of(name(), r.result(), since(start), new double[0], r.describe().lines().skip(1).toList());
        }
    }

    private static final class Robust implements Trainer {
        public String name() {
            return "robust";
        }

        public String description() {
            return "Bah & Kurtz §4, problem (11): column-and-constraint generation against every disturbance in a ball of"
                    + " radius r around each training point; lower and upper bounds per round, robust test accuracy";
        }

        public Set<String> options() {
            return Set.of("radius", "norm", "gap", "max-iterations", "deepest");
        }

        public boolean usesSolver() {
            return true;
        }

        public TrainerRun run(Job j) {
            org.tamebnn.bnn.PerturbationNorm norm;
            try {
                norm = org.tamebnn.bnn.PerturbationNorm.parse(j.settings().string("norm", "linf"));
            } catch (IllegalArgumentException e) {
                throw new CommandFailure("trainer option norm: " + e.getMessage());
            }
            org.tamebnn.bnn.RobustTrainer t = org.tamebnn.bnn.RobustTrainer.of(norm, j.settings().number("radius", 0.05))
                    .withGap(j.settings().number("gap", 0))
                    .withMaxIterations(j.settings().integer("max-iterations", 50, 1))
                    .withDeepestScenarios("on".equals(j.settings().string("deepest", "off")));
            org.tamebnn.bnn.RobustResult r = t.train(j.data().train(), j.spec(), j.options(), j.loss(),
                    j.solver().solver(), j.params(), j.listener(), j.cancel());
            List<String> details = new ArrayList<>();
            r.iterations().forEach(i -> details.add(i.describe()));
            r.network().ifPresent(net -> details.add("test: " + t.adversary().evaluate(net, j.data().test(),
                    j.solver().solver(), j.params(), j.cancel())));
            double[] curve = r.iterations().stream().mapToDouble(org.tamebnn.bnn.RobustIteration::upperBound).toArray();
            String status = r.stop() == org.tamebnn.bnn.RobustResult.Stop.CONVERGED ? "OPTIMAL"
                    : r.stop() == org.tamebnn.bnn.RobustResult.Stop.FAILED ? "ERROR" : r.stop().name();
            return new TrainerRun(name(), r.solver(), status, r.message(), Optional.empty(),
                    r.network().map(n -> n::predict), r.upperBound(), r.lowerBound(), r.totalTime(), curve, details);
        }
    }

    private static final class Ste implements Trainer {
        public String name() {
            return "ste";
        }

        public String description() {
            return "the same network by gradient descent with the straight-through estimator (the baseline the Taming paper argues against)";
        }

        public Set<String> options() {
            return Set.of("epochs", "batch", "rate");
        }

        public boolean usesSolver() {
            return false;
        }

        public TrainerRun run(Job j) {
            SteOptions o = SteOptions.defaults().withSeed(j.params().seed().orElse(0));
            o = o.withEpochs(j.settings().integer("epochs", o.epochs(), 1))
                    .withBatchSize(j.settings().integer("batch", o.batchSize(), 1))
                    .withLearningRate(j.settings().number("rate", o.learningRate()));
            long start = System.nanoTime();
            SteResult r;
            try {
                r = new SteTrainer().train(j.data().train(), j.spec(), j.loss(), o);
            } catch (IllegalArgumentException e) {
                throw new CommandFailure("ste: " + e.getMessage());
            }
            double[] curve = Arrays.stream(r.trainingErrors()).asDoubleStream().toArray();
            return new TrainerRun(name(), "-", "DONE", "", Optional.empty(), Optional.of(r.network()::predict),
                    r.trainingLoss(), Double.NaN, since(start), curve, List.of(r.describe()));
        }
    }

    private static final class Dnn implements Trainer {
        public String name() {
            return "dnn";
        }

        public String description() {
            return "the paper's baseline: one ReLU hidden layer (the first --hidden width), softmax, cross-entropy (Smile's MLP)";
        }

        public Set<String> options() {
            return Set.of("epochs", "batch", "rate");
        }

        public boolean usesSolver() {
            return false;
        }

        public TrainerRun run(Job j) {
            try {
                return DnnRun.run(j, name());
            } catch (NoClassDefFoundError e) {
                // the dnn bundle (and with it Smile) is optional: the console runs without it
                throw new CommandFailure("dnn is not installed: the org.tamebnn.baseline.dnn bundle is missing");
            }
        }
    }

    private static final class Tame implements Trainer {
        public String name() {
            return "tame";
        }

        public String description() {
            return "the first layer stepped by conservative fields of a dual function of the rest (Taming paper, (9), Corollary 1)";
        }

        public Set<String> options() {
            return Set.of("iterations", "alpha", "schedule", "dual", "dual-backend", "samples", "sigma", "start", "dual.*");
        }

        public boolean usesSolver() {
            return true;
        }

        public TrainerRun run(Job j) {
            TrainerSettings s = j.settings();
            TameTrainer.Schedule schedule;
            try {
                schedule = TameTrainer.Schedule.valueOf(s.string("schedule", "sqrt").toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandFailure("trainer option schedule must be sqrt, harmonic or constant, got '"
                        + s.string("schedule", "") + "'");
            }
            String start = s.string("start", "pocket");
            if (!start.equals("pocket") && !start.equals("random")) {
                throw new CommandFailure("trainer option start must be pocket or random, got '" + start + "'");
            }
            TameTrainer.Options o = TameTrainer.Options.defaults()
                    .withIterations(s.integer("iterations", TameTrainer.Options.defaults().iterations(), 1))
                    .withAlpha0(s.number("alpha", TameTrainer.Options.defaults().alpha0())).withSchedule(schedule)
                    .withSmoothing(s.integer("samples", TameTrainer.Options.defaults().samples(), 0),
                            s.number("sigma", TameTrainer.Options.defaults().sigma()))
                    .withRandomStart(start.equals("random")).withDualOptions(s.prefixed("dual."));
            var dual = j.registry().requireDual(s.string("dual", "bb"));
            var backend = j.registry().requireSolver(s.string("dual-backend", "ortools-glop")).solver();
            Duration budget = j.params().timeLimit().orElse(Duration.ofSeconds(60));
            long t0 = System.nanoTime();
            TameTrainer.Result r;
            try {
                r = new TameTrainer(o).train(j.data().train(), j.spec(), j.options(), j.loss(), j.solver().solver(),
                        dual, backend, j.params(), budget, j.cancel());
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new CommandFailure("tame: " + e.getMessage());
            }
            List<String> details = new ArrayList<>();
            details.add("stopped: " + r.stop());
            r.iterations().forEach(i -> details.add(String.format(java.util.Locale.ROOT,
                    "iteration %d: loss %s, F(d) %s, field norm %.3g, step %.3g, %s", i.k(), Format.number(i.loss()),
                    Format.number(i.dualValue()), i.fieldNorm(), i.step(), Format.seconds(i.elapsed()))));
            return TrainerRun.of(name(), r.best(), since(t0), r.lossCurve(), details);
        }
    }
}
