package org.tamebnn.losses;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.loss.OutputKind;
import org.tamebnn.api.milp.MilpModel;

/**
 * The absolute error |o − y| of a continuous output, for regression networks whose output layer
 * is the identity (Bah &amp; Kurtz, the variant with a continuous output vector). The paper names
 * the squared loss there, but (o − y)² makes the objective quadratic, a MIQP, which the linear
 * models here cannot state; the absolute error is the linear loss closest to it in spirit (also
 * minimised at o = y, convex, but robust rather than quadratic in large errors), and it is exact:
 * a slack e ≥ 0 with e ≥ o − y and e ≥ y − o, objective weight·e, equals |o − y| at every optimum.
 */
@Component(service = LossFunction.class, property = LossFunction.NAME_PROPERTY + "=" + AbsoluteLoss.NAME)
public final class AbsoluteLoss implements LossFunction {
    static final String NAME = "absolute";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "absolute error |o − y| of a continuous (identity) output, for regression (a continuous slack)";
    }

    @Override
    public boolean supports(OutputKind kind) {
        return kind == OutputKind.CONTINUOUS;
    }

    @Override
    public void addTo(MilpModel.Builder model, String prefix, int outputColumn, OutputKind kind, double target,
            double weight) {
        Targets.requireKind(NAME, kind, OutputKind.CONTINUOUS, prefix,
                kind == OutputKind.BINARY ? "on binary outputs |u − y| is the 0-1 loss: use 'zero-one'" : "");
        Targets.requireFinite(NAME, target, prefix);
        int e = model.continuous(prefix + "_abs", 0, Double.POSITIVE_INFINITY);
        // e − o ≥ −y and e + o ≥ y
        model.addRow(prefix + "_above", -target, Double.POSITIVE_INFINITY, new int[] {e, outputColumn},
                new double[] {1, -1});
        model.addRow(prefix + "_below", target, Double.POSITIVE_INFINITY, new int[] {e, outputColumn},
                new double[] {1, 1});
        model.addToObjective(e, weight);
    }

    @Override
    public double value(double output, double target) {
        Targets.requireFinite(NAME, target, "target");
        return Math.abs(output - target);
    }

    @Override
    public double subgradient(double output, double target) {
        Targets.requireFinite(NAME, target, "target");
        return Math.signum(output - target);
    }
}
