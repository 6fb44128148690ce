package org.tamebnn.dual;

import java.util.Arrays;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;
import org.tamebnn.api.milp.MilpModel;

/**
 * A small MILP with one equality row, min c_I·x + c_C·y s.t. a_I·x + a_C·y = b, 0 ≤ x ≤ bound
 * integer, y ≥ 0, costs ≥ 0 (so z ≥ 0 = z(0), notes §2), and its value function by enumeration of the
 * bounded integer part plus the one-row LP z_C in closed form (notes §2 item 4, item 5 for m = 1):
 * z_C(t) = t·min{c_j/a_j : a_j &gt; 0} for t &gt; 0, |t|·min{c_j/|a_j| : a_j &lt; 0} for t &lt; 0 (+∞ with no such
 * column), 0 at 0.
 */
record SmallMilp(int[] intCoef, int[] intCost, int bound, int[] contCoef, int[] contCost) {

    static Gen<SmallMilp> generator() {
        Gen<Integer> nonZeroInt = SourceDSL.integers().between(-3, 2).map(v -> v >= 0 ? v + 1 : v);
        Gen<Integer> nonZeroCont = SourceDSL.integers().between(-2, 1).map(v -> v >= 0 ? v + 1 : v);
        Gen<Integer> cost = SourceDSL.integers().between(0, 3);
        return in -> {
            int ni = SourceDSL.integers().between(2, 3).generate(in);
            int nc = SourceDSL.integers().between(1, 2).generate(in);
            int[] ia = new int[ni];
            int[] ic = new int[ni];
            for (int j = 0; j < ni; j++) {
                ia[j] = nonZeroInt.generate(in);
                ic[j] = cost.generate(in);
            }
            int[] ca = new int[nc];
            int[] cc = new int[nc];
            for (int j = 0; j < nc; j++) {
                ca[j] = nonZeroCont.generate(in);
                cc[j] = cost.generate(in);
            }
            int bound = SourceDSL.integers().between(1, 3).generate(in);
            return new SmallMilp(ia, ic, bound, ca, cc);
        };
    }

    MilpModel model() {
        MilpModel.Builder m = MilpModel.builder("small");
        int n = intCoef.length + contCoef.length;
        int[] cols = new int[n];
        double[] coef = new double[n];
        for (int j = 0; j < intCoef.length; j++) {
            cols[j] = m.integer("x" + j, 0, bound);
            m.objective(cols[j], intCost[j]);
            coef[j] = intCoef[j];
        }
        for (int j = 0; j < contCoef.length; j++) {
            int k = intCoef.length + j;
            cols[k] = m.continuous("y" + j, 0, Double.POSITIVE_INFINITY);
            m.objective(cols[k], contCost[j]);
            coef[k] = contCoef[j];
        }
        m.addRow("r", 0, 0, cols, coef);
        return m.build();
    }

    double continuousValue(double t) {
        if (t == 0) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < contCoef.length; j++) {
            if ((t > 0) == (contCoef[j] > 0)) {
                best = Math.min(best, (double) contCost[j] / Math.abs(contCoef[j]) * Math.abs(t));
            }
        }
        return best;
    }

    /** z(b) by enumeration of the integer box. */
    double value(double b) {
        double best = Double.POSITIVE_INFINITY;
        int[] x = new int[intCoef.length];
        while (true) {
            double ax = 0;
            double cx = 0;
            for (int j = 0; j < x.length; j++) {
                ax += intCoef[j] * x[j];
                cx += intCost[j] * x[j];
            }
            best = Math.min(best, cx + continuousValue(b - ax));
            int j = 0;
            while (j < x.length && x[j] == bound) {
                x[j] = 0;
                j++;
            }
            if (j == x.length) {
                return best;
            }
            x[j]++;
        }
    }

    /** Every a_I·x of the box: where the copies of z_C sit, hence the jumps and kinks of z. */
    double[] reachable() {
        java.util.TreeSet<Double> out = new java.util.TreeSet<>();
        int[] x = new int[intCoef.length];
        while (true) {
            double ax = 0;
            for (int j = 0; j < x.length; j++) {
                ax += intCoef[j] * x[j];
            }
            out.add(ax);
            int j = 0;
            while (j < x.length && x[j] == bound) {
                x[j] = 0;
                j++;
            }
            if (j == x.length) {
                return out.stream().mapToDouble(Double::doubleValue).toArray();
            }
            x[j]++;
        }
    }

    @Override
    public String toString() {
        return "min " + Arrays.toString(intCost) + "·x + " + Arrays.toString(contCost) + "·y s.t. "
                + Arrays.toString(intCoef) + "·x + " + Arrays.toString(contCoef) + "·y = b, x ∈ {0.." + bound + "}, y ≥ 0";
    }
}
