package org.tamebnn.bnn.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.milp.CancellationToken;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.SolveListener;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.bnn.BnnMilp;
import org.tamebnn.bnn.BnnVariables;
import org.tamebnn.bnn.Objective;

/**
 * The stages after the loss of a lexicographic objective (BeMi: most points correct, then the
 * widest margin, then the fewest non-zero weights): each a solve of its own on the same MILP with
 * one row more per earlier stage, holding that stage's objective at the value it reached, and the
 * previous stage's solution as the MIP start. A stage that ends without a solution, or with a worse
 * one than its start, leaves the previous solution standing — so no stage ever worsens an earlier
 * objective, nor its own.
 */
public final class LexicographicStages {

    /**
     * One stage's solve.
     *
     * @param objective what it optimised
     * @param status    how its solve ended
     * @param value     the objective's value in the solution kept after it (δ, or the count of non-zero weights)
     * @param bound     the solver's bound on it (NaN when unknown; for the margin an upper bound)
     * @param improved  whether the solver's solution replaced the previous one
     * @param time      the solve's wall time
     * @param nodes     branch-and-bound nodes (−1 when unknown)
     */
    public record Stage(Objective objective, SolveStatus status, double value, double bound, boolean improved,
            Duration time, long nodes) {

        /** E.g. {@code "margin OPTIMAL δ=0.0125 (bound 0.0125), 1.20 s"}. */
        public String describe() {
            String what = objective == Objective.MARGIN ? "δ=" + round(value) : (long) value + " non-zero weights";
            String bounded = Double.isNaN(bound) ? "" : " (bound " + round(objective == Objective.MARGIN ? -bound : bound) + ")";
            return objective.label() + " " + status + " " + what + bounded + (improved ? "" : ", start kept")
                    + String.format(java.util.Locale.ROOT, ", %.2f s", time.toNanos() / 1e9);
        }

        private static String round(double v) {
            return String.format(java.util.Locale.ROOT, "%.6g", v);
        }
    }

    /** The solution after the last stage and each later stage's solve, in order. */
    public record Outcome(double[] solution, List<Stage> stages) {
    }

    private LexicographicStages() {
    }

    /**
     * Runs the stages after the first of {@code milp.options().objectives()}, starting from
     * {@code solution}, a solution of the loss's solve.
     *
     * @param params each stage's solve parameters (its time limit is the stage's)
     */
    public static Outcome run(BnnMilp milp, LossFunction loss, double[] solution, MilpSolver solver,
            SolveParams params, SolveListener listener, CancellationToken cancel) {
        List<Objective> objectives = milp.options().objectives();
        MilpModel model = milp.model();
        double[] x = solution.clone();
        List<Stage> stages = new ArrayList<>();
        for (int i = 1; i < objectives.size() && !cancel.isCancelled(); i++) {
            Objective previous = objectives.get(i - 1);
            Objective current = objectives.get(i);
            MilpModel.Builder b = model.toBuilder(milp.model().name() + "-" + current.label());
            hold(b, milp, loss, previous, x);
            for (int j = 0; j < b.variableCount(); j++) {
                b.objective(j, 0);
            }
            b.objectiveOffset(0).sense(Sense.MINIMIZE).objectiveName(current.label());
            double[] c = coefficients(milp, current, b.variableCount());
            for (int j = 0; j < c.length; j++) {
                if (c[j] != 0) {
                    b.objective(j, c[j]);
                }
            }
            model = b.build();
            SolveParams p = solver.info().supports(Capability.MIP_START) ? params.withMipStart(x) : params;
            SolveResult r = solver.solve(model, p, listener, cancel);
            boolean improved = r.hasSolution() && value(c, r.values()) <= value(c, x) + 1e-9;
            if (improved) {
                x = r.values().clone();
            }
            double shown = value(c, x);
            stages.add(new Stage(current, r.status(), current == Objective.MARGIN ? -shown : Math.rint(shown),
                    r.dualBound(), improved, r.wallTime(), r.nodes()));
        }
        return new Outcome(x, stages);
    }

    /** The row that keeps {@code objective} at its value in {@code x} (or better) in every later stage. */
    private static void hold(MilpModel.Builder b, BnnMilp milp, LossFunction loss, Objective objective, double[] x) {
        double[] c = coefficients(milp, objective, b.variableCount());
        double reached = value(c, x);
        double slack = switch (objective) {
            // losses on a grid g: anything below g/2 admits exactly the losses ≤ the one reached
            case LOSS -> FormulationBuilder.offGrid(loss, milp.points()) == null ? 0.49 * milp.outputLossScale()
                    : 1e-6 * Math.max(1, Math.abs(reached));
            case MARGIN -> 1e-6 * Math.max(1, Math.abs(reached));
            case SPARSITY -> 0.5;
        };
        List<Integer> cols = new ArrayList<>();
        List<Double> coefs = new ArrayList<>();
        for (int j = 0; j < c.length; j++) {
            if (c[j] != 0) {
                cols.add(j);
                coefs.add(c[j]);
            }
        }
        b.addRow("hold_" + objective.label(), Double.NEGATIVE_INFINITY, reached + slack,
                cols.stream().mapToInt(Integer::intValue).toArray(),
                coefs.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * The objective as a linear function to minimise: the loss part of the loss's solve (its
     * objective without the max-margin term), −δ, or Σ z.
     */
    private static double[] coefficients(BnnMilp milp, Objective objective, int columns) {
        double[] c = new double[columns];
        BnnVariables v = milp.variables();
        switch (objective) {
            case LOSS -> {
                double[] loss = milp.model().objective();
                System.arraycopy(loss, 0, c, 0, loss.length);
                if (v.marginColumn() >= 0) {
                    c[v.marginColumn()] = 0;
                }
            }
            case MARGIN -> c[v.marginColumn()] = -1;
            case SPARSITY -> {
                for (int l = 0; l < milp.spec().layerCount(); l++) {
                    for (int k = 0; k < milp.spec().width(l); k++) {
                        for (int j = 0; j < milp.spec().fanIn(l); j++) {
                            c[v.indicatorColumn(l, k, j)] = 1;
                        }
                    }
                }
            }
        }
        return c;
    }

    private static double value(double[] c, double[] x) {
        double sum = 0;
        for (int j = 0; j < c.length; j++) {
            if (c[j] != 0) {
                sum += c[j] * x[j];
            }
        }
        return sum;
    }
}
