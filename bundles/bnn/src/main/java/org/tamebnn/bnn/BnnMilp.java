package org.tamebnn.bnn;

import java.time.Duration;
import java.util.List;

import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.bnn.internal.SolutionReader;
import org.tamebnn.bnn.internal.SolutionWriter;

/**
 * A training MILP: the solver-neutral model, the index of its variables, the (possibly merged)
 * points it trains on, and how its objective splits into loss and margin.
 *
 * <p>The objective is Σ_points Σ_c weight_c · outputLossScale · Σ_k loss(u^L_k, target_{c,k})
 * minus {@code marginCoefficient}·δ when max-margin is on.
 *
 * @param spec              the network
 * @param options           the formulation options it was built with
 * @param model             the MILP
 * @param variables         where w, λ, u, s, z and δ are
 * @param points            the points, in the order of {@link BnnVariables}' point index
 * @param trainingRows      how many training rows the points stand for
 * @param outputLossScale   the weight of each output neuron's loss: 1 for binary, ½ for K ≥ 3
 *                          classes (the summed one-hot 0-1 loss is 2 per error)
 * @param marginCoefficient c in "loss − c·δ", 0 without max-margin
 * @param buildTime         how long building took
 */
public record BnnMilp(BnnSpec spec, FormulationOptions options, MilpModel model, BnnVariables variables,
        List<TrainingPoint> points, int trainingRows, double outputLossScale, double marginCoefficient,
        Duration buildTime) {

    /** Copies the point list. */
    public BnnMilp {
        points = List.copyOf(points);
    }

    /** The network of a solution (weights and λ read back; binary weights rounded; z = 0 weights made exactly 0). */
    public TrainedBnn extract(double[] solution) {
        return SolutionReader.read(this, solution);
    }

    /** {@code net} as a point of this MILP, for a MIP start (see {@link SolutionWriter#write}); NaN where a loss plugin's variables are. */
    public double[] solutionOf(TrainedBnn net) {
        return SolutionWriter.write(this, net);
    }

    /** The margin δ in a solution, NaN without max-margin. */
    public double margin(double[] solution) {
        return variables.marginColumn() < 0 ? Double.NaN : solution[variables.marginColumn()];
    }

    /** The training loss part of an objective value: the objective plus c·δ. */
    public double lossPart(double objective, double[] solution) {
        return marginCoefficient == 0 ? objective : objective + marginCoefficient * margin(solution);
    }

    /**
     * A lower bound on the optimal training loss from a bound on the objective. Without max-margin
     * it is the bound itself. With it, every solution has δ ≥ ε/2, so loss = objective + c·δ ≥
     * bound + c·ε/2; and max-margin is only built when every loss is a multiple of g =
     * {@link #outputLossScale()} (the formulation checks), so the bound rounds up to that grid. As
     * c·δmax ≤ g/2, the rounded bound of a proven optimum is the optimal loss itself.
     */
    public double lossBound(double objectiveBound) {
        if (marginCoefficient == 0 || Double.isNaN(objectiveBound)) {
            return objectiveBound;
        }
        double g = outputLossScale;
        return Math.ceil((objectiveBound + marginCoefficient * spec.epsilon() / 2) / g - 1e-6) * g;
    }

    /** E.g. {@code "9-5-1 BDNN, real weights, ε=0.001 [tight-M+merge]: 374 points (559 rows), 6021 rows, 2500 variables (1800 integer)"}. */
    public String describe() {
        return spec.describe() + " [" + options.describe() + "]: " + points.size() + " points (" + trainingRows
                + " rows), " + model.rowCount() + " rows, " + model.variableCount() + " variables ("
                + model.integerCount() + " integer)";
    }
}
