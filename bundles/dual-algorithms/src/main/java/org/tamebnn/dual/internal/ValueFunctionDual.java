package org.tamebnn.dual.internal;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tamebnn.api.dual.Certificate;
import org.tamebnn.api.dual.DualConstructor;
import org.tamebnn.api.dual.DualFunction;
import org.tamebnn.api.dual.DualRequest;
import org.tamebnn.api.dual.DualResult;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.dual.PiecewiseLinearFit;
import org.tamebnn.dual.ValueFunction1D;

/**
 * The exact value function as a dual function (notes §4.7; the optimal solution of the subadditive
 * dual): by certified parametric solving on a MILP backend ({@link ValueFunction1D}), for one
 * varying row on an interval around b₀ (options {@code lo}, {@code hi}; default b₀ ± 4·max(1, |b₀|)).
 * With option {@code pieces=k}, the best k-piece fit of it that stays below z (the Taming paper's
 * (14)) instead. Exact on the interval, −∞ outside.
 */
@Component(service = DualConstructor.class, property = DualConstructor.NAME_PROPERTY + "=" + ValueFunctionDual.NAME)
public final class ValueFunctionDual implements DualConstructor {
    static final String NAME = "value-function";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the exact value function in one right-hand side on an interval (parametric solving), or its best"
                + " k-piece fit below it (Aspman et al. (14))";
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
        return "one varying row (a right-hand side of dimension 1), any MILP bounded there";
    }

    @Override
    public Set<String> options() {
        return Set.of("lo", "hi", "pieces");
    }

    @Override
    public DualResult construct(MilpModel model, DualRequest request) {
        long start = System.nanoTime();
        Optional<DualResult> refused = Constructions.refused(this, model, request, start);
        if (refused.isPresent()) {
            return refused.get();
        }
        int[] rows = Constructions.rows(model, request);
        if (rows.length != 1) {
            return DualResult.notApplicable(NAME, "the exact value function is computed for one varying row; this"
                    + " request varies " + rows.length + " (choose one with --rows)", Constructions.since(start));
        }
        double b = Constructions.at(model, request, rows)[0];
        double reach = 4 * Math.max(1, Math.abs(b));
        double lo = Constructions.option(request, "lo", b - reach);
        double hi = Constructions.option(request, "hi", b + reach);
        int k = (int) Constructions.option(request, "pieces", 0);
        MilpModel atB = org.tamebnn.api.dual.RightHandSide.at(model, rows, new double[] { b });
        ValueFunction1D z;
        try {
            z = ValueFunction1D.compute(atB, rows[0], lo, hi, request.backend());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return DualResult.notApplicable(NAME, e.getMessage(), Constructions.since(start));
        }
        DualFunction f = k > 0 ? PiecewiseLinearFit.best(PiecewiseLinearFit.Target.of(z), k,
                PiecewiseLinearFit.Kind.BELOW).asDualFunction() : z.asDualFunction();
        String message = z.certified() ? "" : "not certified everywhere: " + String.join("; ", z.unresolved());
        return DualResult.built(NAME, f, f.value(new double[] { b }), message, Constructions.since(start));
    }
}
