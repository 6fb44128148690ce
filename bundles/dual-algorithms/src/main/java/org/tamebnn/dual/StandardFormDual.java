package org.tamebnn.dual;

import org.tamebnn.api.dual.DualFunction;

/**
 * A dual function built on a {@link StandardForm}: F(d) = F_std(D(d)) + κ, where F_std is a
 * function of the right-hand side of every standard row (notes §1). The subadditive dual's
 * conditions (notes §3.1) are conditions on F_std with the standard columns a'_j, costs c'_j and
 * integrality, which this interface exposes so that a check can test them exactly as stated: F_std(0)
 * = 0, F_std(a'_j) ≤ c'_j for j ∈ I, F̄_std(a'_j) ≤ c'_j for j ∈ C (slack and surplus columns
 * included, which is where the monotonicity of inequality rows comes from), and subadditivity.
 * When {@link StandardForm#isDirect()} the two functions coincide.
 */
public interface StandardFormDual extends DualFunction {

    /** The standard form F_std is a function on. */
    StandardForm standardForm();

    /** F_std(d') at a right-hand side d' of every standard row; −∞ where it gives no bound. */
    double standardValue(double[] standardRhs);

    /**
     * F̄_std(h) = limsup_{δ→0+} F_std(δh)/δ, the upper directional derivative at 0 (notes §3.1),
     * computed from the function's form (+∞ where it is unbounded, as for a ceiling along a
     * direction it rises in).
     */
    double standardUpperDerivative(double[] standardDirection);
}
