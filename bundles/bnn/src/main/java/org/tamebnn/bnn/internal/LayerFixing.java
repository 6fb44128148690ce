package org.tamebnn.bnn.internal;

import java.util.ArrayList;
import java.util.List;

import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Variable;
import org.tamebnn.bnn.BnnMilp;
import org.tamebnn.bnn.BnnSpec;
import org.tamebnn.bnn.BnnVariables;

/**
 * The two restricted problems of Bah &amp; Kurtz's local search (Section 3.1, Algorithm 1): copies
 * of the training MILP in which half of the variables of the non-linear model of Lemma 1 are fixed
 * to the values of a solution, by setting their bounds (the solver presolves them away).
 *
 * <p>Lemma 1 is non-linear only in the products W^ℓ·u^{ℓ−1} of the layers ℓ ≥ 2, so a problem is
 * linear as soon as, for every such ℓ, either W^ℓ or u^{ℓ−1} is fixed; and since the second
 * problem fixes exactly the variables the first leaves free, exactly one of the two must be fixed
 * in each. Fixing all weights in one problem and all activations in the other would satisfy this,
 * but for given weights the activations are unique, so that search would stop after one step —
 * the paper's reason to go through the layers alternately. Assigning each layer's (W^ℓ, λ^ℓ, u^ℓ)
 * to the problem of the parity of ℓ is the alternation that meets both conditions: layer ℓ's W is
 * fixed together with the u^{ℓ−1} it multiplies never being fixed in the same problem. The output
 * activations u^L are never fixed: the loss (4) is a function of them alone, so fixing them would
 * leave nothing to optimise. The products s of Theorem 2, the margin δ and any loss plugin's own
 * variables stay free; they follow from the rest.
 *
 * <p>For the paper's one hidden layer this means: one problem fixes the hidden layer (W¹, λ¹ and
 * the hidden activations of every point) and trains the output neuron on those features; the other
 * fixes the output layer's W², λ² and trains the hidden layer to serve it.
 */
public final class LayerFixing {

    private LayerFixing() {
    }

    /**
     * The 0-based layers one of the two problems fixes: {@code half} 0 fixes the paper's odd layers
     * ℓ = 1, 3, … (0-based 0, 2, …), {@code half} 1 the even ones.
     */
    public static List<Integer> fixedLayers(BnnSpec spec, int half) {
        if (half != 0 && half != 1) {
            throw new IllegalArgumentException("half must be 0 or 1, not " + half);
        }
        List<Integer> layers = new ArrayList<>();
        for (int l = half; l < spec.layerCount(); l += 2) {
            layers.add(l);
        }
        return layers;
    }

    /**
     * The model of {@code milp} with the variables of {@code layers} fixed to their values in
     * {@code solution}: weights (or their binary b), sparsity indicators, thresholds, and the
     * activation bits of every point for every layer but the output layer. Values are clamped to
     * their bounds and integer ones rounded, since solvers return them within a tolerance.
     *
     * @throws IllegalArgumentException when the solution does not fit the model or a value to fix is NaN
     */
    public static MilpModel fix(BnnMilp milp, double[] solution, List<Integer> layers) {
        MilpModel model = milp.model();
        if (solution.length != model.variableCount()) {
            throw new IllegalArgumentException("solution has " + solution.length + " values; model '" + model.name()
                    + "' has " + model.variableCount() + " variables");
        }
        BnnSpec spec = milp.spec();
        BnnVariables v = milp.variables();
        MilpModel.Builder b = model.toBuilder(model.name() + "_fixed" + layers.stream().map(l -> "_" + (l + 1))
                .reduce("", String::concat));
        for (int l : layers) {
            for (int k = 0; k < spec.width(l); k++) {
                for (int j = 0; j < spec.fanIn(l); j++) {
                    fix(b, model, solution, v.weightColumn(l, k, j));
                    fix(b, model, solution, v.indicatorColumn(l, k, j));
                }
                fix(b, model, solution, v.thresholdColumn(l, k));
                if (l == spec.layerCount() - 1) {
                    continue; // the output activations carry the loss; see the class comment
                }
                for (int p = 0; p < v.pointCount(); p++) {
                    for (int bit = 0; bit < v.activationBits(l); bit++) {
                        fix(b, model, solution, v.activationColumn(p, l, k, bit));
                    }
                }
            }
        }
        return b.build();
    }

    /**
     * The model of {@code milp} with every activation bit of every point fixed to its value in
     * {@code solution}, outputs included: what remains is linear in w, λ, s and δ. Its solutions
     * are the networks with exactly those activations, each with the same loss — the way to turn a
     * network whose preactivation falls into a gap (t − ε, t) on some point into a point of the MILP
     * without changing what it computes on the others.
     */
    public static MilpModel fixActivations(BnnMilp milp, double[] solution) {
        MilpModel model = milp.model();
        BnnSpec spec = milp.spec();
        BnnVariables v = milp.variables();
        MilpModel.Builder b = model.toBuilder(model.name() + "_activations_fixed");
        for (int p = 0; p < v.pointCount(); p++) {
            for (int l = 0; l < spec.layerCount(); l++) {
                for (int k = 0; k < spec.width(l); k++) {
                    for (int bit = 0; bit < v.activationBits(l); bit++) {
                        fix(b, model, solution, v.activationColumn(p, l, k, bit));
                    }
                }
            }
        }
        return b.build();
    }

    private static void fix(MilpModel.Builder b, MilpModel model, double[] solution, int column) {
        if (column < 0) {
            return; // not a variable of this model (λ of BDNN0, z without a budget)
        }
        Variable var = model.variable(column);
        double value = solution[column];
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("cannot fix variable '" + var.name() + "' of model '" + model.name()
                    + "': the solution has no value for it");
        }
        value = Math.clamp(value, var.lower(), var.upper());
        if (var.isInteger()) {
            value = Math.rint(value);
        }
        b.variableBounds(column, value, value);
    }
}
