package org.tamebnn.losses;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.loss.OutputKind;
import org.tamebnn.api.milp.MilpModel;

/**
 * The hinge loss on the margin of a binary output neuron: with its preactivation a (it fires iff
 * a ≥ 0) and target y ∈ {0, 1} read as the sign s = 2y − 1, the loss is max(0, 1 − s·a). A correct
 * output whose preactivation lies within 1 of the threshold still costs something, a wrong one
 * costs more the further it is on the wrong side — unlike the 0-1 loss, which only counts.
 *
 * <p>In the MILP it is a continuous slack ξ ≥ 0 with ξ ≥ 1 − s·a and objective weight·ξ; at any
 * optimum (indeed at any point where ξ is as small as its rows allow) ξ = max(0, 1 − s·a), the
 * loss. The margin 1 is on the scale of the paper's weights and thresholds in [−1, 1]: an output
 * neuron reading d binary inputs has a ∈ [−(d + 1), d + 1], and a = w·u − λ moves by at most d
 * between its inputs' patterns, so a zero hinge (a ≥ 1 for one class, a ≤ −1 for the other) needs
 * d ≥ 2; with a single hidden neuron every point of one class costs at least 1.
 */
@Component(service = LossFunction.class, property = LossFunction.NAME_PROPERTY + "=" + HingeLoss.NAME)
public final class HingeLoss implements LossFunction {
    static final String NAME = "hinge";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "hinge max(0, 1 − s·a) on the output preactivation a, s = ±1 the target's sign (a continuous slack)";
    }

    @Override
    public boolean supports(OutputKind kind) {
        return kind == OutputKind.PREACTIVATION;
    }

    @Override
    public void addTo(MilpModel.Builder model, String prefix, int outputColumn, OutputKind kind, double target,
            double weight) {
        Targets.requireKind(NAME, kind, OutputKind.PREACTIVATION, prefix,
                "the hinge scores the margin, so it needs the output neuron's preactivation");
        Targets.requireBinary(NAME, target, prefix);
        double s = 2 * target - 1;
        int xi = model.continuous(prefix + "_xi", 0, Double.POSITIVE_INFINITY);
        // ξ + s·a ≥ 1
        model.addRow(prefix + "_hinge", 1, Double.POSITIVE_INFINITY, new int[] {xi, outputColumn},
                new double[] {1, s});
        model.addToObjective(xi, weight);
    }

    @Override
    public double value(double output, double target) {
        Targets.requireBinary(NAME, target, "target");
        return Math.max(0, 1 - (2 * target - 1) * output);
    }

    /** −s where the hinge is active (1 − s·a &gt; 0), else 0 (at the kink 0, which is in the subdifferential). */
    @Override
    public double subgradient(double output, double target) {
        Targets.requireBinary(NAME, target, "target");
        double s = 2 * target - 1;
        return 1 - s * output > 0 ? -s : 0;
    }
}
