package org.tamebnn.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.solver.lpsolve.LpSolveSolver;
import org.tamebnn.solver.ojalgo.OjAlgoSolver;
import org.tamebnn.solver.ortools.CbcSolver;
import org.tamebnn.solver.ortools.CpSatSolver;
import org.tamebnn.solver.ortools.HighsSolver;
import org.tamebnn.solver.ortools.ScipSolver;

/** The MILP backends the benchmarks run, by service name, outside OSGi (a fresh instance per call). */
final class Backends {
    /** In the order the tables show them. */
    static final Map<String, Supplier<MilpSolver>> MILP = new LinkedHashMap<>();

    static {
        MILP.put("ojalgo", OjAlgoSolver::new);
        MILP.put("ortools-scip", ScipSolver::new);
        MILP.put("ortools-cpsat", CpSatSolver::new);
        MILP.put("ortools-highs", HighsSolver::new);
        MILP.put("ortools-cbc", CbcSolver::new);
        MILP.put("lpsolve", LpSolveSolver::new);
    }

    private Backends() {
    }

    static MilpSolver create(String name) {
        Supplier<MilpSolver> s = MILP.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no benchmark backend " + name);
        }
        return s.get();
    }
}
