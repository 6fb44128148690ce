package org.tamebnn.bnn;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.tamebnn.api.milp.SolveStatus;

/**
 * The outcome of a {@link LocalSearchTrainer} run: the best network over all restarts as a
 * {@link TrainingResult} (with no bound: the search is a heuristic), and the objective after every
 * MILP of every restart.
 *
 * @param result      the best restart's network, objective, training loss and consistency report;
 *                    its bound and loss bound are NaN, its solve time the sum over every MILP solved
 * @param restarts    every restart, in order
 * @param bestRestart the index of the restart {@link #result} comes from, −1 when none has a network
 * @param milpsSolved the number of restricted MILPs solved over all restarts
 * @param time        the whole run's wall time: building, fixing and solving
 */
public record LocalSearchResult(TrainingResult result, List<Restart> restarts, int bestRestart, int milpsSolved,
        Duration time) {

    /** Copies the list. */
    public LocalSearchResult {
        restarts = List.copyOf(restarts);
    }

    /** The training loss of the best network (NaN without one). */
    public double trainingLoss() {
        return result.trainingLoss();
    }

    /** One line for logs and the console. */
    public String describe() {
        return String.format(Locale.ROOT, "local search: %d restart(s), %d MILPs, %d ms; best restart %d: %s",
                restarts.size(), milpsSolved, time.toMillis(), bestRestart, result.describe());
    }

    /**
     * One run of Algorithm 1 from one start.
     *
     * @param index        0 for the first restart
     * @param seed         the seed its start was drawn with
     * @param start        how the start was made: "pocket" ({@link HeuristicStart}) or "random"
     * @param startLoss    the start network's training loss by its forward pass
     * @param iterations   one per MILP solved, in order
     * @param objective    the objective it ended at (NaN when no MILP gave a solution)
     * @param stopReason   why it stopped, e.g. "no improvement over a full alternation"
     */
    public record Restart(int index, long seed, String start, double startLoss, List<Iteration> iterations,
            double objective, String stopReason) {

        /** Copies the list. */
        public Restart {
            iterations = List.copyOf(iterations);
        }

        /** One line, e.g. {@code "restart 0 (pocket, seed 0): loss 3 → objective 1 in 5 MILPs; no improvement ..."}. */
        public String describe() {
            return "restart " + index + " (" + start + ", seed " + seed + "): start loss "
                    + TrainingResult.format(startLoss) + " → objective " + TrainingResult.format(objective) + " in "
                    + iterations.size() + " MILPs; " + stopReason;
        }
    }

    /**
     * One restricted MILP of Algorithm 1.
     *
     * @param number          1 for the first MILP of its restart
     * @param fixedLayers     the 0-based layers whose variables were fixed
     * @param status          how the solve ended
     * @param solverObjective the solver's objective (NaN without a solution)
     * @param objective       the search's objective after this MILP: the solver's when accepted, the
     *                        previous one otherwise; never larger than the previous one
     * @param improved        true when the objective went down
     * @param solveTime       the solver's wall time
     * @param nodes           branch-and-bound nodes, −1 when unknown
     */
    public record Iteration(int number, List<Integer> fixedLayers, SolveStatus status, double solverObjective,
            double objective, boolean improved, Duration solveTime, long nodes) {

        /** Copies the list. */
        public Iteration {
            fixedLayers = List.copyOf(fixedLayers);
        }
    }
}
