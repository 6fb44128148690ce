package org.tamebnn.bnn.internal;

import java.time.Duration;
import java.util.List;

import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.loss.OutputKind;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.bnn.BnnMilp;
import org.tamebnn.bnn.BnnSpec;
import org.tamebnn.bnn.BnnVariables;
import org.tamebnn.bnn.DiscreteActivation;
import org.tamebnn.bnn.FormulationOptions;
import org.tamebnn.bnn.Objective;
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
    /** What the loss scores on each output neuron: u (BINARY) or a (PREACTIVATION). */
    private final OutputKind outputKind;
    private final List<TrainingPoint> points;
    private final MilpModel.Builder b;
    /** r: every |x_j| ≤ r, so |W¹x| ≤ n·r (the paper's r for inputs scaled to [0, 1] is 1). */
    private final double inputBound;

    private NetworkVariables net;
    private int margin = -1;
    /** [point][layer][neuron][bit] */
    private int[][][][] activation;
    /** [point][layer][neuron][input][bit], null for layer 0 */
    private int[][][][][] product;
    /** [point][neuron] the output layer's preactivation column, null unless the loss scores it */
    private int[][] outputPreactivation;
    /**
     * [point] the training point each point stands for: itself for a training point, its original
     * for a scenario of the robust master (Section 4); null without scenarios.
     */
    private int[] groupOf;
    /** [training point] how many points (itself and its scenarios) share its loss; null without scenarios. */
    private int[] groupSize;

    private FormulationBuilder(BnnSpec spec, FormulationOptions options, LossFunction loss, OutputKind outputKind,
            List<TrainingPoint> points, String name) {
        this.spec = spec;
        this.options = options;
        this.loss = loss;
        this.outputKind = outputKind;
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
        if (spec.isRegression() != train.isRegression()) {
            throw new IllegalArgumentException("training set '" + train.name() + "' is a "
                    + (train.isRegression() ? "regression" : "classification") + " data set; the network "
                    + spec.describe() + " is a " + (spec.isRegression() ? "regression network" : "classifier"));
        }
        if (spec.isRegression() && train.targetCount() != spec.targetCount()) {
            throw new IllegalArgumentException("training set '" + train.name() + "' has " + train.targetCount()
                    + " targets; the network " + spec.describe() + " has " + spec.targetCount() + " outputs");
        }
        if (!spec.isRegression() && train.classCount() != spec.classCount()) {
            throw new IllegalArgumentException("training set '" + train.name() + "' has " + train.classCount()
                    + " classes; the network " + spec.describe() + " has " + spec.classCount());
        }
        OutputKind kind = spec.isRegression() ? continuousKind(loss) : outputKind(loss);
        if (options.maxMargin() && kind != OutputKind.BINARY) {
            throw new IllegalArgumentException("max-margin needs a loss on binary outputs, whose values lie on a grid;"
                    + " loss '" + loss.name() + "' scores the output " + kind.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (options.hasMargin() && options.marginCap() < spec.epsilon()) {
            throw new IllegalArgumentException("the margin cap δmax = " + options.marginCap()
                    + " must be at least ε = " + spec.epsilon());
        }
        List<TrainingPoint> points = classWeighted(PointMerger.points(train, options.mergeDuplicates()),
                train.classCounts(), loss);
        String name = "bnn-" + train.name().replaceAll("[^A-Za-z0-9._-]", "_");
        var builder = new FormulationBuilder(spec, options, loss, kind, points, name);
        builder.addEverything();
        return builder.result(train.size(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** A regression network's outputs are real: the loss must score continuous outputs. */
    private static OutputKind continuousKind(LossFunction loss) {
        if (!loss.supports(OutputKind.CONTINUOUS)) {
            throw new IllegalArgumentException("loss '" + loss.name() + "' does not score continuous outputs, and"
                    + " this network's output layer is the identity (regression); use 'absolute' or 'squared'");
        }
        return OutputKind.CONTINUOUS;
    }

    /**
     * The master problem of the column-and-constraint generation for the two-stage robust model
     * (11) of Section 4: the training points of {@link #build(Dataset, BnnSpec, FormulationOptions,
     * LossFunction)}, in the same order, followed by their scenarios — perturbed copies x' of each
     * point, each with its own copy of the second-stage variables u and s (the "copy of all
     * second-stage variables" of Section 4). A point with scenarios pays the worst loss over itself
     * and its scenarios, max over x' of loss(u(x'), y), through an epigraph column η per class:
     * η ≥ loss(u(x'), y) for each member, η weighted in the objective. A point without scenarios keeps
     * its plain loss term, so with no scenarios at all this is exactly the nominal model.
     *
     * @param scenarios per training point, in the order of the nominal model's
     *                  {@link BnnMilp#points()}, its scenarios' feature vectors (possibly none)
     * @throws IllegalArgumentException as {@link #build(Dataset, BnnSpec, FormulationOptions,
     *         LossFunction)}, or when the scenario lists do not match the points, the loss does not
     *         score binary outputs (the epigraph needs the loss as a function of u ∈ {0, 1}), or
     *         max-margin is on
     */
    public static BnnMilp build(Dataset train, BnnSpec spec, FormulationOptions options, LossFunction loss,
            List<List<double[]>> scenarios) {
        long start = System.nanoTime();
        BnnMilp nominal = build(train, spec, options, loss);
        List<TrainingPoint> base = nominal.points();
        if (scenarios.size() != base.size()) {
            throw new IllegalArgumentException("scenario lists for " + scenarios.size() + " points; training set '"
                    + train.name() + "' gives " + base.size() + " points" + (options.mergeDuplicates()
                            ? " (equal feature vectors merged)" : ""));
        }
        if (scenarios.stream().allMatch(List::isEmpty)) {
            return nominal;
        }
        if (nominal.variables().outputKind() != OutputKind.BINARY) {
            throw new IllegalArgumentException("scenarios need a loss on binary outputs; loss '" + loss.name()
                    + "' scores the output " + nominal.variables().outputKind().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (options.maxMargin()) {
            throw new IllegalArgumentException("max-margin is not available with scenarios (the robust master)");
        }
        List<TrainingPoint> points = new java.util.ArrayList<>(base);
        int total = base.size() + scenarios.stream().mapToInt(List::size).sum();
        int[] groupOf = new int[total];
        int[] groupSize = new int[base.size()];
        for (int g = 0; g < base.size(); g++) {
            groupOf[g] = g;
            groupSize[g] = 1 + scenarios.get(g).size();
        }
        for (int g = 0; g < base.size(); g++) {
            TrainingPoint original = base.get(g);
            for (double[] x : scenarios.get(g)) {
                if (x.length != spec.inputWidth()) {
                    throw new IllegalArgumentException("a scenario of training point " + g + " has " + x.length
                            + " features; the network " + spec.describe() + " expects " + spec.inputWidth());
                }
                groupOf[points.size()] = g;
                points.add(new TrainingPoint(x, original.classWeights(), original.rows()));
            }
        }
        String name = "bnn-robust-" + train.name().replaceAll("[^A-Za-z0-9._-]", "_");
        var builder = new FormulationBuilder(spec, options, loss, OutputKind.BINARY, points, name);
        builder.groupOf = groupOf;
        builder.groupSize = groupSize;
        builder.addEverything();
        return builder.result(train.size(), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * What the loss scores on a classifier's output neuron: its activation u when the loss can (the
     * paper's (4)), else its preactivation a, the margin (e.g. the hinge).
     */
    private static OutputKind outputKind(LossFunction loss) {
        if (loss.supports(OutputKind.BINARY)) {
            return OutputKind.BINARY;
        }
        if (loss.supports(OutputKind.PREACTIVATION)) {
            return OutputKind.PREACTIVATION;
        }
        throw new IllegalArgumentException("loss '" + loss.name() + "' scores neither binary outputs nor their"
                + " preactivations, and this network's output layer is binary (a classifier)");
    }

    /**
     * The points with the loss's class weights multiplied into their per-class weights, so that the
     * objective, the consistency check and the heuristic start all see the same weighted loss. The
     * weights come from the training set's class counts (before merging, so that they count rows).
     */
    static List<TrainingPoint> classWeighted(List<TrainingPoint> points, int[] classCounts, LossFunction loss) {
        double[] factor = new double[classCounts.length];
        boolean plain = true;
        for (int c = 0; c < factor.length; c++) {
            factor[c] = loss.classWeight(c, classCounts.clone());
            if (!(factor[c] >= 0) || !Double.isFinite(factor[c])) {
                throw new IllegalArgumentException("loss '" + loss.name() + "' gives class " + c + " the weight "
                        + factor[c] + "; class weights must be finite and ≥ 0");
            }
            plain &= factor[c] == 1.0;
        }
        if (plain) {
            return points;
        }
        List<TrainingPoint> weighted = new java.util.ArrayList<>(points.size());
        for (TrainingPoint point : points) {
            double[] w = point.classWeights();
            for (int c = 0; c < w.length; c++) {
                w[c] *= factor[c];
            }
            weighted.add(new TrainingPoint(point.features(), w, point.rows()));
        }
        return weighted;
    }

    private void addEverything() {
        net = NetworkVariables.add(b, spec, options.objectives().contains(Objective.SPARSITY));
        if (options.hasMargin()) {
            // δ, measured from the firing threshold −ε/2; δ = ε/2 is exactly the paper's gap
            margin = b.continuous("delta", spec.epsilon() / 2, options.marginCap());
        }
        int layers = spec.layerCount();
        activation = new int[points.size()][layers][][];
        product = new int[points.size()][layers][][][];
        outputPreactivation = outputKind != OutputKind.BINARY ? new int[points.size()][] : null;
        for (int p = 0; p < points.size(); p++) {
            for (int l = 0; l < layers; l++) {
                // a regression network's identity output has no bits and no big-M rows: o = a exactly
                boolean identity = spec.isRegression() && l == layers - 1;
                activation[p][l] = identity ? new int[spec.width(l)][0] : addActivations(p, l);
                if (l > 0) {
                    product[p][l] = addProducts(p, l);
                }
                for (int k = 0; k < spec.width(l) && !identity; k++) {
                    addNeuronRows(p, l, k);
                }
            }
            if (!spec.isRegression() && spec.outputWidth() > 1) {
                addExactlyOneClass(p);
            }
            if (outputPreactivation != null) {
                outputPreactivation[p] = addOutputPreactivations(p);
            }
            if (groupOf == null || groupSize[groupOf[p]] == 1) {
                addLoss(p);
            }
        }
        if (groupOf != null) {
            WorstCaseLoss.add(b, loss, points, groupOf, groupSize, this::outputColumns, outputLossScale());
        }
        if (options.symmetryBreaking()) {
            net.addSymmetryBreaking(b, spec);
        }
        if (options.maxMargin()) {
            b.objective(margin, -marginCoefficient());
        }
    }

    /**
     * (10): u ∈ {0, 1} per neuron. A discrete activation with levels v₀ … v_m (Remark after
     * Theorem 2) gets m such bits, yᵢ = [a ≥ tᵢ] (a thermometer code), with yᵢ₊₁ ≤ yᵢ: implied by
     * the neuron rows since tᵢ₊₁ &gt; tᵢ, but stated so that the LP relaxation knows it. The level
     * is Σ yᵢ and the output v₀ + Σᵢ (vᵢ − vᵢ₋₁)·yᵢ. For the paper's step (m = 1) y₁ is its u.
     */
    private int[][] addActivations(int p, int l) {
        int bits = spec.activation(l).levelCount() - 1;
        int[][] y = new int[spec.width(l)][bits];
        for (int k = 0; k < spec.width(l); k++) {
            String name = "u" + p + "_" + (l + 1) + "_" + k;
            for (int i = 0; i < bits; i++) {
                y[k][i] = b.binary(bits == 1 ? name : name + "_" + (i + 1));
                if (i > 0) {
                    b.addRow("ord" + p + "_" + (l + 1) + "_" + k + "_" + i, 0, Double.POSITIVE_INFINITY,
                            new int[] {y[k][i - 1], y[k][i]}, new double[] {1, -1});
                }
            }
        }
        return y;
    }

    /**
     * Theorem 2: each product w_{k,j}·u_j of (7)/(8) becomes s ∈ [−1, 1] with s ≤ u, s ≥ −u,
     * s ≤ w + (1 − u), s ≥ w − (1 − u); so u = 0 gives s = 0 and u = 1 gives s = w. One product per
     * bit of a multi-level activation.
     */
    private int[][][] addProducts(int p, int l) {
        int[][] below = activation[p][l - 1];
        int[][][] s = new int[spec.width(l)][spec.fanIn(l)][];
        for (int k = 0; k < spec.width(l); k++) {
            for (int j = 0; j < spec.fanIn(l); j++) {
                s[k][j] = new int[below[j].length];
                for (int i = 0; i < below[j].length; i++) {
                    String name = p + "_" + (l + 1) + "_" + k + "_" + j + (below[j].length == 1 ? "" : "_" + (i + 1));
                    s[k][j][i] = addProduct(name, net.weights[l][k][j], below[j][i]);
                }
            }
        }
        return s;
    }

    private int addProduct(String name, WeightRef w, int u) {
        int sc = b.continuous("s" + name, -1, 1);
        b.addRow("sa" + name, Double.NEGATIVE_INFINITY, 0, new int[] {sc, u}, new double[] {1, -1});
        b.addRow("sb" + name, 0, Double.POSITIVE_INFINITY, new int[] {sc, u}, new double[] {1, 1});
        // s − w + u ≤ 1 with w = scale·col + offset
        b.addRow("sc" + name, Double.NEGATIVE_INFINITY, 1 + w.offset(), new int[] {sc, w.column(), u},
                new double[] {1, -w.scale(), 1});
        // s − w − u ≥ −1
        b.addRow("sd" + name, -1 + w.offset(), Double.POSITIVE_INFINITY, new int[] {sc, w.column(), u},
                new double[] {1, -w.scale(), -1});
        return sc;
    }

    /** A linear expression Σ coefs·x[cols] + constant, with room for the rows' own extra terms. */
    private record Affine(int[] cols, double[] coefs, int length, double constant) {
    }

    /**
     * Neuron k's preactivation a = W_k·v − λ_k: on the data for layer 0 (5)/(6); on the products for
     * later layers (7)/(8), with the previous layer's output v_j = v₀ + Σᵢ (vᵢ − vᵢ₋₁)·y_{j,i} so
     * that w·v_j = v₀·w + Σᵢ (vᵢ − vᵢ₋₁)·s_{j,i} (for the step v₀ = 0, v₁ = 1: just s).
     */
    private Affine preactivation(int p, int l, int k, int extra) {
        int fanIn = spec.fanIn(l);
        DiscreteActivation below = l > 0 ? spec.activation(l - 1) : null;
        boolean offsetTerm = below != null && below.value(0) != 0;
        int bits = below == null ? 1 : below.levelCount() - 1;
        int size = fanIn * (bits + (offsetTerm ? 1 : 0)) + (net.thresholdColumns != null ? 1 : 0) + extra;
        int[] cols = new int[size];
        double[] coefs = new double[size];
        double constant = 0;
        int n = 0;
        for (int j = 0; j < fanIn; j++) {
            WeightRef w = net.weights[l][k][j];
            if (l == 0) {
                double x = points.get(p).feature(j);
                cols[n] = w.column();
                coefs[n++] = w.scale() * x;
                constant += w.offset() * x;
                continue;
            }
            if (offsetTerm) {
                cols[n] = w.column();
                coefs[n++] = below.value(0) * w.scale();
                constant += below.value(0) * w.offset();
            }
            for (int i = 0; i < bits; i++) {
                cols[n] = product[p][l][k][j][i];
                coefs[n++] = below.value(i + 1) - below.value(i);
            }
        }
        if (net.thresholdColumns != null) {
            cols[n] = net.thresholdColumns[l][k];
            coefs[n++] = -1;
        }
        return new Affine(cols, coefs, n, constant);
    }

    /**
     * The two big-M rows linking neuron k's preactivation a to each bit y = [a ≥ t] of its
     * activation, t the bit's breakpoint (0 for the paper's step): (5)/(7) with the strict
     * inequality made a gap ε, and (6)/(8), where A ≥ |a| for every network ({@link #bigM}):
     * <pre>
     *   a ≤ t − ε + M⁺·y,   M⁺ = A − t + ε     y = 0 ⇒ a ≤ t − ε;  y = 1 ⇒ a ≤ A
     *   a ≥ t − M⁻·(1 − y), M⁻ = A + t         y = 1 ⇒ a ≥ t;      y = 0 ⇒ a ≥ −A
     * </pre>
     * (M⁺ and M⁻ are clamped at 0: a breakpoint beyond ±A makes its row hold for every network.)
     * With max-margin the gap is δ either side of the firing threshold t − ε/2, with the M's
     * enlarged by δmax so that the rows stay linear and inactive for the other value of y:
     * <pre>
     *   a ≥ t + δ − ε/2 − (M⁻ + δmax)·(1 − y)         y = 1 ⇒ a ≥ t + δ − ε/2
     *   a ≤ t − ε/2 − δ + (M⁺ − ε/2 + δmax)·y          y = 0 ⇒ a ≤ t − ε/2 − δ
     * </pre>
     * At δ = ε/2 these are the paper's rows, so max-margin keeps every network the paper's model
     * allows (a margin measured from t, a ≥ t + δ ≥ t + ε when firing, would not: in BDNN0 a zero
     * input has a = 0 and must fire, which no margin from 0 allows).
     */
    private void addNeuronRows(int p, int l, int k) {
        int extra = margin >= 0 ? 2 : 1;
        Affine a = preactivation(p, l, k, extra);
        int[] cols = a.cols();
        double[] coefs = a.coefs();
        int n = a.length();
        double bound = bigM(p, l);
        double eps = spec.epsilon();
        DiscreteActivation sigma = spec.activation(l);
        int[] bits = activation[p][l][k];
        for (int i = 0; i < bits.length; i++) {
            double t = sigma.breakpoint(i + 1);
            double mUp = Math.max(0, bound - t + eps);
            double mLo = Math.max(0, bound + t);
            String name = p + "_" + (l + 1) + "_" + k + (bits.length == 1 ? "" : "_" + (i + 1));
            cols[n] = bits[i];
            if (margin < 0) {
                coefs[n] = -mUp;
                b.addRow("up" + name, Double.NEGATIVE_INFINITY, t - eps - a.constant(), cols, coefs.clone());
                coefs[n] = -mLo;
                b.addRow("lo" + name, t - mLo - a.constant(), Double.POSITIVE_INFINITY, cols, coefs.clone());
                continue;
            }
            double h = eps / 2;
            double cap = options.marginCap();
            cols[n + 1] = margin;
            coefs[n] = -(mLo + cap);
            coefs[n + 1] = -1;
            b.addRow("lo" + name, t - h - mLo - cap - a.constant(), Double.POSITIVE_INFINITY, cols, coefs.clone());
            coefs[n] = -(mUp - h + cap);
            coefs[n + 1] = 1;
            b.addRow("up" + name, Double.NEGATIVE_INFINITY, t - h - a.constant(), cols, coefs.clone());
        }
    }

    /**
     * For a loss on the margin, or the real outputs of a regression network (identity output, the
     * paper's remark on continuous outputs): a column per output neuron equal to its preactivation,
     * a = W^L_k·v − λ^L_k (the expression of (7)/(8)), bounded by ±A ({@link #bigM}), which every
     * network keeps. The big-M rows keep their own copy of the expression, so that the model without
     * such a loss is unchanged.
     */
    private int[] addOutputPreactivations(int p) {
        int l = spec.layerCount() - 1;
        double bound = bigM(p, l);
        int[] a = new int[spec.width(l)];
        for (int k = 0; k < a.length; k++) {
            String name = p + "_" + (l + 1) + "_" + k;
            a[k] = b.continuous("a" + name, -bound, bound);
            Affine e = preactivation(p, l, k, 1);
            int n = e.length();
            int[] cols = java.util.Arrays.copyOf(e.cols(), n + 1);
            double[] coefs = new double[n + 1];
            for (int i = 0; i < n; i++) {
                coefs[i] = -e.coefs()[i];
            }
            cols[n] = a[k];
            coefs[n] = 1;
            // a − (Σ coefs·cols) = constant
            b.addRow("pre" + name, e.constant(), e.constant(), cols, coefs);
        }
        return a;
    }

    /**
     * A ≥ |a| for every network. Layer 1 (paper): M₁ = n·r + 1, since |W¹x| ≤ n·r and |λ| ≤ 1. With
     * the tight option, per point: M = ‖x‖₁ + 1 (‖x‖₁ for BDNN0, where λ = 0), as
     * |W_k·x − λ_k| ≤ Σ_j |w_{kj}||x_j| + |λ_k| ≤ ‖x‖₁ + 1. Later layers: M_ℓ = d_{ℓ−1}·max|vᵢ| + 1,
     * which is d_{ℓ−1} + 1 for the paper's binary inputs. (Weights and λ at their bounds reach these
     * values exactly, so none is loose by a constant.)
     */
    private double bigM(int p, int l) {
        if (l > 0) {
            return spec.fanIn(l) * spec.activation(l - 1).maxAbsValue() + 1;
        }
        if (options.tightFirstLayerBigM()) {
            return points.get(p).l1Norm() + (spec.variant().trainsThresholds() ? 1 : 0);
        }
        return spec.inputWidth() * inputBound + 1;
    }

    /** Multi-class (Remark after Theorem 2): exactly one output neuron fires for each training point. */
    private void addExactlyOneClass(int p) {
        int[] cols = outputColumns(p);
        double[] ones = new double[cols.length];
        java.util.Arrays.fill(ones, 1.0);
        b.addRow("one" + p, 1, 1, cols, ones);
    }

    /**
     * (4): Σ_c weight_c · Σ_k loss(u^L_k, target_{c,k}), each term through {@link LossFunction#addTo}
     * (on the preactivation a^L_k instead of u^L_k for a margin loss; weight_c includes the loss's
     * class weight).
     * Two classes: one output, target c. K ≥ 3: one-hot targets, each output's term weighted ½
     * because with exactly one output firing the summed 0-1 loss is 2 per misclassified point.
     */
    private void addLoss(int p) {
        TrainingPoint point = points.get(p);
        int[] outputs = outputPreactivation != null ? outputPreactivation[p] : outputColumns(p);
        // the output's range, for a loss that approximates (the squared error's tangents span it)
        double bound = outputPreactivation != null ? bigM(p, spec.layerCount() - 1) : 1;
        double lower = outputPreactivation != null ? -bound : 0;
        int[] term = new int[1];
        point.forEachLossTerm(outputs.length, outputLossScale(), (k, target, weight) -> loss.addTo(b,
                "loss" + p + "_" + k + "_" + term[0]++, outputs[k], outputKind, target, weight, lower, bound));
    }

    /** The output layer's u, one per neuron (its activation is the step: one bit each). */
    private int[] outputColumns(int p) {
        int[][] out = activation[p][spec.layerCount() - 1];
        int[] cols = new int[out.length];
        for (int k = 0; k < out.length; k++) {
            cols[k] = out[k][0];
        }
        return cols;
    }

    private double outputLossScale() {
        return spec.isRegression() || spec.outputWidth() == 1 ? 1.0 : 0.5;
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
        String why = offGrid(loss, points);
        if (why != null) {
            throw new IllegalArgumentException("max-margin needs " + why);
        }
        return outputLossScale() / (2 * options.marginCap());
    }

    /**
     * Null when every achievable loss is a multiple of the output loss scale g (a loss with
     * integer values on binary outputs, integer point weights), else what breaks that grid.
     */
    static String offGrid(LossFunction loss, List<TrainingPoint> points) {
        for (double u = 0; u <= 1; u++) {
            for (double t = 0; t <= 1; t++) {
                double v = loss.value(u, t);
                if (v != Math.rint(v)) {
                    return "a loss with integer values on binary outputs; loss '" + loss.name() + "' gives " + v
                            + " for output " + u + ", target " + t;
                }
            }
        }
        for (TrainingPoint point : points) {
            for (int c = 0; c < point.classCount(); c++) {
                if (point.classWeight(c) != Math.rint(point.classWeight(c))) {
                    return "integer point weights; point " + point + " has weight " + point.classWeight(c)
                            + " on class " + c + " (loss '" + loss.name() + "' weights classes)";
                }
            }
        }
        return null;
    }

    private BnnMilp result(int rows, Duration buildTime) {
        BnnVariables variables = new BnnVariables(spec.weights(), spec.maxWeight(), net.weightColumns, net.thresholdColumns,
                activation, product, net.indicatorColumns, margin, outputKind, outputPreactivation);
        double c = options.maxMargin() ? marginCoefficient() : 0;
        return new BnnMilp(spec, options, b.build(), variables, points, rows, outputLossScale(), c, buildTime);
    }
}
