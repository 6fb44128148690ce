package org.tamebnn.dual.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.dual.AffinePiece;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.dual.DualConstructor;
import org.tamebnn.api.dual.DualRequest;
import org.tamebnn.api.dual.DualResult;
import org.tamebnn.api.dual.RightHandSide;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;

/**
 * The LP-relaxation dual (notes §4.0; Guzelsoy &amp; Ralphs (11) on the running example): one LP
 * at b₀, its optimal row duals u, and the affine function they give, d ↦ u·d + κ, where κ collects
 * the fixed rows and the variable bounds (see {@link LagrangianPiece}). On a model in the form of
 * (7) (x ≥ 0 unbounded above, every row varying) κ = 0 and F(d) = u·d is feasible for the
 * subadditive dual, since F(aⱼ) = u·aⱼ ≤ cⱼ; otherwise it is a bound by construction. Exact at b₀
 * only when z_LP(b₀) = z(b₀).
 */
@Component(service = DualConstructor.class, property = DualConstructor.NAME_PROPERTY + "=" + LpRelaxationDual.NAME)
public final class LpRelaxationDual implements DualConstructor {
    static final String NAME = "lp";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "LP-relaxation dual: the linear function of an optimal LP dual at b (Guzelsoy-Ralphs (11))";
    }

    @Override
    public Set<Capability> needs() {
        return EnumSet.of(Capability.LP_DUALS);
    }

    @Override
    public Certificate.Kind certifies() {
        return Certificate.Kind.SUBADDITIVE_DUAL_FEASIBLE;
    }

    @Override
    public String appliesTo() {
        return "any MILP whose LP relaxation has an optimum at b (subadditive-dual feasible in the form of (7),"
                + " a bound by construction otherwise)";
    }

    @Override
    public Set<String> options() {
        return Set.of();
    }

    @Override
    public DualResult construct(MilpModel model, DualRequest request) {
        long start = System.nanoTime();
        Optional<DualResult> refused = Constructions.refused(this, model, request, start);
        if (refused.isPresent()) {
            return refused.get();
        }
        int[] rows = Constructions.rows(model, request);
        double[] b = Constructions.at(model, request, rows);
        MilpModel lp = RightHandSide.at(model, rows, b).relaxation();
        SolveResult r = request.backend().solve(lp, request.params());
        if (r.status() != SolveStatus.OPTIMAL || r.rowDuals() == null) {
            return DualResult.notApplicable(NAME, "the LP relaxation at b ended " + r.status()
                    + (r.message().isEmpty() ? "" : " (" + r.message() + ")")
                    + (r.status() == SolveStatus.OPTIMAL ? " without row duals" : "; an optimal LP dual is needed"),
                    Constructions.since(start));
        }
        double[] u = LagrangianPiece.minDuals(model, r.rowDuals());
        AffinePiece piece = LagrangianPiece.of(model, rows, u);
        double tolerance = 1e-9 * Math.max(1, Math.abs(piece.value(b)));
        boolean standard = Constructions.standardForm(model, rows) && Math.abs(piece.intercept()) <= tolerance;
        String evidence = String.format(Locale.ROOT,
                "LP duals of %s at b, reduced costs recomputed from them (those within the LP's dual tolerance,"
                        + " 1e-7 relative, taken as 0); F(b) = %.9g, LP optimum %.9g",
                request.backend().info().name(), piece.value(b), r.objective());
        Certificate certificate = standard ? new Certificate(Certificate.Kind.SUBADDITIVE_DUAL_FEASIBLE, tolerance,
                "linear F = u·d with u·aⱼ ≤ cⱼ on every column; " + evidence)
                : new Certificate(Certificate.Kind.VALID_BY_CONSTRUCTION, tolerance,
                        "Lagrangian bound of the LP duals over the variable bounds and fixed rows; " + evidence);
        var f = new PiecewiseAffineFunction(rows, List.of(piece), PiecewiseAffineFunction.Combination.MAX, certificate,
                "LP-relaxation dual from " + request.backend().info().name() + ": " + piece);
        return DualResult.built(NAME, f, piece.value(b), "", Constructions.since(start));
    }
}
