package org.tamebnn.bnn;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One neuron of a trained network as a threshold rule: its level is the number of thresholds θᵢ
 * that the sum S = Σ cⱼ·inputⱼ of its {@link Term}s reaches, and its output the value of that level.
 * For the paper's 0/1 step there is one threshold: the neuron is 1 if S ≥ θ₁, else 0.
 *
 * <p>The thresholds already hold everything the network adds to the sum: the neuron's λ, the
 * activation's breakpoints, the firing margin −ε/2 and, in the first layer, what undoing the
 * min–max scaling moves to the right-hand side. So S ≥ θᵢ is the whole rule.
 *
 * @param name       h1, h2, … (h1_3 for the third neuron of the first of several hidden layers), or
 *                   the class name for an output neuron
 * @param terms      the non-zero terms, most important first
 * @param thresholds θ₁ &lt; … &lt; θ_m
 * @param values     v₀ … v_m, the output at each level
 */
public record NeuronRule(String name, List<Term> terms, double[] thresholds, double[] values) {

    /** Checks and copies. */
    public NeuronRule {
        Objects.requireNonNull(name, "name");
        terms = List.copyOf(terms);
        if (values.length != thresholds.length + 1) {
            throw new IllegalArgumentException(thresholds.length + " thresholds need " + (thresholds.length + 1)
                    + " values, not " + values.length);
        }
        thresholds = thresholds.clone();
        values = values.clone();
    }

    /**
     * One input's part of the sum.
     *
     * @param input       the input's index (a feature, or a neuron of the previous layer)
     * @param name        the feature's or neuron's name
     * @param coefficient cⱼ, in the input's own units
     * @param weight      the network's weight wⱼ (on the scaled feature in the first layer): what
     *                    the input can move the sum across its training range, so what orders terms
     */
    public record Term(int input, String name, double coefficient, double weight) {
    }

    /** S = Σ cⱼ·inputⱼ. */
    public double sum(double[] inputs) {
        double s = 0;
        for (Term t : terms) {
            s += t.coefficient() * inputs[t.input()];
        }
        return s;
    }

    /** The number of thresholds that {@code sum} reaches. */
    public int level(double sum) {
        int level = 0;
        while (level < thresholds.length && sum >= thresholds[level]) {
            level++;
        }
        return level;
    }

    /** The distance from {@code sum} to the nearest threshold: how close the rule came to deciding otherwise. */
    public double margin(double sum) {
        double m = Double.POSITIVE_INFINITY;
        for (double t : thresholds) {
            m = Math.min(m, Math.abs(sum - t));
        }
        return m;
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** θᵢ, 1-based as in the formula. */
    public double threshold(int i) {
        return thresholds[i - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NeuronRule r && name.equals(r.name) && terms.equals(r.terms)
                && Arrays.equals(thresholds, r.thresholds) && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, terms, Arrays.hashCode(thresholds), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "NeuronRule[" + name + ": " + RuleText.sum(terms, 17) + " ≥ " + Arrays.toString(thresholds) + " → "
                + Arrays.toString(values) + "]";
    }
}
