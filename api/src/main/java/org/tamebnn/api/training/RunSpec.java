package org.tamebnn.api.training;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One training run, completely: where the data comes from and how it is split, cleaned and scaled;
 * the network; the formulation; the loss; the trainer and its options; the solver and its
 * parameters; the time limit. Immutable. It has one canonical JSON form ({@link #canonicalJson()})
 * and a stable hash over all of it ({@link #hash()}): that hash is an experiment cell's key, the
 * provenance a saved model carries, and what every console command parses its options into.
 *
 * <p>Change one field with the {@code with...} methods, starting from {@link #defaults()} (the
 * console's defaults: Breast Cancer Wisconsin, 25 training points, seed 0, a 9-5-1 BDNN on the exact
 * trainer, 60 s). A solver named {@code ""} is the service's choice; the outcome's spec names the
 * one that ran.
 *
 * @param data             the data source and its preparation
 * @param split            seed, test fraction and training points
 * @param network          the architecture
 * @param formulation      MILP formulation options
 * @param loss             the loss's name ({@code zero-one}, {@code hinge}, ...)
 * @param trainer          the trainer and its options
 * @param solver           the MILP solver and its parameters
 * @param timeLimitSeconds the time limit of each solve, in seconds
 */
public record RunSpec(Data data, Split split, Network network, Formulation formulation, String loss,
        TrainerChoice trainer, SolverChoice solver, double timeLimitSeconds) {

    /** The version of the canonical form; a reader refuses a spec written in another. */
    public static final int FORMAT = 1;

    /** The console's default seed, test fraction and training points. */
    public static final double DEFAULT_TEST_FRACTION = 0.2;

    private static final RunSpec DEFAULTS = new RunSpec(
            new Data("bcw", Task.CLASSIFICATION, "", List.of(), "median", "min-max"),
            new Split(0, DEFAULT_TEST_FRACTION, 25),
            // 1e-3 is the formulation's ε (BnnSpec.DEFAULT_EPSILON, which a test holds equal)
            new Network(List.of(5), "bdnn", "real", "step", 1e-3),
            new Formulation("default", false, "pocket"),
            "zero-one", new TrainerChoice("exact", Map.of()), new SolverChoice("", null, null), 60);

    /**
     * Where the rows come from and how they are cleaned and scaled.
     *
     * @param source  {@code bcw}, {@code wdbc}, {@code random[:dimension=D,points=N]} or a CSV file's path as given
     * @param task    classification or regression
     * @param label   the CSV label column (name or 0-based index), or for regression the target; "" for the default
     * @param drop    CSV columns to drop (names or indices)
     * @param missing {@code median} (training medians fill missing cells) or {@code drop} (rows with any are dropped)
     * @param scaling {@code min-max}: features scaled to [0, 1] on the training rows
     */
    public record Data(String source, Task task, String label, List<String> drop, String missing, String scaling) {
        public Data {
            nonEmpty(source, "data.source");
            Objects.requireNonNull(task, "data.task");
            Objects.requireNonNull(label, "data.label");
            drop = List.copyOf(drop);
            oneOf(missing, "data.missing", List.of("median", "drop"));
            oneOf(scaling, "data.scaling", List.of("min-max"));
        }
    }

    /**
     * How the rows are split. The seed also seeds the trainer (its heuristic start, its restarts,
     * its sampling) and the drawing of random data, so one seed is one reproducible run.
     *
     * @param seed         the seed
     * @param testFraction the fraction held out for testing
     * @param trainSize    training points drawn from the training part; 0 for all of it
     * @param perClass     when positive: this many training points of each class, drawn with the seed
     *                     from all rows, every other row held out for testing (few-shot training, as
     *                     the MNIST anchors do); the test fraction and train size are then not used
     */
    public record Split(long seed, double testFraction, int trainSize, int perClass) {
        public Split {
            if (!(testFraction > 0 && testFraction < 1)) {
                throw new TrainingException("split.testFraction must lie strictly between 0 and 1, got " + testFraction);
            }
            if (trainSize < 0) {
                throw new TrainingException("split.trainSize must be a number of points (0 for all), got " + trainSize);
            }
            if (perClass < 0) {
                throw new TrainingException("split.perClass must be a number of points (0 for none), got " + perClass);
            }
            if (perClass > 0 && trainSize > 0) {
                throw new TrainingException("split.trainSize and split.perClass exclude each other; give one");
            }
        }

        /** A fraction split, without points per class. */
        public Split(long seed, double testFraction, int trainSize) {
            this(seed, testFraction, trainSize, 0);
        }
    }

    /**
     * The network.
     *
     * @param hidden     hidden layer widths, first layer first (empty: no hidden layer)
     * @param variant    {@code bdnn} (thresholds learned) or {@code bdnn0} (thresholds 0)
     * @param weights    {@code real} (in [−1, 1]), {@code binary} (in {−1, 1}), {@code ternary} (in
     *                   {−1, 0, 1}) or {@code integer:P} (in {−P..P})
     * @param activation the hidden layers' activation: {@code step}, {@code sign} or {@code VALUES@BREAKPOINTS}
     * @param epsilon    ε, the gap that makes the formulation's strict inequalities
     */
    public record Network(List<Integer> hidden, String variant, String weights, String activation, double epsilon) {
        /** The variants: thresholds learned (Bah &amp; Kurtz's BDNN) or fixed to 0 (BDNN0). */
        public static final List<String> VARIANTS = List.of("bdnn", "bdnn0");
        /** The weight domains: real in [−1, 1], binary in {−1, 1}, ternary, or integer {−P..P} for a P ≥ 1. */
        public static final List<String> WEIGHTS = List.of("real", "binary", "ternary", "integer:P");

        public Network {
            hidden = List.copyOf(hidden);
            for (Integer w : hidden) {
                if (w == null || w < 1) {
                    throw new TrainingException("network.hidden takes layer widths of at least 1, got " + hidden);
                }
            }
            oneOf(variant, "network.variant", VARIANTS);
            nonEmpty(weights, "network.weights");
            if (!isWeightDomain(weights)) {
                throw new TrainingException("network.weights must be real, binary, ternary or integer:P (P from 1 to"
                        + " 999), got '" + weights + "'");
            }
            nonEmpty(activation, "network.activation");
            if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
                throw new TrainingException("network.epsilon must be a positive number, got " + epsilon);
            }
        }

        /** True for {@code real}, {@code binary}, {@code ternary} and {@code integer:P} with P from 1 to 999. */
        public static boolean isWeightDomain(String weights) {
            return WEIGHTS.subList(0, 3).contains(weights) || weights.matches("integer:[1-9][0-9]{0,2}");
        }

        /** The widths as {@code 5,3} (empty for none). */
        public String hiddenText() {
            return String.join(",", hidden.stream().map(String::valueOf).toList());
        }
    }

    /**
     * Options of the MILP formulation.
     *
     * @param preset    {@code paper} (Theorem 2 as stated), {@code default} (duplicate points merged) or {@code all}
     * @param maxMargin among optimal networks, prefer the largest minimum margin δ of every neuron's
     *                  preactivation from its firing threshold
     * @param start     the MIP start and fallback: {@code pocket} (a pocket-perceptron network),
     *                  {@code ste} or {@code local-search} (those trainers' network), {@code none}, or
     *                  a saved model's file ({@code .json})
     * @param marginCap δmax, the largest margin max-margin rewards (1 by default)
     * @param objectives the lexicographic stages, one solve each: {@code loss} first, then any of
     *                  {@code margin} and {@code sparsity} (default: the loss alone; since 1.1)
     */
    public record Formulation(String preset, boolean maxMargin, String start, double marginCap,
            List<String> objectives) {
        /** The margin cap when none is given. */
        public static final double DEFAULT_MARGIN_CAP = 1.0;
        /** The starts by name; any other value must name a saved model's {@code .json} file. */
        public static final List<String> STARTS = List.of("pocket", "ste", "local-search", "none");
        /** The objectives a stage may have. */
        public static final List<String> OBJECTIVES = List.of("loss", "margin", "sparsity");

        public Formulation {
            oneOf(preset, "formulation.preset", List.of("paper", "default", "all"));
            nonEmpty(start, "formulation.start");
            if (!STARTS.contains(start) && !start.endsWith(".json")) {
                throw new TrainingException("formulation.start must be one of " + String.join(", ", STARTS)
                        + " or a saved model's .json file, got '" + start + "'");
            }
            if (!(marginCap > 0) || Double.isInfinite(marginCap)) {
                throw new TrainingException("formulation.marginCap must be a positive number, got " + marginCap);
            }
            objectives = List.copyOf(objectives);
            for (String o : objectives) {
                oneOf(o, "formulation.objectives", OBJECTIVES);
            }
            if (objectives.isEmpty() || !objectives.get(0).equals("loss")
                    || new java.util.HashSet<>(objectives).size() != objectives.size()) {
                throw new TrainingException("formulation.objectives must start with loss and name each objective once,"
                        + " got " + objectives);
            }
        }

        /** With the loss as the only objective. */
        public Formulation(String preset, boolean maxMargin, String start, double marginCap) {
            this(preset, maxMargin, start, marginCap, List.of("loss"));
        }

        /** With the default margin cap. */
        public Formulation(String preset, boolean maxMargin, String start) {
            this(preset, maxMargin, start, DEFAULT_MARGIN_CAP);
        }
    }

    /**
     * The trainer.
     *
     * @param name    its name ({@code exact}, {@code local-search}, ...)
     * @param options its own options, as text (sorted by key)
     */
    public record TrainerChoice(String name, Map<String, String> options) {
        public TrainerChoice {
            nonEmpty(name, "trainer.name");
            options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
        }
    }

    /**
     * The MILP solver and its parameters; unset (null, empty) means the backend's default.
     *
     * @param name        the solver's name, "" for the service's choice
     * @param threads     threads per solve
     * @param relativeGap the relative gap at which a solve may stop
     * @param nodeLimit   the most branch-and-bound nodes per solve (@since 2.0)
     * @param options     the backend's own settings by their own names, checked by the backend (@since 2.0)
     */
    public record SolverChoice(String name, Integer threads, Double relativeGap, Long nodeLimit,
            Map<String, String> options) {
        public SolverChoice {
            Objects.requireNonNull(name, "solver.name");
            if (threads != null && threads < 1) {
                throw new TrainingException("solver.threads must be at least 1, got " + threads);
            }
            if (relativeGap != null && !(relativeGap >= 0 && Double.isFinite(relativeGap))) {
                throw new TrainingException("solver.relativeGap must be a number ≥ 0, got " + relativeGap);
            }
            if (nodeLimit != null && nodeLimit < 1) {
                throw new TrainingException("solver.nodeLimit must be at least 1, got " + nodeLimit);
            }
            options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
            options.forEach((k, v) -> {
                if (k.isBlank() || v == null) {
                    throw new TrainingException("solver.options needs names and values, got " + k + "=" + v);
                }
            });
        }

        /** A choice of solver with threads and gap, without node limit or options. */
        public SolverChoice(String name, Integer threads, Double relativeGap) {
            this(name, threads, relativeGap, null, Map.of());
        }
    }

    public RunSpec {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(formulation, "formulation");
        nonEmpty(loss, "loss");
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(solver, "solver");
        if (!(timeLimitSeconds > 0) || Double.isInfinite(timeLimitSeconds)) {
            throw new TrainingException("timeLimitSeconds must be a positive number of seconds, got " + timeLimitSeconds);
        }
    }

    /** The console's defaults (see the class comment). */
    public static RunSpec defaults() {
        return DEFAULTS;
    }

    public RunSpec withData(Data d) {
        return new RunSpec(d, split, network, formulation, loss, trainer, solver, timeLimitSeconds);
    }

    /** Another source, the rest of the data options kept. */
    public RunSpec withSource(String source) {
        return withData(new Data(source, data.task, data.label, data.drop, data.missing, data.scaling));
    }

    public RunSpec withSplit(Split s) {
        return new RunSpec(data, s, network, formulation, loss, trainer, solver, timeLimitSeconds);
    }

    public RunSpec withSeed(long seed) {
        return withSplit(new Split(seed, split.testFraction, split.trainSize, split.perClass));
    }

    public RunSpec withTrainSize(int trainSize) {
        return withSplit(new Split(split.seed, split.testFraction, trainSize, 0));
    }

    /** Few-shot: {@code n} training points of each class, every other row for testing. */
    public RunSpec withPerClass(int n) {
        return withSplit(new Split(split.seed, split.testFraction, 0, n));
    }

    public RunSpec withNetwork(Network n) {
        return new RunSpec(data, split, n, formulation, loss, trainer, solver, timeLimitSeconds);
    }

    public RunSpec withHidden(List<Integer> widths) {
        return withNetwork(new Network(widths, network.variant, network.weights, network.activation, network.epsilon));
    }

    public RunSpec withFormulation(Formulation f) {
        return new RunSpec(data, split, network, f, loss, trainer, solver, timeLimitSeconds);
    }

    public RunSpec withLoss(String name) {
        return new RunSpec(data, split, network, formulation, name, trainer, solver, timeLimitSeconds);
    }

    public RunSpec withTrainer(String name, Map<String, String> options) {
        return new RunSpec(data, split, network, formulation, loss, new TrainerChoice(name, options), solver,
                timeLimitSeconds);
    }

    public RunSpec withSolver(SolverChoice s) {
        return new RunSpec(data, split, network, formulation, loss, trainer, s, timeLimitSeconds);
    }

    /** Another solver, its parameters kept. */
    public RunSpec withSolver(String name) {
        return withSolver(new SolverChoice(name, solver.threads, solver.relativeGap, solver.nodeLimit,
                solver.options));
    }

    public RunSpec withTimeLimit(double seconds) {
        return new RunSpec(data, split, network, formulation, loss, trainer, solver, seconds);
    }

    /** The spec as a tree of maps, lists and values: the canonical JSON's content. */
    public Map<String, Object> toTree() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("source", data.source);
        d.put("task", data.task.cliName());
        d.put("label", data.label);
        d.put("drop", data.drop);
        d.put("missing", data.missing);
        d.put("scaling", data.scaling);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("seed", split.seed);
        s.put("testFraction", split.testFraction);
        s.put("trainSize", split.trainSize);
        // a field added after format 1 is written only when set, so the hash of every spec that
        // does not use it stays what it was (experiment stores key their cells by it)
        if (split.perClass > 0) {
            s.put("perClass", split.perClass);
        }
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("hidden", network.hidden);
        n.put("variant", network.variant);
        n.put("weights", network.weights);
        n.put("activation", network.activation);
        n.put("epsilon", network.epsilon);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("preset", formulation.preset);
        f.put("maxMargin", formulation.maxMargin);
        f.put("start", formulation.start);
        if (formulation.marginCap != Formulation.DEFAULT_MARGIN_CAP) {
            f.put("marginCap", formulation.marginCap);
        }
        if (formulation.objectives.size() > 1) {
            f.put("objectives", formulation.objectives);
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", trainer.name);
        t.put("options", trainer.options);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", solver.name);
        v.put("threads", solver.threads);
        v.put("relativeGap", solver.relativeGap);
        // written only when set, so that the specs (and hashes) of runs without them stay as they were
        if (solver.nodeLimit != null) {
            v.put("nodeLimit", solver.nodeLimit);
        }
        if (!solver.options.isEmpty()) {
            v.put("options", solver.options);
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("format", FORMAT);
        tree.put("data", d);
        tree.put("split", s);
        tree.put("network", n);
        tree.put("formulation", f);
        tree.put("loss", loss);
        tree.put("trainer", t);
        tree.put("solver", v);
        tree.put("timeLimitSeconds", timeLimitSeconds);
        return tree;
    }

    /** The canonical JSON text: every field, keys sorted, no white space (see {@link CanonicalJson}). */
    public String canonicalJson() {
        return CanonicalJson.write(toTree());
    }

    /** The SHA-256 of {@link #canonicalJson()} in UTF-8, as 64 lowercase hex digits. */
    public String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * A spec from a tree as a JSON or YAML parser gives it (maps, lists, strings, numbers, booleans,
     * nulls). Fields left out take {@link #defaults()}' values; unknown fields and values of the
     * wrong kind are refused.
     *
     * @param source names the tree's origin in messages (a file name)
     * @throws TrainingException {@code source: field: problem}
     */
    public static RunSpec fromTree(Map<?, ?> tree, String source) {
        try {
            return new TreeReader(source).read(tree);
        } catch (TrainingException e) {
            throw e.getMessage().startsWith(source + ": ") ? e : new TrainingException(source + ": " + e.getMessage(), e);
        }
    }

    private static void nonEmpty(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new TrainingException(field + " must not be empty");
        }
    }

    private static void oneOf(String value, String field, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new TrainingException(field + " must be " + TrainerOption.orList(allowed) + ", got '" + value + "'");
        }
    }
}
