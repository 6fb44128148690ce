package org.tamebnn.bnn;

import java.time.Duration;
import java.util.Locale;

import org.tamebnn.api.milp.SolveStatus;

/**
 * One round of the column-and-constraint generation: the master over the scenarios so far, then
 * the adversarial problem on each training point for the master's network.
 *
 * @param iteration         1, 2, …
 * @param scenarios         scenarios in the master this round
 * @param masterStatus      how the master solve ended
 * @param masterObjective   the master's objective (NaN without a solution)
 * @param masterRecomputed  the same from the network's forward pass on points and scenarios (a guard)
 * @param masterBound       the master's proven bound (rounded up to the loss grid where the loss has one)
 * @param networkRobustLoss the robust loss of this round's network by the adversarial problems
 *                          (NaN without a network); points the adversary left undecided count as lost
 * @param lowerBound        the best lower bound so far (max of the masters' bounds)
 * @param upperBound        the best upper bound so far (min of the networks' robust losses)
 * @param scenariosAdded    scenarios the adversary found that the master did not yet count
 * @param undecided         points whose adversarial problem ended without an answer
 * @param masterTime        the master's wall time
 * @param adversaryTime     all adversarial solves of the round
 * @param elapsed           since training began
 */
public record RobustIteration(int iteration, int scenarios, SolveStatus masterStatus, double masterObjective,
        double masterRecomputed, double masterBound, double networkRobustLoss, double lowerBound, double upperBound,
        int scenariosAdded, int undecided, Duration masterTime, Duration adversaryTime, Duration elapsed) {

    /** One line of the log. */
    public String describe() {
        return String.format(Locale.ROOT,
                "it %d: %d scenarios, master %s obj %s bound %s; network robust loss %s; LB %s UB %s;"
                        + " +%d scenarios%s; master %d ms, adversary %d ms, elapsed %d ms",
                iteration, scenarios, masterStatus, TrainingResult.format(masterObjective),
                TrainingResult.format(masterBound), TrainingResult.format(networkRobustLoss),
                TrainingResult.format(lowerBound), TrainingResult.format(upperBound), scenariosAdded,
                undecided == 0 ? "" : ", " + undecided + " undecided", masterTime.toMillis(),
                adversaryTime.toMillis(), elapsed.toMillis());
    }
}
