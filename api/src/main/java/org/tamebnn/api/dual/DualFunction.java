package org.tamebnn.api.dual;

import java.util.List;

/**
 * A dual function F of a MILP: F(d) ≤ z(d) for every right-hand side d of the varying rows (the
 * other rows keep theirs), where z is the MILP's value function, +∞ where the MILP is infeasible.
 * Coordinates of d follow {@link #rows()}; see {@link RightHandSide} for which side of a row d is.
 * For a maximisation, z and F are in the model's own sense turned into a minimisation (z of the
 * negated objective), so that F is always a lower bound.
 */
public interface DualFunction {

    /** The model rows whose right-hand side is d, in d's order. */
    int[] rows();

    default int dimension() {
        return rows().length;
    }

    /** F(d); −∞ where the function gives no bound. */
    double value(double[] d);

    /**
     * The gradients of the pieces active at d (within the function's tolerance). Where F is
     * differentiable there is one; at a breakpoint their convex hull is F's conservative field
     * there (Aspman et al. (13)), the set a conservative-gradient step draws from. Empty where F
     * is −∞.
     */
    List<double[]> conservativeField(double[] d);

    /**
     * The affine pieces F is assembled from, where it is piecewise linear with pieces stored: the
     * active piece at any d is among them. Empty for functions evaluated otherwise (Chvátal
     * functions with roundings, functions solving a problem per evaluation).
     */
    List<AffinePiece> pieces();

    /** Why F's values are bounds, or that they are not. */
    Certificate certificate();

    /** One line: the method and its main parameters (pieces, cuts, tree size). */
    String describe();
}
