package org.tamebnn.solver.ortools;

import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.tck.MilpSolverConformanceTest;

class ClpConformanceTest extends MilpSolverConformanceTest {
    @Override
    protected MilpSolver solver() {
        return new ClpSolver();
    }
}
