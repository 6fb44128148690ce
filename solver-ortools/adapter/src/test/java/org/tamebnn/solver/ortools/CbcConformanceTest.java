package org.tamebnn.solver.ortools;

import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.tck.MilpSolverConformanceTest;

class CbcConformanceTest extends MilpSolverConformanceTest {
    @Override
    protected MilpSolver solver() {
        return new CbcSolver();
    }
}
