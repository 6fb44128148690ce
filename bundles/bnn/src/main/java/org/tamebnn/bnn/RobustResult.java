package org.tamebnn.bnn;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of robust training by column-and-constraint generation: the network with the best
 * upper bound, the final bounds on the robust optimum of (11), and every round's log.
 *
 * @param solver     the solver's name
 * @param stop       why the iteration ended
 * @param message    details (a solver's message, a guard's complaint); empty when there is nothing to add
 * @param network    the network whose robust loss is {@code upperBound}, if any round produced one
 * @param lowerBound the best lower bound on the robust optimum (−∞ if no master gave one)
 * @param upperBound the robust loss of {@code network} (+∞ without a network)
 * @param iterations the rounds, in order
 * @param scenarios  the scenarios found (per training point of the master, in its point order)
 * @param totalTime  wall time of the whole run
 */
public record RobustResult(String solver, Stop stop, String message, Optional<TrainedBnn> network,
        double lowerBound, double upperBound, List<RobustIteration> iterations, List<List<double[]>> scenarios,
        Duration totalTime) {

    /** Why the column-and-constraint generation stopped. */
    public enum Stop {
        /** upper − lower ≤ the gap tolerance: the network is robust-optimal (to that tolerance). */
        CONVERGED,
        /** The time limit ended it; the bounds are what had been proven. */
        TIME_LIMIT,
        /** The iteration limit ended it. */
        ITERATION_LIMIT,
        /** Cancelled. */
        CANCELLED,
        /**
         * No violated scenario, but the master's optimum is a claim without a bound (ojAlgo,
         * lp_solve): robust-optimal as far as the master's claim goes.
         */
        UNCONFIRMED,
        /** No violated scenario, but the master stopped at a limit other than time (nodes, solutions): unproven. */
        MASTER_STOPPED,
        /**
         * A master solve failed or was infeasible, or the adversary left points undecided without a
         * new scenario to add; see the message.
         */
        FAILED
    }

    /** Copies the lists. */
    public RobustResult {
        iterations = List.copyOf(iterations);
        scenarios = scenarios.stream().map(l -> l.stream().map(double[]::clone).toList()).toList();
    }

    /** upper − lower, +∞ while either is missing. */
    public double gap() {
        return upperBound - lowerBound;
    }

    /** The scenarios in all. */
    public int scenarioCount() {
        return scenarios.stream().mapToInt(List::size).sum();
    }

    /** The network, or an exception saying why there is none. */
    public TrainedBnn networkOrThrow() {
        return network.orElseThrow(() -> new IllegalStateException("no network: robust training on " + solver
                + " stopped " + stop + (message.isEmpty() ? "" : " (" + message + ")")));
    }

    /** One line for logs and the console. */
    public String describe() {
        return String.format(Locale.ROOT, "%s: %s after %d iterations%s; robust loss ≤ %s, ≥ %s; %d scenarios; %d ms",
                solver, stop, iterations.size(), message.isEmpty() ? "" : " (" + message + ")",
                TrainingResult.format(upperBound), TrainingResult.format(lowerBound), scenarioCount(),
                totalTime.toMillis());
    }
}
