package org.tamebnn.dual.internal;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.dual.DualConstructor;
import org.tamebnn.api.dual.DualFunction;
import org.tamebnn.api.dual.DualRequest;
import org.tamebnn.api.dual.DualResult;
import org.tamebnn.api.dual.RightHandSide;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Sense;

/**
 * The branch-and-bound dual (notes §4.5; Wolsey 1981): an LP-based branch and bound of our own at
 * b₀, on any LP backend with row duals, whose leaves each give an affine bound valid over their box
 * for every right-hand side; F_BB(d) = min over leaves. The leaves' boxes cover every integer
 * point, so F_BB(d) ≤ z(d) everywhere; with a complete tree F_BB(b₀) = z(b₀).
 *
 * <p>Each leaf's piece is the Lagrangian bound of its LP duals over its box ({@link
 * LagrangianPiece}): valid for any multipliers, so the solver's floating-point duals need no trust,
 * only the reduced costs recomputed here. An infeasible leaf takes its parent's multipliers over
 * its own box plus λ times a Farkas piece from a phase-one LP (the duals of min Σ artificials,
 * clipped to [−1, 1], which is ≤ 0 wherever the box is feasible and positive at b₀), with λ raising
 * the leaf to the incumbent at b₀. The result is not subadditive in general (notes §4.5: on the
 * running example F_BB(1) + F_BB(−1) &lt; F_BB(0)); its certificate is the leaves.
 *
 * <p>Evaluated through the whole tree by default ({@link TreeDualFunction}: an interior node's own
 * bound counts where it beats its children's, which is stronger away from b₀), or over the leaves
 * alone. The tree ({@link LpTreeSearch}) grows best bound first by default ({@code order=best}:
 * diving between, pseudo-cost branching, reduced-cost tightening), or depth first ({@code order=depth}).
 * Options: {@code nodes} (the most LPs, default 20000), {@code incumbent} (the objective of a known
 * feasible solution in the model's sense, such as a MILP solver's, so that the tree prunes by bound
 * from the start), {@code evaluation} ({@code tree} or {@code leaves}), {@code farkas} ({@code lazy}:
 * phase-one LPs only for the infeasible leaves that keep F(b₀) below the incumbent, see {@link
 * LpTreeSearch}; {@code all}: for every infeasible leaf below it, stronger away from b₀; the leaves-only
 * evaluation always takes {@code all}, since no interior bound holds the others up) and {@code pieces}
 * ({@code off} runs the same tree without building the dual function, for the bound alone: what
 * the benchmark compares against).
 */
@Component(service = DualConstructor.class, property = DualConstructor.NAME_PROPERTY + "=" + BranchAndBoundDual.NAME)
public final class BranchAndBoundDual implements DualConstructor {
    static final String NAME = "bb";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "branch-and-bound dual: min over the leaves of an LP branch and bound of their LP-dual bounds (Wolsey 1981)";
    }

    @Override
    public Set<Capability> needs() {
        return EnumSet.of(Capability.LP_DUALS);
    }

    @Override
    public Certificate.Kind certifies() {
        return Certificate.Kind.VALID_BY_CONSTRUCTION;
    }

    @Override
    public String appliesTo() {
        return "any MILP whose LP relaxations are bounded; exact at b when the tree completes";
    }

    @Override
    public Set<String> options() {
        return Set.of("nodes", "incumbent", "evaluation", "pieces", "farkas", "order");
    }

    @Override
    public DualResult construct(MilpModel model, DualRequest request) {
        long start = System.nanoTime();
        Optional<DualResult> refused = Constructions.refused(this, model, request, start);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<String> badOption = Constructions.choice(request, "evaluation", "tree", "leaves")
                .or(() -> Constructions.choice(request, "farkas", "lazy", "all"))
                .or(() -> Constructions.choice(request, "order", "best", "depth"));
        if (badOption.isPresent()) {
            return DualResult.notApplicable(NAME, badOption.get(), Constructions.since(start));
        }
        int[] rows = Constructions.rows(model, request);
        double[] b = Constructions.at(model, request, rows);
        double sign = model.sense() == Sense.MAXIMIZE ? -1 : 1;
        double incumbent = sign * Constructions.option(request, "incumbent", sign * Double.POSITIVE_INFINITY);
        // pieces=off: the same tree with no dual function (no pieces, no Farkas LPs), the bound only,
        // to measure what building the dual function costs
        boolean pieces = !"off".equals(request.options().get("pieces"));
        boolean leavesOnly = "leaves".equals(request.options().get("evaluation"));
        LpTreeSearch.Farkas farkas = leavesOnly || "all".equals(request.options().get("farkas"))
                ? LpTreeSearch.Farkas.ALL : LpTreeSearch.Farkas.LAZY;
        LpTreeSearch.Outcome tree = new LpTreeSearch(RightHandSide.at(model, rows, b), rows, b, request, start,
                (int) Constructions.option(request, "nodes", 20000), pieces, farkas, LpTreeSearch.order(request))
                .run(incumbent);
        if (tree.failure != null) {
            return DualResult.notApplicable(NAME, tree.failure, Constructions.since(start));
        }
        if (!pieces) {
            double bound = Math.min(tree.treeBound, tree.incumbent);
            return new DualResult(NAME, Optional.empty(), bound, String.format(Locale.ROOT,
                    "bound only (pieces=off): %d LPs, tree bound %.9g%s", tree.solved, sign * bound,
                    tree.stop.isEmpty() ? "" : ", stopped: " + tree.stop), Constructions.since(start));
        }
        if (tree.leaves.isEmpty()) {
            return DualResult.notApplicable(NAME, "the tree has no leaf", Constructions.since(start));
        }
        Certificate certificate = new Certificate(Certificate.Kind.VALID_BY_CONSTRUCTION,
                tolerance(tree.incumbent), evidence(tree, request) + "; every piece's reduced costs recomputed from its duals");
        DualFunction f = leavesOnly
                ? new PiecewiseAffineFunction(rows, tree.leaves, PiecewiseAffineFunction.Combination.MIN, certificate,
                        "branch-and-bound dual: the least of its " + count(tree.leaves.size(), "leaf") + "' bounds")
                : new TreeDualFunction(rows, tree.root, certificate, "branch-and-bound dual through the tree: "
                        + count(tree.solved, "LP") + ", " + count(tree.leaves.size(), "leaf")
                        + " (interior nodes' bounds included)");
        double atB0 = f.value(b);
        return DualResult.built(NAME, f, atB0, message(tree, sign, atB0), Constructions.since(start));
    }

    /** The certificate's tolerance: relative to the incumbent's size. */
    static double tolerance(double incumbent) {
        return 1e-6 * Math.max(1, Double.isFinite(incumbent) ? Math.abs(incumbent) : 1);
    }

    static String evidence(LpTreeSearch.Outcome tree, DualRequest request) {
        return String.format(Locale.ROOT, "%s of a %d-LP tree on %s (%d closed by their elastic LP's bound, %d elastic"
                + " LPs re-solved plainly; %d infeasible: %d raised by Farkas pieces from %d phase-one LPs, %d without a"
                + " certificate)", count(tree.leaves.size(), "leaf"), tree.solved, request.backend().info().name(),
                tree.elasticLeaves, tree.elasticFallbacks, tree.infeasibleLeaves, tree.raised, tree.farkasLps,
                tree.unproven);
    }

    static String message(LpTreeSearch.Outcome tree, double sign, double atB0) {
        return tree.stop.isEmpty()
                ? String.format(Locale.ROOT, "tree complete: F(b) = %.9g%s", sign * atB0, Double.isFinite(tree.incumbent)
                        ? String.format(Locale.ROOT, ", incumbent %.9g", sign * tree.incumbent) : "")
                : "tree stopped (" + tree.stop + ") after " + tree.solved + " LPs: F(b) is the tree's bound, not z(b)";
    }

    static String count(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun.equals("leaf") ? "leaves" : noun + "s");
    }
}
