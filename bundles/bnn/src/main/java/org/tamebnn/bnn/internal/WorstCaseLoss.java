package org.tamebnn.bnn.internal;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.bnn.TrainingPoint;

/**
 * The objective of the robust master ({@link FormulationBuilder#build(org.tamebnn.data.Dataset,
 * org.tamebnn.bnn.BnnSpec, org.tamebnn.bnn.FormulationOptions, LossFunction, List)}): each training
 * point with scenarios pays the worst loss over itself and them.
 */
final class WorstCaseLoss {

    private WorstCaseLoss() {
    }

    /**
     * The robust objective of (11) on the scenarios found so far: training point g of class c pays
     * max over x' ∈ {x_g} ∪ scenarios(g) of Σ_k loss(u_k(x'), t_{c,k}), written as η_{g,c} with one
     * row per member, η ≥ Σ_k scale·(loss(0, t) + (loss(1, t) − loss(0, t))·u_k(x')), exact for
     * u ∈ {0, 1}; η is weighted by the point's class weight. The loss is the same function
     * {@link LossFunction#addTo} writes (the nominal model's term), read off {@link LossFunction#value}.
     *
     * @param points        training points first (index g), then the scenarios
     * @param groupOf       [point] the training point it stands for
     * @param groupSize     [training point] itself plus its scenarios; 1 keeps the plain loss term
     * @param outputColumns [point] its output neurons' u columns
     * @param scale         each output neuron's share of the loss (1 for two classes, ½ for K ≥ 3)
     */
    static void add(MilpModel.Builder b, LossFunction loss, List<TrainingPoint> points, int[] groupOf, int[] groupSize,
            IntFunction<int[]> outputColumns, double scale) {
        int outputs = outputColumns.apply(0).length;
        for (int g = 0; g < groupSize.length; g++) {
            if (groupSize[g] == 1) {
                continue;
            }
            TrainingPoint point = points.get(g);
            for (int c = 0; c < point.classCount(); c++) {
                double weight = point.classWeight(c);
                if (weight == 0) {
                    continue;
                }
                double constant = 0;
                double lo = 0;
                double hi = 0;
                double[] slope = new double[outputs];
                for (int k = 0; k < outputs; k++) {
                    double target = outputs == 1 ? c : (c == k ? 1 : 0);
                    double off = scale * loss.value(0, target);
                    double on = scale * loss.value(1, target);
                    constant += off;
                    slope[k] = on - off;
                    lo += Math.min(off, on);
                    hi += Math.max(off, on);
                }
                int eta = b.continuous("eta" + g + "_" + c, lo, hi);
                b.objective(eta, weight);
                for (int p = 0; p < points.size(); p++) {
                    if (groupOf[p] != g) {
                        continue;
                    }
                    int[] out = outputColumns.apply(p);
                    int[] cols = Arrays.copyOf(out, outputs + 1);
                    double[] coefs = new double[outputs + 1];
                    for (int k = 0; k < outputs; k++) {
                        coefs[k] = -slope[k];
                    }
                    cols[outputs] = eta;
                    coefs[outputs] = 1;
                    b.addRow("worst" + g + "_" + c + "_" + p, constant, Double.POSITIVE_INFINITY, cols, coefs);
                }
            }
        }
    }
}
