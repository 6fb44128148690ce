package org.tamebnn.experiments;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.tamebnn.api.training.RunSpec;
import org.tamebnn.api.training.Task;

/**
 * One point of a grid: every parameter of one run. {@link #key()} identifies the cell across runs,
 * processes and machines (it is the hash of the {@link RunSpec} the cell describes);
 * {@link #index()} is its position in the spec's enumeration order, which sharding uses and which
 * is not part of the key.
 *
 * @param index position in {@link ExperimentSpec#cells()}, from 0
 * @param dataset {@code bcw}, {@code wdbc} or a CSV path as written in the spec
 * @param trainSize training points, {@link ExperimentSpec#ALL_TRAINING_POINTS} for all
 * @param testFraction fraction of the data held out for testing
 * @param hidden hidden layer widths, first layer first
 * @param variant {@code bdnn} or {@code bdnn0}
 * @param weights {@code real} or {@code binary}
 * @param trainer trainer name
 * @param loss loss name
 * @param solver solver name, {@link #NO_SOLVER} for trainers that use none
 * @param seed the seed for the split and the trainer
 * @param timeLimitSeconds the run's time limit in seconds
 * @param trainerOptions this trainer's options from the spec (sorted by name)
 * @param perClass       when positive, the training points are this many of each class (few-shot;
 *                       {@code trainSize} is then {@link ExperimentSpec#ALL_TRAINING_POINTS}); since 2.1
 */
public record Cell(int index, String dataset, int trainSize, double testFraction, List<Integer> hidden,
        String variant, String weights, String trainer, String loss, String solver, long seed,
        double timeLimitSeconds, Map<String, String> trainerOptions, int perClass) {

    /** The solver of a cell whose trainer uses no solver. */
    public static final String NO_SOLVER = "-";

    /** A cell of a grid over training set sizes (as before per-class grids). */
    public Cell(int index, String dataset, int trainSize, double testFraction, List<Integer> hidden, String variant,
            String weights, String trainer, String loss, String solver, long seed, double timeLimitSeconds,
            Map<String, String> trainerOptions) {
        this(index, dataset, trainSize, testFraction, hidden, variant, weights, trainer, loss, solver, seed,
                timeLimitSeconds, trainerOptions, 0);
    }

    public Cell {
        Objects.requireNonNull(dataset, "dataset");
        hidden = List.copyOf(hidden);
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(solver, "solver");
        // sorted, as the run specification keeps them
        trainerOptions = java.util.Collections.unmodifiableMap(new TreeMap<>(trainerOptions));
    }

    /**
     * The run this cell describes: its parameters, and the training defaults for everything a grid
     * does not vary (CSV label last column, missing cells by the training median, min–max scaling,
     * step activation, the formulation's ε, the default formulation with the pocket start).
     */
    public RunSpec runSpec() {
        RunSpec d = RunSpec.defaults();
        return d.withData(new RunSpec.Data(dataset, Task.CLASSIFICATION, "", List.of(), d.data().missing(),
                        d.data().scaling()))
                .withSplit(new RunSpec.Split(seed, testFraction, perClass > 0 ? 0 : trainSize, perClass))
                .withNetwork(new RunSpec.Network(hidden, variant, weights, d.network().activation(),
                        d.network().epsilon()))
                .withLoss(loss).withTrainer(trainer, trainerOptions).withSolver(usesSolver() ? solver : "")
                .withTimeLimit(timeLimitSeconds);
    }

    /**
     * The cell's identity: the hash of its {@link #runSpec()} ({@link RunSpec#hash()}), so that the
     * key changes whenever what would run changes, defaults included.
     */
    public String key() {
        return runSpec().hash();
    }

    /** The train size as the spec writes it: a number, or {@code all}; {@code 10/class} for a per-class cell. */
    public String trainSizeText() {
        if (perClass > 0) {
            return perClass + "/class";
        }
        return trainSize == ExperimentSpec.ALL_TRAINING_POINTS ? "all" : String.valueOf(trainSize);
    }

    /** The hidden widths as {@code 5,3}. */
    public String hiddenText() {
        return hidden.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** True for a trainer that runs no solver, whose cells are not multiplied by the solvers. */
    public boolean usesSolver() {
        return !NO_SOLVER.equals(solver);
    }

    /** A short description for progress lines, e.g. {@code bcw n=100 [5,3] exact/ojalgo seed=1}. */
    public String label() {
        return dataset + " n=" + trainSizeText() + " [" + hiddenText() + "] " + variant + "/" + weights + " "
                + trainer + (usesSolver() ? "/" + solver : "") + " " + loss + " seed=" + seed + " t="
                + (timeLimitSeconds == Math.rint(timeLimitSeconds)
                        ? String.valueOf((long) timeLimitSeconds) : String.valueOf(timeLimitSeconds))
                + "s";
    }
}
