package org.tamebnn.console;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.bnn.ExactTrainer;
import org.tamebnn.bnn.TrainedBnn;
import org.tamebnn.bnn.TrainingResult;
import org.tamebnn.data.PreparedData;
import org.tamebnn.data.RawDataset;

/**
 * The {@code bnn} scope: {@code bnn:train} trains one network on one solver; {@code bnn:compare}
 * runs the same pipeline on every installed MILP solver and prints one table; {@code bnn:predict}
 * applies a saved network; {@code bnn:explain} prints the last trained network as rules.
 */
@Component(service = BnnCommands.class, property = {
        "osgi.command.scope=bnn",
        "osgi.command.function=train",
        "osgi.command.function=compare",
        "osgi.command.function=predict",
        "osgi.command.function=explain",
        "osgi.command.function=trainers" })
public class BnnCommands {
    /** Solvers tried in this order when none is named: the fastest measured first. */
    static final List<String> PREFERRED = List.of("ortools-highs", "ortools-scip", "ortools-cbc", "ojalgo");
    /** Session variable holding the last training MILP, which {@code dual:build} certifies when given no file. */
    static final String LAST_TRAINING = "tamebnn.bnn.last";

    /**
     * The last {@code bnn:train}'s MILP and what its solver said of it (for {@code dual:build}), and
     * its network with the data it was trained and tested on (for {@code bnn:explain}).
     *
     * @param outcome      what the training came to, in one line
     * @param network      the trained network, or null when the solver found none
     * @param data         the prepared data
     * @param originalTest the test rows before scaling
     */
    record LastTraining(String describe, org.tamebnn.api.milp.MilpModel model, DualCommands.KnownOptimum optimum,
            String outcome, TrainedBnn network, PreparedData data, double[][] originalTest) {
        static LastTraining of(TrainingResult r, String network, PreparedData data, double[][] originalTest) {
            return new LastTraining(network + " on " + r.solver(), r.milp().model(),
                    new DualCommands.KnownOptimum(r.solver(), r.status(), r.hasNetwork() ? r.objective() : Double.NaN,
                            r.bestBound()), r.describe(), r.network().orElse(null), data, originalTest);
        }
    }

    // Option help, shared by train and compare.
    private static final String DATA = "data: bcw, wdbc or a CSV file (default bcw)";
    private static final String LABEL = "CSV label column: header name or 0-based index (default: the last column)";
    private static final String DROP = "CSV columns to drop, comma-separated names or indices (e.g. an id column)";
    private static final String MISSING = "missing values: median (of the training points, default) or drop (the rows)";
    private static final String TRAIN_SIZE = "training points taken from the 80% training part (default 25; 0 = all)";
    private static final String SEED = "seed of the 80/20 split (default 0)";
    private static final String HIDDEN = "hidden layer widths, e.g. 5 or 5,3 (default 5)";
    private static final String VARIANT = "bdnn (thresholds learned, default) or bdnn0 (thresholds 0)";
    private static final String WEIGHTS = "real (in [-1, 1], default) or binary (in {-1, 1}) weights";
    private static final String ACTIVATION = "hidden layers' activation: step (0/1, default), sign (-1/+1) or VALUES@BREAKPOINTS, e.g. -1,0,1@-0.5,0.5";
    private static final String EPSILON = "the gap ε that makes the strict inequalities of the formulation (default 0.001)";
    private static final String FORMULATION = "paper (Theorem 2 as stated), default (duplicate points merged) or all (every exact speed-up)";
    private static final String START = "pocket (a pocket-perceptron network: MIP start where the solver takes one, and the result if the solver stops with nothing better; default) or none";
    private static final String MAX_MARGIN = "among optimal networks, prefer the largest minimum margin";
    private static final String LOSS = "loss function (default zero-one; for regression absolute or squared)";
    private static final String TASK = "classification (default) or regression: an identity output predicting the real --label column (of a CSV file, or a feature of bcw/wdbc) under --loss absolute or squared";
    private static final String SOLVER = "solver (see solver:list; default the first installed of ortools-highs, ortools-scip, ortools-cbc, ojalgo)";
    private static final String TIME_LIMIT = "time limit per solve in seconds (default 60)";
    private static final String SAVE = "write the trained network and its data preparation to this JSON file";
    private static final String MODEL = "a model file written by bnn:train --save";
    private static final String DIGITS = "significant digits of the numbers in the rules (default 4)";
    private static final String SOLVERS = "solvers to compare, comma-separated (default: every installed MILP solver)";
    private static final String TRAINER = "the trainer (default exact):";
    private static final String TRAINERS = "trainers to compare, comma-separated (default exact); MILP trainers run on each solver:";
    private static final String TRAINER_OPTIONS = "the trainers' own options as key=value,key=value (e.g. restarts=3 or iterations=20,dual=bb)";
    private static final String PLOT = "write the loss curves of the trainers that iterate to FILE.png and FILE.svg";

    private static final String TRAINER_LIST = " exact, local-search, online, robust, ste, dnn or tame (bnn:trainers lists them with their options)";

    @Reference
    SolverRegistry registry;

    /** For the framework. */
    public BnnCommands() {
    }

    /** Outside OSGi (tests, embedding). */
    BnnCommands(SolverRegistry registry) {
        this.registry = registry;
    }

    @Descriptor("train a binarized neural network as a MILP (Bah & Kurtz, Theorem 2) on one solver; prints loss, bound, gap, time and train/test metrics")
    public String train(CommandSession session,
            @Descriptor(DATA) @Parameter(names = { "-d", "--data" }, absentValue = "bcw") String data,
            @Descriptor(LABEL) @Parameter(names = { "--label" }, absentValue = "") String label,
            @Descriptor(DROP) @Parameter(names = { "--drop" }, absentValue = "") String drop,
            @Descriptor(MISSING) @Parameter(names = { "--missing" }, absentValue = "median") String missing,
            @Descriptor(TRAIN_SIZE) @Parameter(names = { "-k", "--train-size" }, absentValue = "25") int trainSize,
            @Descriptor(SEED) @Parameter(names = { "--seed" }, absentValue = "0") long seed,
            @Descriptor(HIDDEN) @Parameter(names = { "--hidden" }, absentValue = "5") String hidden,
            @Descriptor(VARIANT) @Parameter(names = { "--variant" }, absentValue = "bdnn") String variant,
            @Descriptor(WEIGHTS) @Parameter(names = { "--weights" }, absentValue = "real") String weights,
            @Descriptor(ACTIVATION) @Parameter(names = { "--activation" }, absentValue = "step") String activation,
            @Descriptor(EPSILON) @Parameter(names = { "--epsilon" }, absentValue = "0") double epsilon,
            @Descriptor(FORMULATION) @Parameter(names = { "--formulation" }, absentValue = "default") String formulation,
            @Descriptor(MAX_MARGIN) @Parameter(names = { "--max-margin" }, presentValue = "true", absentValue = "false") boolean maxMargin,
            @Descriptor(START) @Parameter(names = { "--start" }, absentValue = "pocket") String start,
            @Descriptor(LOSS) @Parameter(names = { "--loss" }, absentValue = ExactTrainer.DEFAULT_LOSS_NAME) String loss,
            @Descriptor(SOLVER) @Parameter(names = { "-s", "--solver" }, absentValue = "") String solver,
            @Descriptor(TIME_LIMIT) @Parameter(names = { "-t", "--time-limit" }, absentValue = "60") double timeLimit,
            @Descriptor(SAVE) @Parameter(names = { "--save" }, absentValue = "") String save,
            @Descriptor(TRAINER + TRAINER_LIST) @Parameter(names = { "--trainer" }, absentValue = "exact") String trainer,
            @Descriptor(TRAINER_OPTIONS) @Parameter(names = { "--trainer-options" }, absentValue = "") String trainerOptions,
            @Descriptor(TASK) @Parameter(names = { "--task" }, absentValue = "classification") String task) {
        boolean regression = DataChoice.regression(task);
        Trainers.Trainer chosenTrainer = Trainers.require(trainer);
        if (regression && !chosenTrainer.name().equals("exact")) {
            throw new CommandFailure("--task regression trains with the exact trainer only (the others read classes"
                    + " off binary outputs), not '" + chosenTrainer.name() + "'");
        }
        TrainerSettings settings = TrainerSettings.parse(trainerOptions);
        settings.check(chosenTrainer.name(), chosenTrainer.options());
        PreparedRun run = prepare(session, new DataChoice(data, label, drop, missing, trainSize, seed, regression),
                new TrainingChoice(hidden, variant, weights, activation, epsilon, formulation, maxMargin, start), loss, timeLimit);
        RegisteredSolver chosen = !chosenTrainer.usesSolver() ? null
                : solver.isEmpty() ? defaultSolver() : registry.requireSolver(solver);
        TrainerRun r;
        try (CtrlC ctrlC = CtrlC.cancels(session, System.err)) {
            r = run.train(chosenTrainer, chosen, settings, ctrlC.token());
        }
        if (session != null && r.milp().isPresent()) {
            session.put(LAST_TRAINING, LastTraining.of(r.milp().get(), run.spec().describe(), run.data(),
                    Explanation.originalTestRows(run.raw(), run.data())));
        }
        String out = run.header() + System.lineSeparator()
                + (regression ? RegressionTable.single(r, run.data()) : BnnTables.single(r, run.data()));
        Optional<TrainedBnn> network = r.milp().flatMap(TrainingResult::network);
        if (!save.isEmpty() && regression) {
            out += System.lineSeparator() + "not saved: model files hold classifiers; regression networks are not"
                    + " written yet";
        } else if (!save.isEmpty() && network.isPresent()) {
            Path file = SolverCommands.output(session, save);
            ModelFile.of(network.get(), run.data(), data, r.milp().get().describe()).write(file);
            out += System.lineSeparator() + "saved to " + file;
        } else if (!save.isEmpty()) {
            out += System.lineSeparator() + "not saved: there is no network" + (r.milp().isEmpty() && r.hasModel()
                    ? " file for " + r.trainer() + " (model files hold networks trained through their MILP)" : "");
        }
        return out;
    }

    @Descriptor("classify every row of a data set with a saved network and report accuracy, precision, recall and F1")
    public String predict(CommandSession session,
            @Descriptor(MODEL) @Parameter(names = { "-m", "--model" }, absentValue = "") String model,
            @Descriptor(DATA) @Parameter(names = { "-d", "--data" }, absentValue = "bcw") String data,
            @Descriptor(LABEL) @Parameter(names = { "--label" }, absentValue = "") String label,
            @Descriptor(DROP) @Parameter(names = { "--drop" }, absentValue = "") String drop) {
        if (model.isEmpty()) {
            throw new CommandFailure("--model FILE is required (write one with bnn:train --save FILE)");
        }
        ModelFile m = ModelFile.read(SolverCommands.resolve(session, model));
        RawDataset raw = new DataChoice(data, label, drop, m.missing().cliName(), 0, 0).loadToClassify(session);
        Prediction p = Prediction.of(m, raw);
        return String.format(Locale.ROOT, "model %s (%s); %d rows of %s", model, m.spec().describe(), raw.size(),
                raw.source()) + System.lineSeparator() + BnnTables.metrics(List.of(new BnnTables.Scored("all", p.evaluation())));
    }

    @Descriptor("print the last bnn:train's network (or a saved one) as threshold rules over the original features,"
            + " and check that the rules reproduce its predictions on the test rows (on the --data rows for a saved one)")
    public String explain(CommandSession session,
            @Descriptor(DIGITS) @Parameter(names = { "--digits" }, absentValue = "4") int digits,
            @Descriptor(MODEL + " (default: the last bnn:train in this console)")
            @Parameter(names = { "-m", "--model" }, absentValue = "") String model,
            @Descriptor("with --model, the data to check the rules on: bcw, wdbc or a CSV file (default bcw)") @Parameter(names = { "-d", "--data" }, absentValue = "bcw") String data,
            @Descriptor(LABEL) @Parameter(names = { "--label" }, absentValue = "") String label,
            @Descriptor(DROP) @Parameter(names = { "--drop" }, absentValue = "") String drop) {
        if (!model.isEmpty()) {
            ModelFile m = ModelFile.read(SolverCommands.resolve(session, model));
            RawDataset raw = new DataChoice(data, label, drop, m.missing().cliName(), 0, 0).loadToClassify(session);
            return Explanation.of("model " + model + " (" + m.spec().describe() + ")", m, raw, digits);
        }
        Object last = session == null ? null : session.get(LAST_TRAINING);
        if (!(last instanceof LastTraining t)) {
            throw new CommandFailure("no network to explain: run bnn:train first in this console, or give --model FILE");
        }
        if (t.network() == null) {
            throw new CommandFailure("no network to explain: the last bnn:train found none (" + t.outcome() + ")");
        }
        if (t.network().spec().isRegression()) {
            throw new CommandFailure("rules read classes off a classifier's outputs; the last bnn:train was a"
                    + " regression network (" + t.describe() + ")");
        }
        return Explanation.of("the last bnn:train (" + t.describe() + ")", t.network(), t.data(), t.originalTest(),
                digits);
    }

    @Descriptor("list the trainers bnn:train --trainer and bnn:compare --trainers take, with their --trainer-options")
    public String trainers() {
        return "trainers (--trainer NAME; options as --trainer-options key=value,key=value):" + Trainers.help();
    }

    @Descriptor("train the same network with every installed MILP solver (or --solvers a,b) and print one table")
    public String compare(CommandSession session,
            @Descriptor(DATA) @Parameter(names = { "-d", "--data" }, absentValue = "bcw") String data,
            @Descriptor(LABEL) @Parameter(names = { "--label" }, absentValue = "") String label,
            @Descriptor(DROP) @Parameter(names = { "--drop" }, absentValue = "") String drop,
            @Descriptor(MISSING) @Parameter(names = { "--missing" }, absentValue = "median") String missing,
            @Descriptor(TRAIN_SIZE) @Parameter(names = { "-k", "--train-size" }, absentValue = "25") int trainSize,
            @Descriptor(SEED) @Parameter(names = { "--seed" }, absentValue = "0") long seed,
            @Descriptor(HIDDEN) @Parameter(names = { "--hidden" }, absentValue = "5") String hidden,
            @Descriptor(VARIANT) @Parameter(names = { "--variant" }, absentValue = "bdnn") String variant,
            @Descriptor(WEIGHTS) @Parameter(names = { "--weights" }, absentValue = "real") String weights,
            @Descriptor(ACTIVATION) @Parameter(names = { "--activation" }, absentValue = "step") String activation,
            @Descriptor(EPSILON) @Parameter(names = { "--epsilon" }, absentValue = "0") double epsilon,
            @Descriptor(FORMULATION) @Parameter(names = { "--formulation" }, absentValue = "default") String formulation,
            @Descriptor(MAX_MARGIN) @Parameter(names = { "--max-margin" }, presentValue = "true", absentValue = "false") boolean maxMargin,
            @Descriptor(START) @Parameter(names = { "--start" }, absentValue = "pocket") String start,
            @Descriptor(LOSS) @Parameter(names = { "--loss" }, absentValue = ExactTrainer.DEFAULT_LOSS_NAME) String loss,
            @Descriptor(SOLVERS) @Parameter(names = { "--solvers" }, absentValue = "") String solvers,
            @Descriptor(TIME_LIMIT) @Parameter(names = { "-t", "--time-limit" }, absentValue = "60") double timeLimit,
            @Descriptor(TRAINERS + TRAINER_LIST) @Parameter(names = { "--trainers" }, absentValue = "exact") String trainers,
            @Descriptor(TRAINER_OPTIONS) @Parameter(names = { "--trainer-options" }, absentValue = "") String trainerOptions,
            @Descriptor(PLOT) @Parameter(names = { "--plot" }, absentValue = "") String plot) {
        List<Trainers.Trainer> chosenTrainers = Arrays.stream(trainers.split(",")).map(String::strip)
                .filter(t -> !t.isEmpty()).map(Trainers::require).toList();
        TrainerSettings settings = TrainerSettings.parse(trainerOptions);
        java.util.Set<String> known = new java.util.HashSet<>();
        chosenTrainers.forEach(t -> known.addAll(t.options()));
        settings.check(String.join(", ", chosenTrainers.stream().map(Trainers.Trainer::name).toList()), known);
        PreparedRun run = prepare(session, new DataChoice(data, label, drop, missing, trainSize, seed),
                new TrainingChoice(hidden, variant, weights, activation, epsilon, formulation, maxMargin, start), loss, timeLimit);
        List<RegisteredSolver> milpSolvers = new ArrayList<>();
        for (RegisteredSolver s : chosen(solvers)) {
            if (s.solver().info().supports(Capability.INTEGER_VARIABLES)) {
                milpSolvers.add(s);
            } else if (!solvers.isBlank()) {
                throw new CommandFailure(s.name() + " solves LPs only; training a BNN needs a MILP solver");
            } // unnamed LP-only solvers are left out: solver:list shows them
        }
        List<BnnRow> rows = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        try (CtrlC ctrlC = CtrlC.cancels(session, System.err)) {
            for (Trainers.Trainer t : chosenTrainers) {
                for (RegisteredSolver s : t.usesSolver() ? milpSolvers : java.util.Collections.<RegisteredSolver>singletonList(null)) {
                    String runName = TrainerRun.label(t.name(), s == null ? "-" : s.name());
                    if (ctrlC.pressed()) {
                        notRun.add(runName);
                    } else {
                        rows.add(BnnRow.of(run.train(t, s, settings, ctrlC.token()), run.data()));
                    }
                }
            }
        }
        String table = run.header() + System.lineSeparator() + BnnTables.comparison(BnnRow.crossChecked(rows));
        if (!plot.isEmpty()) {
            table += System.lineSeparator() + LossCurves.write(SolverCommands.output(session, plot), rows);
        }
        return notRun.isEmpty() ? table
                : table + System.lineSeparator() + "cancelled (Ctrl-C); not run: " + String.join(", ", notRun);
    }

    private List<RegisteredSolver> chosen(String names) {
        if (names.isBlank()) {
            // a portfolio races the others: comparing it with them would solve everything twice
            return registry.solvers().stream().filter(s -> !s.composite()).toList();
        }
        return Arrays.stream(names.split(",")).map(String::strip).map(registry::requireSolver).toList();
    }

    private RegisteredSolver defaultSolver() {
        for (String name : PREFERRED) {
            var s = registry.solver(name);
            if (s.isPresent() && s.get().solver().availability().isAvailable()) {
                return s.get();
            }
        }
        throw new CommandFailure("no MILP solver installed (see solver:list)");
    }

    private PreparedRun prepare(CommandSession session, DataChoice dataChoice, TrainingChoice choice, String lossName,
            double timeLimit) {
        return PreparedRun.of(registry, session, dataChoice, choice, lossName, SolverCommands.withTimeLimit(timeLimit));
    }
}
