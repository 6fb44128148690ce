package org.tamebnn.console;

import java.util.Locale;

import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Row;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.api.milp.Variable;

/**
 * Definition 8 of Aspman, Korpas &amp; Marecek on a MILP: (A) it is feasible; (B) the dual of its
 * continuous relaxation is feasible; (C) the graph of its objective has finitely many
 * non-differentiable points. Each condition with the evidence for it, or "unknown" with why.
 */
record Niceness(String a, String b, String c, Boolean aHolds, Boolean bHolds, boolean bounded) {

    static Niceness check(MilpModel model, RegisteredSolver milp, RegisteredSolver lp, SolveParams params) {
        SolveResult feasible = milp.solver().solve(model, params);
        Boolean aHolds = switch (feasible.status()) {
            case OPTIMAL, FEASIBLE, UNBOUNDED -> true;
            case INFEASIBLE -> false;
            default -> feasible.hasSolution() ? Boolean.TRUE : null;
        };
        String a = switch (feasible.status()) {
            case INFEASIBLE -> "does not hold: " + milp.name() + " proves the MILP infeasible";
            default -> feasible.hasSolution() ? String.format(Locale.ROOT, "holds: %s found a solution of objective %.9g (%s)",
                    milp.name(), feasible.objective(), feasible.label())
                    : feasible.status() == SolveStatus.UNBOUNDED ? "holds: " + milp.name() + " reports it unbounded"
                            : "unknown: " + milp.name() + " ended " + feasible.label() + " without a solution";
        };
        // The LP dual {u : uᵀA ≤ c, signs} does not depend on the right-hand side, and it is feasible
        // exactly when the LP over the recession cone (every right-hand side and finite bound 0) is
        // bounded, where its optimum is 0; that LP is always feasible (x = 0), so its answer is decisive.
        SolveResult cone = lp.solver().solve(recessionLp(model), params);
        Boolean bHolds = switch (cone.status()) {
            case OPTIMAL -> true;
            case UNBOUNDED -> false;
            default -> null;
        };
        String b = bHolds == null ? "unknown: " + lp.name() + " ended " + cone.label() + " on the recession-cone LP"
                : bHolds ? "holds: the LP over the relaxation's recession cone is bounded (optimum 0 on " + lp.name()
                        + "), so its dual, the continuous relaxation's dual, is feasible"
                        : "does not hold: the objective decreases without bound along a ray of the continuous"
                                + " relaxation (" + lp.name() + "), so its dual is infeasible";
        String c = "holds: the objective is linear, differentiable everywhere (no non-differentiable points)";
        boolean bounded = model.variables().stream().allMatch(v -> Double.isFinite(v.lower()) && Double.isFinite(v.upper()));
        return new Niceness(a, b, c, aHolds, bHolds, bounded);
    }

    /** min c·x over the relaxation's recession cone: every row's finite sides and every finite bound made 0. */
    private static MilpModel recessionLp(MilpModel model) {
        MilpModel.Builder b = model.relaxation().toBuilder(model.name() + "_recession_cone");
        for (int i = 0; i < model.rowCount(); i++) {
            Row r = model.row(i);
            b.rowBounds(i, Double.isFinite(r.lower()) ? 0 : Double.NEGATIVE_INFINITY,
                    Double.isFinite(r.upper()) ? 0 : Double.POSITIVE_INFINITY);
        }
        for (int j = 0; j < model.variableCount(); j++) {
            Variable v = model.variable(j);
            b.variableBounds(j, Double.isFinite(v.lower()) ? 0 : Double.NEGATIVE_INFINITY,
                    Double.isFinite(v.upper()) ? 0 : Double.POSITIVE_INFINITY);
        }
        return b.objectiveOffset(0).build();
    }

    String describe(String file) {
        String verdict = Boolean.TRUE.equals(aHolds) && Boolean.TRUE.equals(bHolds) ? "nice (Definition 8)"
                : Boolean.FALSE.equals(aHolds) || Boolean.FALSE.equals(bHolds) ? "not nice (Definition 8)"
                        : "not decided (Definition 8): a condition is unknown";
        return String.join(System.lineSeparator(), file + ": " + verdict,
                "(A) feasible: " + a,
                "(B) dual of the continuous relaxation feasible: " + b,
                "(C) finitely many non-differentiable points of the objective: " + c,
                "the feasible set is " + (bounded ? "bounded (every variable has finite bounds)"
                        : "not known to be bounded (some variable has an infinite bound)"));
    }
}
