package org.tamebnn.bnn;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.tamebnn.api.training.Network;
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

    /**
     * The exact trainer with the start {@code spec} names (pocket, ste, local-search or none), for a
     * caller that trains networks other than the spec's own (the ensemble's pair models), which a
     * saved model cannot start.
     */
    public static ExactTrainer exactTrainer(RunSpec spec) {
        return exactTrainer(spec, Optional.empty());
    }

    /**
     * The exact trainer with the start {@code spec} names; a saved model's file ({@code .json})
     * needs its network, which the caller loaded ({@link org.tamebnn.api.training.RunControl#start()}).
     *
     * @since 2.4
     */
    public static ExactTrainer exactTrainer(RunSpec spec, Optional<Network> loaded) {
        String start = spec.formulation().start();
        return switch (start) {
            case "pocket" -> new ExactTrainer();
            case "none" -> new ExactTrainer().withHeuristicStart(false);
            case "ste" -> new ExactTrainer().withStart(StartNetwork.ste());
            case "local-search" -> new ExactTrainer().withStart(StartNetwork.localSearch());
            default -> new ExactTrainer().withStart(StartNetwork.of(Path.of(start).getFileName().toString(),
                    loaded.filter(TrainedBnn.class::isInstance).map(TrainedBnn.class::cast)
                            .orElseThrow(() -> new TrainingException("formulation.start: the saved model " + start
                                    + " was not loaded; it starts one network (bnn:train --start FILE.json reads it),"
                                    + " not the pair models of an ensemble or an experiment's cells"))));
        };
    }
}
