package org.tamebnn.dual.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.numbers.fraction.BigFraction;
import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.dual.AffinePiece;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.dual.DualConstructor;
import org.tamebnn.api.dual.DualFunction;
import org.tamebnn.api.dual.DualRequest;
import org.tamebnn.api.dual.DualResult;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.dual.StandardForm;
import org.tamebnn.dual.internal.CuttingPlaneDual.Chvatal;
import org.tamebnn.dual.internal.CuttingPlaneDual.Cut;

/**
 * The branch-and-cut dual (notes §4.6): the branch and bound of {@link BranchAndBoundDual} run on
 * the standard form strengthened by Gomory cuts whose derivations are kept, so that every cut is a
 * function of the right-hand side. With F_1, …, F_K the cut functions of {@link CuttingPlaneDual}
 * (Chvátal or Gomory functions of the standard right-hand side D(d), valid for every d: cut k is
 * Σ_j F_k(a_j) x_j ≥ F_k(D(d))), each node t of the tree bounds z over its box by
 *
 * <pre>
 *   u^t·D(d) + Σ_k w^t_k F_k(D(d)) + Σ_j min over the box of r^t_j x_j,     w^t ≥ 0,
 * </pre>
 *
 * the Lagrangian bound of its LP duals (u^t, w^t) over the augmented rows ({@link LagrangianPiece}),
 * and F_BC(d) = Φ(root, D(d)) + κ through the tree as for branch and bound ({@link
 * TreeDualFunction}). It is valid because every cut holds at every integer point feasible at any d;
 * strong at b₀ when the tree completes; and stronger than branch and bound wherever the cuts tighten
 * the leaves' LPs.
 *
 * <p>The cuts are generated at the root and kept at every node (globally valid cuts only: cuts
 * derived from a node's branching bounds would be functions of the box as well, notes §4.6); so the
 * method applies where {@code gomory} does, to models whose standard form fits its exact simplex,
 * and says so otherwise. The conservative field chains the tree's active gradients (u, w) through
 * the cut functions' gradients (u + Σ w_k ∇F_k), one-sided at the roundings' breakpoints as for
 * {@code gomory}.
 *
 * <p>Options: those of {@code gomory} ({@code rounds}, {@code cuts}, {@code family},
 * {@code maxDenominatorBits}) for the root cuts and those of {@code bb} ({@code nodes},
 * {@code incumbent} in the model's sense, {@code farkas}) for the tree.
 */
@Component(service = DualConstructor.class, property = DualConstructor.NAME_PROPERTY + "=" + BranchAndCutDual.NAME)
public final class BranchAndCutDual implements DualConstructor {
    static final String NAME = "bc";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "branch-and-cut dual: root Gomory cuts kept as functions of the right-hand side, then the LP branch and"
                + " bound with them; min over the leaves of u·d + Σ w_k F_k(d)";
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
        return "MILPs whose standard form fits the exact simplex of gomory (at most " + CuttingPlaneDual.MAX_STANDARD_ROWS
                + " rows); exact at b when the tree completes";
    }

    @Override
    public Set<String> options() {
        return Set.of("rounds", "cuts", "family", "maxDenominatorBits", "nodes", "incumbent", "farkas", "order");
    }

    @Override
    public DualResult construct(MilpModel model, DualRequest request) {
        long start = System.nanoTime();
        Optional<DualResult> refused = Constructions.refused(this, model, request, start);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<String> badOption = Constructions.choice(request, "farkas", "lazy", "all")
                .or(() -> Constructions.choice(request, "order", "best", "depth"));
        if (badOption.isPresent()) {
            return DualResult.notApplicable(NAME, badOption.get(), Constructions.since(start));
        }
        int[] rows = Constructions.rows(model, request);
        double[] b = Constructions.at(model, request, rows);
        CuttingPlaneDual.CutRun run = CuttingPlaneDual.cutRun(model, request, start, rows, b);
        if (run.failure != null) {
            return DualResult.notApplicable(NAME, run.failure, Constructions.since(start));
        }
        StandardForm form = run.form;
        List<Cut> cuts = run.outcome.cuts;
        double[] y0 = lift(cuts, PureIntegerSetting.exactRhs(form, b));
        MilpModel augmented = augmented(form, cuts, y0);
        int[] allRows = new int[augmented.rowCount()];
        Arrays.setAll(allRows, i -> i);
        // the incumbent in the standard form's terms: z_std = ρ·objective − κ
        double incumbent = Constructions.option(request, "incumbent", Double.NaN);
        double standardIncumbent = Double.isNaN(incumbent) ? Double.POSITIVE_INFINITY
                : form.objectiveSign() * incumbent - form.constant();
        LpTreeSearch.Farkas farkas = "all".equals(request.options().get("farkas")) ? LpTreeSearch.Farkas.ALL
                : LpTreeSearch.Farkas.LAZY;
        LpTreeSearch.Outcome tree = new LpTreeSearch(augmented, allRows, y0, request, start,
                (int) Constructions.option(request, "nodes", 20000), true, farkas, LpTreeSearch.order(request))
                .run(standardIncumbent);
        if (tree.failure != null) {
            return DualResult.notApplicable(NAME, tree.failure, Constructions.since(start));
        }
        if (tree.leaves.isEmpty()) {
            return DualResult.notApplicable(NAME, "the tree has no leaf", Constructions.since(start));
        }
        String cutSummary = cuts.size() + " root " + (run.fractional ? "fractional" : "GMI") + " cut"
                + (cuts.size() == 1 ? "" : "s") + " in " + run.outcome.rounds + " round"
                + (run.outcome.rounds == 1 ? "" : "s");
        Certificate certificate = new Certificate(Certificate.Kind.VALID_BY_CONSTRUCTION,
                BranchAndBoundDual.tolerance(tree.incumbent), cutSummary + ", each a Chvátal/Gomory function of the"
                        + " standard right-hand side valid at every d; " + BranchAndBoundDual.evidence(tree, request)
                        + " over the standard form with the cuts; every piece's reduced costs recomputed from its duals");
        String description = "branch-and-cut dual: " + cutSummary + ", then " + BranchAndBoundDual.count(tree.solved, "LP")
                + " and " + BranchAndBoundDual.count(tree.leaves.size(), "leaf") + " through the tree";
        CutTreeFunction f = new CutTreeFunction(form, cuts, new TreeDualFunction(allRows, tree.root, certificate,
                description), certificate, description);
        double atB0 = f.value(b);
        int rho = form.objectiveSign();
        String message = tree.stop.isEmpty()
                ? String.format(Locale.ROOT, "tree complete after %s: F(b) = %.9g%s", cutSummary, rho * atB0,
                        Double.isFinite(tree.incumbent) ? String.format(Locale.ROOT, ", incumbent %.9g",
                                rho * form.originalValue(tree.incumbent)) : "")
                : "tree stopped (" + tree.stop + ") after " + cutSummary + " and " + tree.solved
                        + " LPs: F(b) is the tree's bound, not z(b)";
        return DualResult.built(NAME, f, atB0, message, Constructions.since(start));
    }

    /** The augmented right-hand side (D, F_1(D), …, F_K(D)) as doubles. */
    static double[] lift(List<Cut> cuts, BigFraction[] standardRhs) {
        BigFraction[] fk = Chvatal.values(cuts, standardRhs);
        double[] y = new double[standardRhs.length + fk.length];
        for (int i = 0; i < standardRhs.length; i++) {
            y[i] = standardRhs[i].doubleValue();
        }
        for (int k = 0; k < fk.length; k++) {
            y[standardRhs.length + k] = fk[k].doubleValue();
        }
        return y;
    }

    /** The standard form at y's first m values with cut k as the row Σ_j F_k(a_j) x_j ≥ y[m + k]. */
    private static MilpModel augmented(StandardForm form, List<Cut> cuts, double[] y) {
        int m = form.rowCount();
        MilpModel.Builder builder = form.toModel(form.model().name() + "_cuts", Arrays.copyOf(y, m))
                .toBuilder(form.model().name() + "_cuts");
        for (int k = 0; k < cuts.size(); k++) {
            BigFraction[] row = cuts.get(k).coefficients();
            List<Integer> cols = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int j = 0; j < row.length; j++) {
                if (!row[j].isZero()) {
                    cols.add(j);
                    values.add(row[j].doubleValue());
                }
            }
            builder.addRow("_cut_" + (k + 1), y[m + k], Double.POSITIVE_INFINITY,
                    cols.stream().mapToInt(Integer::intValue).toArray(),
                    values.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return builder.build();
    }

    /** F_BC(d) = Φ(root, lift(D(d))) + κ, and its field chained through the cut functions. */
    private static final class CutTreeFunction implements DualFunction {
        private final StandardForm form;
        private final List<Cut> cuts;
        private final TreeDualFunction tree;
        private final Certificate certificate;
        private final String description;

        CutTreeFunction(StandardForm form, List<Cut> cuts, TreeDualFunction tree, Certificate certificate,
                String description) {
            this.form = form;
            this.cuts = cuts;
            this.tree = tree;
            this.certificate = certificate;
            this.description = description;
        }

        @Override
        public int[] rows() {
            return form.varyingRows();
        }

        @Override
        public double value(double[] d) {
            return form.originalValue(tree.value(lift(cuts, PureIntegerSetting.exactRhs(form, d))));
        }

        @Override
        public List<double[]> conservativeField(double[] d) {
            BigFraction[] standardRhs = PureIntegerSetting.exactRhs(form, d);
            int m = form.rowCount();
            List<double[]> out = new ArrayList<>();
            for (double[] g : tree.conservativeField(lift(cuts, standardRhs))) {
                // u + Σ w_k ∇F_k: the cutting-plane function with v = u and weights w has exactly these gradients
                var chained = new CuttingPlaneDual.GomoryFunction(form, cuts, Rationals.of(Arrays.copyOf(g, m)),
                        Rationals.of(Arrays.copyOfRange(g, m, g.length)), certificate, true, "", false);
                for (double[] h : chained.standardField(standardRhs)) {
                    double[] gradient = form.varyingGradient(h);
                    if (out.stream().noneMatch(x -> Arrays.equals(x, gradient))) {
                        out.add(gradient);
                    }
                }
            }
            return out;
        }

        /** None in d: the pieces are affine in (D(d), F(D(d))), not in d. */
        @Override
        public List<AffinePiece> pieces() {
            return List.of();
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
}
