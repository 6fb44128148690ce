package org.tamebnn.api.dual;

import java.util.Map;
import java.util.Optional;

import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.SolveParams;

/**
 * What to build a dual function for.
 *
 * @param rows the rows whose right-hand side varies (d's coordinates); empty means every row
 * @param at the right-hand side to build at, b₀ (strong methods are exact there); empty means the
 *     model's own
 * @param backend the solver the method runs its LPs or MILPs on
 * @param params limits for the whole construction (its time limit) and for the solves in it
 * @param options method-specific settings by name (such as {@code rounds} for cutting planes),
 *     each documented by the method; unknown names are refused
 */
public record DualRequest(int[] rows, Optional<double[]> at, MilpSolver backend, SolveParams params,
        Map<String, String> options) {

    public DualRequest {
        rows = rows.clone();
        at = at.map(double[]::clone);
        options = Map.copyOf(options);
    }

    /** Every row varies, built at the model's own right-hand side, default limits, no options. */
    public static DualRequest of(MilpSolver backend) {
        return new DualRequest(new int[0], Optional.empty(), backend, SolveParams.defaults(), Map.of());
    }

    public DualRequest withRows(int... newRows) {
        return new DualRequest(newRows, at, backend, params, options);
    }

    public DualRequest at(double... b) {
        return new DualRequest(rows, Optional.of(b), backend, params, options);
    }

    public DualRequest withParams(SolveParams newParams) {
        return new DualRequest(rows, at, backend, newParams, options);
    }

    public DualRequest withOption(String name, String value) {
        var m = new java.util.HashMap<>(options);
        m.put(name, value);
        return new DualRequest(rows, at, backend, params, m);
    }

    @Override
    public int[] rows() {
        return rows.clone();
    }

    @Override
    public Optional<double[]> at() {
        return at.map(double[]::clone);
    }
}
