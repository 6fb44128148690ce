package org.tamebnn.dual.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.tamebnn.api.dual.DualConstructor;
import org.tamebnn.api.dual.DualRequest;
import org.tamebnn.api.dual.DualResult;
import org.tamebnn.api.dual.RightHandSide;
import org.tamebnn.api.milp.Capability;
import org.tamebnn.api.milp.MilpModel;
import org.tamebnn.api.milp.SolveParams;
import org.tamebnn.api.milp.Variable;

/** What every construction does first: the varying rows, b₀, the backend's capabilities, the time budget. */
final class Constructions {
    private Constructions() {
    }

    /** Why the request cannot be served as asked, or empty: unknown rows, a backend lacking a capability. */
    static Optional<String> refusal(MilpModel model, DualRequest request, Set<Capability> needs) {
        try {
            RightHandSide.varying(model, request.rows());
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (request.backend() == null) {
            return Optional.of("no backend given");
        }
        for (Capability c : needs) {
            if (!request.backend().info().supports(c)) {
                return Optional.of("backend " + request.backend().info().name() + " does not declare " + c
                        + " (choose one that does; see solver:list)");
            }
        }
        if (!request.backend().availability().isAvailable()) {
            return Optional.of("backend " + request.backend().info().name() + " is unavailable: "
                    + request.backend().availability().reason());
        }
        return Optional.empty();
    }

    /**
     * The answer to give instead of constructing, if any: "not applicable" with the reason when the
     * request cannot be served as asked ({@link #refusal}) or names an option outside the method's own.
     */
    static Optional<DualResult> refused(DualConstructor method, MilpModel model, DualRequest request, long startNanos) {
        return refusal(model, request, method.needs()).or(() -> unknownOption(request, method.options()))
                .map(why -> DualResult.notApplicable(method.name(), why, since(startNanos)));
    }

    static int[] rows(MilpModel model, DualRequest request) {
        return RightHandSide.varying(model, request.rows());
    }

    /** b₀: the requested right-hand side, or the model's own. */
    static double[] at(MilpModel model, DualRequest request, int[] rows) {
        double[] b = request.at().orElseGet(() -> RightHandSide.of(model, rows));
        if (b.length != rows.length) {
            throw new IllegalArgumentException("right-hand side of length " + b.length + " for " + rows.length
                    + " varying rows");
        }
        return b;
    }

    /** Solve parameters with what is left of the construction's time limit (at least 1 ms). */
    static SolveParams remaining(SolveParams params, long startNanos) {
        return params.timeLimit().map(limit -> {
            Duration left = limit.minus(Duration.ofNanos(System.nanoTime() - startNanos));
            return params.withTimeLimit(left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left);
        }).orElse(params);
    }

    static boolean outOfTime(SolveParams params, long startNanos) {
        return params.timeLimit().map(l -> System.nanoTime() - startNanos >= l.toNanos()).orElse(false);
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Whether the model is in the form (7) is stated for: x ≥ 0 without upper bounds, every row varying. */
    static boolean standardForm(MilpModel model, int[] rows) {
        if (rows.length != model.rowCount()) {
            return false;
        }
        for (Variable v : model.variables()) {
            if (v.lower() != 0 || v.upper() != Double.POSITIVE_INFINITY) {
                return false;
            }
        }
        return true;
    }

    static double option(DualRequest request, String name, double fallback) {
        String v = request.options().get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + " must be a number, got '" + v + "'");
        }
    }

    /** Why the option {@code name} is none of {@code allowed}, or empty (also when it is absent). */
    static Optional<String> choice(DualRequest request, String name, String... allowed) {
        String v = request.options().get(name);
        if (v == null || java.util.Arrays.asList(allowed).contains(v)) {
            return Optional.empty();
        }
        return Optional.of("option " + name + " must be " + String.join(" or ", allowed) + ", not '" + v + "'");
    }

    /** Refuses options the method does not know, naming the ones it does. */
    static Optional<String> unknownOption(DualRequest request, Set<String> known) {
        for (String name : request.options().keySet()) {
            if (!known.contains(name)) {
                return Optional.of("unknown option '" + name + "' (this method takes: "
                        + (known.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(known))) + ")");
            }
        }
        return Optional.empty();
    }
}
