package org.tamebnn.bnn.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.bnn.BnnMilp;
import org.tamebnn.bnn.HeuristicStart;
import org.tamebnn.bnn.TrainedBnn;

/**
 * A network as a feasible point of a MILP it was not trained on. Its forward pass is such a point
 * unless some preactivation falls into a gap (t − ε, t) the MILP leaves empty — which happens on
 * new points more often than chance suggests: a solver's network has many preactivations exactly
 * at a gap's edge on its own training points, and Breast Cancer Wisconsin's features lie on a
 * grid, so a new point close to an old one lands just inside. Then the activations of the forward
 * pass (firing at t − ε/2) are fixed and the remaining problem, linear in w, λ, s and δ, is solved
 * for any network with exactly those activations: the same loss, and a point of the MILP.
 *
 * @param point    the feasible point, empty when neither the forward pass nor the repair gave one
 * @param repaired true when the forward pass was outside the MILP and a repair solve ran
 * @param time     the repair solve's wall time (zero when none ran)
 * @param note     what happened, for messages
 */
public record StartRepair(Optional<double[]> point, boolean repaired, Duration time, String note) {

    /** {@code net} as a point of {@code milp}, repaired by one solve if its forward pass is not one. */
    public static StartRepair of(BnnMilp milp, TrainedBnn net, MilpSolver solver, SolveParams params,
            CancellationToken cancel) {
        double[] x = milp.solutionOf(net);
        if (feasible(milp, x)) {
            return new StartRepair(Optional.of(x), false, Duration.ZERO, "the forward pass is feasible");
        }
        if (Arrays.stream(x).anyMatch(Double::isNaN)) {
            return new StartRepair(Optional.empty(), false, Duration.ZERO,
                    "the forward pass leaves a loss plugin's variables without values");
        }
        SolveParams repairParams = params.timeLimit().map(SolveParams.defaults()::withTimeLimit)
                .orElse(SolveParams.defaults());
        if (params.threads().isPresent()) {
            repairParams = repairParams.withThreads(params.threads().getAsInt());
        }
        SolveResult r = solver.solve(LayerFixing.fixActivations(milp, x), repairParams, SolveListener.NONE, cancel);
        if (!r.hasSolution()) {
            return new StartRepair(Optional.empty(), true, r.wallTime(), "a preactivation falls into a gap and no "
                    + "network has the same activations: the repair solve ended " + r.status());
        }
        // prefer the repaired network's own forward pass; the solver's values are within its tolerance only
        double[] clean = milp.solutionOf(milp.extract(r.values()));
        Optional<double[]> point = feasible(milp, clean) ? Optional.of(clean)
                : feasible(milp, r.values()) ? Optional.of(r.values()) : Optional.empty();
        return new StartRepair(point, true, r.wallTime(), point.isPresent()
                ? "a preactivation fell into a gap; repaired keeping every activation"
                : "the repair solve's network is still outside the MILP");
    }

    private static boolean feasible(BnnMilp milp, double[] x) {
        return Arrays.stream(x).noneMatch(Double::isNaN)
                && milp.model().maxViolation(x) <= HeuristicStart.FEASIBILITY_TOLERANCE;
    }
}
