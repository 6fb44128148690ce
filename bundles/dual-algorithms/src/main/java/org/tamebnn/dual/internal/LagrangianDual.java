package org.tamebnn.dual.internal;

import java.util.Arrays;
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
import org.tamebnn.api.milp.Row;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;

/**
 * The Lagrangian dual (notes §4.3): relax the varying rows with multipliers u (free on equality
 * rows, signed on inequality rows), keep the others, and F_u(d) = u·d + z₂(u), where z₂(u) is the
 * value of the subproblem min (c − uA₁)x over the kept rows, bounds and integrality; the best u is
 * sought by a subgradient method with Polyak steps. z₂(u) is taken as the subproblem solver's
 * proven bound (its objective only where it reports none, which the certificate says), so F_u is a
 * bound by construction for every u. Relaxing every row gives the LP bound (Geoffrion); relaxing
 * fewer is stronger when the kept rows cut into the LP relaxation. Options: {@code iterations}
 * (default 100), {@code incumbent} (a known objective value for the Polyak step; without it the
 * step uses the best bound plus 5%).
 */
@Component(service = DualConstructor.class, property = DualConstructor.NAME_PROPERTY + "=" + LagrangianDual.NAME)
public final class LagrangianDual implements DualConstructor {
    static final String NAME = "lagrangian";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Lagrangian dual over the varying rows, multipliers by subgradient ascent (Geoffrion 1974)";
    }

    @Override
    public Set<Capability> needs() {
        return EnumSet.of(Capability.INTEGER_VARIABLES);
    }

    @Override
    public Certificate.Kind certifies() {
        return Certificate.Kind.VALID_BY_CONSTRUCTION;
    }

    @Override
    public String appliesTo() {
        return "any MILP whose Lagrangian subproblems are bounded; the varying rows are the relaxed ones";
    }

    @Override
    public Set<String> options() {
        return Set.of("iterations", "incumbent");
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
        MilpModel atB = RightHandSide.at(model, rows, b);
        int iterations = (int) Constructions.option(request, "iterations", 100);
        double sign = model.sense() == Sense.MAXIMIZE ? -1 : 1;
        double target = sign * Constructions.option(request, "incumbent", sign * Double.NaN);

        double[] u = new double[rows.length];
        double[] bestU = u.clone();
        double best = Double.NEGATIVE_INFINITY;
        boolean claimed = false;
        double step = 1;
        int solved = 0;
        for (int k = 0; k < iterations && !Constructions.outOfTime(request.params(), start); k++) {
            Subproblem s = subproblem(atB, rows, u, request, start);
            solved++;
            if (s.bound == Double.NEGATIVE_INFINITY) {
                // an improving ray: halve the way back towards the best multipliers
                for (int i = 0; i < u.length; i++) {
                    u[i] = (u[i] + bestU[i]) / 2;
                }
                continue;
            }
            double value = dot(u, b) + s.bound;
            if (value > best) {
                best = value;
                bestU = u.clone();
                claimed = s.claimed;
            }
            double[] g = new double[rows.length];
            double norm = 0;
            for (int i = 0; i < rows.length; i++) {
                g[i] = b[i] - model.row(rows[i]).activity(s.x);
                norm += g[i] * g[i];
            }
            if (norm < 1e-18) {
                break; // the subproblem's solution satisfies the relaxed rows: u is optimal
            }
            double aim = Double.isNaN(target) ? best + 0.05 * Math.max(1, Math.abs(best)) : target;
            step = Math.max(aim - value, 1e-6 * Math.max(1, Math.abs(value))) / norm;
            for (int i = 0; i < rows.length; i++) {
                u[i] = signed(model.row(rows[i]), u[i] + step * g[i]);
            }
        }
        if (best == Double.NEGATIVE_INFINITY) {
            return DualResult.notApplicable(NAME, "every subproblem tried was unbounded or unsolved", Constructions.since(start));
        }
        AffinePiece piece = new AffinePiece(bestU, best - dot(bestU, b));
        double tolerance = 1e-6 * Math.max(1, Math.abs(best));
        String evidence = String.format(Locale.ROOT, "u = %s after %d subproblem MILPs on %s; z₂(u) is the %s",
                Arrays.toString(bestU), solved, request.backend().info().name(),
                claimed ? "solver's claimed optimum (it reports no bound)" : "solver's proven bound");
        var f = new PiecewiseAffineFunction(rows, List.of(piece), PiecewiseAffineFunction.Combination.MAX,
                new Certificate(Certificate.Kind.VALID_BY_CONSTRUCTION, tolerance, evidence),
                "Lagrangian dual: " + piece);
        return DualResult.built(NAME, f, best, "", Constructions.since(start));
    }

    private record Subproblem(double bound, double[] x, boolean claimed) {
    }

    /** min (c − uA₁)x over the kept rows (the relaxed ones made free), in the minimisation sense. */
    private static Subproblem subproblem(MilpModel atB, int[] rows, double[] u, DualRequest request, long start) {
        double[] c = LagrangianPiece.minCosts(atB);
        MilpModel.Builder m = atB.toBuilder(atB.name() + "_lagrangian");
        for (int k = 0; k < rows.length; k++) {
            Row row = atB.row(rows[k]);
            for (int q = 0; q < row.columns().length; q++) {
                c[row.columns()[q]] -= u[k] * row.coefficients()[q];
            }
            m.rowBounds(rows[k], Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        for (int j = 0; j < c.length; j++) {
            m.objective(j, c[j]);
        }
        m.sense(Sense.MINIMIZE).objectiveOffset(LagrangianPiece.minOffset(atB));
        SolveResult r = request.backend().solve(m.build(), Constructions.remaining(request.params(), start));
        if (r.status() == SolveStatus.UNBOUNDED || r.status() == SolveStatus.INFEASIBLE_OR_UNBOUNDED || !r.hasSolution()) {
            return new Subproblem(Double.NEGATIVE_INFINITY, null, false);
        }
        boolean hasBound = Double.isFinite(r.dualBound());
        if (!hasBound && r.status() != SolveStatus.OPTIMAL) {
            return new Subproblem(Double.NEGATIVE_INFINITY, null, false);
        }
        return new Subproblem(hasBound ? r.dualBound() : r.objective(), r.solution().orElseThrow(), !hasBound);
    }

    /** u with the sign a ≥ row (u ≥ 0) or ≤ row (u ≤ 0) needs in the minimisation sense. */
    private static double signed(Row row, double u) {
        if (row.isEquality()) {
            return u;
        }
        return Double.isFinite(row.lower()) ? Math.max(0, u) : Math.min(0, u);
    }

    private static double dot(double[] u, double[] b) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * b[i];
        }
        return s;
    }
}
