package org.tamebnn.dual.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.dual.AffinePiece;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.dual.DualConstructor;
import org.tamebnn.api.dual.DualFunction;
import org.tamebnn.api.dual.DualRequest;
import org.tamebnn.api.dual.DualResult;
import org.tamebnn.api.dual.RightHandSide;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Row;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.api.milp.Variable;

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
 * alone. Depth first, branching on the most fractional integer variable, the down branch first.
 * Options: {@code nodes} (the most LPs, default 20000), {@code incumbent} (the objective of a known
 * feasible solution in the model's sense, such as a MILP solver's, so that the tree prunes by bound
 * from the start), {@code evaluation} ({@code tree} or {@code leaves}) and {@code pieces}
 * ({@code off} runs the same tree without building the dual function, for the bound alone: what
 * the benchmark compares against).
 */
@Component(service = DualConstructor.class, property = DualConstructor.NAME_PROPERTY + "=" + BranchAndBoundDual.NAME)
public final class BranchAndBoundDual implements DualConstructor {
    static final String NAME = "bb";
    private static final double INTEGRALITY = 1e-6;

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

    /** A box of the tree, with the multipliers of its parent for when its own LP has none. */
    private record Node(double[] lower, double[] upper, double[] parentDuals, double parentBound, int depth,
            TreeDualFunction.Node tree) {
    }

    /** An infeasible leaf, finished once the incumbent is final: parent piece plus λ·Farkas piece. */
    private record InfeasibleLeaf(AffinePiece parent, AffinePiece farkas, TreeDualFunction.Node tree) {
    }

    @Override
    public DualResult construct(MilpModel model, DualRequest request) {
        long start = System.nanoTime();
        Optional<String> refusal = Constructions.refusal(model, request, needs())
                .or(() -> Constructions.unknownOption(request, Set.of("nodes", "incumbent", "evaluation", "pieces")));
        if (refusal.isPresent()) {
            return DualResult.notApplicable(NAME, refusal.get(), Constructions.since(start));
        }
        int[] rows = Constructions.rows(model, request);
        double[] b = Constructions.at(model, request, rows);
        MilpModel atB = RightHandSide.at(model, rows, b);
        MilpModel relaxed = atB.relaxation();
        int maxNodes = (int) Constructions.option(request, "nodes", 20000);
        double sign = model.sense() == org.tamebnn.api.milp.Sense.MAXIMIZE ? -1 : 1;
        double incumbent = sign * Constructions.option(request, "incumbent", sign * Double.POSITIVE_INFINITY);

        String evaluation = request.options().getOrDefault("evaluation", "tree");
        if (!evaluation.equals("tree") && !evaluation.equals("leaves")) {
            return DualResult.notApplicable(NAME, "option evaluation must be tree or leaves, not '" + evaluation + "'",
                    Constructions.since(start));
        }
        // pieces=off: the same tree with no dual function (no pieces, no Farkas LPs), the bound only,
        // to measure what building the dual function costs
        boolean pieces = !"off".equals(request.options().get("pieces"));
        double treeBound = Double.POSITIVE_INFINITY;
        List<AffinePiece> leaves = new ArrayList<>();
        List<InfeasibleLeaf> infeasible = new ArrayList<>();
        Deque<Node> open = new ArrayDeque<>();
        TreeDualFunction.Node root = new TreeDualFunction.Node();
        open.push(new Node(LagrangianPiece.lowerBounds(model), LagrangianPiece.upperBounds(model), null,
                Double.NEGATIVE_INFINITY, 0, root));
        int solved = 0;
        int unproven = 0;
        String stop = "";
        while (!open.isEmpty()) {
            if (solved >= maxNodes || Constructions.outOfTime(request.params(), start)) {
                stop = solved >= maxNodes ? "node limit " + maxNodes : "time limit";
                break;
            }
            Node node = open.pop();
            SolveParams params = Constructions.remaining(request.params(), start);
            SolveResult r = request.backend().solve(withBounds(relaxed, node), params);
            solved++;
            if (r.status() == SolveStatus.INFEASIBLE) {
                if (node.parentDuals() == null) {
                    return DualResult.notApplicable(NAME, "the LP relaxation is infeasible at b: the model is"
                            + " infeasible there", Constructions.since(start));
                }
                if (!pieces) {
                    continue;
                }
                AffinePiece parent = LagrangianPiece.of(model, rows, node.parentDuals(), node.lower(), node.upper());
                if (parent.value(b) >= incumbent - pruneTolerance(incumbent)) {
                    // the parent's bound over this box already reaches the incumbent at b: no Farkas LP needed
                    node.tree().piece = parent;
                    leaves.add(parent);
                    continue;
                }
                Optional<AffinePiece> farkas = farkasPiece(atB, rows, node, request, params);
                if (farkas.isPresent()) {
                    infeasible.add(new InfeasibleLeaf(parent, farkas.get(), node.tree()));
                } else {
                    // no certificate of the infeasibility (the phase-one LP did not solve, or found the box
                    // only barely infeasible): the parent's bound over the box stays valid, only weaker
                    node.tree().piece = parent;
                    leaves.add(parent);
                    unproven++;
                }
                continue;
            }
            if (r.status() != SolveStatus.OPTIMAL || r.rowDuals() == null || !r.hasSolution()) {
                if (r.status() == SolveStatus.UNBOUNDED || r.status() == SolveStatus.INFEASIBLE_OR_UNBOUNDED) {
                    return DualResult.notApplicable(NAME, "an LP relaxation is unbounded (" + r.status()
                            + "): no LP dual bounds it", Constructions.since(start));
                }
                open.push(node);
                stop = "an LP ended " + r.status() + (r.message().isEmpty() ? "" : " (" + r.message() + ")");
                break;
            }
            double[] u = LagrangianPiece.minDuals(model, r.rowDuals());
            AffinePiece piece = pieces ? LagrangianPiece.of(model, rows, u, node.lower(), node.upper()) : null;
            double lpValue = sign * r.objective();
            node.tree().piece = piece;
            double[] x = r.solution().orElseThrow();
            int branch = mostFractional(model, x);
            if (lpValue >= incumbent - pruneTolerance(incumbent) || branch < 0) {
                if (branch < 0) {
                    incumbent = Math.min(incumbent, lpValue);
                }
                treeBound = Math.min(treeBound, lpValue);
                if (pieces) {
                    leaves.add(piece);
                }
                continue;
            }
            double value = x[branch];
            double[] downUpper = node.upper().clone();
            downUpper[branch] = Math.floor(value);
            double[] upLower = node.lower().clone();
            upLower[branch] = Math.ceil(value);
            TreeDualFunction.Node down = new TreeDualFunction.Node();
            TreeDualFunction.Node up = new TreeDualFunction.Node();
            node.tree().children.add(down);
            node.tree().children.add(up);
            open.push(new Node(upLower, node.upper(), u, lpValue, node.depth() + 1, up));
            open.push(new Node(node.lower(), downUpper, u, lpValue, node.depth() + 1, down));
        }
        if (!pieces) {
            for (Node node : open) {
                treeBound = Math.min(treeBound, node.parentBound());
            }
            double bound = Math.min(treeBound, incumbent);
            return new DualResult(NAME, Optional.empty(), bound, String.format(Locale.ROOT,
                    "bound only (pieces=off): %d LPs, tree bound %.9g%s", solved, sign * bound,
                    stop.isEmpty() ? "" : ", stopped: " + stop), Constructions.since(start));
        }
        // nodes never solved keep their parent's multipliers over their own box: still valid bounds
        for (Node node : open) {
            AffinePiece piece = LagrangianPiece.of(model, rows,
                    node.parentDuals() == null ? new double[model.rowCount()] : node.parentDuals(), node.lower(),
                    node.upper());
            node.tree().piece = piece;
            leaves.add(piece);
        }
        double target = Double.isFinite(incumbent) ? incumbent : Double.NaN;
        for (InfeasibleLeaf leaf : infeasible) {
            AffinePiece piece = raised(leaf, b, target);
            leaf.tree().piece = piece;
            leaves.add(piece);
        }
        if (leaves.isEmpty()) {
            return DualResult.notApplicable(NAME, "the tree has no leaf", Constructions.since(start));
        }
        double tolerance = 1e-6 * Math.max(1, Double.isFinite(incumbent) ? Math.abs(incumbent) : 1);
        String evidence = String.format(Locale.ROOT, "%s of a %d-LP tree on %s (%d infeasible with Farkas pieces,"
                + " %d without); every piece's reduced costs recomputed from its duals", count(leaves.size(), "leaf"),
                solved, request.backend().info().name(), infeasible.size(), unproven);
        Certificate certificate = new Certificate(Certificate.Kind.VALID_BY_CONSTRUCTION, tolerance, evidence);
        DualFunction f = evaluation.equals("leaves")
                ? new PiecewiseAffineFunction(rows, leaves, PiecewiseAffineFunction.Combination.MIN, certificate,
                        "branch-and-bound dual: the least of its " + count(leaves.size(), "leaf") + "' bounds")
                : new TreeDualFunction(rows, root, certificate, "branch-and-bound dual through the tree: "
                        + count(solved, "LP") + ", " + count(leaves.size(), "leaf") + " (interior nodes' bounds included)");
        double atB0 = f.value(b);
        String message = stop.isEmpty()
                ? String.format(Locale.ROOT, "tree complete: F(b) = %.9g%s", sign * atB0,
                        Double.isFinite(incumbent) ? String.format(Locale.ROOT, ", incumbent %.9g", sign * incumbent) : "")
                : "tree stopped (" + stop + ") after " + solved + " LPs: F(b) is the tree's bound, not z(b)";
        return DualResult.built(NAME, f, atB0, message, Constructions.since(start));
    }

    /** parent + λ·farkas with λ ≥ 0 putting the leaf at the incumbent at b₀ (λ = 0 when the parent is already there). */
    private static AffinePiece raised(InfeasibleLeaf leaf, double[] b, double incumbent) {
        double shortfall = Double.isNaN(incumbent) ? 1e6 : incumbent - leaf.parent().value(b);
        if (!Double.isFinite(shortfall)) {
            return leaf.parent(); // a parent bound of −∞ over this box: no finite multiple of the ray lifts it
        }
        double lambda = shortfall <= 0 ? 0 : shortfall / leaf.farkas().value(b) * (1 + 1e-9);
        double[] g = leaf.parent().gradient();
        double[] h = leaf.farkas().gradient();
        for (int i = 0; i < g.length; i++) {
            g[i] += lambda * h[i];
        }
        return new AffinePiece(g, leaf.parent().intercept() + lambda * leaf.farkas().intercept());
    }

    /**
     * A piece ≤ 0 wherever the node's box is feasible and positive at b₀: the Lagrangian bound, with
     * zero costs, of the duals of min Σ (s⁺ + s⁻) s.t. each row relaxed by s⁺ − s⁻, the duals clipped
     * to [−1, 1] (where the artificials' reduced costs are nonnegative).
     */
    private static Optional<AffinePiece> farkasPiece(MilpModel atB, int[] rows, Node node, DualRequest request,
            SolveParams params) {
        MilpModel.Builder p = MilpModel.builder(atB.name() + "_phase1");
        for (int j = 0; j < atB.variableCount(); j++) {
            Variable v = atB.variable(j);
            p.continuous(v.name(), node.lower()[j], node.upper()[j]);
        }
        for (int i = 0; i < atB.rowCount(); i++) {
            Row row = atB.row(i);
            int plus = p.continuous("_art_plus_" + i, 0, Double.POSITIVE_INFINITY);
            int minus = p.continuous("_art_minus_" + i, 0, Double.POSITIVE_INFINITY);
            p.objective(plus, 1).objective(minus, 1);
            int[] cols = java.util.Arrays.copyOf(row.columns(), row.columns().length + 2);
            double[] coefs = java.util.Arrays.copyOf(row.coefficients(), cols.length);
            cols[cols.length - 2] = plus;
            coefs[cols.length - 2] = 1;
            cols[cols.length - 1] = minus;
            coefs[cols.length - 1] = -1;
            p.addRow(row.name(), row.lower(), row.upper(), cols, coefs);
        }
        MilpModel phase1 = p.build();
        SolveResult r = request.backend().solve(phase1, params);
        if (r.status() != SolveStatus.OPTIMAL || r.rowDuals() == null) {
            return Optional.empty();
        }
        double[] u = new double[atB.rowCount()];
        for (int i = 0; i < u.length; i++) {
            u[i] = Math.max(-1, Math.min(1, r.rowDuals()[i]));
        }
        MilpModel.Builder zero = atB.toBuilder(atB.name() + "_feasibility");
        for (int j = 0; j < atB.variableCount(); j++) {
            zero.objective(j, 0);
        }
        MilpModel feasibility = zero.objectiveOffset(0).sense(org.tamebnn.api.milp.Sense.MINIMIZE).build();
        AffinePiece piece = LagrangianPiece.of(feasibility, rows, u, node.lower(), node.upper());
        double[] b = RightHandSide.of(atB, rows);
        return piece.value(b) > 1e-9 ? Optional.of(piece) : Optional.empty();
    }

    private static MilpModel withBounds(MilpModel relaxed, Node node) {
        MilpModel.Builder b = relaxed.toBuilder(relaxed.name());
        for (int j = 0; j < relaxed.variableCount(); j++) {
            Variable v = relaxed.variable(j);
            if (v.lower() != node.lower()[j] || v.upper() != node.upper()[j]) {
                b.variableBounds(j, node.lower()[j], node.upper()[j]);
            }
        }
        return b.build();
    }

    /** The integer variable farthest from an integer, or −1 when all are within {@link #INTEGRALITY}. */
    private static int mostFractional(MilpModel model, double[] x) {
        int best = -1;
        double bestDistance = INTEGRALITY;
        for (int j = 0; j < x.length; j++) {
            if (model.variable(j).isInteger()) {
                double distance = Math.abs(x[j] - Math.rint(x[j]));
                if (distance > bestDistance) {
                    best = j;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    private static String count(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun.equals("leaf") ? "leaves" : noun + "s");
    }

    private static double pruneTolerance(double incumbent) {
        return Double.isFinite(incumbent) ? 1e-9 * Math.max(1, Math.abs(incumbent)) : 0;
    }
}
