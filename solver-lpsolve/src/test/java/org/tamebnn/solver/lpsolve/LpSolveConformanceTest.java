package org.tamebnn.solver.lpsolve;

import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.tck.MilpSolverConformanceTest;

/**
 * The whole kit against lp_solve with the adapter's settings, which pass every test without a
 * declared defect (lp_solve's library defaults would not: see LpSolveSettings). Without the
 * library, the kit's availability check skips every test with the install hint as the reason.
 * p0282 runs to the kit's 20 s limit: an honest TIME_LIMIT with a checked incumbent.
 */
class LpSolveConformanceTest extends MilpSolverConformanceTest {
    @Override
    protected MilpSolver solver() {
        return new LpSolveSolver();
    }
}
