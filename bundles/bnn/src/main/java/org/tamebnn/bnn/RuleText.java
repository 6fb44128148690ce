package org.tamebnn.bnn;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How {@link Rules} print: numbers to a number of significant digits, sums as ±c·name, one line per neuron. */
final class RuleText {

    private RuleText() {
    }

    /** {@code v} to {@code digits} significant digits, as the double nearest the decimal that prints. */
    static double round(double v, int digits) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)).doubleValue();
    }

    /** {@code v} to {@code digits} significant digits, trailing zeros dropped, with a real minus sign. */
    static String number(double v, int digits) {
        if (v == 0) {
            return "0";
        }
        BigDecimal b = new BigDecimal(Math.abs(v)).round(new MathContext(digits, RoundingMode.HALF_EVEN))
                .stripTrailingZeros();
        // plain notation unless it would spell out many zeros
        String text = b.abs().compareTo(new BigDecimal("1e-5")) < 0 || b.compareTo(new BigDecimal("1e12")) >= 0
                ? b.toString()
                : b.toPlainString();
        return (v < 0 ? "−" : "") + text;
    }

    /**
     * The rule with every number rounded, and without the terms whose weight is below 10^−digits of
     * the rule's largest: at that precision they would print as 0 beside it.
     */
    static NeuronRule rounded(NeuronRule r, int digits) {
        double largest = r.terms().stream().mapToDouble(t -> Math.abs(t.weight())).max().orElse(0);
        double negligible = largest * Math.pow(10, -digits);
        List<NeuronRule.Term> terms = new ArrayList<>();
        for (NeuronRule.Term t : r.terms()) {
            double c = round(t.coefficient(), digits);
            if (Math.abs(t.weight()) >= negligible && c != 0) {
                terms.add(new NeuronRule.Term(t.input(), t.name(), c, t.weight()));
            }
        }
        double[] thresholds = r.thresholds();
        for (int i = 0; i < thresholds.length; i++) {
            thresholds[i] = round(thresholds[i], digits);
        }
        return new NeuronRule(r.name(), terms, thresholds, r.values());
    }

    /** {@code 0.42·Clump Thickness − Bare Nuclei + …}, or 0 for no terms. */
    static String sum(List<NeuronRule.Term> terms, int digits) {
        if (terms.isEmpty()) {
            return "0";
        }
        var sb = new StringBuilder();
        for (NeuronRule.Term t : terms) {
            double c = t.coefficient();
            if (sb.isEmpty()) {
                sb.append(c < 0 ? "−" : "");
            } else {
                sb.append(c < 0 ? " − " : " + ");
            }
            if (Math.abs(c) != 1) {
                sb.append(number(Math.abs(c), digits)).append('·');
            }
            sb.append(t.name());
        }
        return sb.toString();
    }

    /** The rules, already rounded to {@code digits}: a block per layer, then what the reader needs to apply them. */
    static String describe(Rules rules, int digits) {
        List<String> lines = new ArrayList<>();
        List<List<NeuronRule>> layers = rules.layers();
        for (int l = 0; l < layers.size(); l++) {
            boolean output = l == layers.size() - 1;
            lines.add(output ? "output:" : layers.size() == 2 ? "hidden neurons:" : "hidden layer " + (l + 1) + ":");
            // hidden neurons are interchangeable, and trained networks often repeat one: say so, once
            Map<String, String> firstWithBody = new HashMap<>();
            for (NeuronRule r : layers.get(l)) {
                if (output) {
                    lines.add("  " + outputRule(r, rules, digits));
                    continue;
                }
                String body = hiddenRule(r, digits);
                String first = firstWithBody.putIfAbsent(body, r.name());
                lines.add("  " + r.name() + " = " + (first == null ? body : first + " (the same rule)"));
            }
        }
        if (rules.classNames().size() > 2) {
            lines.add("  (the class whose rule holds; if none or several hold, the one whose sum exceeds its"
                    + " threshold most)");
        }
        lines.add("thresholds include the network's firing margin " + number(rules.firingThreshold(), digits)
                + " (a neuron fires at w·x − λ ≥ −ε/2)");
        if (rules.clips()) {
            lines.add("each feature is first clipped to its range on the training rows");
        }
        if (!rules.constantFeatures().isEmpty()) {
            lines.add("in no rule, as constant on the training rows: " + String.join(", ", rules.constantFeatures()));
        }
        return String.join(System.lineSeparator(), lines);
    }

    /** What follows "h1 = ". */
    private static String hiddenRule(NeuronRule r, int digits) {
        double[] v = r.values();
        if (r.terms().isEmpty()) {
            return number(v[r.level(0)], digits) + " (always: no non-zero weights)";
        }
        String sum = sum(r.terms(), digits);
        if (v.length == 2) {
            return number(v[1], digits) + " if " + sum + " ≥ " + number(r.threshold(1), digits) + ", else "
                    + number(v[0], digits);
        }
        var sb = new StringBuilder();
        for (int i = v.length - 1; i >= 1; i--) {
            sb.append(number(v[i], digits)).append(" if S ≥ ").append(number(r.threshold(i), digits)).append("; ");
        }
        return sb.append("else ").append(number(v[0], digits)).append(", where S = ").append(sum).toString();
    }

    private static String outputRule(NeuronRule r, Rules rules, int digits) {
        List<String> classes = rules.classNames();
        boolean binary = classes.size() == 2;
        if (r.terms().isEmpty()) {
            boolean fires = r.level(0) == 1;
            return binary ? "always " + classes.get(fires ? 1 : 0) + " (no non-zero weights)"
                    : r.name() + ": " + (fires ? "always holds" : "never holds") + " (no non-zero weights)";
        }
        String condition = sum(r.terms(), digits) + " ≥ " + number(r.threshold(1), digits);
        return binary ? r.name() + " if " + condition + ", else " + classes.get(0) : r.name() + " if " + condition;
    }
}
