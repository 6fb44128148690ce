package org.tamebnn.bnn;

import java.util.Arrays;
import java.util.TreeSet;

import org.tamebnn.data.Dataset;

/** Exhaustive search for small cases, independent of any MILP. */
final class BruteForce {

    private BruteForce() {
    }

    /**
     * The fewest errors of one neuron with weights in {−1, 1}ⁿ and a threshold λ ∈ [−1, 1] on a
     * two-class data set (fires ⇔ w·x − λ ≥ 0; a non-firing one needs w·x − λ ≤ −ε): every sign
     * pattern, and for it every λ at which the firing set changes, plus the ends of [−1, 1].
     */
    static int bestBinaryWeightPerceptron(Dataset d, double eps) {
        int n = d.featureCount();
        int best = Integer.MAX_VALUE;
        for (int mask = 0; mask < (1 << n); mask++) {
            double[] p = new double[d.size()];
            for (int i = 0; i < d.size(); i++) {
                for (int j = 0; j < n; j++) {
                    p[i] += ((mask >> j & 1) == 1 ? 1 : -1) * d.value(i, j);
                }
            }
            TreeSet<Double> candidates = new TreeSet<>(Arrays.asList(-1.0, 1.0));
            for (double v : p) {
                candidates.add(Math.clamp(v, -1.0, 1.0));
                candidates.add(Math.clamp(v + eps, -1.0, 1.0));
            }
            for (double lambda : candidates) {
                int errors = 0;
                for (int i = 0; i < d.size(); i++) {
                    double a = p[i] - lambda;
                    int fires = a >= 0 ? 1 : (a <= -eps ? 0 : -1);
                    if (fires < 0) {
                        errors = Integer.MAX_VALUE;
                        break;
                    }
                    errors += fires == d.label(i) ? 0 : 1;
                }
                best = Math.min(best, errors);
            }
        }
        return best;
    }
}
