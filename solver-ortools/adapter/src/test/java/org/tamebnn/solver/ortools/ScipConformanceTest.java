package org.tamebnn.solver.ortools;

import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.tck.MilpSolverConformanceTest;

class ScipConformanceTest extends MilpSolverConformanceTest {
    @Override
    protected MilpSolver solver() {
        return new ScipSolver();
    }
}
