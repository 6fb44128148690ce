package org.tamebnn.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tamebnn.bnn.Rules;
import org.tamebnn.bnn.TrainedBnn;
import org.tamebnn.data.Dataset;
import org.tamebnn.data.PreparedData;
import org.tamebnn.data.RawDataset;

/**
 * What {@code bnn:explain} prints: a network's rules over the original features, then whether they
 * give the network's class on the test rows — the rules at full precision (which only a
 * floating-point tie at a threshold can make disagree) and the rules as printed (whose rounding can).
 */
final class Explanation {
    /** The most significant digits a double has to offer. */
    static final int MAX_DIGITS = 17;

    private Explanation() {
    }

    /**
     * The test rows in their original units: the loaded values, with a missing cell given the
     * training median the network's input got.
     */
    static double[][] originalTestRows(RawDataset raw, PreparedData data) {
        double[] medians = data.imputer().medians();
        int[] rows = data.testRows();
        double[][] out = new double[rows.length][raw.featureCount()];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < raw.featureCount(); j++) {
                out[i][j] = raw.value(rows[i], j).orElse(medians[j]);
            }
        }
        return out;
    }

    /**
     * The report.
     *
     * @param title        what network this is
     * @param net          the network
     * @param data         how its data was prepared (feature names, scaling, class names, test rows)
     * @param originalTest the test rows before scaling, as {@link #originalTestRows} gives them
     * @param digits       significant digits to print
     */
    static String of(String title, TrainedBnn net, PreparedData data, double[][] originalTest, int digits) {
        checkDigits(digits);
        return of(title, Rules.of(net, data), net, originalTest, data.test(), "test rows", digits);
    }

    /**
     * The report of a saved network, checked on every row of {@code raw}.
     *
     * @param title what network this is
     * @param m     the saved network and its data preparation
     * @param raw   the rows to check on, as loaded
     */
    static String of(String title, ModelFile m, RawDataset raw, int digits) {
        checkDigits(digits);
        Prediction.of(m, raw); // the same checks as bnn:predict: features, missing cells, labels
        Dataset original = m.imputer().apply(raw);
        Dataset scaled = m.scaler().transform(original, m.outOfRange());
        Rules rules = Rules.of(m.network(), m.featureNames(), m.scaler(), m.outOfRange(), readable(m, raw));
        return of(title, rules, m.network(), original.features(), scaled, "rows of " + raw.source(), digits);
    }

    /** The model's classes by the readable names the data gives them ("malignant" for BCW's 4), else as spelled. */
    private static List<String> readable(ModelFile m, RawDataset raw) {
        List<String> names = new ArrayList<>();
        for (String original : m.classLabels()) {
            var k = raw.labelMapping().indexOf(original);
            names.add(k.isPresent() ? raw.labelMapping().label(k.getAsInt()).name() : original);
        }
        return names.stream().distinct().count() == names.size() ? names : m.classLabels();
    }

    private static void checkDigits(int digits) {
        if (digits < 1 || digits > MAX_DIGITS) {
            throw new CommandFailure("--digits must be 1 to " + MAX_DIGITS + ", got " + digits);
        }
    }

    /**
     * @param rows  the rows as the network saw them (scaled), with their source lines
     * @param which how to call them ("test rows")
     */
    private static String of(String title, Rules rules, TrainedBnn net, double[][] original, Dataset rows,
            String which, int digits) {
        double[][] scaled = rows.features();
        List<String> lines = new ArrayList<>();
        lines.add("rules of " + title + "; features in their original units");
        lines.add(rules.describe(digits));
        lines.add(exact(rules.check(net, original, scaled), rows, which, rules.classNames()));
        lines.add(printed(rules, net, original, scaled, digits, rows.size() + " " + which));
        return String.join(System.lineSeparator(), lines);
    }

    private static String exact(Rules.Check check, Dataset test, String which, List<String> classes) {
        List<String> lines = new ArrayList<>();
        if (check.reproducesAll()) {
            String closest = check.closestRow() < 0 ? ""
                    : String.format(Locale.ROOT, " (closest call: %s on %s, %s from its threshold)",
                            check.closestNeuron(), row(test, check.closestRow()), margin(check.closestMargin()));
            lines.add("check: the rules reproduce the network's predictions on all " + check.rows() + " " + which
                    + closest);
        } else {
            lines.add("check: the rules give the network's class on " + check.agreements() + " of " + check.rows()
                    + " " + which + "; they disagree at floating-point ties with a threshold:");
            for (Rules.Disagreement d : check.disagreements()) {
                lines.add(String.format(Locale.ROOT, "  %s: rules %s, network %s; %s is %s from its threshold",
                        row(test, d.row()), classes.get(d.rulesClass()), classes.get(d.networkClass()), d.neuron(),
                        margin(d.margin())));
            }
        }
        if (check.activationMismatches() > 0) {
            lines.add("  on " + check.activationMismatches() + " more rows a neuron differs without changing the class");
        }
        return String.join(System.lineSeparator(), lines);
    }

    /** Whether the rounding of the printed rules changes a class, and if so how many digits do not. */
    private static String printed(Rules rules, TrainedBnn net, double[][] original, double[][] scaled, int digits,
            String rows) {
        Rules.Check check = rules.rounded(digits).check(net, original, scaled);
        String asPrinted = "as printed (" + digits + " significant digit" + (digits == 1 ? "" : "s") + "): ";
        if (check.reproducesAll()) {
            return asPrinted + "the same predictions on all " + rows;
        }
        String enough = "even " + MAX_DIGITS + " digits do not";
        for (int d = digits + 1; d <= MAX_DIGITS; d++) {
            if (rules.rounded(d).check(net, original, scaled).reproducesAll()) {
                enough = "--digits " + d + " reproduces every row";
                break;
            }
        }
        return asPrinted + "the network's class on " + check.agreements() + " of " + rows + " (rounding); " + enough;
    }

    /** Two significant digits: how far from a tie, not a value to compute with. */
    private static String margin(double m) {
        return String.format(Locale.ROOT, "%.2g", m);
    }

    private static String row(Dataset test, int i) {
        var line = test.sourceLine(i);
        return "row " + (i + 1) + (line.isPresent() ? " (line " + line.getAsInt() + ")" : "");
    }
}
