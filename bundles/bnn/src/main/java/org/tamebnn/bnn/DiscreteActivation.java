package org.tamebnn.bnn;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The activation of the hidden layers: a step function with finitely many values on consecutive
 * intervals of the preactivation a (Bah &amp; Kurtz, Remark after Theorem 2, "more general discrete
 * activation functions"):
 * <pre>
 *   σ(a) = v₀ for a &lt; t₁,   vᵢ for tᵢ ≤ a &lt; tᵢ₊₁,   v_m for a ≥ t_m
 * </pre>
 * The paper's binary activation (1) is {@link #STEP}: values 0, 1 with the breakpoint 0 (the
 * threshold λ is part of a = W·v − λ). The intervals are fixed in advance, as the remark requires,
 * and ordered, which gives the interval structure for free: the MILP encodes level i by
 * "thermometer" bits yᵢ = [a ≥ tᵢ], each one a binary neuron of (5)–(8) with its own breakpoint.
 * The output layer always uses {@link #STEP}: its neurons are the classes.
 *
 * @param values      v₀ … v_m, m ≥ 1, finite; neighbours differ (equal neighbours would be one interval)
 * @param breakpoints t₁ &lt; … &lt; t_m, finite
 */
public record DiscreteActivation(double[] values, double[] breakpoints) {

    /** The paper's binary activation: 1 if a ≥ 0, else 0. */
    public static final DiscreteActivation STEP = new DiscreteActivation(new double[] {0, 1}, new double[] {0});
    /** The sign activation of most BNN literature: +1 if a ≥ 0, else −1. */
    public static final DiscreteActivation SIGN = new DiscreteActivation(new double[] {-1, 1}, new double[] {0});

    /** Checks and copies. */
    public DiscreteActivation {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(breakpoints, "breakpoints");
        if (values.length < 2) {
            throw new IllegalArgumentException("a discrete activation needs at least 2 values, not " + values.length);
        }
        if (breakpoints.length != values.length - 1) {
            throw new IllegalArgumentException(values.length + " values need " + (values.length - 1)
                    + " breakpoints between them, not " + breakpoints.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("activation value " + i + " is " + values[i]);
            }
            if (i > 0 && values[i] == values[i - 1]) {
                throw new IllegalArgumentException("activation values " + (i - 1) + " and " + i + " are both "
                        + values[i] + "; merge the two intervals");
            }
        }
        for (int i = 0; i < breakpoints.length; i++) {
            if (!Double.isFinite(breakpoints[i])) {
                throw new IllegalArgumentException("breakpoint " + (i + 1) + " is " + breakpoints[i]);
            }
            if (i > 0 && !(breakpoints[i] > breakpoints[i - 1])) {
                throw new IllegalArgumentException("breakpoints must increase: " + breakpoints[i - 1] + " then "
                        + breakpoints[i]);
            }
        }
        values = values.clone();
        breakpoints = breakpoints.clone();
    }

    /**
     * {@code step}, {@code sign}, or {@code VALUES@BREAKPOINTS} with comma-separated numbers, e.g.
     * {@code -1,0,1@-0.5,0.5} for a ternary activation that is 0 on [−0.5, 0.5).
     */
    public static DiscreteActivation parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "step":
                return STEP;
            case "sign":
                return SIGN;
            default:
                break;
        }
        int at = t.indexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("activation '" + text + "': expected step, sign or VALUES@BREAKPOINTS"
                    + " (e.g. -1,0,1@-0.5,0.5)");
        }
        return new DiscreteActivation(numbers(text, t.substring(0, at), "values"),
                numbers(text, t.substring(at + 1), "breakpoints"));
    }

    private static double[] numbers(String text, String part, String what) {
        String[] cells = part.split(",");
        double[] out = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            try {
                out[i] = Double.parseDouble(cells[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("activation '" + text + "': " + what + " entry " + (i + 1) + " '"
                        + cells[i].strip() + "' is not a number");
            }
        }
        return out;
    }

    /** m + 1, the number of values. */
    public int levelCount() {
        return values.length;
    }

    /** vᵢ. */
    public double value(int level) {
        return values[level];
    }

    /** tᵢ for i = 1 … m (1-based, as in the formula). */
    public double breakpoint(int i) {
        return breakpoints[i - 1];
    }

    /** max |vᵢ|: bounds what one input of the next layer contributes, |w·σ| ≤ max |vᵢ|. */
    public double maxAbsValue() {
        return Arrays.stream(values).map(Math::abs).max().orElseThrow();
    }

    /**
     * The level of preactivation {@code a}: the number of breakpoints tᵢ with a ≥ tᵢ + {@code shift}.
     * The forward pass uses shift −ε/2, the middle of the gap (tᵢ − ε, tᵢ) the MILP leaves empty.
     */
    public int level(double a, double shift) {
        int level = 0;
        while (level < breakpoints.length && a >= breakpoints[level] + shift) {
            level++;
        }
        return level;
    }

    /** True for the paper's 0/1 step at 0. */
    public boolean isStep() {
        return equals(STEP);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[] breakpoints() {
        return breakpoints.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiscreteActivation d && Arrays.equals(values, d.values)
                && Arrays.equals(breakpoints, d.breakpoints);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(breakpoints);
    }

    /** {@code step}, {@code sign}, or the {@link #parse} form. */
    @Override
    public String toString() {
        if (isStep()) {
            return "step";
        }
        if (equals(SIGN)) {
            return "sign";
        }
        return join(values) + "@" + join(breakpoints);
    }

    private static String join(double[] xs) {
        var sb = new StringBuilder();
        for (double x : xs) {
            sb.append(sb.isEmpty() ? "" : ",").append(x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x));
        }
        return sb.toString();
    }
}
