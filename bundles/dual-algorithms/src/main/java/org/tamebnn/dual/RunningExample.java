package org.tamebnn.dual;

import java.util.List;

import org.apache.commons.numbers.fraction.Fraction;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.dual.DualFunction;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.dual.internal.PiecewiseLinearDual;
import org.tamebnn.dual.internal.PiecewiseLinearDual.Line;

/**
 * The running example of Aspman, Korpas &amp; Marecek, equation (10) (Guzelsoy &amp; Ralphs' Example 1):
 * <pre>
 *   z(b) = min ½x₁ + 0·x₂ + 2y₁ + y₂   s.t.  x₁ − (3/2)x₂ + y₁ − y₂ = b,   x ∈ Z₊², y ∈ R₊²
 * </pre>
 * (x₂ has cost 0 in the paper), with what the notes (§5) derive for it: the closed-form value
 * function (§5.1), its breakpoint table on [−4, 4], the LP dual function F_LP (§5.2, GR07 (11)),
 * and the paper's two-segment function (12) with its conservative field (13), which is a local
 * model of z near 0 and NOT a bound.
 */
public final class RunningExample {
    /** The interval of the notes' breakpoint table and of the paper's Figure 4. */
    public static final double LO = -4;
    /** See {@link #LO}. */
    public static final double HI = 4;
    /** The model's only row, the one whose right-hand side is b. */
    public static final int ROW = 0;

    private static final Fraction HALF = Fraction.of(1, 2);
    private static final Fraction THREE_HALVES = Fraction.of(3, 2);
    private static final Fraction TWO = Fraction.of(2);

    private RunningExample() {
    }

    /** The MILP (10) at right-hand side b: columns x1, x2 (integer ≥ 0), y1, y2 (continuous ≥ 0); row 0 is "b". */
    public static MilpModel model(double b) {
        MilpModel.Builder m = MilpModel.builder("aspman-korpas-marecek-10");
        int x1 = m.integer("x1", 0, Double.POSITIVE_INFINITY);
        int x2 = m.integer("x2", 0, Double.POSITIVE_INFINITY);
        int y1 = m.continuous("y1", 0, Double.POSITIVE_INFINITY);
        int y2 = m.continuous("y2", 0, Double.POSITIVE_INFINITY);
        m.objective(x1, 0.5).objective(x2, 0).objective(y1, 2).objective(y2, 1);
        m.addRow("b", b, b, new int[] {x1, x2, y1, y2}, new double[] {1, -1.5, 1, -1});
        return m.build();
    }

    /** The model at b = ½, where the notes build the branch-and-bound and cutting-plane duals (§5.4, §5.5). */
    public static MilpModel model() {
        return model(0.5);
    }

    /**
     * The closed-form value function of notes §5.1, exactly: for b ≥ 0 with n = ⌊b⌋,
     * z(b) = min{ n/2 + 2(b − n), (n+1)/2 + (n+1 − b) }; for b &lt; 0 with k = ⌊−b / (3/2)⌋,
     * z(b) = min{ −(b + 3k/2), 2(b + 3(k+1)/2) }.
     */
    static Fraction valueFunction(Fraction b) {
        if (b.signum() >= 0) {
            Fraction n = Fraction.of((int) floor(b));
            Fraction rising = n.multiply(HALF).add(TWO.multiply(b.subtract(n)));
            Fraction falling = n.add(1).multiply(HALF).add(n.add(1).subtract(b));
            return min(rising, falling);
        }
        Fraction k = Fraction.of((int) floor(b.negate().divide(THREE_HALVES)));
        Fraction falling = b.add(THREE_HALVES.multiply(k)).negate();
        Fraction rising = TWO.multiply(b.add(THREE_HALVES.multiply(k.add(1))));
        return min(falling, rising);
    }

    /** {@link #valueFunction(Fraction)} in double precision. */
    public static double valueFunction(double b) {
        if (b >= 0) {
            double n = Math.floor(b);
            return Math.min(n / 2 + 2 * (b - n), (n + 1) / 2 + (n + 1 - b));
        }
        double k = Math.floor(-b / 1.5);
        return Math.min(-(b + 1.5 * k), 2 * (b + 1.5 * (k + 1)));
    }

    /**
     * z by enumeration of the integer part, exactly (notes §2 item 4): min over 0 ≤ x₁, x₂ ≤ bound of
     * x₁/2 + z_C(b − x₁ + (3/2)x₂), z_C(t) = 2t for t ≥ 0 and −t for t &lt; 0. With bound ≥ 2|b| + 4
     * this is z(b) (larger parts only cost more or repeat a residual).
     */
    static Fraction valueFunctionByEnumeration(Fraction b, int bound) {
        Fraction best = null;
        for (int x1 = 0; x1 <= bound; x1++) {
            for (int x2 = 0; x2 <= bound; x2++) {
                Fraction residual = b.subtract(x1).add(THREE_HALVES.multiply(x2));
                Fraction zc = residual.signum() >= 0 ? TWO.multiply(residual) : residual.negate();
                Fraction v = Fraction.of(x1, 2).add(zc);
                best = best == null ? v : min(best, v);
            }
        }
        return best;
    }

    private static long floor(Fraction f) {
        return Math.floorDiv((long) f.getNumerator(), (long) f.getDenominator());
    }

    /** The smaller by the sign of a − b: commons-numbers 1.2's compareTo orders two negative fractions the wrong way. */
    private static Fraction min(Fraction a, Fraction b) {
        return a.subtract(b).signum() <= 0 ? a : b;
    }

    /** What happens at a breakpoint of the table. */
    enum Kind { END, LOCAL_MIN, LOCAL_MAX }

    /**
     * One row of the notes' table (§5.1).
     *
     * @param b the breakpoint
     * @param z z(b)
     * @param kind an end of [−4, 4], a local minimum or a local maximum
     * @param slopeLeft the slope just left of b (null at −4: outside the interval)
     * @param slopeRight the slope just right of b (null at 4)
     * @param optimal the optimal integer parts (x₁, x₂) at b, in words
     */
    record Breakpoint(Fraction b, Fraction z, Kind kind, Fraction slopeLeft, Fraction slopeRight,
            String optimal) {
    }

    /**
     * The breakpoints of z on [−4, 4] (notes §5.1): z is continuous there, slopes alternate −1 / +2,
     * local minima at the reachable integer points (z(n) = n/2, z(−3k/2) = 0), local maxima where the
     * +2 branch of one minimum meets the −1 branch of the next.
     */
    static List<Breakpoint> breakpointTable() {
        Fraction m1 = Fraction.of(-1);
        return List.of(
                new Breakpoint(Fraction.of(-4), Fraction.of(1), Kind.END, null, m1, "(0, 2)"),
                new Breakpoint(Fraction.of(-3), Fraction.of(0), Kind.LOCAL_MIN, m1, TWO, "(0, 2)"),
                new Breakpoint(Fraction.of(-5, 2), Fraction.of(1), Kind.LOCAL_MAX, TWO, m1, "(0, 1) or (0, 2)"),
                new Breakpoint(Fraction.of(-3, 2), Fraction.of(0), Kind.LOCAL_MIN, m1, TWO, "(0, 1)"),
                new Breakpoint(Fraction.of(-1), Fraction.of(1), Kind.LOCAL_MAX, TWO, m1, "(0, 0) or (0, 1)"),
                new Breakpoint(Fraction.of(0), Fraction.of(0), Kind.LOCAL_MIN, m1, TWO, "(0, 0)"),
                new Breakpoint(HALF, Fraction.of(1), Kind.LOCAL_MAX, TWO, m1, "(0, 0), (1, 0) or (2, 1)"),
                new Breakpoint(Fraction.of(1), HALF, Kind.LOCAL_MIN, m1, TWO, "(1, 0)"),
                new Breakpoint(THREE_HALVES, THREE_HALVES, Kind.LOCAL_MAX, TWO, m1, "(1, 0), (2, 0) or (3, 1)"),
                new Breakpoint(Fraction.of(2), Fraction.of(1), Kind.LOCAL_MIN, m1, TWO, "(2, 0)"),
                new Breakpoint(Fraction.of(5, 2), Fraction.of(2), Kind.LOCAL_MAX, TWO, m1, "(2, 0) or (3, 0)"),
                new Breakpoint(Fraction.of(3), THREE_HALVES, Kind.LOCAL_MIN, m1, TWO, "(3, 0)"),
                new Breakpoint(Fraction.of(7, 2), Fraction.of(5, 2), Kind.LOCAL_MAX, TWO, m1, "(3, 0) or (4, 0)"),
                new Breakpoint(Fraction.of(4), Fraction.of(2), Kind.END, m1, null, "(4, 0)"));
    }

    /**
     * The paper's two-segment function (12), f̃(b) = 2b for b &gt; 0 and −b for b ≤ 0, built from the
     * directional derivatives of z at 0, with the conservative field (13): {2} for b &gt; 0, {−1} for
     * b &lt; 0 and the hull [−1, 2] of both gradients at 0. It is a local model of z near 0 (z = f̃ on
     * [−1, ½]), NOT a bound: f̃(1) = 2 while z(1) = ½ (notes §5.1), so its certificate is
     * {@link Certificate.Kind#NOT_A_BOUND}.
     */
    public static DualFunction twoSegment() {
        return new PiecewiseLinearDual(ROW, new double[] {0}, new double[] {0},
                new Line[] {new Line(-1, 0), new Line(2, 0)},
                Certificate.notABound("a local model of z near 0 (Aspman et al. (12), conservative field (13)): it"
                        + " equals z on [−1, ½] but gives 2 at b = 1 where z(1) = ½"),
                "two-segment approximation (12): 2b for b > 0, −b for b ≤ 0, conservative field (13)", 1e-12);
    }

    /**
     * The LP dual function F_LP(d) = max{ud : 0 ≤ u ≤ ½} = max(0, d/2) (notes §5.2, Guzelsoy &amp; Ralphs
     * (11)): the value function of the LP relaxation, sublinear, with F(1) = ½ ≤ ½, F(−3/2) = 0 ≤ 0,
     * F̄(1) = ½ ≤ 2, F̄(−1) = 0 ≤ 1, so feasible for the subadditive dual (11) at every d.
     */
    public static DualFunction lpDual() {
        return new PiecewiseLinearDual(ROW, new double[] {0}, new double[] {0},
                new Line[] {new Line(0, 0), new Line(0.5, 0)},
                new Certificate(Certificate.Kind.SUBADDITIVE_DUAL_FEASIBLE, 0,
                        "the LP relaxation's value function max{ud : 0 ≤ u ≤ ½} (notes §5.2): sublinear, F(1) = ½ ≤ ½,"
                                + " F(−3/2) = 0 ≤ 0, F̄(1) = ½ ≤ 2, F̄(−1) = 0 ≤ 1"),
                "F_LP(d) = max(0, d/2), the LP dual function (Guzelsoy & Ralphs (11))", 1e-12);
    }

    /** The closed-form z as a dual function on [lo, hi] (−∞ outside), for plots and checks. */
    public static DualFunction closedForm(double lo, double hi) {
        return new ClosedForm(lo, hi);
    }

    private record ClosedForm(double lo, double hi) implements DualFunction {
        @Override
        public int[] rows() {
            return new int[] {ROW};
        }

        @Override
        public double value(double[] d) {
            return d[0] < lo || d[0] > hi ? Double.NEGATIVE_INFINITY : valueFunction(d[0]);
        }

        @Override
        public List<double[]> conservativeField(double[] d) {
            if (d[0] < lo || d[0] > hi) {
                return List.of();
            }
            // slopes are −1 and +2 only; the active ones at d are those whose one-sided difference matches
            double h = 1e-7;
            double v = valueFunction(d[0]);
            double left = (v - valueFunction(d[0] - h)) / h;
            double right = (valueFunction(d[0] + h) - v) / h;
            double sl = Math.abs(left - 2) < 1e-3 ? 2 : -1;
            double sr = Math.abs(right - 2) < 1e-3 ? 2 : -1;
            return sl == sr ? List.of(new double[] {sl}) : List.of(new double[] {sl}, new double[] {sr});
        }

        @Override
        public List<org.tamebnn.api.dual.AffinePiece> pieces() {
            return List.of();
        }

        @Override
        public Certificate certificate() {
            return new Certificate(Certificate.Kind.SUBADDITIVE_DUAL_FEASIBLE, 1e-12,
                    "the closed-form value function of notes §5.1 (checked against enumeration in exact rationals), −∞"
                            + " outside [" + lo + ", " + hi + "]");
        }

        @Override
        public String describe() {
            return "closed-form value function z of (10) on [" + lo + ", " + hi + "] (notes §5.1)";
        }
    }
}
