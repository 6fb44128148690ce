package org.tamebnn.solver.ortools;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Row;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.Variable;

/**
 * Builds a {@link MilpModel} into an MPSolver with one call per variable, row and coefficient;
 * measured faster than building and loading an MPModelProto.
 */
final class ModelTranslator {
    private ModelTranslator() {
    }

    /** The MPSolver handles of a translated model, by column and row index. */
    record Translation(MPVariable[] variables, MPConstraint[] rows) {
    }

    /**
     * @param withObjective false for a feasibility problem: same constraints, zero objective
     */
    static Translation translate(MilpModel model, MPSolver solver, boolean withObjective) {
        MPVariable[] vars = new MPVariable[model.variableCount()];
        for (int j = 0; j < vars.length; j++) {
            Variable v = model.variable(j);
            vars[j] = solver.makeVar(bound(v.lower()), bound(v.upper()), v.isInteger(), v.name());
        }
        MPConstraint[] rows = new MPConstraint[model.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            Row r = model.row(i);
            MPConstraint c = solver.makeConstraint(bound(r.lower()), bound(r.upper()), r.name());
            for (int k = 0; k < r.size(); k++) {
                c.setCoefficient(vars[r.column(k)], r.coefficient(k));
            }
            rows[i] = c;
        }
        if (rows.length == 0 && vars.length > 0) {
            // CLP answers ABNORMAL on an empty matrix: one redundant free row x₀ ∈ (−∞, ∞) gives it
            // a matrix without changing the model; it is not among the model's rows, so no dual is read from it
            solver.makeConstraint(-MPSolver.infinity(), MPSolver.infinity(), "tamebnn_nonempty").setCoefficient(vars[0],
                    1);
        }
        MPObjective objective = solver.objective();
        if (withObjective) {
            for (int j = 0; j < vars.length; j++) {
                double c = model.objectiveCoefficient(j);
                if (c != 0) {
                    objective.setCoefficient(vars[j], c);
                }
            }
            objective.setOffset(model.objectiveOffset());
        }
        if (withObjective && model.sense() == Sense.MAXIMIZE) {
            objective.setMaximization();
        } else {
            objective.setMinimization();
        }
        return new Translation(vars, rows);
    }

    /** Maps Java's infinities to OR-Tools' (the same value today, but that is OR-Tools' choice). */
    private static double bound(double value) {
        if (value == Double.POSITIVE_INFINITY) {
            return MPSolver.infinity();
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return -MPSolver.infinity();
        }
        return value;
    }
}
