package org.tamebnn.console;

import java.util.Arrays;
import java.util.Locale;

import org.tamebnn.bnn.BnnSpec;
import org.tamebnn.bnn.DiscreteActivation;
import org.tamebnn.bnn.ExactTrainer;
import org.tamebnn.bnn.FormulationOptions;
import org.tamebnn.bnn.Variant;
import org.tamebnn.bnn.WeightDomain;
import org.tamebnn.data.Dataset;

/**
 * The network and formulation options of {@code bnn:train} and {@code bnn:compare}, checked and
 * turned into a {@link BnnSpec} and {@link FormulationOptions}, with one-line failures.
 */
record TrainingChoice(String hidden, String variant, String weights, String activation, double epsilon,
        String formulation, boolean maxMargin, String start) {

    BnnSpec spec(Dataset train) {
        BnnSpec.Builder b = BnnSpec.forData(train).hidden(widths()).variant(parse(Variant.class, variant, "--variant"))
                .weights(parse(WeightDomain.class, weights, "--weights"));
        try {
            b.hiddenActivation(DiscreteActivation.parse(activation));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("--activation: " + e.getMessage());
        }
        if (epsilon < 0) {
            throw new CommandFailure("--epsilon must be positive, got " + epsilon);
        }
        if (epsilon > 0) { // 0: the option was not given
            b.epsilon(epsilon);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    FormulationOptions options() {
        FormulationOptions base = switch (formulation) {
            case "paper" -> FormulationOptions.paper();
            case "default" -> FormulationOptions.defaults();
            case "all" -> FormulationOptions.allSpeedUps();
            default -> throw new CommandFailure("--formulation must be paper, default or all, got '" + formulation + "'");
        };
        return base.withMaxMargin(maxMargin);
    }

    ExactTrainer trainer() {
        return switch (start) {
            case "pocket" -> new ExactTrainer();
            case "none" -> new ExactTrainer().withHeuristicStart(false);
            default -> throw new CommandFailure("--start must be pocket or none, got '" + start + "'");
        };
    }

    private int[] widths() {
        if (hidden.isBlank() || hidden.equals("0")) {
            return new int[0];
        }
        try {
            int[] w = Arrays.stream(hidden.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
            if (Arrays.stream(w).anyMatch(x -> x < 1)) {
                throw new NumberFormatException();
            }
            return w;
        } catch (NumberFormatException e) {
            throw new CommandFailure("--hidden takes layer widths like 5 or 5,3; got '" + hidden + "'");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(option + " must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ", got '" + value + "'");
        }
    }
}
