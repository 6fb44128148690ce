package org.tamebnn.bnn.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Row;
import org.tamebnn.api.milp.Variable;

/**
 * A MILP with some continuous columns θ taken out as parameters: every row a·x + A_θ θ ∈ [lo, hi]
 * becomes a·x ∈ [lo − A_θ θ, hi − A_θ θ], so the rows that held θ have a right-hand side
 * d(θ) = d⁰ − A_θ θ, affine in θ, and the rest of the model is a MILP in the other columns whose
 * value function z(d) gives the loss as z(d(θ)) (plus c_θ·θ). A dual function F ≤ z with an
 * element g of its conservative field at d(θ) then gives, by the chain rule, the element
 * c_θ − A_θᵀ g of a conservative field of θ ↦ F(d(θ)): what the tame trainer steps along.
 */
public final class FixedParameters {
    private final MilpModel model;
    private final int[] parameters;
    private final int[] keptColumn;
    private final int[] varyingRows;
    /** Per varying row, the columns (parameter indices) and coefficients of A_θ. */
    private final int[][] thetaIndex;
    private final double[][] thetaCoefficient;
    private final MilpModel reduced;

    /**
     * @param model      the full model (its parameter columns continuous)
     * @param parameters the columns to take out, in θ's order
     * @throws IllegalArgumentException when a parameter column is integer, or sits in a ranged or
     *         free row (whose right-hand side is not one number)
     */
    public FixedParameters(MilpModel model, int[] parameters) {
        this.model = model;
        this.parameters = parameters.clone();
        int[] parameterIndex = new int[model.variableCount()];
        Arrays.fill(parameterIndex, -1);
        for (int p = 0; p < parameters.length; p++) {
            Variable v = model.variable(parameters[p]);
            if (v.isInteger()) {
                throw new IllegalArgumentException("parameter column '" + v.name() + "' is integer; only continuous"
                        + " columns can be stepped by a (sub)gradient");
            }
            parameterIndex[parameters[p]] = p;
        }
        keptColumn = new int[model.variableCount()];
        MilpModel.Builder b = MilpModel.builder(model.name() + "_fixed").sense(model.sense())
                .objectiveOffset(model.objectiveOffset());
        int kept = 0;
        for (int j = 0; j < model.variableCount(); j++) {
            if (parameterIndex[j] >= 0) {
                keptColumn[j] = -1;
                continue;
            }
            Variable v = model.variable(j);
            keptColumn[j] = b.addVariable(v.name(), v.lower(), v.upper(), v.type());
            b.objective(keptColumn[j], model.objectiveCoefficient(j));
            kept++;
        }
        List<Integer> varying = new ArrayList<>();
        List<int[]> index = new ArrayList<>();
        List<double[]> coefficient = new ArrayList<>();
        for (int i = 0; i < model.rowCount(); i++) {
            Row row = model.row(i);
            int[] cols = row.columns();
            double[] a = row.coefficients();
            List<Integer> keepCols = new ArrayList<>();
            List<Double> keepA = new ArrayList<>();
            List<Integer> thetaCols = new ArrayList<>();
            List<Double> thetaA = new ArrayList<>();
            for (int q = 0; q < cols.length; q++) {
                if (parameterIndex[cols[q]] >= 0) {
                    thetaCols.add(parameterIndex[cols[q]]);
                    thetaA.add(a[q]);
                } else {
                    keepCols.add(keptColumn[cols[q]]);
                    keepA.add(a[q]);
                }
            }
            if (!thetaCols.isEmpty()) {
                boolean ranged = Double.isFinite(row.lower()) && Double.isFinite(row.upper()) && row.lower() != row.upper();
                if (ranged || !Double.isFinite(row.lower()) && !Double.isFinite(row.upper())) {
                    throw new IllegalArgumentException("row '" + row.name() + "' holds a parameter but is "
                            + (ranged ? "ranged" : "free") + ": its right-hand side is not one number");
                }
                varying.add(i);
                index.add(thetaCols.stream().mapToInt(Integer::intValue).toArray());
                coefficient.add(thetaA.stream().mapToDouble(Double::doubleValue).toArray());
            }
            b.addRow(row.name(), row.lower(), row.upper(), keepCols.stream().mapToInt(Integer::intValue).toArray(),
                    keepA.stream().mapToDouble(Double::doubleValue).toArray());
        }
        if (kept == 0) {
            throw new IllegalArgumentException("every column is a parameter: nothing is left to optimise");
        }
        this.reduced = b.build();
        this.varyingRows = varying.stream().mapToInt(Integer::intValue).toArray();
        this.thetaIndex = index.toArray(int[][]::new);
        this.thetaCoefficient = coefficient.toArray(double[][]::new);
    }

    /** The model without the parameter columns, its rows at θ = 0. */
    public MilpModel reduced() {
        return reduced;
    }

    /** The rows of {@link #reduced()} whose right-hand side depends on θ (the same indices as the full model's). */
    public int[] varyingRows() {
        return varyingRows.clone();
    }

    /** The values of θ in a full solution. */
    public double[] parametersOf(double[] fullSolution) {
        double[] theta = new double[parameters.length];
        for (int p = 0; p < theta.length; p++) {
            theta[p] = fullSolution[parameters[p]];
        }
        return theta;
    }

    /** θ's bounds, from the full model: where a step must stay. */
    public double[] lower() {
        return Arrays.stream(parameters).mapToDouble(j -> model.variable(j).lower()).toArray();
    }

    public double[] upper() {
        return Arrays.stream(parameters).mapToDouble(j -> model.variable(j).upper()).toArray();
    }

    /** The reduced model with its varying rows at d(θ). */
    public MilpModel at(double[] theta) {
        MilpModel.Builder b = reduced.toBuilder(reduced.name());
        for (int k = 0; k < varyingRows.length; k++) {
            double shift = 0;
            for (int q = 0; q < thetaIndex[k].length; q++) {
                shift += thetaCoefficient[k][q] * theta[thetaIndex[k][q]];
            }
            Row row = reduced.row(varyingRows[k]);
            b.rowBounds(varyingRows[k], row.lower() - shift, row.upper() - shift);
        }
        return b.build();
    }

    /** The full model's solution from θ and a solution of the reduced model. */
    public double[] fullSolution(double[] theta, double[] reducedSolution) {
        double[] x = new double[model.variableCount()];
        for (int j = 0; j < x.length; j++) {
            if (keptColumn[j] >= 0) {
                x[j] = reducedSolution[keptColumn[j]];
            }
        }
        for (int p = 0; p < parameters.length; p++) {
            x[parameters[p]] = theta[p];
        }
        return x;
    }

    /**
     * The chain rule through d(θ) = d⁰ − A_θ θ (in the minimisation sense of dual functions):
     * c_θ − A_θᵀ g, for g a gradient over {@link #varyingRows()} in that order.
     */
    public double[] chain(double[] g) {
        double sign = model.sense() == org.tamebnn.api.milp.Sense.MAXIMIZE ? -1 : 1;
        double[] out = new double[parameters.length];
        for (int p = 0; p < out.length; p++) {
            out[p] = sign * model.objectiveCoefficient(parameters[p]);
        }
        for (int k = 0; k < varyingRows.length; k++) {
            for (int q = 0; q < thetaIndex[k].length; q++) {
                out[thetaIndex[k][q]] -= thetaCoefficient[k][q] * g[k];
            }
        }
        return out;
    }
}
