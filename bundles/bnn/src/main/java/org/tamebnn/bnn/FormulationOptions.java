package org.tamebnn.bnn;

import java.util.List;

/**
 * Switches for the formulation's improvements over the paper's plain model; each is separate so
 * that it can be benchmarked, and none changes the optimal training loss (each is proven exact
 * where it is implemented).
 *
 * @param tightFirstLayerBigM use M_i = ‖x_i‖₁ + 1 (‖x_i‖₁ for BDNN0) per point in the first layer
 *                            instead of the paper's M₁ = n·r + 1
 * @param symmetryBreaking    order the interchangeable neurons of each hidden layer: λ_k ≥ λ_{k+1}
 *                            (BDNN) or w_{k,0} ≥ w_{k+1,0} (BDNN0)
 * @param mergeDuplicates     train on each distinct feature vector once, its loss terms weighted by
 *                            how many training points of each class share it
 * @param maxMargin           after the loss, lexicographically maximise the smallest distance δ of
 *                            any preactivation from the firing threshold, in the same solve
 * @param marginCap           δmax, the largest margin the max-margin objective rewards (≥ ε)
 * @param objectives          the lexicographic stages, each a solve of its own keeping the earlier
 *                            ones at the values they reached; always {@link Objective#LOSS} first
 *                            (since 2.4)
 */
public record FormulationOptions(boolean tightFirstLayerBigM, boolean symmetryBreaking, boolean mergeDuplicates,
        boolean maxMargin, double marginCap, List<Objective> objectives) {

    /** The default δmax: a margin of 1 is as large as a preactivation difference gets between neighbouring binary inputs. */
    public static final double DEFAULT_MARGIN_CAP = 1.0;

    /** Options with the loss as the only objective (as before lexicographic stages). */
    public FormulationOptions(boolean tightFirstLayerBigM, boolean symmetryBreaking, boolean mergeDuplicates,
            boolean maxMargin, double marginCap) {
        this(tightFirstLayerBigM, symmetryBreaking, mergeDuplicates, maxMargin, marginCap, List.of(Objective.LOSS));
    }

    /** Checks δmax and the stages. */
    public FormulationOptions {
        if (!(marginCap > 0) || Double.isInfinite(marginCap)) {
            throw new IllegalArgumentException("the margin cap δmax must be a positive number, not " + marginCap);
        }
        objectives = List.copyOf(objectives);
        if (objectives.isEmpty() || objectives.get(0) != Objective.LOSS) {
            throw new IllegalArgumentException("the objectives start with the loss, not " + objectives);
        }
        if (new java.util.HashSet<>(objectives).size() != objectives.size()) {
            throw new IllegalArgumentException("an objective is named twice in " + objectives);
        }
    }

    /** The formulation exactly as Theorem 2 states it: every option off. */
    public static FormulationOptions paper() {
        return new FormulationOptions(false, false, false, false, DEFAULT_MARGIN_CAP);
    }

    /**
     * The options that paid off in a quick measurement ({@code OptionsMeasurement} in this bundle's
     * tests, 30 s per solve, one thread, HiGHS and SCIP, every option alone and combined): only
     * merging equal points. On 9 instances with mostly nonzero optimal loss (BCW, 200 training
     * points, 1 hidden neuron, BDNN and BDNN0; 2-D random data, 24 points, 2 hidden; 3 seeds) it
     * was the one option faster than the paper's model on both solvers (geometric mean 3.02 s vs
     * 3.49 s on HiGHS, 3.12 s vs 3.59 s on SCIP) and gave SCIP the best bounds on the two
     * instances no variant solved; on 9 zero-loss instances (BCW, 100 points, 2 hidden) it was
     * faster too (1.00 s vs 1.48 s, 0.47 s vs 0.88 s) though SCIP missed one of them. It also
     * shrinks the model: BCW's 559 training points are 374 distinct ones. The tight big-M and
     * symmetry breaking each helped one solver and hurt the other on the first set, and max-margin
     * changes the objective, so they stay opt-in until the benchmark proper says otherwise.
     */
    public static FormulationOptions defaults() {
        return new FormulationOptions(false, false, true, false, DEFAULT_MARGIN_CAP);
    }

    /** Every exact speed-up on (tight big-M, symmetry breaking, merging), max-margin off. */
    public static FormulationOptions allSpeedUps() {
        return new FormulationOptions(true, true, true, false, DEFAULT_MARGIN_CAP);
    }

    /** The same with the per-point first-layer big-M on or off. */
    public FormulationOptions withTightFirstLayerBigM(boolean on) {
        return new FormulationOptions(on, symmetryBreaking, mergeDuplicates, maxMargin, marginCap, objectives);
    }

    /** The same with symmetry breaking between hidden neurons on or off. */
    public FormulationOptions withSymmetryBreaking(boolean on) {
        return new FormulationOptions(tightFirstLayerBigM, on, mergeDuplicates, maxMargin, marginCap, objectives);
    }

    /** The same with merging of equal feature vectors on or off. */
    public FormulationOptions withMergeDuplicates(boolean on) {
        return new FormulationOptions(tightFirstLayerBigM, symmetryBreaking, on, maxMargin, marginCap, objectives);
    }

    /** The same with the max-margin secondary objective on or off. */
    public FormulationOptions withMaxMargin(boolean on) {
        return new FormulationOptions(tightFirstLayerBigM, symmetryBreaking, mergeDuplicates, on, marginCap, objectives);
    }

    /** The same with another δmax (the margin the secondary objective stops rewarding). */
    public FormulationOptions withMarginCap(double cap) {
        return new FormulationOptions(tightFirstLayerBigM, symmetryBreaking, mergeDuplicates, maxMargin, cap, objectives);
    }

    /**
     * The same with other lexicographic stages, e.g. loss, then margin, then sparsity (BeMi's order).
     *
     * @since 2.4
     */
    public FormulationOptions withObjectives(List<Objective> stages) {
        return new FormulationOptions(tightFirstLayerBigM, symmetryBreaking, mergeDuplicates, maxMargin, marginCap,
                stages);
    }

    /** True when the model needs the margin column δ: max-margin in the loss's solve, or a margin stage. */
    public boolean hasMargin() {
        return maxMargin || objectives.contains(Objective.MARGIN);
    }

    /** E.g. {@code "tight-M+merge"}, or {@code "paper"} when every option is off. */
    public String describe() {
        var parts = new java.util.ArrayList<String>();
        if (tightFirstLayerBigM) {
            parts.add("tight-M");
        }
        if (symmetryBreaking) {
            parts.add("symmetry");
        }
        if (mergeDuplicates) {
            parts.add("merge");
        }
        if (maxMargin) {
            parts.add("max-margin(δmax=" + marginCap + ")");
        }
        if (objectives.size() > 1) {
            parts.add("stages " + String.join(" > ", objectives.stream().map(Objective::label).toList())
                    + (objectives.contains(Objective.MARGIN) && !maxMargin ? "(δmax=" + marginCap + ")" : ""));
        }
        return parts.isEmpty() ? "paper" : String.join("+", parts);
    }
}
