package org.tamebnn.losses;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.loss.OutputKind;
import org.tamebnn.api.milp.MilpModel;

/**
 * The squared loss (u − y)² of Bah &amp; Kurtz's list of classical losses, on binary outputs. For
 * u, y ∈ {0, 1} it equals |u − y|, so its MILP terms are exactly the 0-1 loss's (linear in u for a
 * fixed y) and summed over several outputs it is their Hamming distance to the targets. It differs
 * from the 0-1 loss only off {0, 1}: its value and subgradient 2(u − y) there are those of the
 * parabola, for gradient trainers that relax u.
 *
 * <p>Not for continuous outputs: with the identity output of a regression network, (o − y)² is a
 * quadratic objective, which a MILP cannot state; {@link AbsoluteLoss} is the linear loss for that.
 */
@Component(service = LossFunction.class, property = LossFunction.NAME_PROPERTY + "=" + SquaredLoss.NAME)
public final class SquaredLoss implements LossFunction {
    static final String NAME = "squared";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "squared error (u − y)² of binary outputs: the Hamming distance to the targets (exact in the MILP)";
    }

    @Override
    public boolean supports(OutputKind kind) {
        return kind == OutputKind.BINARY;
    }

    @Override
    public void addTo(MilpModel.Builder model, String prefix, int outputColumn, OutputKind kind, double target,
            double weight) {
        Targets.requireKind(NAME, kind, OutputKind.BINARY, prefix, kind == OutputKind.CONTINUOUS
                ? "(o − y)² of a continuous output is quadratic, which a MILP cannot express; use 'absolute'"
                : "");
        Targets.requireBinary(NAME, target, prefix);
        // (u − y)² = u for y = 0 and 1 − u for y = 1 when u ∈ {0, 1}
        if (target == 1.0) {
            model.addToObjective(outputColumn, -weight).addToObjectiveOffset(weight);
        } else {
            model.addToObjective(outputColumn, weight);
        }
    }

    @Override
    public double value(double output, double target) {
        Targets.requireBinary(NAME, target, "target");
        double d = output - target;
        return d * d;
    }

    @Override
    public double subgradient(double output, double target) {
        Targets.requireBinary(NAME, target, "target");
        return 2 * (output - target);
    }
}
