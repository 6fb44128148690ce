package org.tamebnn.bnn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.tamebnn.data.ClassLabel;
import org.tamebnn.data.LabelMapping;
import org.tamebnn.data.MinMaxScaler;
import org.tamebnn.data.OutOfRange;
import org.tamebnn.data.PreparedData;

/**
 * A trained network as readable threshold rules: every neuron of the first layer over the
 * original, unscaled features, every later neuron over the previous layer's neurons, the output
 * over the last hidden layer and the class names. The rules are the network, not an approximation:
 * {@link #evaluate} on raw rows gives the network's class on the same rows scaled, up to floating
 * point at the thresholds, which {@link #check} measures.
 *
 * <p>Undoing the min–max scaling: with sⱼ = (xⱼ − minⱼ)/(maxⱼ − minⱼ), a first-layer neuron fires
 * iff Σ wⱼ·sⱼ − λ ≥ t − ε/2, that is iff Σ (wⱼ/rⱼ)·xⱼ ≥ λ + t − ε/2 + Σ wⱼ·minⱼ/rⱼ with
 * rⱼ = maxⱼ − minⱼ. A feature constant on the training rows (rⱼ = 0) is scaled to 0 whatever its
 * value, so it leaves every rule; {@link #constantFeatures} names those the network gave a weight.
 * Under {@link OutOfRange#CLIP} each feature is clipped to its training range first, as the
 * network's input was.
 *
 * <p>Binary weights (±1 on the scaled features) become ±1/rⱼ in original units; each such rule
 * is multiplied by its most common range, so that the features with that range appear as plain
 * sums and differences ({@code Clump Thickness − Mitoses ≥ 2}); not the output neurons of a network
 * with three or more classes and no hidden layer, whose sums are compared with each other.
 */
public final class Rules {
    private final List<List<NeuronRule>> layers;
    private final List<String> classNames;
    private final List<String> constantFeatures;
    /** The training range each feature is clipped to before the first layer; null when there is no clipping. */
    private final double[] clipLow;
    private final double[] clipHigh;
    private final double firingThreshold;
    private final int inputWidth;

    private Rules(int inputWidth, List<List<NeuronRule>> layers, List<String> classNames, List<String> constantFeatures,
            double[] clipLow, double[] clipHigh, double firingThreshold) {
        this.inputWidth = inputWidth;
        this.layers = layers.stream().map(List::copyOf).toList();
        this.classNames = List.copyOf(classNames);
        this.constantFeatures = List.copyOf(constantFeatures);
        this.clipLow = clipLow;
        this.clipHigh = clipHigh;
        this.firingThreshold = firingThreshold;
    }

    /**
     * The rules of {@code net}, trained on {@code data}'s training part: its feature names, scaling
     * and class names (the readable ones, "malignant" rather than "4 (malignant)", unless two coincide).
     */
    public static Rules of(TrainedBnn net, PreparedData data) {
        LabelMapping labels = data.train().labelMapping();
        List<String> names = labels.classes().stream().map(ClassLabel::name).toList();
        return of(net, data.train().featureNames(), data.scaler(), data.outOfRange(),
                new HashSet<>(names).size() == names.size() ? names : labels.displayNames());
    }

    /**
     * The rules of {@code net}.
     *
     * @param featureNames the original features, in the network's input order
     * @param scaler       the min–max scaling the network's inputs went through
     * @param outOfRange   whether inputs were clipped to [0, 1] after scaling
     * @param classNames   the class names, in class-index order
     */
    public static Rules of(TrainedBnn net, List<String> featureNames, MinMaxScaler scaler, OutOfRange outOfRange,
            List<String> classNames) {
        BnnSpec spec = net.spec();
        spec.requireClassifier("rules");
        if (featureNames.size() != spec.inputWidth() || scaler.featureCount() != spec.inputWidth()) {
            throw new IllegalArgumentException("the network has " + spec.inputWidth() + " inputs, but there are "
                    + featureNames.size() + " feature names and a scaler for " + scaler.featureCount());
        }
        if (classNames.size() != spec.classCount()) {
            throw new IllegalArgumentException("the network has " + spec.classCount() + " classes, but there are "
                    + classNames.size() + " class names");
        }
        var constant = new LinkedHashSet<String>();
        List<List<NeuronRule>> layers = new ArrayList<>();
        List<String> inputNames = featureNames;
        for (int l = 0; l < spec.layerCount(); l++) {
            List<NeuronRule> layer = new ArrayList<>();
            List<String> names = neuronNames(spec, l, classNames);
            for (int k = 0; k < spec.width(l); k++) {
                layer.add(l == 0 ? firstLayerRule(net, k, names.get(k), inputNames, scaler, constant)
                        : laterRule(net, l, k, names.get(k), inputNames));
            }
            layers.add(layer);
            inputNames = names;
        }
        boolean clip = outOfRange == OutOfRange.CLIP;
        return new Rules(spec.inputWidth(), layers, classNames, List.copyOf(constant), clip ? scaler.mins() : null,
                clip ? scaler.maxs() : null, net.firingThreshold());
    }

    private static List<String> neuronNames(BnnSpec spec, int layer, List<String> classNames) {
        if (!spec.isHidden(layer)) {
            return spec.classCount() == 2 ? List.of(classNames.get(1)) : classNames;
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < spec.width(layer); k++) {
            names.add(spec.hiddenWidths().size() == 1 ? "h" + (k + 1) : "h" + (layer + 1) + "_" + (k + 1));
        }
        return names;
    }

    private static NeuronRule firstLayerRule(TrainedBnn net, int k, String name, List<String> features,
            MinMaxScaler scaler, LinkedHashSet<String> constant) {
        double[] mins = scaler.mins();
        double[] maxs = scaler.maxs();
        List<NeuronRule.Term> terms = new ArrayList<>();
        double moved = 0; // Σ wⱼ·minⱼ/rⱼ, the scaling's part of the right-hand side
        for (int j = 0; j < features.size(); j++) {
            double w = net.weight(0, k, j);
            if (w == 0) {
                continue;
            }
            double range = maxs[j] - mins[j];
            if (range == 0) {
                constant.add(features.get(j));
                continue;
            }
            terms.add(new NeuronRule.Term(j, features.get(j), w / range, w));
            moved += w * mins[j] / range;
        }
        // three or more output neurons are compared by S − θ when none or several fire: their rules
        // must keep the network's scale
        BnnSpec spec = net.spec();
        boolean compared = spec.layerCount() == 1 && spec.classCount() > 2;
        double factor = spec.weights() == WeightDomain.BINARY && !compared ? commonRange(terms, mins, maxs) : 1;
        List<NeuronRule.Term> scaled = terms.stream()
                .map(t -> new NeuronRule.Term(t.input(), t.name(), t.weight() * (factor / rangeOf(t, mins, maxs)),
                        t.weight()))
                .toList();
        return rule(net, 0, k, name, scaled, moved, factor);
    }

    private static double rangeOf(NeuronRule.Term t, double[] mins, double[] maxs) {
        return maxs[t.input()] - mins[t.input()];
    }

    /** The range r shared by most terms (the first such among ties), so that w·r/r = ±1 exactly for them. */
    private static double commonRange(List<NeuronRule.Term> terms, double[] mins, double[] maxs) {
        Map<Double, Integer> count = new HashMap<>();
        double best = 1;
        int bestCount = 0;
        for (NeuronRule.Term t : sorted(terms)) {
            double r = rangeOf(t, mins, maxs);
            int c = count.merge(r, 1, Integer::sum);
            if (c > bestCount) {
                best = r;
                bestCount = c;
            }
        }
        return best;
    }

    private static NeuronRule laterRule(TrainedBnn net, int l, int k, String name, List<String> inputs) {
        List<NeuronRule.Term> terms = new ArrayList<>();
        for (int j = 0; j < inputs.size(); j++) {
            double w = net.weight(l, k, j);
            if (w != 0) {
                terms.add(new NeuronRule.Term(j, inputs.get(j), w, w));
            }
        }
        return rule(net, l, k, name, terms, 0, 1);
    }

    /** Σ terms ≥ factor·(λ + tᵢ + firing threshold + moved), one threshold per breakpoint of the layer's activation. */
    private static NeuronRule rule(TrainedBnn net, int l, int k, String name, List<NeuronRule.Term> terms,
            double moved, double factor) {
        DiscreteActivation sigma = net.spec().activation(l);
        double[] thresholds = new double[sigma.levelCount() - 1];
        for (int i = 0; i < thresholds.length; i++) {
            thresholds[i] = factor * (net.threshold(l, k) + sigma.breakpoint(i + 1) + net.firingThreshold() + moved);
        }
        return new NeuronRule(name, sorted(terms), thresholds, sigma.values());
    }

    /** Largest |w| first (what a term can move the sum across its training range), then positive first, then input order. */
    static List<NeuronRule.Term> sorted(List<NeuronRule.Term> terms) {
        return terms.stream().sorted(Comparator.comparingDouble((NeuronRule.Term t) -> -Math.abs(t.weight()))
                .thenComparing(t -> t.weight() < 0).thenComparingInt(NeuronRule.Term::input)).toList();
    }

    /** The rules' layers: the hidden layers, then the output layer. */
    public List<List<NeuronRule>> layers() {
        return layers;
    }

    /** The number of original features a row has. */
    public int inputWidth() {
        return inputWidth;
    }

    /** The class names, in class-index order. */
    public List<String> classNames() {
        return classNames;
    }

    /** Features the network weighted but that were constant on the training rows, so no rule uses them. */
    public List<String> constantFeatures() {
        return constantFeatures;
    }

    /** True when each feature is clipped to its training range before the rules apply. */
    public boolean clips() {
        return clipLow != null;
    }

    /** The network's firing threshold −ε/2, which every threshold includes. */
    public double firingThreshold() {
        return firingThreshold;
    }

    /**
     * The same rules with every number rounded to {@code digits} significant digits, and without
     * the terms that would print as 0 beside the rule's largest (|w| below 10^−digits of it): the
     * rules exactly as {@link #describe} prints them.
     */
    public Rules rounded(int digits) {
        if (digits < 1 || digits > 17) {
            throw new IllegalArgumentException("significant digits must be 1 to 17, not " + digits);
        }
        List<List<NeuronRule>> rounded = new ArrayList<>();
        for (List<NeuronRule> layer : layers) {
            rounded.add(layer.stream().map(r -> RuleText.rounded(r, digits)).toList());
        }
        return new Rules(inputWidth, rounded, classNames, constantFeatures, clipLow, clipHigh, firingThreshold);
    }

    /** The rules for people, numbers to {@code digits} significant digits: one line per neuron, then notes. */
    public String describe(int digits) {
        return RuleText.describe(rounded(digits), digits);
    }

    /** The class the rules give a row of original (unscaled) feature values. */
    public int predict(double[] x) {
        return evaluate(x).predictedClass();
    }

    /**
     * The rules applied to a row of original (unscaled) feature values.
     *
     * @throws IllegalArgumentException if the row's length is not the number of features
     */
    public Outcome evaluate(double[] x) {
        if (x.length != inputWidth) {
            throw new IllegalArgumentException("row has " + x.length + " features; the rules expect " + inputWidth);
        }
        double[] input = x.clone();
        if (clipLow != null) {
            for (int j = 0; j < inputWidth; j++) {
                input[j] = Math.clamp(x[j], clipLow[j], clipHigh[j]);
            }
        }
        int[][] levels = new int[layers.size()][];
        double[] lastSums = null;
        String closest = null;
        double closestMargin = Double.POSITIVE_INFINITY;
        for (int l = 0; l < layers.size(); l++) {
            List<NeuronRule> layer = layers.get(l);
            levels[l] = new int[layer.size()];
            double[] output = new double[layer.size()];
            lastSums = new double[layer.size()];
            for (int k = 0; k < layer.size(); k++) {
                NeuronRule r = layer.get(k);
                double s = r.sum(input);
                lastSums[k] = s;
                levels[l][k] = r.level(s);
                output[k] = r.values()[levels[l][k]];
                double m = r.margin(s);
                if (m < closestMargin) {
                    closestMargin = m;
                    closest = r.name();
                }
            }
            input = output;
        }
        return new Outcome(classOf(lastSums, levels[levels.length - 1]), levels, closest, closestMargin);
    }

    /** As {@link TrainedBnn}: the firing output neuron; with none or several, the largest S − θ (lowest index on ties). */
    private int classOf(double[] sums, int[] outputLevels) {
        if (classNames.size() == 2) {
            return outputLevels[0];
        }
        List<NeuronRule> out = layers.getLast();
        int active = -1;
        int activeCount = 0;
        int best = 0;
        for (int k = 0; k < outputLevels.length; k++) {
            if (outputLevels[k] == 1) {
                active = k;
                activeCount++;
            }
            if (sums[k] - out.get(k).threshold(1) > sums[best] - out.get(best).threshold(1)) {
                best = k;
            }
        }
        return activeCount == 1 ? active : best;
    }

    /**
     * Whether the rules give the network's classes: the rules on {@code originalRows}, the network
     * on the same rows as it saw them, {@code scaledRows}.
     */
    public Check check(TrainedBnn net, double[][] originalRows, double[][] scaledRows) {
        if (originalRows.length != scaledRows.length) {
            throw new IllegalArgumentException(originalRows.length + " original rows but " + scaledRows.length
                    + " scaled ones");
        }
        List<Disagreement> disagreements = new ArrayList<>();
        int activationMismatches = 0;
        int closestRow = -1;
        String closestNeuron = null;
        double closestMargin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < originalRows.length; i++) {
            Outcome rules = evaluate(originalRows[i]);
            TrainedBnn.ForwardPass pass = net.forward(scaledRows[i]);
            if (rules.predictedClass() != pass.predictedClass()) {
                disagreements.add(new Disagreement(i, rules.predictedClass(), pass.predictedClass(),
                        rules.closestNeuron(), rules.closestMargin()));
            } else if (!Arrays.deepEquals(rules.levels(), pass.activations())) {
                activationMismatches++;
            }
            if (rules.closestMargin() < closestMargin) {
                closestMargin = rules.closestMargin();
                closestNeuron = rules.closestNeuron();
                closestRow = i;
            }
        }
        return new Check(originalRows.length, disagreements, activationMismatches, closestRow, closestNeuron,
                closestMargin);
    }

    /**
     * The rules applied to one row.
     *
     * @param predictedClass the class
     * @param levels         [layer][neuron] each neuron's level (its activation for the 0/1 step)
     * @param closestNeuron  the neuron whose sum came nearest one of its thresholds
     * @param closestMargin  how near: |S − θ|
     */
    public record Outcome(int predictedClass, int[][] levels, String closestNeuron, double closestMargin) {
    }

    /**
     * A row on which the rules and the network disagree.
     *
     * @param row          its index in the rows checked
     * @param rulesClass   the rules' class
     * @param networkClass the network's class
     * @param neuron       the neuron whose sum was nearest a threshold
     * @param margin       how near, |S − θ|: a tie, at floating-point precision, is the only way the
     *                     full-precision rules can disagree with the network
     */
    public record Disagreement(int row, int rulesClass, int networkClass, String neuron, double margin) {
    }

    /**
     * The outcome of {@link #check}.
     *
     * @param rows                 the number of rows checked
     * @param disagreements        the rows where the classes differ
     * @param activationMismatches rows with the same class but some neuron at another level
     * @param closestRow           the row whose decision was nearest a threshold (−1 for no rows)
     * @param closestNeuron        the neuron that came nearest
     * @param closestMargin        how near, |S − θ|
     */
    public record Check(int rows, List<Disagreement> disagreements, int activationMismatches, int closestRow,
            String closestNeuron, double closestMargin) {

        /** Copies the list. */
        public Check {
            disagreements = List.copyOf(disagreements);
        }

        /** True when the rules give the network's class on every row. */
        public boolean reproducesAll() {
            return disagreements.isEmpty();
        }

        /** The number of rows where the rules give the network's class. */
        public int agreements() {
            return rows - disagreements.size();
        }
    }

    @Override
    public String toString() {
        return describe(6);
    }
}
