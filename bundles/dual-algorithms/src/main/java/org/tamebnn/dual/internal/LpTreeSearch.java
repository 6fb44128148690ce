package org.tamebnn.dual.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

import org.tamebnn.api.dual.AffinePiece;
import org.tamebnn.api.dual.DualProgress;
import org.tamebnn.api.dual.DualRequest;
import org.tamebnn.api.dual.RightHandSide;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.Row;
import org.tamebnn.api.milp.Sense;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.SolveResult;
import org.tamebnn.api.milp.SolveStatus;
import org.tamebnn.api.milp.Variable;

/**
 * The LP-based branch and bound behind the branch-and-bound and branch-and-cut duals (notes §4.5,
 * §4.6). {@link Order#BEST}: best bound first with diving between, pseudo-cost branching, and
 * reduced-cost tightening against the incumbent, so that the bound rises as the tree grows;
 * {@link Order#DEPTH}: depth first, the most fractional variable, the down branch first. Each solved
 * node keeps the Lagrangian bound of its LP duals over its box ({@link LagrangianPiece}) as an
 * affine function of the right-hand side of {@code rows}; nodes never solved keep their parent's
 * multipliers over their own box.
 *
 * <p>An infeasible leaf's parent multipliers over its box bound it, but weakly; raising it needs a
 * Farkas piece from a phase-one LP. Those LPs are what the dual function costs beyond the tree
 * itself, so by default ({@code farkas=lazy}) they are solved only after the search, once the
 * incumbent is final, and only for the infeasible leaves that keep Φ(root, b₀) below it: walking
 * down from the root, a subtree whose own bound already reaches the incumbent at b₀ needs nothing
 * below it. That is enough for F(b₀) = z(b₀) on a complete tree; {@code farkas=all} raises every
 * infeasible leaf, which makes F stronger away from b₀ at the price of one LP per infeasible leaf.
 * Where infeasible children are common, children are solved as elastic LPs instead, whose own
 * bound closes an infeasible box with no second LP ({@link #solve}, {@link #elasticPays}).
 */
final class LpTreeSearch {
    private static final double INTEGRALITY = 1e-6;
    /** How often the request's listener hears of the tree: twice a second. */
    private static final long REPORT_EVERY_NANOS = 500_000_000L;

    /** How many infeasible leaves get Farkas pieces. */
    enum Farkas {
        LAZY, ALL
    }

    /**
     * A box of the tree, with the multipliers of its parent for when its own LP has none, and the
     * branching that made it (variable, direction, the parent's fractional part), which its LP's
     * rise over the parent's feeds into the pseudo-costs.
     */
    private record Node(double[] lower, double[] upper, double[] parentDuals, double parentBound, double[] parentPoint,
            TreeDualFunction.Node tree, int depth, int branchVariable, boolean up, double fraction) {
        static Node root(double[] lower, double[] upper, TreeDualFunction.Node tree) {
            return new Node(lower, upper, null, Double.NEGATIVE_INFINITY, null, tree, 0, -1, false, 0);
        }
    }

    /** How the next node is chosen. */
    enum Order {
        /** Best bound first, diving between (as MILP solvers do): the bound rises, incumbents still come early. */
        BEST,
        /** Depth first, the down branch first: the tree of earlier versions, kept for comparison. */
        DEPTH
    }

    /** A node LP's answer in the model's terms (the elastic column removed). */
    private record Lp(SolveStatus status, double objective, double[] x, double[] duals, String message) {
        static Lp of(SolveResult r) {
            return new Lp(r.status(), r.objective(), r.solution().orElse(null), r.rowDuals(), r.message());
        }
    }

    /** An infeasible leaf: its box and its parent's piece over that box, until a Farkas piece raises it. */
    private record InfeasibleLeaf(Node node, AffinePiece parent) {
    }

    /**
     * What the search found. {@code failure} is set when there is no function (the LP relaxation
     * infeasible at b₀, an unbounded LP).
     */
    static final class Outcome {
        String failure;
        final TreeDualFunction.Node root = new TreeDualFunction.Node();
        final List<AffinePiece> leaves = new ArrayList<>();
        int solved;
        int farkasLps;
        int raised;
        int unproven;
        int infeasibleLeaves;
        /** Boxes closed by an elastic LP's own bound, infeasible or dominated, with no second LP. */
        int elasticLeaves;
        /** Elastic LPs that could neither be read as the node's LP nor close it, so the plain LP was solved too. */
        int elasticFallbacks;
        /** The least objective of an integral leaf (minimisation sense), +∞ when none. */
        double incumbent;
        /** The least LP bound over leaves and open nodes (minimisation sense); the bound of pieces=off. */
        double treeBound = Double.POSITIVE_INFINITY;
        /** Variable ranges cut off by reduced costs against the incumbent, each closed as a leaf of its own. */
        int tightened;
        /** The tree's bound at b₀ after each node (min of the incumbent and every open node's bound). */
        final List<Double> boundTrace = new ArrayList<>();
        String stop = "";
    }

    private final MilpModel model;
    private final int[] rows;
    private final double[] b;
    private final DualRequest request;
    private final long start;
    private final int maxNodes;
    private final boolean pieces;
    private final Farkas farkas;
    private final Order order;
    private final PseudoCosts pseudoCosts;
    /** Children solved so far, and those found infeasible or closed by an elastic bound: see {@link #elasticPays}. */
    private int children;
    private int infeasibleChildren;

    /**
     * @param model   the model, with the right-hand side of {@code rows} at {@code b}
     * @param rows    the rows whose right-hand side the pieces are functions of
     * @param pieces  false runs the same tree without building pieces (the bound only)
     */
    LpTreeSearch(MilpModel model, int[] rows, double[] b, DualRequest request, long start, int maxNodes,
            boolean pieces, Farkas farkas, Order order) {
        this.model = model;
        this.rows = rows;
        this.b = b;
        this.request = request;
        this.start = start;
        this.maxNodes = maxNodes;
        this.pieces = pieces;
        this.farkas = farkas;
        this.order = order;
        this.pseudoCosts = new PseudoCosts(model.variableCount());
    }

    /** The request's {@code order} option: best (the default) or depth. */
    static Order order(DualRequest request) {
        return "depth".equals(request.options().get("order")) ? Order.DEPTH : Order.BEST;
    }

    /** Runs the tree from {@code incumbent} (minimisation sense, +∞ for none). */
    Outcome run(double incumbent) {
        Outcome out = new Outcome();
        out.incumbent = incumbent;
        MilpModel relaxed = model.relaxation();
        double sign = model.sense() == Sense.MAXIMIZE ? -1 : 1;
        List<InfeasibleLeaf> infeasible = new ArrayList<>();
        OpenNodes open = new OpenNodes(order);
        open.add(Node.root(LagrangianPiece.lowerBounds(model), LagrangianPiece.upperBounds(model), out.root), false);
        long lastReport = System.nanoTime();
        while (!open.isEmpty()) {
            if (out.solved >= maxNodes || Constructions.outOfTime(request.params(), start)
                    || request.cancel().isCancelled()) {
                out.stop = out.solved >= maxNodes ? "node limit " + maxNodes
                        : request.cancel().isCancelled() ? "cancelled" : "time limit";
                break;
            }
            if (System.nanoTime() - lastReport >= REPORT_EVERY_NANOS) {
                lastReport = System.nanoTime();
                double bound = open.bound(out.incumbent);
                request.listener().onProgress(new DualProgress(Constructions.since(start), out.solved,
                        open.all().size(), sign * bound, Double.isFinite(out.incumbent) ? sign * out.incumbent
                                : Double.NaN));
            }
            Node node = open.poll();
            Lp r = solve(relaxed, node, out);
            if (r == null) {
                out.boundTrace.add(open.bound(out.incumbent));
                continue; // an elastic LP whose own bound already proves the box holds nothing better
            }
            // a child's LP lies inside its parent's, which had an optimum, so it cannot be unbounded:
            // "infeasible or unbounded" (GLOP's answer when its presolve stops early) is infeasible there
            boolean noPoint = r.status() == SolveStatus.INFEASIBLE
                    || r.status() == SolveStatus.INFEASIBLE_OR_UNBOUNDED && node.parentDuals() != null;
            if (noPoint) {
                if (node.parentDuals() == null) {
                    out.failure = "the LP relaxation is infeasible at b: the model is infeasible there";
                    return out;
                }
                if (pieces) {
                    AffinePiece parent = LagrangianPiece.of(model, rows, node.parentDuals(), node.lower(), node.upper());
                    node.tree().piece = parent;
                    infeasible.add(new InfeasibleLeaf(node, parent));
                }
                out.boundTrace.add(open.bound(out.incumbent));
                continue;
            }
            if (r.status() != SolveStatus.OPTIMAL || r.duals() == null || r.x() == null) {
                if (r.status() == SolveStatus.UNBOUNDED || r.status() == SolveStatus.INFEASIBLE_OR_UNBOUNDED) {
                    out.failure = "an LP relaxation is unbounded (" + r.status() + "): no LP dual bounds it";
                    return out;
                }
                open.add(node, false);
                out.stop = "an LP ended " + r.status() + (r.message().isEmpty() ? "" : " (" + r.message() + ")");
                break;
            }
            double[] u = LagrangianPiece.minDuals(model, r.duals());
            double lpValue = sign * r.objective();
            pseudoCosts.learn(node, lpValue);
            if (pieces) {
                node.tree().piece = LagrangianPiece.of(model, rows, u, node.lower(), node.upper());
            }
            double[] x = r.x();
            int branch = pseudoCosts.choose(x);
            if (lpValue >= out.incumbent - pruneTolerance(out.incumbent) || branch < 0) {
                if (branch < 0) {
                    out.incumbent = Math.min(out.incumbent, lpValue);
                }
                out.treeBound = Math.min(out.treeBound, lpValue);
                if (pieces) {
                    out.leaves.add(node.tree().piece);
                }
                out.boundTrace.add(open.bound(out.incumbent));
                continue;
            }
            Node kept = order == Order.BEST ? tighten(node, u, x, out) : node;
            double f = x[branch] - Math.floor(x[branch]);
            double[] downUpper = kept.upper().clone();
            downUpper[branch] = Math.floor(x[branch]);
            double[] upLower = kept.lower().clone();
            upLower[branch] = Math.ceil(x[branch]);
            TreeDualFunction.Node down = new TreeDualFunction.Node();
            TreeDualFunction.Node up = new TreeDualFunction.Node();
            kept.tree().children.add(down);
            kept.tree().children.add(up);
            Node downNode = new Node(kept.lower(), downUpper, u, lpValue, x, down, node.depth() + 1, branch, false, f);
            Node upNode = new Node(upLower, kept.upper(), u, lpValue, x, up, node.depth() + 1, branch, true, f);
            // dive into the side the LP leans to while the node is near the best bound (or nothing is
            // found yet); depth first takes the down branch first, as it always did
            boolean downFirst = order == Order.DEPTH || f <= 0.5;
            boolean dive = open.worthDiving(lpValue, out.incumbent);
            open.add(downFirst ? upNode : downNode, false);
            open.add(downFirst ? downNode : upNode, dive);
            out.boundTrace.add(open.bound(out.incumbent));
        }
        double openFloor = Double.POSITIVE_INFINITY; // the least bound at b of a node never solved
        for (Node node : open.all()) {
            out.treeBound = Math.min(out.treeBound, node.parentBound());
            if (pieces) {
                double[] u = node.parentDuals() == null ? new double[model.rowCount()] : node.parentDuals();
                node.tree().piece = LagrangianPiece.of(model, rows, u, node.lower(), node.upper());
                out.leaves.add(node.tree().piece);
                openFloor = Math.min(openFloor, node.tree().piece.value(b));
            }
        }
        out.infeasibleLeaves = infeasible.size();
        if (pieces) {
            // after a cancel as after a limit: the infeasible leaves that keep F(b₀) below the open
            // nodes' floor are raised (lazily, few phase-one LPs), so F(b₀) reaches the bound reported
            raise(infeasible, out, openFloor);
        }
        return out;
    }

    /**
     * The nodes not yet solved: a stack for depth first; for best bound a heap by the parent's bound,
     * with one node aside to dive into next.
     */
    private static final class OpenNodes {
        private final Order order;
        private final Deque<Node> stack = new ArrayDeque<>();
        private final PriorityQueue<Node> heap = new PriorityQueue<>(Comparator.comparingDouble(Node::parentBound)
                .thenComparing(Comparator.comparingInt(Node::depth).reversed()));
        private Node next;

        OpenNodes(Order order) {
            this.order = order;
        }

        void add(Node n, boolean diveNext) {
            if (order == Order.DEPTH) {
                stack.push(n);
            } else if (diveNext) {
                if (next != null) {
                    heap.add(next);
                }
                next = n;
            } else {
                heap.add(n);
            }
        }

        Node poll() {
            if (order == Order.DEPTH) {
                return stack.pop();
            }
            Node n = next != null ? next : heap.poll();
            next = null;
            return n;
        }

        boolean isEmpty() {
            return order == Order.DEPTH ? stack.isEmpty() : next == null && heap.isEmpty();
        }

        List<Node> all() {
            List<Node> nodes = new ArrayList<>(order == Order.DEPTH ? stack : heap);
            if (next != null) {
                nodes.add(next);
            }
            return nodes;
        }

        /** The tree's bound: the least of the incumbent and the open nodes' bounds. */
        double bound(double incumbent) {
            double least = incumbent;
            if (order == Order.DEPTH) {
                for (Node n : stack) {
                    least = Math.min(least, n.parentBound());
                }
                return least;
            }
            if (!heap.isEmpty()) {
                least = Math.min(least, heap.peek().parentBound());
            }
            return next == null ? least : Math.min(least, next.parentBound());
        }

        /**
         * Whether to go on diving below a node of LP value {@code value}: always before an incumbent,
         * afterwards while it is in the lower half between the best open bound and the incumbent.
         */
        boolean worthDiving(double value, double incumbent) {
            if (order == Order.DEPTH || !Double.isFinite(incumbent) || heap.isEmpty()) {
                return order == Order.BEST;
            }
            double best = heap.peek().parentBound();
            return value <= best + 0.5 * (incumbent - best);
        }
    }

    /**
     * Pseudo-costs: per variable and direction, the mean rise of the LP bound per unit of the
     * fractional part a branch removed, learnt from every child solved. A variable not yet branched
     * on in a direction takes the mean over those that were; before anything is learnt, the most
     * fractional variable is branched on. Depth first keeps the most fractional rule throughout.
     */
    private final class PseudoCosts {
        private final double[] downSum;
        private final double[] upSum;
        private final int[] downCount;
        private final int[] upCount;

        PseudoCosts(int n) {
            downSum = new double[n];
            upSum = new double[n];
            downCount = new int[n];
            upCount = new int[n];
        }

        void learn(Node node, double lpValue) {
            int j = node.branchVariable();
            if (j < 0 || !Double.isFinite(node.parentBound())) {
                return;
            }
            double rise = Math.max(0, lpValue - node.parentBound());
            if (node.up()) {
                upSum[j] += rise / Math.max(1e-6, 1 - node.fraction());
                upCount[j]++;
            } else {
                downSum[j] += rise / Math.max(1e-6, node.fraction());
                downCount[j]++;
            }
        }

        /** The variable to branch on (the product rule of the two directions' estimates), or −1 when x is integral. */
        int choose(double[] x) {
            int fallback = mostFractional(x);
            if (order == Order.DEPTH || fallback < 0) {
                return fallback;
            }
            double downMean = mean(downSum, downCount);
            double upMean = mean(upSum, upCount);
            if (Double.isNaN(downMean) && Double.isNaN(upMean)) {
                return fallback;
            }
            int best = fallback;
            double bestScore = -1;
            for (int j = 0; j < x.length; j++) {
                if (!model.variable(j).isInteger()) {
                    continue;
                }
                double f = x[j] - Math.floor(x[j]);
                if (f <= INTEGRALITY || f >= 1 - INTEGRALITY) {
                    continue;
                }
                double down = f * (downCount[j] > 0 ? downSum[j] / downCount[j] : orOne(downMean));
                double up = (1 - f) * (upCount[j] > 0 ? upSum[j] / upCount[j] : orOne(upMean));
                double score = Math.max(down, 1e-6) * Math.max(up, 1e-6);
                if (score > bestScore) {
                    best = j;
                    bestScore = score;
                }
            }
            return best;
        }

        private static double mean(double[] sum, int[] count) {
            double total = 0;
            int n = 0;
            for (int j = 0; j < sum.length; j++) {
                if (count[j] > 0) {
                    total += sum[j] / count[j];
                    n++;
                }
            }
            return n == 0 ? Double.NaN : total / n;
        }

        private static double orOne(double v) {
            return Double.isNaN(v) ? 1 : v;
        }
    }

    /**
     * Reduced-cost tightening against the incumbent: an integer variable whose reduced cost rⱼ &gt; 0
     * (at its lower bound l) cannot take a value v where the node's bound at b₀ plus rⱼ·(v − l)
     * passes the incumbent, and likewise downwards for rⱼ &lt; 0. The range cut off becomes a leaf of its own,
     * with the node's multipliers over that box as its piece (valid at every b, and at b₀ at least
     * the incumbent), so the dual function stays certified; the node branches on what is left.
     * Returns the node to branch on: {@code node} itself when nothing was cut off.
     */
    private Node tighten(Node node, double[] u, double[] x, Outcome out) {
        if (!Double.isFinite(out.incumbent)) {
            return node;
        }
        double[] r = LagrangianPiece.reducedCosts(model, LagrangianPiece.clip(model, u));
        double atB = LagrangianPiece.of(model, rows, u, node.lower(), node.upper()).value(b);
        double room = out.incumbent - pruneTolerance(out.incumbent) - atB;
        if (!(room >= 0) || !Double.isFinite(atB)) {
            return node;
        }
        double[] lower = node.lower().clone();
        double[] upper = node.upper().clone();
        List<TreeDualFunction.Node> cut = new ArrayList<>();
        for (int j = 0; j < r.length; j++) {
            if (!model.variable(j).isInteger() || r[j] == 0) {
                continue;
            }
            // x_j may move room/|r_j| from its bound before the bound passes the incumbent: the integers
            // beyond (floor, so a fractional bound loses no integer point) are cut off, unless the LP
            // point itself lies there (inexact duals), where branching needs it
            double[] exLower = lower.clone();
            double[] exUpper = upper.clone();
            if (r[j] > 0 && Double.isFinite(lower[j])) {
                double keep = Math.floor(lower[j] + room / r[j]);
                if (keep + 1 > upper[j] || x[j] > keep + INTEGRALITY) {
                    continue;
                }
                exLower[j] = keep + 1;
                upper[j] = keep;
            } else if (r[j] < 0 && Double.isFinite(upper[j])) {
                double keep = Math.ceil(upper[j] - room / -r[j]);
                if (keep - 1 < lower[j] || x[j] < keep - INTEGRALITY) {
                    continue;
                }
                exUpper[j] = keep - 1;
                lower[j] = keep;
            } else {
                continue;
            }
            if (pieces) {
                TreeDualFunction.Node leaf = new TreeDualFunction.Node();
                leaf.piece = LagrangianPiece.of(model, rows, u, exLower, exUpper);
                cut.add(leaf);
                out.leaves.add(leaf.piece);
            }
            out.tightened++;
        }
        if (Arrays.equals(lower, node.lower()) && Arrays.equals(upper, node.upper())) {
            return node;
        }
        TreeDualFunction.Node kept = node.tree();
        if (pieces) {
            kept = new TreeDualFunction.Node();
            kept.piece = LagrangianPiece.of(model, rows, u, lower, upper);
            node.tree().children.addAll(cut);
            node.tree().children.add(kept);
        }
        return new Node(lower, upper, node.parentDuals(), node.parentBound(), node.parentPoint(), kept, node.depth(),
                node.branchVariable(), node.up(), node.fraction());
    }

    /**
     * The node's LP. With pieces, a child is solved as an elastic LP, so that an infeasible box
     * needs no second (phase-one) LP: one more column t ≥ 0 with cost M moves every row by t·r, r
     * the residual of the parent's point x̂ clamped to the box, so (x̂, t = 1) is feasible and the LP
     * always has an optimum and duals. Its duals u give the Lagrangian piece over the box, valid for
     * any u; when t* = 0 the LP is the node's own, and when t* &gt; 0 the piece's value at b₀ is
     * c·x* + M·t* and closes the box if it reaches the incumbent (the box holds nothing better, be it
     * infeasible or not). Otherwise — M too small, or no incumbent yet — the plain LP decides, as it
     * does at the root and without pieces.
     */
    private Lp solve(MilpModel relaxed, Node node, Outcome out) {
        SolveParams params = Constructions.remaining(request.params(), start);
        out.solved++;
        double[] residual = pieces && node.parentPoint() != null && elasticPays() ? residual(relaxed, node) : null;
        if (residual == null) {
            Lp plain = Lp.of(request.backend().solve(withBounds(relaxed, node), params));
            if (node.parentPoint() != null) {
                children++;
                infeasibleChildren += plain.status() == SolveStatus.INFEASIBLE || plain.status() == SolveStatus.INFEASIBLE_OR_UNBOUNDED ? 1 : 0;
            }
            return plain;
        }
        children++;
        double sign = model.sense() == Sense.MAXIMIZE ? -1 : 1;
        double penalty = elasticPenalty(residual);
        int t = relaxed.variableCount();
        SolveResult r = request.backend().solve(elastic(relaxed, node, residual, sign * penalty), params);
        if (r.status() == SolveStatus.OPTIMAL && r.rowDuals() != null && r.hasSolution()) {
            double[] xt = r.values();
            double[] x = Arrays.copyOf(xt, model.variableCount());
            double tValue = xt[t];
            if (tValue <= 1e-9) {
                return new Lp(SolveStatus.OPTIMAL, r.objective() - sign * penalty * tValue, x, r.rowDuals(), "");
            }
            double[] u = LagrangianPiece.minDuals(model, r.rowDuals());
            AffinePiece piece = LagrangianPiece.of(model, rows, u, node.lower(), node.upper());
            if (Double.isFinite(out.incumbent) && piece.value(b) >= out.incumbent - pruneTolerance(out.incumbent)) {
                node.tree().piece = piece;
                out.leaves.add(piece);
                out.elasticLeaves++;
                infeasibleChildren++; // closed for want of a feasible point at or below the incumbent
                return null;
            }
        }
        out.elasticFallbacks++;
        out.solved++;
        return Lp.of(request.backend().solve(withBounds(relaxed, node), params));
    }

    /**
     * Whether a child should be solved elastically: an elastic LP costs more than a plain one
     * (measured about 1.4× on GLOP), and pays only where children are often infeasible, each of
     * which would otherwise need a second, phase-one LP. So the tree starts plain and turns elastic
     * once more than a quarter of its first 20 or more children were infeasible (or closed by their
     * elastic bound), and back when that share falls: 40% on p0033, none on stein27.
     */
    private boolean elasticPays() {
        return children >= 20 && infeasibleChildren > 0.25 * children;
    }

    /** The node's LP with the elastic column t (cost {@code cost}, entries {@code residual}) as its last variable. */
    private static MilpModel elastic(MilpModel relaxed, Node node, double[] residual, double cost) {
        MilpModel.Builder e = MilpModel.builder(relaxed.name() + "_elastic").sense(relaxed.sense())
                .objectiveOffset(relaxed.objectiveOffset());
        for (int j = 0; j < relaxed.variableCount(); j++) {
            e.continuous(relaxed.variable(j).name(), node.lower()[j], node.upper()[j]);
            e.objective(j, relaxed.objectiveCoefficient(j));
        }
        int t = e.continuous("_elastic", 0, Double.POSITIVE_INFINITY);
        e.objective(t, cost);
        for (int i = 0; i < relaxed.rowCount(); i++) {
            Row row = relaxed.row(i);
            int[] cols = row.columns();
            double[] a = row.coefficients();
            if (residual[i] != 0) {
                cols = Arrays.copyOf(cols, cols.length + 1);
                a = Arrays.copyOf(a, a.length + 1);
                cols[cols.length - 1] = t;
                a[a.length - 1] = residual[i];
            }
            e.addRow(row.name(), row.lower(), row.upper(), cols, a);
        }
        return e.build();
    }

    /** The rows' residual at the parent's point clamped to the box (0 where a row holds), null when all hold. */
    private static double[] residual(MilpModel relaxed, Node node) {
        double[] x = node.parentPoint().clone();
        for (int j = 0; j < x.length; j++) {
            x[j] = Math.max(node.lower()[j], Math.min(node.upper()[j], x[j]));
        }
        double[] r = new double[relaxed.rowCount()];
        boolean any = false;
        for (int i = 0; i < r.length; i++) {
            Row row = relaxed.row(i);
            double activity = 0;
            int[] cols = row.columns();
            double[] a = row.coefficients();
            for (int q = 0; q < cols.length; q++) {
                activity += a[q] * x[cols[q]];
            }
            double tolerance = 1e-9 * Math.max(1, Math.abs(activity));
            if (activity < row.lower() - tolerance) {
                r[i] = row.lower() - activity;
            } else if (activity > row.upper() + tolerance) {
                r[i] = row.upper() - activity;
            }
            any |= r[i] != 0;
        }
        return any ? r : null;
    }

    /**
     * M: a thousand times the costs' scale times the residual's size — large enough that a feasible
     * box's elastic optimum is usually its LP optimum (t* = 0), and where it is not, the plain LP
     * decides at the price of one more LP. Not at the scale of the objective's value (a cost of
     * 1.2e10 on flugpl's standard form let the LP's tolerances, relative to its largest cost, pull
     * the recomputed pieces below z(b)), nor of the parent's duals (an elastic LP's duals can be of
     * the size of its own M, so M would compound down the tree: 1e21 was seen on stein27).
     */
    private double elasticPenalty(double[] residual) {
        double c = 0;
        for (int j = 0; j < model.variableCount(); j++) {
            c = Math.max(c, Math.abs(model.objectiveCoefficient(j)));
        }
        double r = 0;
        for (double v : residual) {
            r += Math.abs(v);
        }
        return 1e3 * (1 + c) * (1 + r);
    }

    /**
     * Replaces the parent pieces of the infeasible leaves that need it by parent + λ·Farkas, λ ≥ 0
     * putting the leaf at the incumbent at b₀; without an incumbent every infeasible leaf is raised
     * by a fixed amount, since there is no target to stop at.
     */
    private void raise(List<InfeasibleLeaf> infeasible, Outcome out, double openFloor) {
        // lazily, no higher than the nodes never solved let F(b₀) go: on a stopped tree they bound it anyway
        double target = farkas == Farkas.ALL ? out.incumbent : Math.min(out.incumbent, openFloor);
        List<InfeasibleLeaf> chosen;
        if (farkas == Farkas.ALL || !Double.isFinite(target)) {
            chosen = infeasible.stream()
                    .filter(l -> !Double.isFinite(target) || l.parent().value(b) < target - pruneTolerance(target)).toList();
        } else {
            Map<TreeDualFunction.Node, InfeasibleLeaf> byNode = new IdentityHashMap<>();
            infeasible.forEach(l -> byNode.put(l.node().tree(), l));
            List<TreeDualFunction.Node> deficient = new ArrayList<>();
            TreeDualFunction.deficientLeaves(out.root, b, target - pruneTolerance(target), byNode::containsKey, deficient);
            chosen = deficient.stream().map(byNode::get).toList();
        }
        MilpModel atB = RightHandSide.at(model, rows, b);
        MilpModel feasibility = feasibility(atB);
        for (InfeasibleLeaf leaf : chosen) {
            Optional<AffinePiece> ray = farkasPiece(atB, feasibility, leaf.node(), out);
            if (ray.isEmpty()) {
                // no certificate of the infeasibility (the phase-one LP did not solve, or found the box
                // only barely infeasible): the parent's bound over the box stays valid, only weaker
                out.unproven++;
                continue;
            }
            leaf.node().tree().piece = raised(leaf.parent(), ray.get(), target);
            out.raised++;
        }
        for (InfeasibleLeaf leaf : infeasible) {
            out.leaves.add(leaf.node().tree().piece);
        }
    }

    /** parent + λ·farkas with λ ≥ 0 putting the leaf at the incumbent at b₀ (λ = 0 when the parent is already there). */
    private AffinePiece raised(AffinePiece parent, AffinePiece farkasPiece, double incumbent) {
        double shortfall = Double.isFinite(incumbent) ? incumbent - parent.value(b) : 1e6;
        if (!Double.isFinite(shortfall)) {
            return parent; // a parent bound of −∞ over this box: no finite multiple of the ray lifts it
        }
        double lambda = shortfall <= 0 ? 0 : shortfall / farkasPiece.value(b) * (1 + 1e-9);
        double[] g = parent.gradient();
        double[] h = farkasPiece.gradient();
        for (int i = 0; i < g.length; i++) {
            g[i] += lambda * h[i];
        }
        return new AffinePiece(g, parent.intercept() + lambda * farkasPiece.intercept());
    }

    /**
     * A piece ≤ 0 wherever the node's box is feasible and positive at b₀: the Lagrangian bound, with
     * zero costs, of the duals of min Σ (s⁺ + s⁻) s.t. each row relaxed by s⁺ − s⁻, the duals clipped
     * to [−1, 1] (where the artificials' reduced costs are nonnegative).
     */
    private Optional<AffinePiece> farkasPiece(MilpModel atB, MilpModel feasibility, Node node, Outcome out) {
        Optional<AffinePiece> single = singleRowRay(atB, feasibility, node);
        if (single.isPresent()) {
            return single;
        }
        out.farkasLps++;
        MilpModel.Builder p = MilpModel.builder(atB.name() + "_phase1");
        for (int j = 0; j < atB.variableCount(); j++) {
            p.continuous(atB.variable(j).name(), node.lower()[j], node.upper()[j]);
        }
        for (int i = 0; i < atB.rowCount(); i++) {
            Row row = atB.row(i);
            int plus = p.continuous("_art_plus_" + i, 0, Double.POSITIVE_INFINITY);
            int minus = p.continuous("_art_minus_" + i, 0, Double.POSITIVE_INFINITY);
            p.objective(plus, 1).objective(minus, 1);
            int[] cols = Arrays.copyOf(row.columns(), row.columns().length + 2);
            double[] coefs = Arrays.copyOf(row.coefficients(), cols.length);
            cols[cols.length - 2] = plus;
            coefs[cols.length - 2] = 1;
            cols[cols.length - 1] = minus;
            coefs[cols.length - 1] = -1;
            p.addRow(row.name(), row.lower(), row.upper(), cols, coefs);
        }
        SolveResult r = request.backend().solve(p.build(), Constructions.remaining(request.params(), start));
        if (r.status() != SolveStatus.OPTIMAL || r.rowDuals() == null) {
            return Optional.empty();
        }
        double[] u = new double[atB.rowCount()];
        for (int i = 0; i < u.length; i++) {
            u[i] = Math.max(-1, Math.min(1, r.rowDuals()[i]));
        }
        AffinePiece piece = LagrangianPiece.of(feasibility, rows, u, node.lower(), node.upper());
        return piece.value(b) > 1e-9 ? Optional.of(piece) : Optional.empty();
    }

    /**
     * A Farkas piece without an LP, when one row alone is violated over the whole box (its largest
     * activity below its lower side, or its smallest above its upper side): u = ±eᵢ, whose piece
     * dᵢ − max activity (or min activity − dᵢ) is positive at b₀ and ≤ 0 wherever that row can be met.
     * Branching on binaries leaves many such boxes, and each saves a phase-one LP.
     */
    private Optional<AffinePiece> singleRowRay(MilpModel atB, MilpModel feasibility, Node node) {
        int best = -1;
        double bestViolation = 0;
        double bestSign = 0;
        for (int i = 0; i < atB.rowCount(); i++) {
            Row row = atB.row(i);
            double min = 0;
            double max = 0;
            int[] cols = row.columns();
            double[] a = row.coefficients();
            for (int q = 0; q < cols.length; q++) {
                double lo = node.lower()[cols[q]];
                double hi = node.upper()[cols[q]];
                min += a[q] > 0 ? a[q] * lo : a[q] * hi;
                max += a[q] > 0 ? a[q] * hi : a[q] * lo;
            }
            double scale = 1e-9 * Math.max(1, Math.max(Math.abs(row.lower()), Math.abs(row.upper())));
            if (row.lower() - max > Math.max(scale, bestViolation)) {
                best = i;
                bestViolation = row.lower() - max;
                bestSign = 1;
            }
            if (min - row.upper() > Math.max(scale, bestViolation)) {
                best = i;
                bestViolation = min - row.upper();
                bestSign = -1;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        double[] u = new double[atB.rowCount()];
        u[best] = bestSign;
        AffinePiece piece = LagrangianPiece.of(feasibility, rows, u, node.lower(), node.upper());
        return piece.value(b) > 1e-9 ? Optional.of(piece) : Optional.empty();
    }

    /** The model with a zero objective: the Lagrangian bound of a ray is then the ray's piece. */
    private static MilpModel feasibility(MilpModel atB) {
        MilpModel.Builder zero = atB.toBuilder(atB.name() + "_feasibility");
        for (int j = 0; j < atB.variableCount(); j++) {
            zero.objective(j, 0);
        }
        return zero.objectiveOffset(0).sense(Sense.MINIMIZE).build();
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
    private int mostFractional(double[] x) {
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

    private static double pruneTolerance(double incumbent) {
        return Double.isFinite(incumbent) ? 1e-9 * Math.max(1, Math.abs(incumbent)) : 0;
    }
}
