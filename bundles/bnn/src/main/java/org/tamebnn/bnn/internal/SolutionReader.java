package org.tamebnn.bnn.internal;

import org.tamebnn.bnn.BnnMilp;
import org.tamebnn.bnn.BnnSpec;
import org.tamebnn.bnn.BnnVariables;
import org.tamebnn.bnn.TrainedBnn;

/** Reads the network out of a solution of a {@link BnnMilp}. */
public final class SolutionReader {

    private SolutionReader() {
    }

    /**
     * The weights and thresholds of {@code solution}. Binary weights are rounded to ±1; real weights
     * and thresholds are clamped to [−1, 1] (solvers may overstep a bound by their tolerance); a
     * weight whose sparsity indicator z is 0 is made exactly 0, so that the network's ‖W‖₀ is what
     * the budget allowed rather than a count of 1e-9 residues.
     */
    public static TrainedBnn read(BnnMilp milp, double[] solution) {
        if (solution.length != milp.model().variableCount()) {
            throw new IllegalArgumentException("solution has " + solution.length + " values; model '"
                    + milp.model().name() + "' has " + milp.model().variableCount() + " variables");
        }
        BnnSpec spec = milp.spec();
        BnnVariables v = milp.variables();
        double[][][] weights = new double[spec.layerCount()][][];
        double[][] thresholds = new double[spec.layerCount()][];
        for (int l = 0; l < spec.layerCount(); l++) {
            weights[l] = new double[spec.width(l)][spec.fanIn(l)];
            thresholds[l] = new double[spec.width(l)];
            for (int k = 0; k < spec.width(l); k++) {
                for (int j = 0; j < spec.fanIn(l); j++) {
                    int z = v.indicatorColumn(l, k, j);
                    boolean switchedOff = z >= 0 && solution[z] < 0.5;
                    weights[l][k][j] = switchedOff ? 0.0 : v.weightValue(solution, l, k, j);
                }
                thresholds[l][k] = v.thresholdValue(solution, l, k);
            }
        }
        return TrainedBnn.of(spec, weights, thresholds);
    }
}
