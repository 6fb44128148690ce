package org.tamebnn.dual.internal;

import java.util.ArrayList;
import java.util.List;

import org.tamebnn.api.dual.AffinePiece;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.dual.DualFunction;

/**
 * A dual function that is the minimum (a branch-and-bound dual: the lower envelope of its leaves,
 * notes §4.5) or the maximum (several valid bounds at once) of affine pieces. Its conservative
 * field at d is the set of gradients of the pieces attaining the min or max there (Aspman et al.
 * (13)): the convex hull of those is Clarke's subdifferential for such a function.
 */
final class PiecewiseAffineFunction implements DualFunction {
    enum Combination { MIN, MAX }

    private final int[] rows;
    private final List<AffinePiece> pieces;
    private final Combination combination;
    private final Certificate certificate;
    private final String description;

    PiecewiseAffineFunction(int[] rows, List<AffinePiece> pieces, Combination combination, Certificate certificate,
            String description) {
        if (pieces.isEmpty()) {
            throw new IllegalArgumentException("a piecewise-affine function needs at least one piece");
        }
        this.rows = rows.clone();
        this.pieces = List.copyOf(pieces);
        this.combination = combination;
        this.certificate = certificate;
        this.description = description;
    }

    @Override
    public int[] rows() {
        return rows.clone();
    }

    @Override
    public double value(double[] d) {
        double best = combination == Combination.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        for (AffinePiece p : pieces) {
            double v = p.value(d);
            best = combination == Combination.MIN ? Math.min(best, v) : Math.max(best, v);
        }
        return best;
    }

    @Override
    public List<double[]> conservativeField(double[] d) {
        double f = value(d);
        List<double[]> active = new ArrayList<>();
        if (f == Double.NEGATIVE_INFINITY) {
            return active;
        }
        double tolerance = 1e-9 * Math.max(1, Math.abs(f));
        for (AffinePiece p : pieces) {
            if (Math.abs(p.value(d) - f) <= tolerance) {
                active.add(p.gradient());
            }
        }
        return active;
    }

    @Override
    public List<AffinePiece> pieces() {
        return pieces;
    }

    @Override
    public Certificate certificate() {
        return certificate;
    }

    @Override
    public String describe() {
        return description;
    }
}
