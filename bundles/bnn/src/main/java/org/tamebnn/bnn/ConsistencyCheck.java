package org.tamebnn.bnn;

import java.util.ArrayList;
import java.util.List;

import org.tamebnn.api.loss.LossFunction;
import org.tamebnn.api.loss.OutputKind;

/** The consistency guard: compares a solution of a {@link BnnMilp} with a network's forward pass. */
public final class ConsistencyCheck {

    private ConsistencyCheck() {
    }

    /**
     * Runs {@code network} forward on the MILP's training points and compares.
     *
     * @param milp      the MILP that was solved
     * @param solution  the solver's values
     * @param objective the solver's objective value (NaN: recomputed from {@code solution})
     * @param network   the network to check, normally {@code milp.extract(solution)}
     * @param loss      the loss the MILP was built with
     */
    public static ConsistencyReport check(BnnMilp milp, double[] solution, double objective, TrainedBnn network,
            LossFunction loss) {
        double obj = Double.isFinite(objective) ? objective : milp.model().objectiveValue(solution);
        BnnVariables v = milp.variables();
        int checked = 0;
        int mismatched = 0;
        int mismatchedPoints = 0;
        double forwardLoss = 0;
        double tolerance = 0;
        double termError = loss.approximationError(v.outputKind());
        // a regression network's output layer is the identity: no activations to compare there
        int comparedLayers = milp.spec().layerCount() - (milp.spec().isRegression() ? 1 : 0);
        List<ConsistencyReport.Mismatch> examples = new ArrayList<>();
        List<TrainingPoint> points = milp.points();
        for (int p = 0; p < points.size(); p++) {
            TrainingPoint point = points.get(p);
            TrainedBnn.ForwardPass pass = network.forward(point.features());
            boolean pointDiffers = false;
            for (int l = 0; l < comparedLayers; l++) {
                for (int k = 0; k < pass.activations()[l].length; k++) {
                    checked++;
                    int solver = v.activationValue(solution, p, l, k);
                    if (solver != pass.activations()[l][k]) {
                        mismatched++;
                        pointDiffers = true;
                        if (examples.size() < ConsistencyReport.MAX_EXAMPLES) {
                            examples.add(new ConsistencyReport.Mismatch(p, l, k, solver,
                                    pass.preactivations()[l][k]));
                        }
                    }
                }
            }
            mismatchedPoints += pointDiffers ? 1 : 0;
            forwardLoss += pointLoss(point, scoredOutputs(pass, v.outputKind()), milp.outputLossScale(), loss);
            if (termError > 0) {
                double[] weights = new double[1];
                point.forEachLossTerm(milp.spec().outputWidth(), milp.outputLossScale(),
                        (k, target, weight) -> weights[0] += weight);
                tolerance += termError * weights[0];
            }
        }
        return new ConsistencyReport(checked, mismatched, mismatchedPoints, milp.lossPart(obj, solution),
                forwardLoss, examples, tolerance);
    }

    /**
     * What the loss scores: the output layer's activations, or its preactivations (e.g. for the
     * hinge, and the real outputs of a regression network).
     */
    static double[] scoredOutputs(TrainedBnn.ForwardPass pass, OutputKind kind) {
        int last = pass.activations().length - 1;
        if (kind == OutputKind.BINARY) {
            return java.util.Arrays.stream(pass.activations()[last]).asDoubleStream().toArray();
        }
        return pass.preactivations()[last].clone();
    }

    /**
     * Σ_c weight_c · scale · Σ_k loss(o_k, target_{c,k}), as the MILP's objective (4) counts it;
     * weight_c already carries the loss's class weight ({@link LossFunction#classWeight}).
     */
    static double pointLoss(TrainingPoint point, double[] outputs, double scale, LossFunction loss) {
        double[] sum = new double[1];
        point.forEachLossTerm(outputs.length, scale,
                (k, target, weight) -> sum[0] += weight * loss.value(outputs[k], target));
        return sum[0];
    }
}
