package org.tamebnn.bnn;

import java.util.Locale;

import org.tamebnn.api.training.RunSpec;
import org.tamebnn.api.training.TrainingException;
import org.tamebnn.data.Dataset;

/**
 * A {@link RunSpec} in this bundle's terms: its network as a {@link BnnSpec}, its formulation as
 * {@link FormulationOptions}, its start as an {@link ExactTrainer}. Every refusal is a one-line
 * {@link TrainingException}.
 */
public final class RunSpecs {
    private RunSpecs() {
    }

    /** The network {@code spec} describes, on {@code train}'s features and classes (or targets). */
    public static BnnSpec network(RunSpec spec, Dataset train) {
        RunSpec.Network n = spec.network();
        BnnSpec.Builder b = BnnSpec.forData(train).hidden(n.hidden().stream().mapToInt(Integer::intValue).toArray())
                .variant(Variant.valueOf(n.variant().toUpperCase(Locale.ROOT)))
                .epsilon(n.epsilon());
        switch (n.weights()) {
            case "real" -> b.weights(WeightDomain.REAL);
            case "binary" -> b.weights(WeightDomain.BINARY);
            case "ternary" -> b.weights(WeightDomain.INTEGER);
            // RunSpec.Network has checked the form integer:P
            default -> b.integerWeights(Integer.parseInt(n.weights().substring("integer:".length())));
        }
        try {
            b.hiddenActivation(DiscreteActivation.parse(n.activation()));
        } catch (IllegalArgumentException e) {
            throw new TrainingException("network.activation: " + e.getMessage());
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new TrainingException(e.getMessage());
        }
    }

    /** The formulation options {@code spec} names. */
    public static FormulationOptions formulation(RunSpec spec) {
        FormulationOptions base = switch (spec.formulation().preset()) {
            case "paper" -> FormulationOptions.paper();
            case "all" -> FormulationOptions.allSpeedUps();
            default -> FormulationOptions.defaults();
        };
        return base.withMaxMargin(spec.formulation().maxMargin()).withMarginCap(spec.formulation().marginCap())
                .withObjectives(spec.formulation().objectives().stream().map(Objective::of).toList());
    }

    /** The exact trainer with the start {@code spec} names (pocket, ste, local-search or none). */
    public static ExactTrainer exactTrainer(RunSpec spec) {
        String start = spec.formulation().start();
        return switch (start) {
            case "pocket" -> new ExactTrainer();
            case "none" -> new ExactTrainer().withHeuristicStart(false);
            case "ste" -> new ExactTrainer().withStart(StartNetwork.ste());
            case "local-search" -> new ExactTrainer().withStart(StartNetwork.localSearch());
            default -> throw new TrainingException("formulation.start: a saved model (" + start + ") as the MIP start"
                    + " is not available yet; use pocket, ste, local-search or none");
        };
    }
}
