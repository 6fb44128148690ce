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
        String formulation, boolean maxMargin, double marginCap, String start, String objectives, String loss,
        double timeLimit, String solverOptions, long nodeLimit) {

    /** The spec these options describe, with {@code trainer}, its options and {@code solver}. */
    RunSpec toSpec(String trainer, String trainerOptions, String solver) {
        Task t;
        try {
            t = Task.parse(task);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("--task must be classification or regression, got '" + task + "'");
        }
        oneOf("--variant", variant, RunSpec.Network.VARIANTS);
        try {
            DiscreteActivation.parse(activation);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("--activation: " + e.getMessage());
        }
        if (epsilon < 0) {
            throw new CommandFailure("--epsilon must be positive, got " + epsilon);
        }
        SolverCommands.checkTimeLimit(timeLimit);
        RunSpec d = RunSpec.defaults();
        try {
            return new RunSpec(
                    new RunSpec.Data(data, t, label, drop.isBlank() ? List.of()
                            : Arrays.stream(drop.split(",")).map(String::strip).toList(), missing, "min-max"),
                    // --per-class replaces --train-size (whose default is always there)
                    new RunSpec.Split(seed, RunSpec.DEFAULT_TEST_FRACTION, perClass > 0 ? 0 : trainSize, perClass),
                    // ε 0: the option was not given
                    new RunSpec.Network(widths(), variant, weights, activation, epsilon > 0 ? epsilon : d.network().epsilon()),
                    new RunSpec.Formulation(formulation, maxMargin, start, marginCap,
                            Arrays.stream(objectives.split(",")).map(String::strip).toList()), loss,
                    new RunSpec.TrainerChoice(trainer, trainerOptions(trainerOptions)),
                    new RunSpec.SolverChoice(solver, null, null, SolverCommands.nodeLimit(nodeLimit),
                            pairs("--option", solverOptions)), timeLimit);
        } catch (TrainingException e) {
            // the spec checks the values; its message names the spec's field, the user typed the option
            throw new CommandFailure(asOption(e.getMessage()));
        }
    }

    /** The console option that sets each spec field this class fills from a plain value. */
    private static final Map<String, String> OPTIONS = Map.of("data.missing", "--missing", "split.trainSize",
            "--train-size", "split.perClass", "--per-class", "formulation.preset", "--formulation",
            "formulation.start", "--start", "formulation.marginCap", "--margin-cap", "formulation.objectives", "--objectives",
            "network.weights", "--weights");

    private static String asOption(String message) {
        for (Map.Entry<String, String> e : OPTIONS.entrySet()) {
            if (message.startsWith(e.getKey() + " ")) {
                return e.getValue() + message.substring(e.getKey().length());
            }
        }
        return message;
    }

    /** {@code --trainer-options key=value,key=value} as a map. */
    static Map<String, String> trainerOptions(String text) {
        return pairs("--trainer-options", text);
    }

    /** {@code OPTION key=value,key=value} as a map, in the order given. */
    static Map<String, String> pairs(String option, String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            for (String part : text.split(",")) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new CommandFailure(option + " takes key=value pairs separated by commas, got '"
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
