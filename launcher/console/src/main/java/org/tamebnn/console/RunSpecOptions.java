package org.tamebnn.console;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tamebnn.api.training.RunSpec;
import org.tamebnn.api.training.Task;
import org.tamebnn.api.training.TrainingException;
import org.tamebnn.bnn.DiscreteActivation;

/**
 * The options {@code bnn:train} and {@code bnn:compare} share, parsed into a {@link RunSpec}: each
 * checked with a one-line failure naming the option as the user wrote it. Nothing here trains.
 */
record RunSpecOptions(String data, String label, String drop, String missing, int trainSize, int perClass, long seed,
        String task, String hidden, String variant, String weights, String activation, double epsilon,
        String formulation, boolean maxMargin, double marginCap, String start, String loss, double timeLimit) {

    /** The spec these options describe, with {@code trainer}, its options and {@code solver}. */
    RunSpec toSpec(String trainer, String trainerOptions, String solver) {
        Task t;
        try {
            t = Task.parse(task);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("--task must be classification or regression, got '" + task + "'");
        }
        oneOf("--variant", variant, RunSpec.Network.VARIANTS);
        oneOf("--weights", weights, RunSpec.Network.WEIGHTS);
        if (!List.of("median", "drop").contains(missing)) {
            throw new CommandFailure("--missing must be median or drop, got '" + missing + "'");
        }
        if (trainSize < 0) {
            throw new CommandFailure("--train-size must be a number of points (0 for all), got " + trainSize);
        }
        if (perClass < 0) {
            throw new CommandFailure("--per-class must be a number of points per class, got " + perClass);
        }
        try {
            DiscreteActivation.parse(activation);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("--activation: " + e.getMessage());
        }
        if (epsilon < 0) {
            throw new CommandFailure("--epsilon must be positive, got " + epsilon);
        }
        if (!List.of("paper", "default", "all").contains(formulation)) {
            throw new CommandFailure("--formulation must be paper, default or all, got '" + formulation + "'");
        }
        if (!(marginCap > 0) || Double.isInfinite(marginCap)) {
            throw new CommandFailure("--margin-cap must be a positive number, got " + marginCap);
        }
        if (!List.of("pocket", "none").contains(start)) {
            throw new CommandFailure("--start must be pocket or none, got '" + start + "'");
        }
        if (!(timeLimit >= 0.001 && timeLimit <= 365 * 24 * 3600.0)) {
            throw new CommandFailure("--time-limit must be a number of seconds from 0.001 to 31536000, got " + timeLimit);
        }
        RunSpec d = RunSpec.defaults();
        try {
            return new RunSpec(
                    new RunSpec.Data(data, t, label, drop.isBlank() ? List.of()
                            : Arrays.stream(drop.split(",")).map(String::strip).toList(), missing, "min-max"),
                    // --per-class replaces --train-size (whose default is always there)
                    new RunSpec.Split(seed, RunSpec.DEFAULT_TEST_FRACTION, perClass > 0 ? 0 : trainSize, perClass),
                    // ε 0: the option was not given
                    new RunSpec.Network(widths(), variant, weights, activation, epsilon > 0 ? epsilon : d.network().epsilon()),
                    new RunSpec.Formulation(formulation, maxMargin, start, marginCap), loss,
                    new RunSpec.TrainerChoice(trainer, trainerOptions(trainerOptions)),
                    new RunSpec.SolverChoice(solver, null, null), timeLimit);
        } catch (TrainingException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    /** {@code --trainer-options key=value,key=value} as a map. */
    static Map<String, String> trainerOptions(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            for (String part : text.split(",")) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new CommandFailure("--trainer-options takes key=value pairs separated by commas, got '"
                            + part.strip() + "'");
                }
                values.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        return values;
    }

    private List<Integer> widths() {
        if (hidden.isBlank() || hidden.equals("0")) {
            return List.of();
        }
        try {
            List<Integer> w = Arrays.stream(hidden.split(",")).map(String::strip).map(Integer::parseInt).toList();
            if (w.stream().anyMatch(x -> x < 1)) {
                throw new NumberFormatException();
            }
            return w;
        } catch (NumberFormatException e) {
            throw new CommandFailure("--hidden takes layer widths like 5 or 5,3; got '" + hidden + "'");
        }
    }

    private static void oneOf(String option, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new CommandFailure(option + " must be one of " + allowed + ", got '" + value + "'");
        }
    }
}
