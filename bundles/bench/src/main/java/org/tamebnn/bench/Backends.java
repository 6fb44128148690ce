package org.tamebnn.bench;

import java.util.List;

import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.api.milp.MilpSolvers;

/**
 * The MILP backends the benchmarks run, by service name, outside OSGi: the plugin jars on the
 * benchmark's class path, found as any plain-Java user finds them ({@link MilpSolvers}).
 */
final class Backends {
    /** In the order the tables show them; SCIP and HiGHS through OR-Tools each beside its direct adapter. */
    static final List<String> MILP = List.of("ojalgo", "ortools-scip", "scip", "ortools-cpsat", "ortools-highs", "highs",
            "ortools-cbc", "lpsolve");

    private Backends() {
    }

    /** A fresh instance of the backend named {@code name}. */
    static MilpSolver create(String name) {
        return MilpSolvers.create(name);
    }
}
