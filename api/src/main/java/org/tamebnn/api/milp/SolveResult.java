package org.tamebnn.api.milp;

import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of one solve. Quantities a backend does not report are unknown: NaN for numbers,
 * -1 for the node count, empty for vectors. Nothing here is invented to fill a gap.
 *
 * @param solver    the solver's name
 * @param status    how the solve ended
 * @param message   why, in words, for anything but a plain optimum (empty otherwise)
 * @param objective objective value of the returned solution, NaN when there is none
 * @param bestBound proven bound on the optimum (lower for minimisation), NaN when unknown
 * @param values    the solution, one value per variable, or null when there is none
 * @param rowDuals  LP row duals, or null when not available (see {@link Capability#LP_DUALS})
 * @param wallTime  wall time of the solve, translation of the model included
 * @param nodes     branch-and-bound nodes, -1 when unknown
 * @param modelTime the part of {@code wallTime} spent translating the model into the backend's own
 *                  form (null when the adapter does not measure it); the rest is the backend's solve
 */
public record SolveResult(String solver, SolveStatus status, String message, double objective, double bestBound,
        double[] values, double[] rowDuals, Duration wallTime, long nodes, Duration modelTime) {

    /** A result whose model translation time is not measured. */
    public SolveResult(String solver, SolveStatus status, String message, double objective, double bestBound,
            double[] values, double[] rowDuals, Duration wallTime, long nodes) {
        this(solver, status, message, objective, bestBound, values, rowDuals, wallTime, nodes, null);
    }

    public SolveResult {
        message = message == null ? "" : message;
        if (status == SolveStatus.ERROR && message.isBlank()) {
            throw new IllegalArgumentException("an ERROR result needs a message saying why");
        }
    }

    /** This result with the model translation time measured by the adapter. */
    public SolveResult withModelTime(Duration time) {
        return new SolveResult(solver, status, message, objective, bestBound, values, rowDuals, wallTime, nodes, time);
    }

    /** A failed solve with its reason. */
    public static SolveResult error(String solver, String message, Duration wallTime) {
        return new SolveResult(solver, SolveStatus.ERROR, message, Double.NaN, Double.NaN, null, null, wallTime, -1);
    }

    public boolean hasSolution() {
        return values != null;
    }

    public Optional<double[]> solution() {
        return Optional.ofNullable(values).map(double[]::clone);
    }

    /** Relative gap between the objective and the best bound, NaN when either is unknown. */
    public double gap() {
        return relativeGap(objective, bestBound);
    }

    /**
     * {@code |incumbent − bound| / max(|incumbent|, 1e-10)}, the convention of SCIP and HiGHS;
     * NaN when either is unknown.
     */
    public static double relativeGap(double incumbent, double bound) {
        if (!Double.isFinite(incumbent) || !Double.isFinite(bound)) {
            return Double.NaN;
        }
        double diff = Math.abs(incumbent - bound);
        return diff == 0 ? 0 : diff / Math.max(Math.abs(incumbent), 1e-10);
    }

    @Override
    public String toString() {
        return solver + ": " + status + (message.isEmpty() ? "" : " (" + message + ")") + " objective=" + objective
                + " bound=" + bestBound + " time=" + wallTime.toMillis() + "ms nodes=" + nodes;
    }
}
