package org.tamebnn.losses;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.loss.OutputKind;
import org.tamebnn.api.milp.MilpModel;

/**
 * The 0-1 loss of Bah &amp; Kurtz's classification variant: 1 when a binary output differs from its
 * target, else 0. With output u ∈ {0, 1} and target y ∈ {0, 1} it is |u − y|, which is linear in u
 * for a fixed y (u when y = 0, 1 − u when y = 1), so it adds no variables or rows. Summed over one
 * sample's one-hot outputs it counts 2 per misclassified sample; the formulation scales it.
 */
@Component(service = LossFunction.class, property = LossFunction.NAME_PROPERTY + "=" + ZeroOneLoss.NAME)
public final class ZeroOneLoss implements LossFunction {
    static final String NAME = "zero-one";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "misclassification count: 1 when a binary output differs from its 0/1 target";
    }

    @Override
    public boolean supports(OutputKind kind) {
        return kind == OutputKind.BINARY;
    }

    @Override
    public void addTo(MilpModel.Builder model, String prefix, int outputColumn, OutputKind kind, double target,
            double weight) {
        if (kind != OutputKind.BINARY) {
            throw new IllegalArgumentException("the 0-1 loss needs binary outputs; " + prefix + " is " + kind);
        }
        checkTarget(target, prefix);
        if (target == 1.0) {
            model.addToObjective(outputColumn, -weight).addToObjectiveOffset(weight);
        } else {
            model.addToObjective(outputColumn, weight);
        }
    }

    /** |output − target|: the misclassification indicator on {0, 1}, its linear interpolation between. */
    @Override
    public double value(double output, double target) {
        checkTarget(target, "target");
        return Math.abs(output - target);
    }

    @Override
    public double subgradient(double output, double target) {
        checkTarget(target, "target");
        return Math.signum(output - target);
    }

    private static void checkTarget(double target, String where) {
        if (target != 0.0 && target != 1.0) {
            throw new IllegalArgumentException("the 0-1 loss needs a 0/1 target; " + where + " has " + target);
        }
    }
}
