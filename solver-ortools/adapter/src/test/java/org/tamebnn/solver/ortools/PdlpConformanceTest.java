package org.tamebnn.solver.ortools;

import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.tck.MilpSolverConformanceTest;
import org.tamebnn.tck.TckConfig;

class PdlpConformanceTest extends MilpSolverConformanceTest {
    @Override
    protected MilpSolver solver() {
        return new PdlpSolver();
    }

    @Override
    protected TckConfig config() {
        return TckConfig.defaults().withKnownDefect("unboundedLp", "OR-Tools 9.15 maps PDLP's 'dual infeasible'"
                + " (unbounded) termination, like its iteration limit and numerical failures, to NOT_SOLVED, and"
                + " drops PDLP's termination reason; ortools-pdlp therefore answers ERROR, not UNBOUNDED")
                .withKnownDefect("veryLargeAndVerySmallCoefficients", "PDLP, a first-order method, does not"
                        + " converge on coefficients spanning 1e-6 to 1e12 (OR-Tools reports NOT_SOLVED, ortools-pdlp"
                        + " answers ERROR); use GLOP or CLP for badly scaled LPs");
    }
}
