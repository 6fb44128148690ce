package org.tamebnn.dual.internal;

import java.util.ArrayList;
import java.util.List;

import org.tamebnn.api.dual.AffinePiece;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.dual.DualFunction;

/**
 * A branch-and-bound dual evaluated through the whole tree, interior nodes included (notes §4.5,
 * SYMPHONY's {@code get_lb_for_new_rhs}): Φ(t, d) = max{ piece_t(d), min over t's children of
 * Φ(s, d) }, Φ(leaf, d) = piece_leaf(d), F(d) = Φ(root, d). Both arguments of the max bound z over
 * t's box (the node's own LP-dual bound, and the children's, which partition its integer points), so
 * F is valid wherever the leaves-only minimum is, and at least as large.
 */
final class TreeDualFunction implements DualFunction {

    /** A node of the tree: its own bound over its box and its children (none for a leaf). */
    static final class Node {
        AffinePiece piece;
        final List<Node> children = new ArrayList<>();
    }

    private final int[] rows;
    private final Node root;
    private final List<AffinePiece> pieces;
    private final Certificate certificate;
    private final String description;

    TreeDualFunction(int[] rows, Node root, Certificate certificate, String description) {
        this.rows = rows.clone();
        this.root = root;
        List<AffinePiece> all = new ArrayList<>();
        collect(root, all);
        this.pieces = List.copyOf(all);
        this.certificate = certificate;
        this.description = description;
    }

    private static void collect(Node n, List<AffinePiece> out) {
        out.add(n.piece);
        n.children.forEach(c -> collect(c, out));
    }

    /** Φ(node, d) with the gradients of the pieces that attain it. */
    private record Value(double value, List<double[]> active) {
    }

    private static Value phi(Node n, double[] d) {
        double own = n.piece.value(d);
        if (n.children.isEmpty()) {
            return new Value(own, List.of(n.piece.gradient()));
        }
        double least = Double.POSITIVE_INFINITY;
        List<Value> values = new ArrayList<>();
        for (Node c : n.children) {
            Value v = phi(c, d);
            values.add(v);
            least = Math.min(least, v.value());
        }
        double tolerance = 1e-9 * Math.max(1, Math.abs(least));
        List<double[]> fromChildren = new ArrayList<>();
        for (Value v : values) {
            if (v.value() <= least + tolerance) {
                fromChildren.addAll(v.active());
            }
        }
        double top = Math.max(own, least);
        double t2 = 1e-9 * Math.max(1, Math.abs(top));
        List<double[]> active = new ArrayList<>();
        if (own >= top - t2) {
            active.add(n.piece.gradient());
        }
        if (least >= top - t2) {
            active.addAll(fromChildren);
        }
        return new Value(top, active);
    }

    /**
     * The leaves accepted by {@code candidate} that keep Φ(node, d) below {@code threshold}: walking
     * down from {@code node}, a subtree whose own piece reaches the threshold at d is skipped (the max
     * in Φ already holds it up), as is a child whose Φ reaches it.
     */
    static void deficientLeaves(Node node, double[] d, double threshold, java.util.function.Predicate<Node> candidate,
            List<Node> out) {
        if (node.piece != null && node.piece.value(d) >= threshold) {
            return;
        }
        if (node.children.isEmpty()) {
            if (candidate.test(node)) {
                out.add(node);
            }
            return;
        }
        for (Node c : node.children) {
            if (phi(c, d).value() < threshold) {
                deficientLeaves(c, d, threshold, candidate, out);
            }
        }
    }

    @Override
    public int[] rows() {
        return rows.clone();
    }

    @Override
    public double value(double[] d) {
        return phi(root, d).value();
    }

    @Override
    public List<double[]> conservativeField(double[] d) {
        Value v = phi(root, d);
        return v.value() == Double.NEGATIVE_INFINITY ? List.of() : distinct(v.active());
    }

    private static List<double[]> distinct(List<double[]> gradients) {
        List<double[]> out = new ArrayList<>();
        for (double[] g : gradients) {
            if (out.stream().noneMatch(h -> java.util.Arrays.equals(g, h))) {
                out.add(g);
            }
        }
        return out;
    }

    @Override
    public List<AffinePiece> pieces() {
        return pieces;
    }

    @Override
    public Certificate certificate() {
        return certificate;
    }

    @Override
    public String describe() {
        return description;
    }
}
