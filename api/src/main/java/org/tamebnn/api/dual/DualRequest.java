package org.tamebnn.api.dual;

import java.util.Map;
import java.util.Optional;

import org.tamebnn.api.milp.CancellationToken;
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
 * @param listener hears the progress of a construction that grows (a tree); @since 1.2
 * @param cancel stops a construction that grows, which then returns what it has, certified as
 *     far as it goes (as at a time limit); @since 1.2
 */
public record DualRequest(int[] rows, Optional<double[]> at, MilpSolver backend, SolveParams params,
        Map<String, String> options, DualListener listener, CancellationToken cancel) {

    public DualRequest {
        rows = rows.clone();
        at = at.map(double[]::clone);
        options = Map.copyOf(options);
        listener = listener == null ? DualListener.NONE : listener;
        cancel = cancel == null ? CancellationToken.none() : cancel;
    }

    /** A request no one listens to and no one cancels. */
    public DualRequest(int[] rows, Optional<double[]> at, MilpSolver backend, SolveParams params,
            Map<String, String> options) {
        this(rows, at, backend, params, options, DualListener.NONE, CancellationToken.none());
    }

    /** Every row varies, built at the model's own right-hand side, default limits, no options. */
    public static DualRequest of(MilpSolver backend) {
        return new DualRequest(new int[0], Optional.empty(), backend, SolveParams.defaults(), Map.of());
    }

    public DualRequest withRows(int... newRows) {
        return new DualRequest(newRows, at, backend, params, options, listener, cancel);
    }

    public DualRequest at(double... b) {
        return new DualRequest(rows, Optional.of(b), backend, params, options, listener, cancel);
    }

    public DualRequest withParams(SolveParams newParams) {
        return new DualRequest(rows, at, backend, newParams, options, listener, cancel);
    }

    public DualRequest withOption(String name, String value) {
        var m = new java.util.HashMap<>(options);
        m.put(name, value);
        return new DualRequest(rows, at, backend, params, m, listener, cancel);
    }

    /** @since 1.2 */
    public DualRequest withListener(DualListener newListener) {
        return new DualRequest(rows, at, backend, params, options, newListener, cancel);
    }

    /** @since 1.2 */
    public DualRequest withCancellation(CancellationToken token) {
        return new DualRequest(rows, at, backend, params, options, listener, token);
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
