package org.tamebnn.dual.internal;

import java.util.List;

import org.apache.commons.numbers.fraction.BigFraction;
import org.tamebnn.api.dual.AffinePiece;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.dual.StandardForm;
import org.tamebnn.dual.StandardFormDual;

/**
 * What the cutting-plane, corrected-linear and linear-representation duals share: a function
 * F_std of the standard right-hand side, read as the model's F(d) = F_std(D(d)) + κ through
 * {@link StandardForm}, with D(d) formed exactly in rationals so that the roundings inside F_std
 * see d − A_v s exactly (0.3 − 0.1 is 1/5, not 0.19999999999999998).
 */
abstract class StandardFormFunction implements StandardFormDual {
    final StandardForm form;
    private final BigFraction[] rhs;
    private final BigFraction[] shift;
    private final int[] varying;
    private final Certificate certificate;

    StandardFormFunction(StandardForm form, Certificate certificate) {
        this.form = form;
        this.rhs = Rationals.of(form.rhs());
        this.shift = Rationals.of(form.shift());
        this.varying = form.varyingStandardRows();
        this.certificate = certificate;
    }

    /** F_std at an exact standard right-hand side. */
    abstract double standardValue(BigFraction[] standardRhs);

    /** F̄_std along an exact standard direction. */
    abstract double standardUpperDerivative(BigFraction[] direction);

    /**
     * The gradients of F_std's pieces active at the exact standard right-hand side (standard
     * coordinates); only asked where F_std is finite.
     */
    abstract List<double[]> standardField(BigFraction[] standardRhs);

    /** D(d) in rationals: b' with the varying coordinates set to d − A_v s. */
    final BigFraction[] exactStandardRhs(double[] d) {
        if (d.length != varying.length) {
            throw new IllegalArgumentException(varying.length + " varying rows but a right-hand side of " + d.length);
        }
        BigFraction[] out = rhs.clone();
        for (int k = 0; k < d.length; k++) {
            out[varying[k]] = Rationals.of(d[k]).subtract(shift[k]);
        }
        return out;
    }

    @Override
    public final StandardForm standardForm() {
        return form;
    }

    @Override
    public final int[] rows() {
        return form.varyingRows();
    }

    @Override
    public final double value(double[] d) {
        return form.originalValue(standardValue(exactStandardRhs(d)));
    }

    @Override
    public final double standardValue(double[] standardRhs) {
        checkStandard(standardRhs);
        return standardValue(Rationals.of(standardRhs));
    }

    @Override
    public final double standardUpperDerivative(double[] standardDirection) {
        checkStandard(standardDirection);
        return standardUpperDerivative(Rationals.of(standardDirection));
    }

    @Override
    public final List<double[]> conservativeField(double[] d) {
        BigFraction[] at = exactStandardRhs(d);
        if (Double.isInfinite(standardValue(at))) {
            return List.of();
        }
        return standardField(at).stream().map(form::varyingGradient).toList();
    }

    /** None: these functions are evaluated through roundings or solves, not stored pieces. */
    @Override
    public List<AffinePiece> pieces() {
        return List.of();
    }

    @Override
    public final Certificate certificate() {
        return certificate;
    }

    private void checkStandard(double[] v) {
        if (v.length != form.rowCount()) {
            throw new IllegalArgumentException("the standard form has " + form.rowCount() + " rows, not " + v.length);
        }
    }

    /**
     * The certificate of a function whose F_std is feasible for the subadditive dual of the
     * standard form: that kind itself when F = F_std ({@link StandardForm#isDirect}), else a bound by
     * construction, because F(0) = κ + F_std(D(0)) need not be 0 and F is subadditive only in the
     * standard coordinates.
     */
    static Certificate certificate(StandardForm form, double tolerance, String evidence) {
        if (form.isDirect()) {
            return new Certificate(Certificate.Kind.SUBADDITIVE_DUAL_FEASIBLE, tolerance, evidence);
        }
        return new Certificate(Certificate.Kind.VALID_BY_CONSTRUCTION, tolerance,
                "F(d) = F_std(D(d)) + κ through the standard form (" + form.describe() + "), where F_std is "
                        + "feasible for the standard form's subadditive dual: " + evidence);
    }
}
