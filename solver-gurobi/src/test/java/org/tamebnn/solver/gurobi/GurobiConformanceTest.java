package org.tamebnn.solver.gurobi;

import java.util.Map;

import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.tck.MilpSolverConformanceTest;

/**
 * The whole kit against Gurobi. Without a licence (as on the machines this project is built on)
 * the kit's availability check skips every test, and each skip gives Gurobi's reason.
 */
class GurobiConformanceTest extends MilpSolverConformanceTest {
    @Override
    protected MilpSolver solver() {
        return new GurobiSolver();
    }

    /** MIPFocus 1: look for feasible solutions first; any valid value of a real parameter would do. */
    @Override
    protected Map.Entry<String, String> sampleOption() {
        return Map.entry("MIPFocus", "1");
    }
}
