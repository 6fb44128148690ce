package org.tamebnn.bnn;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.tamebnn.api.milp.Limit;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;

/**
 * The outcome of one exact training run. When the solver found a solution (optimal, or the
 * incumbent at a time limit) there is a network and its consistency report; when it found none
 * (infeasible, error, stopped before any incumbent) {@link #network()} is empty and
 * {@link #message()} says why, in the solver's words.
 *
 * @param solver             the solver's name
 * @param status             why the solve ended
 * @param limit              what stopped it, for {@link SolveStatus#FEASIBLE} and {@link SolveStatus#NO_SOLUTION_FOUND}
 * @param message            the solver's message (empty for a plain optimum)
 * @param network            the trained network, if a solution was found
 * @param consistency        the guard's comparison of solver and forward pass, with the network
 * @param objective          the solver's objective value (NaN without a solution)
 * @param bestBound          the solver's bound on the objective (NaN when unknown)
 * @param trainingLoss       the loss part of the objective (= objective unless max-margin is on)
 * @param lossBound          a lower bound on the optimal training loss (NaN when unknown)
 * @param margin             δ of the solution with max-margin, else NaN
 * @param solutionViolation  the largest violation of any row, bound or integrality by the solution (NaN without one)
 * @param buildTime          building the MILP (and the heuristic start)
 * @param solveTime          the solver's wall time
 * @param nodes              branch-and-bound nodes, −1 when unknown
 * @param milp               the MILP that was solved
 * @param start              the heuristic start, when one was made
 * @param networkFromStart   true when the network is the start's, the solver having stopped with nothing better
 */
public record TrainingResult(String solver, SolveStatus status, Limit limit, String message, Optional<TrainedBnn> network,
        Optional<ConsistencyReport> consistency, double objective, double bestBound, double trainingLoss,
        double lossBound, double margin, double solutionViolation, Duration buildTime, Duration solveTime,
        long nodes, BnnMilp milp, Optional<HeuristicStart> start, boolean networkFromStart) {

    /** True when the run was cancelled through its token. */
    public boolean isCancelled() {
        return limit == Limit.INTERRUPTED;
    }

    /** True when {@code which} stopped the run. */
    public boolean stoppedBy(Limit which) {
        return limit == which;
    }

    /** The status word for tables: the status, or the limit that stopped the run (as {@link SolveResult#label()}). */
    public String label() {
        return SolveResult.label(status, limit);
    }

    /** True when the solver returned a solution and so there is a network. */
    public boolean hasNetwork() {
        return network.isPresent();
    }

    /** The network, or an exception carrying the reason there is none. */
    public TrainedBnn networkOrThrow() {
        return network.orElseThrow(() -> new IllegalStateException("no network: " + solver + " ended " + label()
                + (message.isEmpty() ? "" : " (" + message + ")")));
    }

    /** The solver's relative gap on its objective, NaN when unknown. */
    public double gap() {
        return SolveResult.relativeGap(objective, bestBound);
    }

    /** The relative gap between the training loss and its bound, NaN when unknown. */
    public double lossGap() {
        return SolveResult.relativeGap(trainingLoss, lossBound);
    }

    /** Build plus solve. */
    public Duration totalTime() {
        return buildTime.plus(solveTime);
    }

    /** One line for logs and the console. */
    public String describe() {
        var sb = new StringBuilder().append(solver).append(": ").append(label());
        if (!message.isEmpty()) {
            sb.append(" (").append(message).append(')');
        }
        if (network.isEmpty()) {
            return sb.append("; no network").toString();
        }
        sb.append(String.format(Locale.ROOT, "; loss %s, bound %s, gap %s", format(trainingLoss), format(lossBound),
                Double.isNaN(lossGap()) ? "?" : String.format(Locale.ROOT, "%.2f%%", 100 * lossGap())));
        if (!Double.isNaN(margin)) {
            sb.append(String.format(Locale.ROOT, ", margin %.4g", margin));
        }
        sb.append(String.format(Locale.ROOT, "; build %d ms, solve %d ms, nodes %d", buildTime.toMillis(),
                solveTime.toMillis(), nodes));
        consistency.ifPresent(c -> sb.append("; ").append(c.describe()));
        start.ifPresent(s -> sb.append("; ").append(s.describe()));
        return sb.toString();
    }

    /** "?" for NaN, whole numbers without decimals (losses mostly are), else 6 significant digits. */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "?";
        }
        if (Math.abs(v - Math.rint(v)) < 1e-9 && Math.abs(v) < 1e15) {
            return Long.toString(Math.round(v));
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
