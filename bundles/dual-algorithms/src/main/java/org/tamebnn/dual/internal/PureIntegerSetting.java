package org.tamebnn.dual.internal;

import java.util.Optional;

import org.apache.commons.numbers.fraction.BigFraction;
import org.tamebnn.dual.StandardForm;

/**
 * The setting of Klabjan's generator functions (notes §4.2) and of the linear representation
 * (notes §4.4), checked on the standard form: every column integer, A' ∈ Z^{m×n}_+, b' ∈ Z^m_+.
 * Equality rows and ≤ rows that do not vary (their slack is an integer column +e_i) fit; a ≥ row
 * brings a surplus column −e_i, and a varying ≤ row a continuous slack, and neither fits.
 */
final class PureIntegerSetting {
    private PureIntegerSetting() {
    }

    /** A model's standard form and its exact right-hand side b', inside the setting. */
    record Instance(StandardForm form, BigFraction[] b) {
    }

    /**
     * The standard form of {@code model} with {@code rows} varying, at {@code b}, checked to be in
     * the setting.
     *
     * @throws IllegalArgumentException saying why the model has no standard form or is outside the setting
     */
    static Instance of(org.tamebnn.api.milp.MilpModel model, int[] rows, double[] b) {
        StandardForm form = StandardForm.of(model, rows);
        BigFraction[] exact = exactRhs(form, b);
        Optional<String> outside = refusal(form, exact);
        if (outside.isPresent()) {
            throw new IllegalArgumentException(outside.get());
        }
        return new Instance(form, exact);
    }

    /** Why the standard form at b' is outside the setting, or empty. */
    static Optional<String> refusal(StandardForm form, BigFraction[] b) {
        // every continuity first: it is the more basic reason a model is outside the setting
        for (int j = 0; j < form.columnCount(); j++) {
            if (!form.isInteger(j)) {
                return Optional.of("pure integer programs only (notes §4.2, §4.4); standard column " + describe(form, j)
                        + " is continuous" + (form.columnKind(j) == StandardForm.ColumnKind.SLACK
                                || form.columnKind(j) == StandardForm.ColumnKind.SURPLUS
                                        ? " (the slack of a varying inequality row stays continuous; make the row an"
                                                + " equality)"
                                        : ""));
            }
        }
        for (int j = 0; j < form.columnCount(); j++) {
            boolean zero = true;
            for (double a : form.column(j)) {
                if (a < 0 || a != Math.rint(a)) {
                    return Optional.of("A must be a nonnegative integer matrix (notes §4.2, §4.4); standard column "
                            + describe(form, j) + " has the coefficient " + a);
                }
                zero &= a == 0;
            }
            if (zero && form.cost(j) < 0) {
                return Optional.of("standard column " + describe(form, j) + " is zero with negative cost " + form.cost(j)
                        + ": the problem is unbounded wherever it is feasible");
            }
        }
        for (int i = 0; i < b.length; i++) {
            if (b[i].signum() < 0 || !Rationals.isInteger(b[i])) {
                return Optional.of("b must be a nonnegative integer vector (notes §4.2, §4.4); standard row " + i + " ("
                        + form.rowKind(i) + ") has right-hand side " + b[i]);
            }
        }
        return Optional.empty();
    }

    static String describe(StandardForm form, int j) {
        int o = form.columnOrigin(j);
        return switch (form.columnKind(j)) {
            case SLACK, SURPLUS -> j + " (" + form.columnKind(j).name().toLowerCase(java.util.Locale.ROOT) + " of row '"
                    + form.model().row(o).name() + "')";
            default -> j + " (" + form.columnKind(j).name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " of '" + form.model().variable(o).name() + "')";
        };
    }

    /** b' exactly at the varying right-hand side d. */
    static BigFraction[] exactRhs(StandardForm form, double[] d) {
        BigFraction[] out = Rationals.of(form.rhs());
        int[] v = form.varyingStandardRows();
        double[] shift = form.shift();
        for (int k = 0; k < v.length; k++) {
            out[v[k]] = Rationals.of(d[k]).subtract(Rationals.of(shift[k]));
        }
        return out;
    }
}
