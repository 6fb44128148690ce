package org.tamebnn.bnn;

import java.util.Optional;

import org.tamebnn.bnn.internal.Pocket;

/**
 * A cheap network to start the exact solve from (a MIP start), and to fall back on when the solver
 * ends with nothing better. The LP bound of the training MILP is 0 from the start, so wherever few
 * errors are possible the solve is a search for a good network; handing it one found in
 * milliseconds saves that search or at least bounds what a time limit can cost.
 *
 * <p>The network is one linear threshold unit P (a pocket perceptron, {@link Pocket}) carried to
 * the output: the first layer's neurons alternate P and its negation ¬P (weights and threshold
 * negated), every later layer reads the alternating sum Σ_j (−1)^j·h_j of its inputs, which takes
 * one value when P fires and a smaller one when it does not, and puts its threshold between them —
 * again alternating P and ¬P, the output neuron being P. The alternation gives BDNN0 (λ = 0) a
 * signal of both signs, and binary weights (±1, never 0) a use for every neuron.
 *
 * @param network     the start network
 * @param solution    the network as a point of the MILP ({@link BnnMilp#solutionOf}); NaN where a loss plugin's own variables are
 * @param objective   the MILP's objective at it (NaN when some variable is NaN)
 * @param violation   the largest violation of a row or bound at it (NaN when some variable is NaN)
 * @param trainingLoss the loss part of the objective
 * @param source      where the network came from: {@code pocket}, or the trainer or file that
 *                    gave it (since 2.4)
 */
public record HeuristicStart(TrainedBnn network, double[] solution, double objective, double violation,
        double trainingLoss, String source) {

    /** Violations up to this count as feasible: solvers' own feasibility tolerance. */
    public static final double FEASIBILITY_TOLERANCE = 1e-6;

    /** Copies the solution. */
    public HeuristicStart {
        solution = solution.clone();
    }

    /** A pocket start (as before the start's source was recorded). */
    public HeuristicStart(TrainedBnn network, double[] solution, double objective, double violation,
            double trainingLoss) {
        this(network, solution, objective, violation, trainingLoss, "pocket");
    }

    /**
     * Any network of {@code milp}'s spec as its start: e.g. the STE's or local search's (the
     * multi-class start the pocket perceptron cannot give), or a saved one.
     *
     * @param source what to call it in messages
     * @throws IllegalArgumentException when the network is not of the MILP's spec
     * @since 2.4
     */
    public static HeuristicStart of(BnnMilp milp, TrainedBnn network, String source) {
        double[] x = milp.solutionOf(network);
        boolean complete = java.util.Arrays.stream(x).noneMatch(Double::isNaN);
        double objective = complete ? milp.model().objectiveValue(x) : Double.NaN;
        double violation = complete ? milp.model().maxViolation(x) : Double.NaN;
        double loss = complete ? milp.lossPart(objective, x) : Double.NaN;
        return new HeuristicStart(network, x, objective, violation, loss, source);
    }

    @Override
    public double[] solution() {
        return solution.clone();
    }

    /** True when every variable has a value and the point satisfies the MILP within {@link #FEASIBILITY_TOLERANCE}. */
    public boolean feasible() {
        return violation <= FEASIBILITY_TOLERANCE;
    }

    /** E.g. {@code "pocket start: loss 14, feasible"}. */
    public String describe() {
        return source + " start: loss " + (Double.isNaN(trainingLoss) ? "?" : TrainingResult.format(trainingLoss))
                + (feasible() ? ", feasible" : Double.isNaN(violation) ? ", completed by the solver"
                        : ", infeasible (violation " + String.format(java.util.Locale.ROOT, "%.2g", violation) + ")");
    }

    /** Why there is no heuristic start for this network, or empty when there is one. */
    public static Optional<String> unsupported(BnnSpec spec) {
        if (spec.isRegression()) {
            return Optional.of("no heuristic start for a regression network (the pocket start is a classifier)");
        }
        if (spec.classCount() != 2) {
            return Optional.of("no heuristic start for " + spec.classCount() + " classes yet (two only)");
        }
        if (spec.hiddenActivation().levelCount() != 2 && !spec.hiddenWidths().isEmpty()) {
            return Optional.of("no heuristic start for a " + spec.hiddenActivation().levelCount()
                    + "-level activation yet (two levels only)");
        }
        if (spec.hasSparsityBudget()) {
            return Optional.of("no heuristic start under a sparsity budget yet");
        }
        return Optional.empty();
    }

    /** The start for {@code milp}; throws {@link UnsupportedOperationException} with the reason from {@link #unsupported}. */
    public static HeuristicStart of(BnnMilp milp, long seed) {
        BnnSpec spec = milp.spec();
        unsupported(spec).ifPresent(why -> {
            throw new UnsupportedOperationException(why);
        });
        boolean learnThreshold = spec.variant().trainsThresholds();
        boolean binary = spec.weights() == WeightDomain.BINARY;
        double[] p = Pocket.unit(milp.points(), learnThreshold, binary, spec.epsilon(), seed);
        int n = spec.inputWidth();
        double[][][] weights = new double[spec.layerCount()][][];
        double[][] thresholds = new double[spec.layerCount()][];
        for (int l = 0; l < spec.layerCount(); l++) {
            weights[l] = new double[spec.width(l)][spec.fanIn(l)];
            thresholds[l] = new double[spec.width(l)];
            for (int k = 0; k < spec.width(l); k++) {
                double sign = k % 2 == 0 ? 1 : -1; // P or ¬P
                if (l == 0) {
                    for (int j = 0; j < n; j++) {
                        weights[l][k][j] = spec.quantize(sign * p[j]);
                    }
                    thresholds[l][k] = learnThreshold ? sign * p[n] : 0; // BDNN0: λ stays 0
                } else {
                    relay(spec, l, sign, learnThreshold, weights[l][k], thresholds[l], k);
                }
            }
        }
        return of(milp, TrainedBnn.of(spec, weights, thresholds), "pocket");
    }

    /**
     * Neuron k of layer l ≥ 1 relays P: weights sign·(−1)^j, so its input is sign·S with S the
     * alternating sum, which is S⁺ = e·v₁ − o·v₀ when P fires and S⁻ = e·v₀ − o·v₁ when it does not
     * (e, o the even and odd inputs, v₀, v₁ the levels of the layer below); S⁺ − S⁻ = d·(v₁ − v₀).
     * (The weights are also flipped when v₁ &lt; v₀.) The threshold λ = sign·(S⁺ + S⁻)/2 − t puts the breakpoint t halfway between (clamped to
     * [−1, 1]; the forward pass, not this arithmetic, decides what the start's activations are).
     * BDNN0 keeps λ = 0, which the alternating signs make workable.
     */
    private static void relay(BnnSpec spec, int l, double sign, boolean learnThreshold, double[] weights,
            double[] thresholds, int k) {
        DiscreteActivation below = spec.activation(l - 1);
        int d = spec.fanIn(l);
        int even = (d + 1) / 2;
        int odd = d / 2;
        // v₁ < v₀ (a decreasing activation) turns S⁺ below S⁻: flip the weights to keep P on even neurons
        double direction = sign * (below.value(1) > below.value(0) ? 1 : -1);
        for (int j = 0; j < d; j++) {
            weights[j] = direction * (j % 2 == 0 ? 1 : -1);
        }
        double plus = even * below.value(1) - odd * below.value(0);
        double minus = even * below.value(0) - odd * below.value(1);
        double t = spec.activation(l).breakpoint(1);
        if (learnThreshold) {
            thresholds[k] = Math.clamp(direction * (plus + minus) / 2 - t, -1.0, 1.0);
        }
    }
}
