package org.tamebnn.api.dual;

import java.util.Arrays;

/**
 * One affine function d ↦ gradient·d + intercept, a piece of a piecewise-linear dual function: a
 * leaf of a branch-and-bound tree, a vertex of the LP dual, a segment of a value function.
 */
public record AffinePiece(double[] gradient, double intercept) {
    public AffinePiece {
        gradient = gradient.clone();
    }

    @Override
    public double[] gradient() {
        return gradient.clone();
    }

    public int dimension() {
        return gradient.length;
    }

    public double value(double[] d) {
        if (d.length != gradient.length) {
            throw new IllegalArgumentException("a piece of dimension " + gradient.length + " evaluated at a point of "
                    + d.length);
        }
        double v = intercept;
        for (int i = 0; i < d.length; i++) {
            v += gradient[i] * d[i];
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AffinePiece p && p.intercept == intercept && Arrays.equals(p.gradient, gradient);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(gradient) + Double.hashCode(intercept);
    }

    @Override
    public String toString() {
        return Arrays.toString(gradient) + "·d + " + intercept;
    }
}
