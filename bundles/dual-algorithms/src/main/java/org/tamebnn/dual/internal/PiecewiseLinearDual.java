package org.tamebnn.dual.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.tamebnn.api.dual.AffinePiece;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.dual.DualFunction;

/**
 * A function of one right-hand-side coordinate given by knots k_0 < … < k_{n−1}, its value at each
 * knot, and one piece on each of the n + 1 open intervals (−∞, k_0), (k_0, k_1), …, (k_{n−1}, ∞).
 * A piece is affine, or the constant −∞ (no bound there) or +∞ (z proven infinite there). The value
 * at a knot is stored separately, so lower semicontinuous jumps (notes §2 item 3) and isolated
 * points are represented exactly. Used for value functions, their fits, and the paper's (12).
 */
public final class PiecewiseLinearDual implements DualFunction {
    /** One piece: slope·d + intercept, or a constant ±∞ (then the slope is 0). */
    public record Line(double slope, double intercept) {
        public static final Line MINUS_INFINITY = new Line(0, Double.NEGATIVE_INFINITY);
        public static final Line PLUS_INFINITY = new Line(0, Double.POSITIVE_INFINITY);

        public double at(double d) {
            return Double.isInfinite(intercept) ? intercept : slope * d + intercept;
        }

        public boolean isFinite() {
            return !Double.isInfinite(intercept);
        }
    }

    private final int row;
    private final double[] knots;
    private final double[] knotValues;
    private final Line[] lines;
    private final Certificate certificate;
    private final String description;
    private final double fieldTolerance;

    /**
     * @param row the model row whose right-hand side d is
     * @param knots increasing
     * @param knotValues the value at each knot
     * @param lines knots.length + 1 pieces, the first on (−∞, k_0), the last on (k_{n−1}, ∞)
     * @param fieldTolerance how close a piece's limit must be to the knot's value to count as active
     *     there (for the conservative field)
     */
    public PiecewiseLinearDual(int row, double[] knots, double[] knotValues, Line[] lines, Certificate certificate,
            String description, double fieldTolerance) {
        if (knotValues.length != knots.length || lines.length != knots.length + 1) {
            throw new IllegalArgumentException(knots.length + " knots need as many values and " + (knots.length + 1)
                    + " pieces; got " + knotValues.length + " values and " + lines.length + " pieces");
        }
        for (int i = 1; i < knots.length; i++) {
            if (!(knots[i] > knots[i - 1])) {
                throw new IllegalArgumentException("knots must increase: " + Arrays.toString(knots));
            }
        }
        this.row = row;
        this.knots = knots.clone();
        this.knotValues = knotValues.clone();
        this.lines = lines.clone();
        this.certificate = certificate;
        this.description = description;
        this.fieldTolerance = fieldTolerance;
    }

    /** The value at d, a number rather than an array. */
    public double at(double d) {
        int i = Arrays.binarySearch(knots, d);
        if (i >= 0) {
            return knotValues[i];
        }
        return lines[-i - 1].at(d);
    }

    @Override
    public int[] rows() {
        return new int[] {row};
    }

    @Override
    public double value(double[] d) {
        if (d.length != 1) {
            throw new IllegalArgumentException("a function of one right-hand side evaluated at a point of " + d.length);
        }
        return at(d[0]);
    }

    @Override
    public List<double[]> conservativeField(double[] d) {
        double x = d[0];
        double f = value(d);
        List<double[]> field = new ArrayList<>();
        if (Double.isInfinite(f) || Double.isNaN(f)) {
            return field;
        }
        int i = Arrays.binarySearch(knots, x);
        if (i < 0) {
            field.add(new double[] {lines[-i - 1].slope()});
            return field;
        }
        double tol = fieldTolerance * Math.max(1, Math.abs(f));
        Set<Double> slopes = new LinkedHashSet<>();
        for (Line l : new Line[] {lines[i], lines[i + 1]}) {
            if (l.isFinite() && Math.abs(l.at(x) - f) <= tol) {
                slopes.add(l.slope());
            }
        }
        for (double s : slopes) {
            field.add(new double[] {s});
        }
        return field;
    }

    @Override
    public List<AffinePiece> pieces() {
        List<AffinePiece> out = new ArrayList<>();
        Set<Line> seen = new LinkedHashSet<>();
        for (Line l : lines) {
            if (l.isFinite() && seen.add(l)) {
                out.add(new AffinePiece(new double[] {l.slope()}, l.intercept()));
            }
        }
        // an isolated finite value (a pure-integer point) is its own constant piece
        for (int i = 0; i < knots.length; i++) {
            if (Double.isFinite(knotValues[i]) && !(lines[i].isFinite() && close(lines[i].at(knots[i]), knotValues[i]))
                    && !(lines[i + 1].isFinite() && close(lines[i + 1].at(knots[i]), knotValues[i]))) {
                out.add(new AffinePiece(new double[] {0}, knotValues[i]));
            }
        }
        return out;
    }

    private boolean close(double a, double b) {
        return Math.abs(a - b) <= fieldTolerance * Math.max(1, Math.abs(b));
    }

    @Override
    public Certificate certificate() {
        return certificate;
    }

    @Override
    public String describe() {
        return description;
    }

    public double[] knots() {
        return knots.clone();
    }

    public double[] knotValues() {
        return knotValues.clone();
    }

    public Line[] lines() {
        return lines.clone();
    }

    @Override
    public String toString() {
        return description;
    }
}
