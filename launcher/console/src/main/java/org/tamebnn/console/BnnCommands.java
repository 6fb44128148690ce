package org.tamebnn.console;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tamebnn.api.training.Comparison;
import org.tamebnn.api.training.RunControl;
import org.tamebnn.api.training.RunSpec;
import org.tamebnn.api.training.Task;
import org.tamebnn.api.training.Trainer;
import org.tamebnn.api.training.TrainingException;
import org.tamebnn.api.training.TrainingOutcome;
import org.tamebnn.api.training.TrainingService;
import org.tamebnn.bnn.ExactTrainer;
import org.tamebnn.bnn.TrainedBnn;
import org.tamebnn.bnn.TrainingResult;
import org.tamebnn.data.PreparedData;
import org.tamebnn.data.RawDataset;
import org.tamebnn.data.DataSources;

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
        /** The outcome's MILP run, when it has one (a MILP trainer's), with the data it was prepared from. */
        static Optional<LastTraining> of(TrainingOutcome o) {
            Optional<TrainingResult> milp = o.result().attachment(TrainingResult.class);
            PreparedData data = o.result().attachment(PreparedData.class).orElseThrow();
            RawDataset raw = o.result().attachment(RawDataset.class).orElseThrow();
            return milp.map(r -> new LastTraining(r.network().map(n -> n.spec().describe()).orElse(o.trainer())
                    + " on " + r.solver(), r.milp().model(), new DualCommands.KnownOptimum(r.solver(), r.status(),
                            r.hasNetwork() ? r.objective() : Double.NaN, r.bestBound()), r.describe(),
                    r.network().orElse(null), data, Explanation.originalTestRows(raw, data)));
        }
    }

    // Option help, shared by train and compare.
    private static final String DATA = "data: bcw, wdbc, mnist, fashion-mnist, a CSV file (gzipped or not) or IDX images"
            + " named NAME-images-idx3-ubyte[.gz] with NAME-labels-idx1-ubyte[.gz] beside them (default bcw)";
    private static final String PER_CLASS = "few-shot: N training points of each class, every other row for testing (replaces --train-size)";
    private static final String LABEL = "CSV label column: header name or 0-based index (default: the last column)";
    private static final String DROP = "CSV columns to drop, comma-separated names or indices (e.g. an id column)";
    private static final String MISSING = "missing values: median (of the training points, default) or drop (the rows)";
    private static final String TRAIN_SIZE = "training points taken from the 80% training part (default 25; 0 = all)";
    private static final String SEED = "seed of the 80/20 split (default 0)";
    private static final String HIDDEN = "hidden layer widths, e.g. 5 or 5,3 (default 5)";
    private static final String VARIANT = "bdnn (thresholds learned, default) or bdnn0 (thresholds 0)";
    private static final String WEIGHTS = "real (in [-1, 1], default), binary (in {-1, 1}), ternary (in {-1, 0, 1}) or integer:P (in {-P..P}) weights";
    private static final String ACTIVATION = "hidden layers' activation: step (0/1, default), sign (-1/+1) or VALUES@BREAKPOINTS, e.g. -1,0,1@-0.5,0.5";
    private static final String EPSILON = "the gap ε that makes the strict inequalities of the formulation (default 0.001)";
    private static final String FORMULATION = "paper (Theorem 2 as stated), default (duplicate points merged) or all (every exact speed-up)";
    private static final String START = "pocket (a pocket-perceptron network: MIP start where the solver takes one, and the result if the solver stops with nothing better; default; two classes), ste or local-search (that trainer's network first: any number of classes), a model saved by --save FILE.json, or none";
    private static final String OBJECTIVES = "lexicographic objectives, one solve each keeping the earlier ones: loss (default), then margin and/or sparsity, e.g. loss,margin,sparsity (each stage gets the time limit)";
    private static final String MAX_MARGIN = "among optimal networks, prefer the largest minimum margin of every neuron";
    private static final String MARGIN_CAP = "with --max-margin, the largest margin rewarded (default 1; the preactivations of 784 pixels reach far more)";
    private static final String LOSS = "loss function (default zero-one; for regression absolute or squared)";
    private static final String TASK = "classification (default) or regression: an identity output predicting the real --label column (of a CSV file, or a feature of bcw/wdbc) under --loss absolute or squared";
    private static final String SOLVER = "solver (see solver:list; default the first installed of ortools-highs, ortools-scip, ortools-cbc, ojalgo)";
    private static final String FORMAT = "table (default), json (the typed outcome, for scripts and notebooks) or csv";
    private static final String SPEC = "run this saved run specification (JSON, as --print-spec writes it) instead of the data, network and training options";
    private static final String PRINT_SPEC = "print the run specification this command would run (JSON), and run nothing";
    private static final String TIME_LIMIT = "time limit per solve in seconds (default 60)";
    private static final String SAVE = "write the trained network and its data preparation to this JSON file";
    private static final String MODEL = "a model file written by bnn:train --save";
    private static final String DIGITS = "significant digits of the numbers in the rules (default 4)";
    private static final String SOLVERS = "solvers to compare, comma-separated (default: every installed MILP solver)";
    private static final String TRAINER = "the trainer (default exact):";
    private static final String TRAINERS = "trainers to compare, comma-separated (default exact); MILP trainers run on each solver:";
    private static final String TRAINER_OPTIONS = "the trainers' own options as key=value,key=value (e.g. restarts=3 or iterations=20,dual=bb)";
    static final String SOLVER_OPTION = "the solver's own settings by its own names, NAME=VALUE,NAME=VALUE (e.g."
            + " mip_heuristic_effort=0.3 for highs, limits/stallnodes=1000 for scip); checked by the solver, an unknown"
            + " name is an error";
    static final String NODE_LIMIT = "the most branch-and-bound nodes per solve, where the solver supports it (default: none)";
    private static final String PLOT = "write the loss curves of the trainers that iterate to FILE.png and FILE.svg";

    private static final String TRAINER_LIST = " exact, local-search, online, robust, ste, dnn, tame or any installed (bnn:trainers lists them with their options)";

    @Reference
    TrainingService training;

    /** For the framework. */
    public BnnCommands() {
    }

    /** Outside OSGi (tests, embedding). */
    BnnCommands(TrainingService training) {
        this.training = training;
    }

    @Descriptor("train a binarized neural network as a MILP (Bah & Kurtz, Theorem 2) on one solver; prints loss, bound, gap, time and train/test metrics")
    public String train(CommandSession session,
            @Descriptor(DATA) @Parameter(names = { "-d", "--data" }, absentValue = "bcw") String data,
            @Descriptor(LABEL) @Parameter(names = { "--label" }, absentValue = "") String label,
            @Descriptor(DROP) @Parameter(names = { "--drop" }, absentValue = "") String drop,
            @Descriptor(MISSING) @Parameter(names = { "--missing" }, absentValue = "median") String missing,
            @Descriptor(TRAIN_SIZE) @Parameter(names = { "-k", "--train-size" }, absentValue = "25") int trainSize,
            @Descriptor(PER_CLASS) @Parameter(names = { "--per-class" }, absentValue = "0") int perClass,
            @Descriptor(SEED) @Parameter(names = { "--seed" }, absentValue = "0") long seed,
            @Descriptor(HIDDEN) @Parameter(names = { "--hidden" }, absentValue = "5") String hidden,
            @Descriptor(VARIANT) @Parameter(names = { "--variant" }, absentValue = "bdnn") String variant,
            @Descriptor(WEIGHTS) @Parameter(names = { "--weights" }, absentValue = "real") String weights,
            @Descriptor(ACTIVATION) @Parameter(names = { "--activation" }, absentValue = "step") String activation,
            @Descriptor(EPSILON) @Parameter(names = { "--epsilon" }, absentValue = "0") double epsilon,
            @Descriptor(FORMULATION) @Parameter(names = { "--formulation" }, absentValue = "default") String formulation,
            @Descriptor(MAX_MARGIN) @Parameter(names = { "--max-margin" }, presentValue = "true", absentValue = "false") boolean maxMargin,
            @Descriptor(MARGIN_CAP) @Parameter(names = { "--margin-cap" }, absentValue = "1") double marginCap,
            @Descriptor(START) @Parameter(names = { "--start" }, absentValue = "pocket") String start,
            @Descriptor(OBJECTIVES) @Parameter(names = { "--objectives" }, absentValue = "loss") String objectives,
            @Descriptor(LOSS) @Parameter(names = { "--loss" }, absentValue = ExactTrainer.DEFAULT_LOSS_NAME) String loss,
            @Descriptor(SOLVER) @Parameter(names = { "-s", "--solver" }, absentValue = "") String solver,
            @Descriptor(TIME_LIMIT) @Parameter(names = { "-t", "--time-limit" }, absentValue = "60") double timeLimit,
            @Descriptor(SAVE) @Parameter(names = { "--save" }, absentValue = "") String save,
            @Descriptor(TRAINER + TRAINER_LIST) @Parameter(names = { "--trainer" }, absentValue = "exact") String trainer,
            @Descriptor(TRAINER_OPTIONS) @Parameter(names = { "--trainer-options" }, absentValue = "") String trainerOptions,
            @Descriptor(TASK) @Parameter(names = { "--task" }, absentValue = "classification") String task,
            @Descriptor(FORMAT) @Parameter(names = { "--format" }, absentValue = "table") String format,
            @Descriptor(SPEC) @Parameter(names = { "--spec" }, absentValue = "") String specFile,
            @Descriptor(PRINT_SPEC) @Parameter(names = { "--print-spec" }, presentValue = "true", absentValue = "false") boolean printSpec,
            @Descriptor(SOLVER_OPTION) @Parameter(names = { "--option" }, absentValue = "") String option,
            @Descriptor(NODE_LIMIT) @Parameter(names = { "--node-limit" }, absentValue = "0") long nodeLimit) {
        OutcomeFormats.checkFormat(format);
        RunSpec spec = specFile.isEmpty()
                ? new RunSpecOptions(data, label, drop, missing, trainSize, perClass, seed, task, hidden, variant, weights,
                        activation, epsilon, formulation, maxMargin, marginCap, start, objectives, loss, timeLimit, option,
                        nodeLimit).toSpec(trainer, trainerOptions, solver)
                : OutcomeFormats.readSpec(SolverCommands.resolve(session, specFile));
        RunControl control = savedStart(RunControl.none().withDirectory(SolverCommands.folder(session)), spec, session);
        if (printSpec) {
            return OutcomeFormats.spec(service(() -> training.resolve(spec, control)));
        }
        TrainingOutcome o;
        try (CtrlC ctrlC = CtrlC.cancels(session, System.err); TrainingProgress progress = TrainingProgress.onStandardError()) {
            o = service(() -> training.train(spec, control.withListener(progress).withCancel(ctrlC.token())));
        }
        if (session != null) {
            LastTraining.of(o).ifPresent(t -> session.put(LAST_TRAINING, t));
        }
        String saved = save.isEmpty() ? "" : System.lineSeparator() + save(session, o, save);
        return switch (format) {
            case "json" -> OutcomeFormats.json(o);
            case "csv" -> OutcomeFormats.csv(List.of(o));
            default -> String.join(System.lineSeparator(), o.preparation()) + System.lineSeparator()
                    + (o.spec().data().task() == Task.REGRESSION ? RegressionTable.single(o) : BnnTables.single(o))
                    + saved;
        };
    }

    /** Writes the network of {@code o} to {@code file}, or says why there is none to write. */
    private static String save(CommandSession session, TrainingOutcome o, String file) {
        Optional<TrainingResult> milp = o.result().attachment(TrainingResult.class);
        // a MILP trainer's network, or any other trainer's binarized one (the STE's, local search's)
        Optional<TrainedBnn> network = milp.flatMap(TrainingResult::network)
                .or(() -> o.network().filter(TrainedBnn.class::isInstance).map(TrainedBnn.class::cast));
        if (o.spec().data().task() == Task.REGRESSION) {
            return "not saved: model files hold classifiers; regression networks are not written yet";
        }
        if (network.isEmpty()) {
            return "not saved: there is no network" + (o.network().isPresent() ? " file for " + o.trainer()
                    + " (model files hold binarized networks)" : "");
        }
        Path path = SolverCommands.output(session, file);
        ModelFile.of(network.get(), o.result().attachment(PreparedData.class).orElseThrow(), o.spec(),
                milp.map(TrainingResult::describe).orElse(o.trainer() + ": " + o.termination().label())).write(path);
        return "saved to " + path;
    }

    /** A call of the training service, its refusals as one-line command failures. */
    private static <T> T service(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (TrainingException e) {
            throw new CommandFailure(e.getMessage());
        }
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
        RawDataset raw = toClassify(session, data, label, drop, m);
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
            RawDataset raw = toClassify(session, data, label, drop, m);
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
        StringBuilder sb = new StringBuilder("trainers (--trainer NAME; options as --trainer-options key=value,key=value):");
        for (Trainer t : training.trainers()) {
            sb.append(String.format("%n  %-13s %s%s", t.name(), t.description(), t.needsSolver() ? "" : " (no solver)"));
            t.options().forEach(o -> sb.append(String.format("%n      %s", o.describe())));
        }
        return sb.toString();
    }

    @Descriptor("train the same network with every installed MILP solver (or --solvers a,b) and print one table")
    public String compare(CommandSession session,
            @Descriptor(DATA) @Parameter(names = { "-d", "--data" }, absentValue = "bcw") String data,
            @Descriptor(LABEL) @Parameter(names = { "--label" }, absentValue = "") String label,
            @Descriptor(DROP) @Parameter(names = { "--drop" }, absentValue = "") String drop,
            @Descriptor(MISSING) @Parameter(names = { "--missing" }, absentValue = "median") String missing,
            @Descriptor(TRAIN_SIZE) @Parameter(names = { "-k", "--train-size" }, absentValue = "25") int trainSize,
            @Descriptor(PER_CLASS) @Parameter(names = { "--per-class" }, absentValue = "0") int perClass,
            @Descriptor(SEED) @Parameter(names = { "--seed" }, absentValue = "0") long seed,
            @Descriptor(HIDDEN) @Parameter(names = { "--hidden" }, absentValue = "5") String hidden,
            @Descriptor(VARIANT) @Parameter(names = { "--variant" }, absentValue = "bdnn") String variant,
            @Descriptor(WEIGHTS) @Parameter(names = { "--weights" }, absentValue = "real") String weights,
            @Descriptor(ACTIVATION) @Parameter(names = { "--activation" }, absentValue = "step") String activation,
            @Descriptor(EPSILON) @Parameter(names = { "--epsilon" }, absentValue = "0") double epsilon,
            @Descriptor(FORMULATION) @Parameter(names = { "--formulation" }, absentValue = "default") String formulation,
            @Descriptor(MAX_MARGIN) @Parameter(names = { "--max-margin" }, presentValue = "true", absentValue = "false") boolean maxMargin,
            @Descriptor(MARGIN_CAP) @Parameter(names = { "--margin-cap" }, absentValue = "1") double marginCap,
            @Descriptor(START) @Parameter(names = { "--start" }, absentValue = "pocket") String start,
            @Descriptor(OBJECTIVES) @Parameter(names = { "--objectives" }, absentValue = "loss") String objectives,
            @Descriptor(LOSS) @Parameter(names = { "--loss" }, absentValue = ExactTrainer.DEFAULT_LOSS_NAME) String loss,
            @Descriptor(SOLVERS) @Parameter(names = { "--solvers" }, absentValue = "") String solvers,
            @Descriptor(TIME_LIMIT) @Parameter(names = { "-t", "--time-limit" }, absentValue = "60") double timeLimit,
            @Descriptor(TRAINERS + TRAINER_LIST) @Parameter(names = { "--trainers" }, absentValue = "exact") String trainers,
            @Descriptor(TRAINER_OPTIONS) @Parameter(names = { "--trainer-options" }, absentValue = "") String trainerOptions,
            @Descriptor(PLOT) @Parameter(names = { "--plot" }, absentValue = "") String plot,
            @Descriptor(FORMAT) @Parameter(names = { "--format" }, absentValue = "table") String format,
            @Descriptor(SPEC) @Parameter(names = { "--spec" }, absentValue = "") String specFile,
            @Descriptor(PRINT_SPEC) @Parameter(names = { "--print-spec" }, presentValue = "true", absentValue = "false") boolean printSpec,
            @Descriptor(SOLVER_OPTION) @Parameter(names = { "--option" }, absentValue = "") String option,
            @Descriptor(NODE_LIMIT) @Parameter(names = { "--node-limit" }, absentValue = "0") long nodeLimit) {
        OutcomeFormats.checkFormat(format);
        List<String> trainerNames = names(trainers);
        RunSpec spec = specFile.isEmpty()
                ? new RunSpecOptions(data, label, drop, missing, trainSize, perClass, seed, "classification", hidden, variant,
                        weights, activation, epsilon, formulation, maxMargin, marginCap, start, objectives, loss, timeLimit,
                        option, nodeLimit).toSpec(trainerNames.isEmpty() ? "exact" : trainerNames.get(0), trainerOptions, "")
                : OutcomeFormats.readSpec(SolverCommands.resolve(session, specFile));
        if (printSpec) {
            return OutcomeFormats.spec(spec);
        }
        RunControl control = savedStart(RunControl.none().withDirectory(SolverCommands.folder(session)), spec, session);
        Comparison c;
        try (CtrlC ctrlC = CtrlC.cancels(session, System.err); TrainingProgress progress = TrainingProgress.onStandardError()) {
            c = service(() -> training.compare(spec, trainerNames, names(solvers),
                    control.withListener(progress).withCancel(ctrlC.token())));
        }
        if (format.equals("json")) {
            return OutcomeFormats.json(c);
        }
        if (format.equals("csv")) {
            return OutcomeFormats.csv(c.outcomes());
        }
        String table = c.outcomes().isEmpty() ? BnnTables.comparison(c.outcomes())
                : String.join(System.lineSeparator(), c.outcomes().get(0).preparation()) + System.lineSeparator()
                        + BnnTables.comparison(c.outcomes());
        if (!plot.isEmpty()) {
            table += System.lineSeparator() + LossCurves.write(SolverCommands.output(session, plot), c.outcomes());
        }
        return c.notRun().isEmpty() ? table
                : table + System.lineSeparator() + "cancelled (Ctrl-C); not run: " + String.join(", ", c.notRun());
    }

    private static List<String> names(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
    }

    /**
     * The rows a saved network classifies, read as its training rows were: the label and dropped
     * columns of its run specification unless given, the same features in the same order.
     */
    private static RawDataset toClassify(CommandSession session, String data, String label, String drop, ModelFile m) {
        Optional<RunSpec.Data> trained = m.run().map(RunSpec::data);
        RunSpec.Data source = new RunSpec.Data(data, Task.CLASSIFICATION,
                label.isEmpty() ? trained.map(RunSpec.Data::label).orElse("") : label,
                drop.isEmpty() ? trained.map(RunSpec.Data::drop).orElse(List.of()) : names(drop),
                m.missing().cliName(), RunSpec.defaults().data().scaling());
        RawDataset raw = service(() -> DataSources.loadToClassify(source, SolverCommands.folder(session)));
        if (raw.featureCount() == m.featureNames().size() && !raw.featureNames().equals(m.featureNames())) {
            int j = 0;
            while (raw.featureNames().get(j).equals(m.featureNames().get(j))) {
                j++;
            }
            throw new CommandFailure(raw.source() + ": feature " + (j + 1) + " is '" + raw.featureNames().get(j)
                    + "', but the model was trained with '" + m.featureNames().get(j) + "' there (its features: "
                    + String.join(", ", m.featureNames()) + ")");
        }
        return raw;
    }

    /** The control with the saved model the spec's start names ({@code --start FILE.json}) read, when it names one. */
    private static RunControl savedStart(RunControl control, RunSpec spec, CommandSession session) {
        String start = spec.formulation().start();
        if (!start.endsWith(".json")) {
            return control;
        }
        return control.withStart(ModelFile.read(SolverCommands.resolve(session, start)).network());
    }
}
