package org.tamebnn.api.milp;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one solve. Quantities a backend does not report are unknown: NaN for numbers,
 * -1 for the node count, empty for vectors. Nothing here is invented to fill a gap.
 *
 * @param solver    the solver's name
 * @param status    why the solve ended (see {@link SolveStatus}: it never overstates)
 * @param limit     what stopped it when {@code status} is {@link SolveStatus#FEASIBLE} or
 *                  {@link SolveStatus#NO_SOLUTION_FOUND}; {@link Limit#NONE} otherwise
 * @param rawStatus the backend's own status word ({@code kTimeLimit}, {@code SCIP_STATUS_GAPLIMIT}),
 *                  kept as it said it; empty when the solve never reached the backend
 * @param message   why, in words, for anything but a plain optimum (empty otherwise)
 * @param objective objective value of the returned solution (the primal bound), NaN when there is none
 * @param dualBound proven bound on the optimum (lower for minimisation), NaN when unknown
 * @param values    the solution, one value per variable, or null when there is none
 * @param rowDuals  LP row duals, or null when not available (see {@link Capability#LP_DUALS})
 * @param wallTime  wall time of the solve, translation of the model included
 * @param nodes     branch-and-bound nodes, -1 when unknown
 * @param modelTime the part of {@code wallTime} spent translating the model into the backend's own
 *                  form (null when the adapter does not measure it); the rest is the backend's solve
 */
public record SolveResult(String solver, SolveStatus status, Limit limit, String rawStatus, String message,
        double objective, double dualBound, double[] values, double[] rowDuals, Duration wallTime, long nodes,
        Duration modelTime) {

    public SolveResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(limit, "limit");
        rawStatus = rawStatus == null ? "" : rawStatus;
        message = message == null ? "" : message;
        if (status == SolveStatus.ERROR && message.isBlank()) {
            throw new IllegalArgumentException("an ERROR result needs a message saying why");
        }
        if (status.isStopped() == (limit == Limit.NONE)) {
            throw new IllegalArgumentException(status + " " + (status.isStopped() ? "needs the limit that stopped it"
                    : "is not stopped by a limit, got " + limit));
        }
        if (status == SolveStatus.NO_SOLUTION_FOUND && values != null) {
            throw new IllegalArgumentException("NO_SOLUTION_FOUND with a solution");
        }
    }

    /**
     * The result of a solve that ended as {@code rawStatus} says: {@link SolveStatus#FEASIBLE} at
     * {@code limit} when it holds a solution, {@link SolveStatus#NO_SOLUTION_FOUND} otherwise.
     */
    public static SolveResult stopped(String solver, Limit limit, String rawStatus, String message, double objective,
            double dualBound, double[] values, long nodes) {
        return new SolveResult(solver, values == null ? SolveStatus.NO_SOLUTION_FOUND : SolveStatus.FEASIBLE, limit,
                rawStatus, message, values == null ? Double.NaN : objective, dualBound, values, null, Duration.ZERO,
                nodes, null);
    }

    /** A result that ended for a reason of its own (optimal, infeasible, ...), no limit involved. */
    public static SolveResult ended(String solver, SolveStatus status, String rawStatus, String message,
            double objective, double dualBound, double[] values, double[] rowDuals, long nodes) {
        return new SolveResult(solver, status, Limit.NONE, rawStatus, message, objective, dualBound, values, rowDuals,
                Duration.ZERO, nodes, null);
    }

    /** A failed solve with its reason. */
    public static SolveResult error(String solver, String message, Duration wallTime) {
        return new SolveResult(solver, SolveStatus.ERROR, Limit.NONE, "", message, Double.NaN, Double.NaN, null, null,
                wallTime, -1, null);
    }

    /** This result with the model translation time measured by the adapter. */
    public SolveResult withModelTime(Duration time) {
        return new SolveResult(solver, status, limit, rawStatus, message, objective, dualBound, values, rowDuals,
                wallTime, nodes, time);
    }

    /** This result with another status and limit (and message), everything else kept. */
    public SolveResult withTermination(SolveStatus newStatus, Limit newLimit, String newMessage) {
        return new SolveResult(solver, newStatus, newLimit, rawStatus, newMessage, objective, dualBound, values,
                rowDuals, wallTime, nodes, modelTime);
    }

    /** This result as measured by its caller: the solver's name and the wall time replaced. */
    public SolveResult as(String name, Duration wall) {
        return new SolveResult(name, status, limit, rawStatus, message, objective, dualBound, values, rowDuals, wall,
                nodes, modelTime);
    }

    /** The objective of the best solution found, NaN when none (the same number as {@link #objective()}). */
    public double primalBound() {
        return objective;
    }

    /** True when a limit stopped the solve and it says which ({@link #limit()}). */
    public boolean stoppedBy(Limit which) {
        return limit == which;
    }

    /** True when the solve was cancelled through its token. */
    public boolean isCancelled() {
        return limit == Limit.INTERRUPTED;
    }

    public boolean hasSolution() {
        return values != null;
    }

    public Optional<double[]> solution() {
        return Optional.ofNullable(values).map(double[]::clone);
    }

    /** Relative gap between the objective and the dual bound, NaN when either is unknown. */
    public double gap() {
        return relativeGap(objective, dualBound);
    }

    /**
     * The status word tables print and stores keep: the status, or for a stopped solve the limit
     * ({@code TIME_LIMIT}, {@code NODE_LIMIT}, {@code CANCELLED}, ...).
     */
    public String label() {
        return label(status, limit);
    }

    /** The status word of a status and the limit that stopped it (see {@link #label()}). */
    public static String label(SolveStatus status, Limit limit) {
        if (!status.isStopped()) {
            return status.name();
        }
        return switch (limit) {
            case TIME -> "TIME_LIMIT";
            case NODES -> "NODE_LIMIT";
            case SOLUTIONS -> "SOLUTION_LIMIT";
            case ITERATIONS -> "ITERATION_LIMIT";
            case INTERRUPTED -> "CANCELLED";
            case OTHER, NONE -> status.name();
        };
    }

    /**
     * {@code |incumbent − bound| / max(|incumbent|, 1e-10)}, HiGHS's convention (SCIP divides by
     * the smaller of the two, which gives a gap at least this large); NaN when either is unknown.
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
        return solver + ": " + label() + (rawStatus.isEmpty() ? "" : " [" + rawStatus + "]")
                + (message.isEmpty() ? "" : " (" + message + ")") + " objective=" + objective + " bound=" + dualBound
                + " time=" + wallTime.toMillis() + "ms nodes=" + nodes;
    }
}
