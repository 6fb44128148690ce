package org.tamebnn.dual.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tamebnn.api.dual.DualFunction;
import org.tamebnn.api.dual.DualRequest;
import org.tamebnn.api.dual.DualResult;
import org.tamebnn.api.milp.MilpSolvers;
import org.tamebnn.dual.RunningExample;

class ValueFunctionDualTest {

    @Test
    void theValueFunctionMethodIsZOnItsIntervalAndItsFitStaysBelow() {
        DualRequest request = DualRequest.of(MilpSolvers.create("ortools-scip")).withOption("lo", "-4")
                .withOption("hi", "4");
        DualResult exact = new ValueFunctionDual().construct(RunningExample.model(0.5), request);
        DualFunction z = exact.function().orElseThrow(() -> new AssertionError(exact.message()));
        assertEquals(1, exact.valueAtB(), 1e-9);
        DualResult fit = new ValueFunctionDual().construct(RunningExample.model(0.5), request.withOption("pieces", "3"));
        DualFunction f = fit.function().orElseThrow(() -> new AssertionError(fit.message()));
        for (double d = -4; d <= 4; d += 1.0 / 32) {
            assertEquals(RunningExample.valueFunction(d), z.value(new double[] { d }), 1e-7, "z(" + d + ")");
            assertTrue(f.value(new double[] { d }) <= RunningExample.valueFunction(d) + 1e-7, "fit ≤ z at " + d);
        }
        assertEquals(3, f.pieces().stream().filter(p -> Double.isFinite(p.intercept())).count(), f.describe());
    }

    @Test
    void moreThanOneVaryingRowIsRefusedWithTheReason() {
        var m = org.tamebnn.api.milp.MilpModel.builder("two");
        int x = m.integer("x", 0, 5);
        m.objective(x, 1);
        m.row("a").term(x, 1).atLeast(1);
        m.row("b").term(x, 2).atLeast(1);
        DualResult r = new ValueFunctionDual().construct(m.build(), DualRequest.of(MilpSolvers.create("ortools-scip")));
        assertTrue(r.message().contains("computed for one varying row; this request varies 2"), r.message());
    }
}
