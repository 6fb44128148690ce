package org.tamebnn.solver.ortools;

import java.util.Map;

import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.tck.MilpSolverConformanceTest;
import org.tamebnn.tck.TckConfig;

/** The whole kit on SCIP through its own C API, its progress and MIP-start tests included. */
class DirectScipConformanceTest extends MilpSolverConformanceTest {
    @Override
    protected MilpSolver solver() {
        return new DirectScipSolver();
    }

    @Override
    protected TckConfig config() {
        return TckConfig.defaults();
    }

    @Override
    protected Map.Entry<String, String> sampleOption() {
        return Map.entry("limits/stallnodes", "1000");
    }
}
