package org.tamebnn.losses;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.loss.OutputKind;
import org.tamebnn.api.milp.MilpModel;

/**
 * The squared loss (o − y)² of Bah &amp; Kurtz's list of classical losses, on binary outputs and on
 * the continuous outputs of a regression network (their remark on an identity output layer under
 * the squared loss).
 *
 * <p>Binary outputs: for u, y ∈ {0, 1} it equals |u − y|, so its MILP terms are exactly the 0-1
 * loss's (linear in u for a fixed y) and summed over several outputs it is their Hamming distance
 * to the targets.
 *
 * <p>Continuous outputs: (o − y)² would make the objective quadratic, so the MILP states its
 * epigraph through tangent lines instead — a variable e ≥ 0 with
 * e ≥ (t − y)² + 2(t − y)(o − t) for breakpoints t spread over the output's bounds [lo, hi] (which
 * the formulation knows) at spacing at most h, plus one at y itself. The maximum of the tangents
 * equals the parabola at every breakpoint and lies below it in between by at most (h/2)² = h²/4
 * (reached midway between two breakpoints, where their tangents cross), so at an optimum
 * (o − y)² − h²/4 ≤ e ≤ (o − y)²: the objective is an exact-at-breakpoints under-approximation with
 * a stated error. h is chosen as 2·√maxError, so that error is {@link #maxError()} per term; the
 * default 1e-3 is 1e-3 of the target range squared for targets min–max scaled to [0, 1], as the data
 * pipeline scales them. {@link AbsoluteLoss} is the exact linear alternative.
 */
@Component(service = LossFunction.class, property = LossFunction.NAME_PROPERTY + "=" + SquaredLoss.NAME)
public final class SquaredLoss implements LossFunction {
    static final String NAME = "squared";
    /** The default largest under-approximation of (o − y)² by the tangents, per term. */
    public static final double DEFAULT_MAX_ERROR = 1e-3;

    private final double maxError;

    /** The squared loss with the default error bound {@value #DEFAULT_MAX_ERROR} on continuous outputs. */
    public SquaredLoss() {
        this(DEFAULT_MAX_ERROR);
    }

    /**
     * The squared loss whose tangent approximation on continuous outputs is at most {@code maxError}
     * below (o − y)² (breakpoint spacing h = 2·√maxError).
     */
    public SquaredLoss(double maxError) {
        if (!(maxError > 0) || !Double.isFinite(maxError)) {
            throw new IllegalArgumentException("the squared loss's approximation error must be a finite number > 0,"
                    + " not " + maxError);
        }
        this.maxError = maxError;
    }

    /** The stated bound h²/4 on how far the tangents fall below (o − y)² on continuous outputs. */
    public double maxError() {
        return maxError;
    }

    /** The breakpoint spacing h: the largest for which h²/4 ≤ {@link #maxError()}. */
    public double spacing() {
        return 2 * Math.sqrt(maxError);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "squared error (o − y)²: on binary outputs the Hamming distance (exact); on continuous (identity)"
                + " outputs tangent lines, at most " + maxError + " below it";
    }

    @Override
    public boolean supports(OutputKind kind) {
        return kind == OutputKind.BINARY || kind == OutputKind.CONTINUOUS;
    }

    @Override
    public void addTo(MilpModel.Builder model, String prefix, int outputColumn, OutputKind kind, double target,
            double weight) {
        if (kind == OutputKind.CONTINUOUS) {
            throw new IllegalArgumentException("the " + NAME + " loss on the continuous output " + prefix
                    + " needs the output's bounds to place its tangent lines; call addTo with outputLower/outputUpper");
        }
        addBinary(model, prefix, outputColumn, kind, target, weight);
    }

    @Override
    public void addTo(MilpModel.Builder model, String prefix, int outputColumn, OutputKind kind, double target,
            double weight, double outputLower, double outputUpper) {
        if (kind != OutputKind.CONTINUOUS) {
            addBinary(model, prefix, outputColumn, kind, target, weight);
            return;
        }
        Targets.requireFinite(NAME, target, prefix);
        if (!Double.isFinite(outputLower) || !Double.isFinite(outputUpper) || outputLower > outputUpper) {
            throw new IllegalArgumentException("the " + NAME + " loss needs finite bounds lo ≤ hi on the continuous output "
                    + prefix + ", not [" + outputLower + ", " + outputUpper + "]");
        }
        int e = model.continuous(prefix + "_sq", 0, Double.POSITIVE_INFINITY);
        double[] breakpoints = Tangents.breakpoints(outputLower, outputUpper, spacing(), target);
        for (int i = 0; i < breakpoints.length; i++) {
            double t = breakpoints[i];
            // e ≥ (t − y)² + 2(t − y)(o − t)  ⇔  e − 2(t − y)·o ≥ y² − t²
            model.addRow(prefix + "_tan" + i, target * target - t * t, Double.POSITIVE_INFINITY,
                    new int[] {e, outputColumn}, new double[] {1, -2 * (t - target)});
        }
        model.addToObjective(e, weight);
    }

    private static void addBinary(MilpModel.Builder model, String prefix, int outputColumn, OutputKind kind,
            double target, double weight) {
        Targets.requireKind(NAME, kind, OutputKind.BINARY, prefix, "");
        Targets.requireBinary(NAME, target, prefix);
        // (u − y)² = u for y = 0 and 1 − u for y = 1 when u ∈ {0, 1}
        if (target == 1.0) {
            model.addToObjective(outputColumn, -weight).addToObjectiveOffset(weight);
        } else {
            model.addToObjective(outputColumn, weight);
        }
    }

    @Override
    public double approximationError(OutputKind kind) {
        return kind == OutputKind.CONTINUOUS ? maxError : 0.0;
    }

    @Override
    public double value(double output, double target) {
        Targets.requireFinite(NAME, target, "target");
        double d = output - target;
        return d * d;
    }

    @Override
    public double subgradient(double output, double target) {
        Targets.requireFinite(NAME, target, "target");
        return 2 * (output - target);
    }
}
