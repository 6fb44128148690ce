package org.tamebnn.solver.ojalgo;

import org.tamebnn.api.milp.MilpSolver;
import org.tamebnn.tck.MilpSolverConformanceTest;
import org.tamebnn.tck.TckConfig;

class OjAlgoConformanceTest extends MilpSolverConformanceTest {
    @Override
    protected MilpSolver solver() {
        return new OjAlgoSolver();
    }

    @Override
    protected TckConfig config() {
        // Found by this kit and reproduced with ojAlgo alone, outside this project (57.0.0 and 57.1.0;
        // 56.1.1 fails it too once x and y get upper bounds of 10).
        return TckConfig.defaults().withKnownDefect("generalIntegers",
                "ojAlgo 57.1.0 returns OPTIMAL 1 at (0, 1) for max x + y, -2x + 2y >= 1, -8x + 10y <= 13, "
                        + "x, y >= 0 integer; the optimum is 3 at (1, 2)");
    }
}
