package org.tamebnn.bnn.internal;

import java.util.Arrays;
import java.util.List;

import org.tamebnn.bnn.BnnMilp;
import org.tamebnn.bnn.BnnSpec;
import org.tamebnn.bnn.BnnVariables;
import org.tamebnn.bnn.DiscreteActivation;
import org.tamebnn.bnn.TrainedBnn;
import org.tamebnn.bnn.TrainingPoint;

/** The inverse of {@link SolutionReader}: a network written as a point of its {@link BnnMilp}, for a MIP start. */
public final class SolutionWriter {

    private SolutionWriter() {
    }

    /**
     * Every variable the formulation owns, from {@code net}: w (or b = (w + 1)/2), λ, z = [w ≠ 0],
     * the activation bits of the forward pass on each training point, s = w·y, the output
     * preactivations when the loss scores them, and δ the smallest
     * distance of a preactivation from its firing threshold (clamped to [ε/2, δmax]). Variables a
     * loss plugin added are left NaN ("no suggestion"). The point violates rows only where the
     * network puts a preactivation inside a gap (tᵢ − ε, tᵢ), or breaks the sparsity budget.
     */
    public static double[] write(BnnMilp milp, TrainedBnn net) {
        BnnSpec spec = milp.spec();
        if (!net.spec().equals(spec)) {
            throw new IllegalArgumentException("network " + net.spec().describe() + " is not the MILP's " + spec.describe());
        }
        BnnVariables v = milp.variables();
        double[] x = new double[milp.model().variableCount()];
        Arrays.fill(x, Double.NaN);
        for (int l = 0; l < spec.layerCount(); l++) {
            for (int k = 0; k < spec.width(l); k++) {
                for (int j = 0; j < spec.fanIn(l); j++) {
                    double w = net.weight(l, k, j);
                    x[v.weightColumn(l, k, j)] = v.weightColumnValue(w);
                    if (v.indicatorColumn(l, k, j) >= 0) {
                        x[v.indicatorColumn(l, k, j)] = w != 0 ? 1 : 0;
                    }
                }
                if (v.thresholdColumn(l, k) >= 0) {
                    x[v.thresholdColumn(l, k)] = net.threshold(l, k);
                }
            }
        }
        double h = spec.epsilon() / 2;
        double delta = Double.POSITIVE_INFINITY;
        List<TrainingPoint> points = milp.points();
        for (int p = 0; p < points.size(); p++) {
            TrainedBnn.ForwardPass pass = net.forward(points.get(p).features());
            for (int l = 0; l < spec.layerCount(); l++) {
                DiscreteActivation sigma = spec.activation(l);
                int bits = v.activationBits(l); // 0 for a regression network's identity output
                for (int k = 0; k < spec.width(l); k++) {
                    int level = pass.activations()[l][k];
                    double a = pass.preactivations()[l][k];
                    for (int i = 0; i < bits; i++) {
                        boolean on = level > i;
                        x[v.activationColumn(p, l, k, i)] = on ? 1 : 0;
                        double t = sigma.breakpoint(i + 1);
                        delta = Math.min(delta, on ? a - t + h : t - h - a);
                    }
                }
                if (l > 0) {
                    writeProducts(x, v, net, spec, p, l);
                }
            }
            int last = spec.layerCount() - 1;
            for (int k = 0; k < spec.width(last); k++) {
                if (v.outputPreactivationColumn(p, k) >= 0) {
                    x[v.outputPreactivationColumn(p, k)] = pass.preactivations()[last][k];
                }
            }
        }
        if (v.marginColumn() >= 0) {
            x[v.marginColumn()] = Math.clamp(delta, h, milp.options().marginCap());
        }
        return x;
    }

    private static void writeProducts(double[] x, BnnVariables v, TrainedBnn net, BnnSpec spec, int p, int l) {
        int bits = spec.activation(l - 1).levelCount() - 1;
        for (int k = 0; k < spec.width(l); k++) {
            for (int j = 0; j < spec.fanIn(l); j++) {
                for (int i = 0; i < bits; i++) {
                    x[v.productColumn(p, l, k, j, i)] = net.weight(l, k, j) * x[v.activationColumn(p, l - 1, j, i)];
                }
            }
        }
    }
}
