package org.tamebnn.solver.portfolio;

import java.util.List;

import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.solver.ojalgo.OjAlgoSolver;
import org.tamebnn.solver.ortools.HighsSolver;
import org.tamebnn.solver.ortools.ScipSolver;
import org.tamebnn.tck.MilpSolverConformanceTest;

/** The portfolio of SCIP, HiGHS and ojAlgo passes the same kit as each of them. */
class PortfolioConformanceTest extends MilpSolverConformanceTest {
    @Override
    protected MilpSolver solver() {
        return new PortfolioSolver(List.of(new ScipSolver(), new HighsSolver(), new OjAlgoSolver()));
    }
}
