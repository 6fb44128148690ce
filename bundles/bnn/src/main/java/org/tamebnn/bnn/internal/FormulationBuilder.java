package org.tamebnn.bnn.internal;

import java.time.Duration;
import java.util.List;

import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.loss.OutputKind;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.bnn.BnnMilp;
import org.tamebnn.bnn.BnnSpec;
import org.tamebnn.bnn.BnnVariables;
import org.tamebnn.bnn.FormulationOptions;
import org.tamebnn.bnn.TrainingPoint;
import org.tamebnn.data.Dataset;

/**
 * Builds the MILP of Bah &amp; Kurtz, Theorem 2 (Lemma 1 with its products linearised), with the
 * {@link FormulationOptions}. Equation numbers refer to the paper: (4) the objective, (5)/(6) the
 * first layer, (7)/(8) the later layers, (9) the bounds of W and λ, (10) u binary.
 */
public final class FormulationBuilder {
    private final BnnSpec spec;
    private final FormulationOptions options;
    private final LossFunction loss;
    private final List<TrainingPoint> points;
    private final MilpModel.Builder b;
    /** r: every |x_j| ≤ r, so |W¹x| ≤ n·r (the paper's r for inputs scaled to [0, 1] is 1). */
    private final double inputBound;

    private NetworkVariables net;
    private int margin = -1;
    private int[][][] activation;
    private int[][][][] product;

    private FormulationBuilder(BnnSpec spec, FormulationOptions options, LossFunction loss,
            List<TrainingPoint> points, String name) {
        this.spec = spec;
        this.options = options;
        this.loss = loss;
        this.points = points;
        this.b = MilpModel.builder(name);
        double r = 1;
        for (TrainingPoint p : points) {
            for (int j = 0; j < p.featureCount(); j++) {
                r = Math.max(r, Math.abs(p.feature(j)));
            }
        }
        this.inputBound = r;
    }

    /** Checks that data, spec, options and loss fit together, then builds. */
    public static BnnMilp build(Dataset train, BnnSpec spec, FormulationOptions options, LossFunction loss) {
        long start = System.nanoTime();
        if (train.size() == 0) {
            throw new IllegalArgumentException("training set '" + train.name() + "' is empty");
        }
        if (train.featureCount() != spec.inputWidth()) {
            throw new IllegalArgumentException("training set '" + train.name() + "' has " + train.featureCount()
                    + " features; the network " + spec.describe() + " expects " + spec.inputWidth());
        }
        if (train.classCount() != spec.classCount()) {
            throw new IllegalArgumentException("training set '" + train.name() + "' has " + train.classCount()
                    + " classes; the network " + spec.describe() + " has " + spec.classCount());
        }
        if (!loss.supports(OutputKind.BINARY)) {
            throw new IllegalArgumentException("loss '" + loss.name() + "' does not support binary outputs");
        }
        if (options.maxMargin() && options.marginCap() < spec.epsilon()) {
            throw new IllegalArgumentException("the margin cap δmax = " + options.marginCap()
                    + " must be at least ε = " + spec.epsilon());
        }
        List<TrainingPoint> points = PointMerger.points(train, options.mergeDuplicates());
        String name = "bnn-" + train.name().replaceAll("[^A-Za-z0-9._-]", "_");
        var builder = new FormulationBuilder(spec, options, loss, points, name);
        builder.addEverything();
        return builder.result(train.size(), Duration.ofNanos(System.nanoTime() - start));
    }

    private void addEverything() {
        net = NetworkVariables.add(b, spec);
        if (options.maxMargin()) {
            // δ, measured from the firing threshold −ε/2; δ = ε/2 is exactly the paper's gap
            margin = b.continuous("delta", spec.epsilon() / 2, options.marginCap());
        }
        int layers = spec.layerCount();
        activation = new int[points.size()][layers][];
        product = new int[points.size()][layers][][];
        for (int p = 0; p < points.size(); p++) {
            for (int l = 0; l < layers; l++) {
                activation[p][l] = new int[spec.width(l)];
                for (int k = 0; k < spec.width(l); k++) {
                    // (10): u ∈ {0, 1}
                    activation[p][l][k] = b.binary("u" + p + "_" + (l + 1) + "_" + k);
                }
                if (l > 0) {
                    product[p][l] = addProducts(p, l);
                }
                for (int k = 0; k < spec.width(l); k++) {
                    addNeuronRows(p, l, k);
                }
            }
            if (spec.outputWidth() > 1) {
                addExactlyOneClass(p);
            }
            addLoss(p);
        }
        if (options.symmetryBreaking()) {
            net.addSymmetryBreaking(b, spec);
        }
        if (margin >= 0) {
            b.objective(margin, -marginCoefficient());
        }
    }

    /**
     * Theorem 2: each product w_{k,j}·u_j of (7)/(8) becomes s ∈ [−1, 1] with s ≤ u, s ≥ −u,
     * s ≤ w + (1 − u), s ≥ w − (1 − u); so u = 0 gives s = 0 and u = 1 gives s = w.
     */
    private int[][] addProducts(int p, int l) {
        int[][] s = new int[spec.width(l)][spec.fanIn(l)];
        int[] below = activation[p][l - 1];
        for (int k = 0; k < spec.width(l); k++) {
            for (int j = 0; j < spec.fanIn(l); j++) {
                String name = p + "_" + (l + 1) + "_" + k + "_" + j;
                int sc = b.continuous("s" + name, -1, 1);
                s[k][j] = sc;
                int u = below[j];
                WeightRef w = net.weights[l][k][j];
                b.addRow("sa" + name, Double.NEGATIVE_INFINITY, 0, new int[] {sc, u}, new double[] {1, -1});
                b.addRow("sb" + name, 0, Double.POSITIVE_INFINITY, new int[] {sc, u}, new double[] {1, 1});
                // s − w + u ≤ 1 with w = scale·col + offset
                b.addRow("sc" + name, Double.NEGATIVE_INFINITY, 1 + w.offset(), new int[] {sc, w.column(), u},
                        new double[] {1, -w.scale(), 1});
                // s − w − u ≥ −1
                b.addRow("sd" + name, -1 + w.offset(), Double.POSITIVE_INFINITY, new int[] {sc, w.column(), u},
                        new double[] {1, -w.scale(), -1});
            }
        }
        return s;
    }

    /**
     * The two big-M rows linking neuron k's preactivation a = W_k·v − λ_k to its activation u:
     * (5)/(7) with the strict inequality made a gap ε, and (6)/(8):
     * <pre>
     *   a ≤ (M + ε)·u − ε     u = 0 ⇒ a ≤ −ε;  u = 1 ⇒ a ≤ M
     *   a ≥ −M·(1 − u)        u = 1 ⇒ a ≥ 0;   u = 0 ⇒ a ≥ −M
     * </pre>
     * With max-margin the gap is δ either side of the firing threshold h = −ε/2, with M enlarged
     * by δmax so that the rows stay linear and inactive for the other value of u:
     * <pre>
     *   a ≥ δ − ε/2 − (M + δmax)·(1 − u)        u = 1 ⇒ a ≥ δ − ε/2
     *   a ≤ −ε/2 − δ + (M + δmax + ε/2)·u       u = 0 ⇒ a ≤ −ε/2 − δ
     * </pre>
     * At δ = ε/2 these are the paper's rows, so max-margin keeps every network the paper's model
     * allows (a margin measured from 0, a ≥ δ ≥ ε when firing, would not: in BDNN0 a zero input
     * has a = 0 and must fire, which no margin from 0 allows).
     */
    private void addNeuronRows(int p, int l, int k) {
        int fanIn = spec.fanIn(l);
        int extra = (net.thresholdColumns != null ? 1 : 0) + (margin >= 0 ? 2 : 1);
        int[] cols = new int[fanIn + extra];
        double[] coefs = new double[fanIn + extra];
        double constant = 0;
        int n = 0;
        if (l == 0) {
            TrainingPoint point = points.get(p);
            for (int j = 0; j < fanIn; j++) {
                WeightRef w = net.weights[0][k][j];
                cols[n] = w.column();
                coefs[n++] = w.scale() * point.feature(j);
                constant += w.offset() * point.feature(j);
            }
        } else {
            for (int j = 0; j < fanIn; j++) {
                cols[n] = product[p][l][k][j];
                coefs[n++] = 1;
            }
        }
        if (net.thresholdColumns != null) {
            cols[n] = net.thresholdColumns[l][k];
            coefs[n++] = -1;
        }
        int u = activation[p][l][k];
        double bigM = bigM(p, l);
        double eps = spec.epsilon();
        String name = p + "_" + (l + 1) + "_" + k;
        if (margin < 0) {
            cols[n] = u;
            coefs[n] = -(bigM + eps);
            b.addRow("up" + name, Double.NEGATIVE_INFINITY, -eps - constant, cols, coefs.clone());
            coefs[n] = -bigM;
            b.addRow("lo" + name, -bigM - constant, Double.POSITIVE_INFINITY, cols, coefs);
            return;
        }
        double h = eps / 2;
        double cap = options.marginCap();
        cols[n] = u;
        cols[n + 1] = margin;
        coefs[n] = -(bigM + cap);
        coefs[n + 1] = -1;
        b.addRow("lo" + name, -h - bigM - cap - constant, Double.POSITIVE_INFINITY, cols, coefs.clone());
        coefs[n] = -(bigM + cap + h);
        coefs[n + 1] = 1;
        b.addRow("up" + name, Double.NEGATIVE_INFINITY, -h - constant, cols, coefs);
    }

    /**
     * M ≥ |a| for every network. Layer 1 (paper): M₁ = n·r + 1, since |W¹x| ≤ n·r and |λ| ≤ 1. With
     * the tight option, per point: M = ‖x‖₁ + 1 (‖x‖₁ for BDNN0, where λ = 0), as
     * |W_k·x − λ_k| ≤ Σ_j |w_{kj}||x_j| + |λ_k| ≤ ‖x‖₁ + 1. Later layers: M_ℓ = d_{ℓ−1} + 1, since
     * the inputs are binary. (Weights and λ at their bounds reach these values exactly, so none is loose by a constant.)
     */
    private double bigM(int p, int l) {
        if (l > 0) {
            return spec.fanIn(l) + 1;
        }
        if (options.tightFirstLayerBigM()) {
            return points.get(p).l1Norm() + (spec.variant().trainsThresholds() ? 1 : 0);
        }
        return spec.inputWidth() * inputBound + 1;
    }

    /** Multi-class (Remark after Theorem 2): exactly one output neuron fires for each training point. */
    private void addExactlyOneClass(int p) {
        int[] cols = activation[p][spec.layerCount() - 1].clone();
        double[] ones = new double[cols.length];
        java.util.Arrays.fill(ones, 1.0);
        b.addRow("one" + p, 1, 1, cols, ones);
    }

    /**
     * (4): Σ_c weight_c · Σ_k loss(u^L_k, target_{c,k}), each term through {@link LossFunction#addTo}.
     * Two classes: one output, target c. K ≥ 3: one-hot targets, each output's term weighted ½
     * because with exactly one output firing the summed 0-1 loss is 2 per misclassified point.
     */
    private void addLoss(int p) {
        TrainingPoint point = points.get(p);
        int[] outputs = activation[p][spec.layerCount() - 1];
        int[] term = new int[1];
        point.forEachLossTerm(outputs.length, outputLossScale(), (k, target, weight) -> loss.addTo(b,
                "loss" + p + "_" + k + "_" + term[0]++, outputs[k], OutputKind.BINARY, target, weight));
    }

    private double outputLossScale() {
        return spec.outputWidth() == 1 ? 1.0 : 0.5;
    }

    /**
     * c in "minimise loss − c·δ", chosen so that the loss comes first lexicographically.
     *
     * <p>Claim: if every achievable loss is a multiple of g > 0, then with c = g / (2·δmax) every
     * minimiser of loss − c·δ has the least loss, and among those the largest δ. Proof: δ ∈ [ε/2,
     * δmax], so for any solution loss − g/2 ≤ loss − c·δ < loss. Let x minimise the objective and
     * suppose some y has loss(y) < loss(x); then loss(y) ≤ loss(x) − g, and
     * obj(y) < loss(y) ≤ loss(x) − g < loss(x) − g/2 ≤ obj(x), contradicting x's optimality. Among
     * solutions of equal loss the objective is smallest where δ is largest. The same bound shows a
     * solver stopped with an absolute gap below g/2 already has the optimal loss.
     *
     * <p>g: the loss is Σ weight·scale·loss(u, t) over u, t ∈ {0, 1}; with integer weights (row
     * counts) and a loss whose values on {0, 1}² are integers, g = scale (1, or ½ for K ≥ 3).
     * Anything else has no such g, and max-margin is refused rather than guessed.
     */
    private double marginCoefficient() {
        for (double u = 0; u <= 1; u++) {
            for (double t = 0; t <= 1; t++) {
                double v = loss.value(u, t);
                if (v != Math.rint(v)) {
                    throw new IllegalArgumentException("max-margin needs a loss with integer values on binary outputs;"
                            + " loss '" + loss.name() + "' gives " + v + " for output " + u + ", target " + t);
                }
            }
        }
        for (TrainingPoint point : points) {
            for (int c = 0; c < point.classCount(); c++) {
                if (point.classWeight(c) != Math.rint(point.classWeight(c))) {
                    throw new IllegalArgumentException("max-margin needs integer point weights");
                }
            }
        }
        return outputLossScale() / (2 * options.marginCap());
    }

    private BnnMilp result(int rows, Duration buildTime) {
        BnnVariables variables = new BnnVariables(spec.weights(), net.weightColumns, net.thresholdColumns,
                activation, product, net.indicatorColumns, margin);
        double c = margin >= 0 ? marginCoefficient() : 0;
        return new BnnMilp(spec, options, b.build(), variables, points, rows, outputLossScale(), c, buildTime);
    }
}
