package org.tamebnn.bnn.internal;

import java.util.ArrayList;
import java.util.List;

import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.bnn.BnnSpec;
import org.tamebnn.bnn.Variant;
import org.tamebnn.bnn.WeightDomain;

/**
 * The variables shared by all points — weights W^ℓ, thresholds λ^ℓ, sparsity indicators z — and the
 * rows that concern only them: the sparsity budget and symmetry breaking.
 */
final class NetworkVariables {
    final int[][][] weightColumns;
    final WeightRef[][][] weights;
    /** null for BDNN0 (λ = 0 is no variable). */
    final int[][] thresholdColumns;
    /** null without a sparsity budget. */
    final int[][][] indicatorColumns;

    private NetworkVariables(int[][][] weightColumns, WeightRef[][][] weights, int[][] thresholdColumns,
            int[][][] indicatorColumns) {
        this.weightColumns = weightColumns;
        this.weights = weights;
        this.thresholdColumns = thresholdColumns;
        this.indicatorColumns = indicatorColumns;
    }

    /**
     * Adds W and λ with the bounds of Lemma 1, (9): W^ℓ ∈ [−1, 1]^{d_ℓ×d_{ℓ−1}}, λ^ℓ ∈ [−1, 1]^{d_ℓ};
     * and the sparsity indicators when the spec has a budget or {@code countNonZeros} asks for them
     * (a sparsity objective).
     */
    static NetworkVariables add(MilpModel.Builder b, BnnSpec spec, boolean countNonZeros) {
        int layers = spec.layerCount();
        int[][][] columns = new int[layers][][];
        WeightRef[][][] refs = new WeightRef[layers][][];
        int[][] thresholds = spec.variant() == Variant.BDNN ? new int[layers][] : null;
        for (int l = 0; l < layers; l++) {
            columns[l] = new int[spec.width(l)][spec.fanIn(l)];
            refs[l] = new WeightRef[spec.width(l)][spec.fanIn(l)];
            for (int k = 0; k < spec.width(l); k++) {
                for (int j = 0; j < spec.fanIn(l); j++) {
                    String name = (l + 1) + "_" + k + "_" + j;
                    switch (spec.weights()) {
                        case REAL -> {
                            columns[l][k][j] = b.continuous("w" + name, -1, 1);
                            refs[l][k][j] = WeightRef.real(columns[l][k][j]);
                        }
                        case BINARY -> {
                            columns[l][k][j] = b.binary("b" + name);
                            refs[l][k][j] = WeightRef.binary(columns[l][k][j]);
                        }
                        case INTEGER -> {
                            columns[l][k][j] = b.integer("c" + name, -spec.maxWeight(), spec.maxWeight());
                            refs[l][k][j] = WeightRef.integer(columns[l][k][j], spec.maxWeight());
                        }
                    }
                }
            }
            if (thresholds != null) {
                thresholds[l] = new int[spec.width(l)];
                for (int k = 0; k < spec.width(l); k++) {
                    thresholds[l][k] = b.continuous("lam" + (l + 1) + "_" + k, -1, 1);
                }
            }
        }
        int[][][] indicators = spec.hasSparsityBudget() || countNonZeros ? addSparsity(b, spec, columns) : null;
        return new NetworkVariables(columns, refs, thresholds, indicators);
    }

    /**
     * The sparsity constraint ‖W‖₀ ≤ k of the Remark after Theorem 2: an indicator z ∈ {0, 1} per
     * weight with −z ≤ w ≤ z (z = 0 forces w = 0) and Σ z ≤ k (the row only with a budget). Real
     * or integer weights (the spec checks); an integer column c ∈ [−P, P] gets −P·z ≤ c ≤ P·z.
     */
    private static int[][][] addSparsity(MilpModel.Builder b, BnnSpec spec, int[][][] weightColumns) {
        int[][][] z = new int[spec.layerCount()][][];
        List<Integer> all = new ArrayList<>();
        for (int l = 0; l < spec.layerCount(); l++) {
            z[l] = new int[spec.width(l)][spec.fanIn(l)];
            for (int k = 0; k < spec.width(l); k++) {
                for (int j = 0; j < spec.fanIn(l); j++) {
                    String name = (l + 1) + "_" + k + "_" + j;
                    int w = weightColumns[l][k][j];
                    z[l][k][j] = b.binary("z" + name);
                    b.addRow("zhi" + name, Double.NEGATIVE_INFINITY, 0, new int[] {w, z[l][k][j]},
                            new double[] {1, -spec.maxWeight()});
                    b.addRow("zlo" + name, 0, Double.POSITIVE_INFINITY, new int[] {w, z[l][k][j]},
                            new double[] {1, spec.maxWeight()});
                    all.add(z[l][k][j]);
                }
            }
        }
        int[] cols = all.stream().mapToInt(Integer::intValue).toArray();
        double[] ones = new double[cols.length];
        java.util.Arrays.fill(ones, 1.0);
        if (spec.hasSparsityBudget()) {
            b.addRow("sparsity", Double.NEGATIVE_INFINITY, spec.maxNonZeroWeights(), cols, ones);
        }
        return z;
    }

    /**
     * Symmetry breaking between the interchangeable neurons of each hidden layer: λ_k ≥ λ_{k+1}
     * (BDNN), or w_{k,0} ≥ w_{k+1,0} (BDNN0, where there is no λ; for binary weights b_{k,0} ≥ b_{k+1,0}).
     *
     * <p>Why some optimal network satisfies all of them: permuting the neurons of hidden layer ℓ —
     * the rows of W^ℓ and entries of λ^ℓ, and the same permutation of the columns of W^{ℓ+1} —
     * changes neither the function the network computes nor its loss, ‖W‖₀ or any preactivation
     * (so no margin either). Any list of reals can be sorted by a permutation, so take an optimal
     * network and sort layer 1, then layer 2, and so on. Sorting layer ℓ permutes rows of W^ℓ and
     * columns of W^{ℓ+1} only, so it keeps the order already imposed on every earlier layer ℓ' < ℓ:
     * that order's key is λ^{ℓ'} or column 0 of W^{ℓ'}, whose rows are permuted only by sorting ℓ'
     * itself and whose column 0 is the first neuron (or input) of layer ℓ' − 1, fixed before. The
     * output layer's neurons stand for classes and are not interchangeable, so it is never ordered.
     * A lexicographic order (λ, then first weight) would break more ties but is not linear.
     */
    void addSymmetryBreaking(MilpModel.Builder b, BnnSpec spec) {
        for (int l = 0; l + 1 < spec.layerCount(); l++) {
            for (int k = 0; k + 1 < spec.width(l); k++) {
                int first = thresholdColumns != null ? thresholdColumns[l][k] : weightColumns[l][k][0];
                int second = thresholdColumns != null ? thresholdColumns[l][k + 1] : weightColumns[l][k + 1][0];
                b.addRow("sym" + (l + 1) + "_" + k, 0, Double.POSITIVE_INFINITY, new int[] {first, second},
                        new double[] {1, -1});
            }
        }
    }
}
