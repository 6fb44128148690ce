package org.tamebnn.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.TreeSet;

import org.tamebnn.experiments.internal.SpecReader;

/**
 * A grid of runs: datasets × train sizes × hidden widths × variants × weights × trainers × losses
 * × solvers × seeds × time limits, read from a YAML or JSON file (see {@code specs/example.yaml}
 * in this bundle). The name identifies the grid in a {@link ResultStore}: running a spec of the
 * same name again runs only the cells not yet recorded.
 *
 * @param name the grid's name in the result store
 * @param datasets {@code bcw}, {@code wdbc}, {@code random} (Bah and Kurtz's random data, optionally
 *        {@code random:dimension=D,points=N}, drawn anew for each seed) or CSV paths (relative to the
 *        spec file's folder)
 * @param trainSizes training set sizes; {@link #ALL_TRAINING_POINTS} (written {@code all}) for the
 *        whole training part
 * @param testFraction the fraction held out for testing (one value for the whole grid)
 * @param hidden hidden layer widths, one list per architecture
 * @param variants {@code bdnn} and/or {@code bdnn0}
 * @param weights {@code real} and/or {@code binary}
 * @param trainers trainer names
 * @param losses loss names
 * @param solvers solver names (unused by the {@code solverless} trainers)
 * @param seeds seeds
 * @param timeLimits time limits in seconds
 * @param trainerOptions each trainer's options, by trainer name
 * @param perClass points per class of few-shot grids ({@code perClass: [1, 10, 40]}), instead of
 *        {@code trainSizes}; empty for a grid over training set sizes (since 2.1)
 * @param solverless the trainers of the spec that run no solver (as the installed trainers say): their
 *        cells are not multiplied by the solvers
 */
public record ExperimentSpec(String name, List<String> datasets, List<Integer> trainSizes, double testFraction,
        List<List<Integer>> hidden, List<String> variants, List<String> weights, List<String> trainers,
        List<String> losses, List<String> solvers, List<Long> seeds, List<Double> timeLimits,
        Map<String, Map<String, String>> trainerOptions, Set<String> solverless, List<Integer> perClass) {

    /** The train size written {@code all}: every point of the training part. */
    public static final int ALL_TRAINING_POINTS = 0;

    /** A grid over training set sizes (as before per-class grids). */
    public ExperimentSpec(String name, List<String> datasets, List<Integer> trainSizes, double testFraction,
            List<List<Integer>> hidden, List<String> variants, List<String> weights, List<String> trainers,
            List<String> losses, List<String> solvers, List<Long> seeds, List<Double> timeLimits,
            Map<String, Map<String, String>> trainerOptions, Set<String> solverless) {
        this(name, datasets, trainSizes, testFraction, hidden, variants, weights, trainers, losses, solvers, seeds,
                timeLimits, trainerOptions, solverless, List.of());
    }

    public ExperimentSpec {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a spec needs a name");
        perClass = List.copyOf(perClass);
        if (!perClass.isEmpty() && !trainSizes.isEmpty()) {
            throw new IllegalArgumentException("a grid has trainSizes or perClass, not both");
        }
        datasets = List.copyOf(datasets);
        trainSizes = List.copyOf(trainSizes);
        hidden = hidden.stream().map(List::copyOf).toList();
        variants = List.copyOf(variants);
        weights = List.copyOf(weights);
        trainers = List.copyOf(trainers);
        losses = List.copyOf(losses);
        solvers = List.copyOf(solvers);
        seeds = List.copyOf(seeds);
        timeLimits = List.copyOf(timeLimits);
        Map<String, Map<String, String>> options = new LinkedHashMap<>();
        trainerOptions.forEach((t, o) -> options.put(t, Collections.unmodifiableMap(new LinkedHashMap<>(o))));
        trainerOptions = Collections.unmodifiableMap(options);
        solverless = Set.copyOf(solverless);
        boolean needsSolver = !solverless.containsAll(trainers);
        if (needsSolver && solvers.isEmpty()) {
            throw new IllegalArgumentException("trainers " + trainers + " need at least one solver");
        }
    }

    /**
     * Reads a spec from a {@code .yaml}, {@code .yml} or {@code .json} file.
     *
     * @param needsSolver whether a trainer runs a MILP solver (the installed trainers know)
     */
    public static ExperimentSpec load(Path file, Predicate<String> needsSolver) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new SpecException(file.toString(), 0, 0, null, "cannot read the file: " + e.getMessage());
        }
        return SpecReader.read(text, file.toString(), file.toAbsolutePath().getParent(), needsSolver);
    }

    /**
     * Reads a spec from text; {@code source} names it in errors (JSON when it starts with
     * <code>{</code>, YAML otherwise). CSV datasets are resolved against {@code baseDir}, which may
     * be null for the working directory.
     *
     * @param needsSolver whether a trainer runs a MILP solver (the installed trainers know)
     */
    public static ExperimentSpec parse(String text, String source, Path baseDir, Predicate<String> needsSolver) {
        return SpecReader.read(text, source, baseDir, needsSolver);
    }

    /**
     * Every cell of the grid, in a fixed order: datasets, train sizes, hidden, variants, weights,
     * trainers, losses, solvers, seeds, time limits, the last varying fastest. Trainers that use no
     * solver get one cell per combination with the solver {@link Cell#NO_SOLVER}.
     */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        // a per-class grid's sizes are points per class; its cells' train size is "all" of those
        List<Integer> sizes = perClass.isEmpty() ? trainSizes : perClass;
        for (String dataset : datasets)
            for (int size : sizes)
                for (List<Integer> widths : hidden)
                    for (String variant : variants)
                        for (String weight : weights)
                            for (String trainer : trainers) {
                                List<String> trainerSolvers = solverless.contains(trainer)
                                        ? List.of(Cell.NO_SOLVER) : solvers;
                                Map<String, String> options = trainerOptions.getOrDefault(trainer, Map.of());
                                for (String loss : losses)
                                    for (String solver : trainerSolvers)
                                        for (long seed : seeds)
                                            for (double limit : timeLimits)
                                                cells.add(new Cell(cells.size(), dataset,
                                                        perClass.isEmpty() ? size : ALL_TRAINING_POINTS, testFraction,
                                                        widths, variant, weight, trainer, loss, solver, seed, limit,
                                                        options, perClass.isEmpty() ? 0 : size));
                            }
        return List.copyOf(cells);
    }

    /**
     * Checks names against what is installed (the console knows the trainers, losses and solvers);
     * throws a {@link SpecException} naming the field, the unknown names and the known ones.
     *
     * @param field {@code trainers}, {@code losses} or {@code solvers}
     * @param known the names available
     */
    public void requireKnown(String field, Set<String> known) {
        List<String> values = switch (field) {
            case "trainers" -> trainers;
            case "losses" -> losses;
            case "solvers" -> solvers;
            default -> throw new IllegalArgumentException("no name list called " + field);
        };
        List<String> unknown = values.stream().filter(v -> !known.contains(v)).toList();
        if (!unknown.isEmpty()) {
            throw new SpecException(name, 0, 0, field, "unknown " + (unknown.size() == 1 ? "name " : "names ")
                    + String.join(", ", unknown) + "; available: " + String.join(", ", new TreeSet<>(known)));
        }
    }
}
